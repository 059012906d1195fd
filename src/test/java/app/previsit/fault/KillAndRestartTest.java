package app.previsit.fault;

import static app.previsit.testing.RunningServer.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.previsit.config.Config;
import app.previsit.invitation.Invitation;
import app.previsit.staff.InvitationDesk;
import app.previsit.store.redis.RedisStores;
import app.previsit.testing.ChildService;
import app.previsit.testing.PatientDriver;
import app.previsit.testing.RedisServerExtension;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * kill -9 of the service in the middle of load, then a fresh process on the same Redis (AOF on).
 * Patients re-send every unanswered message with the same id, as the web page does; afterwards
 * every transcript holds each message exactly once, in order, each followed by the bot's answer.
 */
class KillAndRestartTest {
  @RegisterExtension
  static final RedisServerExtension REDIS = new RedisServerExtension(true);

  private static final int CONVERSATIONS = 40;

  @Test
  void everyConversationResumesAfterAKillWithNoTurnLostAndNoneAppliedTwice() throws Exception {
    Map<String, String> env = Map.of("REDIS_URL", REDIS.uri().toString(), "PREVISIT_SESSION_SECRET",
        "kill-and-restart-test-secret-0123456789", "PREVISIT_CHAT_MESSAGES_PER_MINUTE", "1000000");
    Config config = Config.from(Map.of());
    List<Invitation> invitations = new ArrayList<>();
    try (RedisStores stores = RedisStores.connect(REDIS.uri(), config)) {
      InvitationDesk desk = new InvitationDesk(stores.invitations(), config, Clock.systemUTC());
      for (int i = 0; i < CONVERSATIONS; i++) {
        invitations.add(await(desk.create("Kill " + i, LocalDateTime.now().plusDays(1).withSecond(0).withNano(0).toString(),
            "Dr K", null)));
      }
    }
    List<PatientDriver.Script> scripts = new ArrayList<>();
    Random r = new Random(7);
    for (int i = 0; i < CONVERSATIONS; i++) scripts.add(PatientDriver.script(r));
    int total = scripts.stream().mapToInt(s -> s.bodies().size()).sum();

    int port = ChildService.freePort();
    ExecutorService pool = Executors.newFixedThreadPool(CONVERSATIONS);
    ChildService second = null;
    try (ChildService first = ChildService.start(port, env)) {
      PatientDriver driver = new PatientDriver(first.base);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      List<Future<Boolean>> patients = new ArrayList<>();
      for (int k = 0; k < CONVERSATIONS; k++) {
        int c = k;
        patients.add(pool.submit(() -> {
          PatientDriver.Script s = scripts.get(c);
          for (int j = 0; j < s.bodies().size(); j++) {
            if (driver.sendUntilAnswered(invitations.get(c).token(), s.bodies().get(j), "c" + c + "-" + j, deadline) == null) {
              return false;
            }
          }
          return true;
        }));
      }
      while (driver.acknowledged.get() < total / 4 && System.nanoTime() < deadline) Thread.sleep(5);
      first.kill();
      int acknowledgedAtKill = driver.acknowledged.get();
      assertTrue(acknowledgedAtKill < total, "the kill must come in the middle of the load");
      second = ChildService.start(port, env);
      for (Future<Boolean> p : patients) assertTrue(p.get(60, TimeUnit.SECONDS), "every patient finished its script");
      assertTrue(driver.count(-1) > 0, "some requests were cut off by the kill: " + driver.statuses);

      for (int k = 0; k < CONVERSATIONS; k++) {
        JsonArray lines = driver.history(invitations.get(k).token());
        List<String> patientLines = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
          JsonObject line = lines.getJsonObject(i);
          if (!line.getString("from").equals("patient")) continue;
          patientLines.add(line.getString("text"));
          assertTrue(i + 1 < lines.size() && lines.getJsonObject(i + 1).getString("from").equals("bot"),
              "conversation " + k + ": every patient line is followed by the bot's answer (no half-written turn)");
        }
        assertEquals(scripts.get(k).shown(), patientLines, "conversation " + k + ": each message exactly once, in order");
      }
    } finally {
      pool.shutdownNow();
      if (second != null) second.close();
    }
  }
}
