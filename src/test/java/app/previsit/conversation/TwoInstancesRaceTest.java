package app.previsit.conversation;

import static app.previsit.testing.RunningServer.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.previsit.config.Config;
import app.previsit.dialogue.PatientInput;
import app.previsit.invitation.Invitation;
import app.previsit.invitation.InvitationStatus;
import app.previsit.invitation.Tokens;
import app.previsit.nlu.OpenNlpUnderstanding;
import app.previsit.store.redis.RedisStores;
import app.previsit.testing.RedisServerExtension;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Two service instances, each with its own Redis connection, racing on one conversation. */
class TwoInstancesRaceTest {
  @RegisterExtension
  static final RedisServerExtension REDIS = new RedisServerExtension();

  @Test
  void racingTurnsAreEachAppliedExactlyOnce() throws Exception {
    Config config = Config.from(Map.of());
    RedisStores a = RedisStores.connect(REDIS.uri(), config);
    RedisStores b = RedisStores.connect(REDIS.uri(), config);
    try {
      var dialogue = StoredConversationService.dialogueFor(config, OpenNlpUnderstanding.shared());
      ConversationService one = new StoredConversationService(a, dialogue, Clock.systemUTC(), config);
      ConversationService two = new StoredConversationService(b, dialogue, Clock.systemUTC(), config);
      Instant now = Instant.now();
      Invitation inv = await(a.invitations().create(new Invitation(Tokens.id(), Tokens.linkToken(), "Race",
          LocalDateTime.now().plusDays(1), "Dr R", null, InvitationStatus.INVITED, now, now.plusSeconds(86400), null, null, null)));
      await(one.handle(inv, new PatientInput.Button("Let's start"), "m-start"));
      List<Future<Turn>> racing = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        ConversationService s = i % 2 == 0 ? one : two;
        racing.add(s.handle(inv, new PatientInput.Command("help", null), "m-" + i));
        racing.add(s.handle(inv, new PatientInput.Command("help", null), "m-" + i)); // a redelivery of the same id
      }
      await(Future.join(racing));
      long helps = await(one.history(inv)).stream().filter(l -> l.from().equals("patient") && l.text().equals("/help")).count();
      assertEquals(10, helps, "each message id applied exactly once");
      assertTrue(racing.stream().filter(f -> f.result().duplicate()).count() >= 1);
    } finally {
      a.close();
      b.close();
    }
  }

  /**
   * Different messages of one conversation race through two instances. Whatever order they commit
   * in, the stored result must be exactly the pure core applied to them one by one in that order
   * (the order the transcript shows): same answers, same transcript, and each racer got the
   * replies of its own turn. A lost update or a turn computed on a stale state would differ.
   */
  @Test
  void theFinalStateEqualsApplyingTheRacingMessagesOneByOneInTheirCommitOrder() throws Exception {
    Config config = Config.from(Map.of());
    Clock clock = Clock.fixed(Instant.parse("2026-11-30T09:00:00Z"), java.time.ZoneOffset.UTC);
    RedisStores a = RedisStores.connect(REDIS.uri(), config);
    RedisStores b = RedisStores.connect(REDIS.uri(), config);
    try {
      var dialogue = StoredConversationService.dialogueFor(config, OpenNlpUnderstanding.shared());
      ConversationService one = new StoredConversationService(a, dialogue, clock, config);
      ConversationService two = new StoredConversationService(b, dialogue, clock, config);
      Instant now = clock.instant();
      Invitation inv = await(a.invitations().create(new Invitation(Tokens.id(), Tokens.linkToken(), "Ordered",
          LocalDateTime.of(2026, 12, 3, 9, 0), "Dr R", null, InvitationStatus.INVITED, now, now.plusSeconds(86400 * 5), null,
          null, null)));
      await(one.open(inv));
      await(one.handle(inv, new PatientInput.Button("Let's start"), "s"));
      // Distinct texts, so the transcript tells which racer committed when.
      List<String> texts = List.of("my knee has been swollen", "3 weeks", "7", "maybe arthritis", "that it's serious",
          "a scan", "no", "I read online it could be gout", "nope", "do I need an x-ray?", "no more", "walk the dog again");
      List<Future<Turn>> racing = new ArrayList<>();
      for (int i = 0; i < texts.size(); i++) {
        racing.add((i % 2 == 0 ? one : two).handle(inv, new PatientInput.Text(texts.get(i)), "t" + i));
        racing.add((i % 2 == 0 ? two : one).handle(inv, new PatientInput.Text(texts.get(i)), "t" + i));
      }
      await(Future.join(racing));
      List<TranscriptLine> stored = await(two.history(inv));
      List<String> order = stored.stream().filter(l -> l.from().equals("patient")).map(TranscriptLine::text).toList();
      assertEquals("Let's start", order.get(0));
      List<String> raced = order.subList(1, order.size());
      assertEquals(new java.util.HashSet<>(texts), new java.util.HashSet<>(raced), "every message applied");
      assertEquals(texts.size(), raced.size(), "none applied twice");

      var replay = dialogue.start("Ordered", now);
      replay = dialogue.update(replay.conversation(), new PatientInput.Button("Let's start"), now);
      for (String t : raced) {
        replay = dialogue.update(replay.conversation(), new PatientInput.Text(t), now);
        int i = texts.indexOf(t);
        assertEquals(replay.replies(), racing.get(2 * i).result().replies(), "the racer of '" + t + "' got its own turn's replies");
        assertEquals(replay.replies(), racing.get(2 * i + 1).result().replies(), "and so did its redelivery");
      }
      var expected = replay.conversation();
      assertEquals(expected.transcript().stream().map(l -> l.from() + "|" + l.text() + "|" + l.buttons()).toList(),
          stored.stream().map(l -> l.from() + "|" + l.text() + "|" + l.buttons()).toList());
      io.vertx.core.json.JsonObject summary = await(one.summary(inv)).orElseThrow();
      io.vertx.core.json.JsonObject want = app.previsit.summary.SummaryBuilder.build(inv, expected, config.timeZone(), now);
      for (String field : List.of("concerns", "research", "questions", "goals", "preferences", "medications", "transcript")) {
        assertEquals(want.getValue(field), summary.getValue(field), field);
      }
    } finally {
      a.close();
      b.close();
    }
  }
}
