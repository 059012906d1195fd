package app.previsit.conversation;

import static app.previsit.testing.RunningServer.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.previsit.config.Config;
import app.previsit.dialogue.Conversation;
import app.previsit.dialogue.ConversationCodec;
import app.previsit.dialogue.Dialogue;
import app.previsit.dialogue.Next;
import app.previsit.dialogue.PatientInput;
import app.previsit.invitation.Invitation;
import app.previsit.invitation.InvitationStatus;
import app.previsit.invitation.Tokens;
import app.previsit.nlu.OpenNlpUnderstanding;
import app.previsit.store.memory.MemoryStores;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The transcript lives in the store's append-only log, not in the state read and written each turn.
 * What the patient sees in /history must still be exactly what the pure core produced.
 */
class TranscriptLogTest {
  private final Config config = Config.from(Map.of());
  private final Clock clock = Clock.fixed(Instant.parse("2026-11-30T10:00:00Z"), ZoneOffset.UTC);
  private final Dialogue dialogue = StoredConversationService.dialogueFor(config, OpenNlpUnderstanding.shared());
  private final MemoryStores stores = new MemoryStores();
  private final StoredConversationService service = new StoredConversationService(stores, dialogue, clock, config);

  private static final List<PatientInput> SCRIPT = List.of(new PatientInput.Button("Let's start"),
      new PatientInput.Text("my knee has been swollen for 3 weeks"), new PatientInput.Button("7"),
      new PatientInput.Text("maybe arthritis"), new PatientInput.Command("back", null),
      new PatientInput.Text("maybe gout"), new PatientInput.Text("that I'll need an operation"),
      new PatientInput.Text("a scan"), new PatientInput.Command("help", null));

  private Invitation invitation() throws Exception {
    Instant now = clock.instant();
    return await(stores.invitations().create(new Invitation(Tokens.id(), Tokens.linkToken(), "Lou",
        LocalDateTime.of(2026, 12, 2, 9, 0), "Dr L", null, InvitationStatus.INVITED, now, now.plusSeconds(86400 * 3), null,
        null, null)));
  }

  @Test
  void historyIsExactlyTheTranscriptOfThePureCoreAndTheStateStaysSmall() throws Exception {
    Invitation inv = invitation();
    Next expected = dialogue.start("Lou", clock.instant());
    await(service.open(inv));
    int i = 0;
    for (PatientInput in : SCRIPT) {
      expected = dialogue.update(expected.conversation(), in, clock.instant());
      Turn t = await(service.handle(inv, in, "m" + i++));
      assertEquals(expected.replies(), t.replies());
    }
    List<TranscriptLine> history = await(service.history(inv));
    List<String> want = expected.conversation().transcript().stream().map(l -> l.from() + ": " + l.text()).toList();
    assertEquals(want, history.stream().map(l -> l.from() + ": " + l.text()).toList());
    assertEquals(expected.conversation().transcript().get(1).buttons(), history.get(1).buttons());
    String state = await(stores.sessions().load(inv.id())).orElseThrow().value();
    assertFalse(state.contains("swollen for 3 weeks\",\"buttons"), "earlier turns' lines are not in the state");
    assertEquals(want.size(), await(stores.sessions().log(inv.id())).size());
    assertTrue(await(service.summary(inv)).orElseThrow().getJsonArray("transcript").size() == want.size());
  }

  @Test
  void aStateSavedWithTheTranscriptInsideStillLoadsAndMovesItToTheLog() throws Exception {
    Invitation inv = invitation();
    Next n = dialogue.start("Lou", clock.instant());
    n = dialogue.update(n.conversation(), new PatientInput.Button("Let's start"), clock.instant());
    n = dialogue.update(n.conversation(), new PatientInput.Text("I keep getting headaches"), clock.instant());
    Conversation legacy = n.conversation();
    String schema2 = ConversationCodec.mapper().writeValueAsString(new SessionEnvelope(2, legacy, List.of(new SessionEnvelope.Applied("old", List.of())), 0));
    assertTrue(await(stores.sessions().compareAndSet(inv.id(), 0, schema2, java.time.Duration.ofHours(1))));
    assertEquals(legacy.transcript().size(), await(service.history(inv)).size());
    Next after = dialogue.update(legacy, new PatientInput.Text("since Christmas"), clock.instant());
    await(service.handle(inv, new PatientInput.Text("since Christmas"), "m1"));
    List<TranscriptLine> history = await(service.history(inv));
    assertEquals(after.conversation().transcript().stream().map(l -> l.text()).toList(),
        history.stream().map(TranscriptLine::text).toList());
    assertTrue(await(stores.sessions().load(inv.id())).orElseThrow().value().startsWith("{\"schema\":3"));
  }

  @Test
  void aRedeliveredMessageGetsTheSameRepliesBackFromTheLogAndChangesNothing() throws Exception {
    Invitation inv = invitation();
    await(service.open(inv));
    Turn first = await(service.handle(inv, new PatientInput.Button("Let's start"), "a"));
    Turn second = await(service.handle(inv, new PatientInput.Text("my knee has been swollen"), "b"));
    await(service.handle(inv, new PatientInput.Text("3 weeks"), "c"));
    var before = await(stores.sessions().load(inv.id())).orElseThrow();
    assertFalse(before.value().contains(second.replies().get(0).text()), "replies are not kept twice");
    Turn again = await(service.handle(inv, new PatientInput.Text("my knee has been swollen"), "b"));
    assertTrue(again.duplicate());
    assertEquals(second.replies(), again.replies());
    assertEquals(first.replies(), await(service.handle(inv, new PatientInput.Button("Let's start"), "a")).replies());
    assertEquals(before, await(stores.sessions().load(inv.id())).orElseThrow(), "a repeat writes nothing");
  }

  @Test
  void forgetMeLeavesNothingOfWhatThePatientSaid() throws Exception {
    Invitation inv = invitation();
    await(service.open(inv));
    await(service.handle(inv, new PatientInput.Button("Let's start"), "a"));
    await(service.handle(inv, new PatientInput.Text("a secret rash"), "b"));
    await(service.handle(inv, new PatientInput.Command("forget", null), "c"));
    await(service.handle(inv, new PatientInput.Button("Yes, delete everything"), "d"));
    assertTrue(await(service.history(inv)).stream().noneMatch(l -> l.text().contains("secret rash")));
    assertTrue(await(stores.sessions().log(inv.id())).stream().noneMatch(l -> l.contains("secret rash")));
    assertEquals(InvitationStatus.CANCELLED, await(stores.invitations().byId(inv.id())).orElseThrow().status());
  }
}
