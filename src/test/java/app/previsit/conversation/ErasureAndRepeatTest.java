package app.previsit.conversation;

import static app.previsit.testing.RunningServer.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.previsit.config.Config;
import app.previsit.dialogue.Dialogue;
import app.previsit.dialogue.PatientInput;
import app.previsit.invitation.Invitation;
import app.previsit.invitation.InvitationStatus;
import app.previsit.invitation.Tokens;
import app.previsit.nlu.OpenNlpUnderstanding;
import app.previsit.store.SessionStore;
import app.previsit.store.Stores;
import app.previsit.store.memory.MemoryStores;
import app.previsit.store.redis.RedisStores;
import app.previsit.testing.RedisServerExtension;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The edges where a turn meets an erasure or its own lost answer: no patient text outlives its
 * invitation, a repeated message brings the invitation's status up to date, and a write whose
 * answer was lost is not applied a second time. On memory and on a real redis-server.
 */
class ErasureAndRepeatTest {
  @RegisterExtension
  static final RedisServerExtension REDIS = new RedisServerExtension();
  static RedisStores redis;

  private final Config config = Config.from(Map.of());
  private final Clock clock = Clock.fixed(Instant.parse("2026-11-30T10:00:00Z"), ZoneOffset.UTC);
  private final Dialogue dialogue = StoredConversationService.dialogueFor(config, OpenNlpUnderstanding.shared());

  @BeforeAll
  static void connect() {
    redis = RedisStores.connect(REDIS.uri(), Config.from(Map.of()));
  }

  @AfterAll
  static void close() {
    redis.close();
  }

  private Stores stores(String kind) {
    return kind.equals("redis") ? redis : new MemoryStores();
  }

