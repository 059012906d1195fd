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

}