  private Invitation invitation(Stores stores) throws Exception {
    Instant now = clock.instant();
    return await(stores.invitations().create(new Invitation(Tokens.id(), Tokens.linkToken(), "Rae",
        LocalDateTime.of(2026, 12, 2, 9, 0), "Dr R", null, InvitationStatus.INVITED, now, now.plusSeconds(86400 * 3), null,
        null, null)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"memory", "redis"})
  void aMessageArrivingJustAfterForgetMeWritesNothing(String kind) throws Exception {
    Stores stores = stores(kind);
    StoredConversationService service = new StoredConversationService(stores, dialogue, clock, config);
    Invitation inv = invitation(stores);
    await(service.handle(inv, new PatientInput.Button("Let's start"), "1"));
    await(service.handle(inv, new PatientInput.Text("forget me"), "2"));
    await(service.handle(inv, new PatientInput.Button("Yes, delete everything"), "3"));
    assertEquals(InvitationStatus.CANCELLED, await(stores.invitations().byId(inv.id())).orElseThrow().status());
    // This one passed the link check before the erasure and reaches the service after it.
    Turn late = await(service.handle(inv, new PatientInput.Text("a lump in my breast"), "4"));
    assertTrue(late.replies().get(0).text().contains("deleted everything"), late.replies().toString());
    assertTrue(await(stores.sessions().load(inv.id())).isEmpty(), "no conversation was recreated");
    assertTrue(await(stores.sessions().log(inv.id())).isEmpty(), "no transcript holds the late message");
  }

  @ParameterizedTest
  @ValueSource(strings = {"memory", "redis"})
  void aMessageForAnInvitationThePracticeJustDeletedWritesNothing(String kind) throws Exception {
    Stores stores = stores(kind);
    StoredConversationService service = new StoredConversationService(stores, dialogue, clock, config);
    Invitation inv = invitation(stores);
    await(stores.invitations().delete(inv.id()));
    await(service.handle(inv, new PatientInput.Text("my chest feels tight when I run"), "1"));
    assertTrue(await(stores.sessions().load(inv.id())).isEmpty());
    assertTrue(await(stores.sessions().log(inv.id())).isEmpty());
  }

  @ParameterizedTest
  @ValueSource(strings = {"memory", "redis"})
  void aRepeatedConfirmationCompletesTheInvitationWhenTheFirstUpdateWasLost(String kind) throws Exception {
    Stores stores = stores(kind);
    StoredConversationService service = new StoredConversationService(stores, dialogue, clock, config);
    Invitation inv = invitation(stores);
    int id = 0;
    for (PatientInput in : List.<PatientInput>of(new PatientInput.Button("Let's start"), new PatientInput.Button("None of these"),
        new PatientInput.Command("skip", null),
        new PatientInput.Command("skip", null), new PatientInput.Command("skip", null), new PatientInput.Command("skip", null),
        new PatientInput.Command("skip", null), new PatientInput.Command("skip", null), new PatientInput.Command("skip", null))) {
      await(service.handle(inv, in, "m" + id++));
    }
    Turn confirmed = await(service.handle(inv, new PatientInput.Button("Confirm and send to my GP"), "confirm"));
    assertTrue(confirmed.done(), "the script should reach the end: " + confirmed.replies());
    // The confirmation's write landed but the invitation update did not (a timeout, a crash).
    Invitation now = await(stores.invitations().byId(inv.id())).orElseThrow();
    await(stores.invitations().update(now.withStatus(InvitationStatus.STARTED, clock.instant())));
    Turn again = await(service.handle(inv, new PatientInput.Button("Confirm and send to my GP"), "confirm"));
    assertTrue(again.duplicate());
    assertEquals(confirmed.replies(), again.replies());
    assertEquals(InvitationStatus.COMPLETED, await(stores.invitations().byId(inv.id())).orElseThrow().status());
  }

  @ParameterizedTest
  @ValueSource(strings = {"memory", "redis"})
  void aRepeatedEmergencyMessageGetsTheSameEmergencyReplyMarkedAsOne(String kind) throws Exception {
    Stores stores = stores(kind);
    StoredConversationService service = new StoredConversationService(stores, dialogue, clock, config);
    Invitation inv = invitation(stores);
    await(service.handle(inv, new PatientInput.Button("Let's start"), "1"));
    Turn first = await(service.handle(inv, new PatientInput.Text("I have crushing chest pain right now"), "2"));
    assertTrue(first.replies().stream().anyMatch(r -> r.emergency()), "the emergency reply is marked: " + first.replies());
    // The answer was lost on the way; the page sends the same message id again.
    Turn again = await(service.handle(inv, new PatientInput.Text("I have crushing chest pain right now"), "2"));
    assertTrue(again.duplicate());
    assertEquals(first.replies(), again.replies(), "same texts, buttons and kinds, read back from the transcript");
  }

  @ParameterizedTest
  @ValueSource(strings = {"memory", "redis"})
  void aWriteWhoseAnswerWasLostIsNotAppliedTwiceEvenWithoutAMessageId(String kind) throws Exception {
    Stores real = stores(kind);
    AtomicBoolean loseNextAnswer = new AtomicBoolean();
    Stores flaky = new LosingAnswers(real, loseNextAnswer);
    StoredConversationService service = new StoredConversationService(flaky, dialogue, clock, config);
    Invitation inv = invitation(real);
    await(service.handle(inv, new PatientInput.Button("Let's start"), null));
    loseNextAnswer.set(true);
    await(service.handle(inv, new PatientInput.Text("my wrist clicks when I type"), null));
    long lines = await(real.sessions().log(inv.id())).stream().filter(l -> l.contains("\"patient\"") && l.contains("my wrist clicks")).count();
    assertEquals(1, lines, "applied once although the store answered 'lost the race' for our own write");
  }

  /** The real stores, except that one compare-and-set is carried out and then answered "false", as a re-sent command is. */
  private record LosingAnswers(Stores delegate, AtomicBoolean loseNext) implements Stores {
    @Override public app.previsit.store.InvitationStore invitations() { return delegate.invitations(); }
    @Override public app.previsit.store.UserStore users() { return delegate.users(); }
    @Override public app.previsit.store.AuditLog audit() { return delegate.audit(); }
    @Override public app.previsit.store.TelegramStore telegram() { return delegate.telegram(); }
    @Override public app.previsit.store.StaffSessionStore staffSessions() { return delegate.staffSessions(); }
    @Override public app.previsit.store.Counters counters() { return delegate.counters(); }
    @Override public app.previsit.store.AlertStore alerts() { return delegate.alerts(); }
    @Override public app.previsit.store.AttachmentStore attachments() { return delegate.attachments(); }
    @Override public Future<Void> ping() { return delegate.ping(); }
    @Override public String kind() { return delegate.kind(); }
    @Override public void close() {}

    @Override
    public SessionStore sessions() {
      SessionStore real = delegate.sessions();
      return new SessionStore() {
        @Override public Future<Optional<app.previsit.store.Versioned>> load(String id) { return real.load(id); }
        @Override public Future<List<String>> log(String id) { return real.log(id); }
        @Override public Future<Void> delete(String id) { return real.delete(id); }

        @Override
        public Future<Boolean> compareAndSet(String id, long expected, String value, List<String> append, boolean reset, Duration ttl) {
          return real.compareAndSet(id, expected, value, append, reset, ttl).map(won -> loseNext.getAndSet(false) ? false : won);
        }
      };
    }
  }
}
