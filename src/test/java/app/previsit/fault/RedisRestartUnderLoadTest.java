package app.previsit.fault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.previsit.invitation.Invitation;
import app.previsit.testing.PatientDriver;
import app.previsit.testing.RedisServerExtension;
import app.previsit.testing.RunningServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
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
 * Redis (append-only file on) goes down and comes back while patients are chatting. While it is
 * down every answer is a clear 503 JSON error (never a 500); the service reconnects by itself; and
 * no turn is half-written, lost or applied twice.
 */
class RedisRestartUnderLoadTest {
  @RegisterExtension
  static final RedisServerExtension REDIS = new RedisServerExtension(true);

  private static final int CONVERSATIONS = 20;

  @Test
  void whileRedisRestartsPatientsGetClear503sAndEveryConversationStaysWhole() throws Exception {
    try (RunningServer app = RunningServer.start(Map.of("REDIS_URL", REDIS.uri().toString(),
        "PREVISIT_CHAT_MESSAGES_PER_MINUTE", "1000000"))) {
      List<Invitation> invitations = new ArrayList<>();
      for (int i = 0; i < CONVERSATIONS; i++) invitations.add(app.invite("Outage " + i));
      List<PatientDriver.Script> scripts = new ArrayList<>();
      Random r = new Random(3);
      for (int i = 0; i < CONVERSATIONS; i++) scripts.add(PatientDriver.script(r));
      int total = scripts.stream().mapToInt(s -> s.bodies().size()).sum();
      PatientDriver driver = new PatientDriver(app.base);
      ExecutorService pool = Executors.newFixedThreadPool(CONVERSATIONS);
      try {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        List<Future<Boolean>> patients = new ArrayList<>();
        for (int k = 0; k < CONVERSATIONS; k++) {
          int c = k;
          patients.add(pool.submit(() -> {
            PatientDriver.Script s = scripts.get(c);
            for (int j = 0; j < s.bodies().size(); j++) {
              // Slow enough that the outage falls in the middle of every conversation.
              Thread.sleep(20);
              if (driver.sendUntilAnswered(invitations.get(c).token(), s.bodies().get(j), "o" + c + "-" + j, deadline) == null) {
                return false;
              }
            }
            return true;
          }));
        }
        while (driver.acknowledged.get() < total / 4 && System.nanoTime() < deadline) Thread.sleep(5);
        REDIS.stop();
        Thread.sleep(1000);
        int acknowledgedWhileDown = driver.acknowledged.get();
        Thread.sleep(500);
        assertEquals(acknowledgedWhileDown, driver.acknowledged.get(), "nothing is acknowledged while Redis is down");
        REDIS.start();
        for (Future<Boolean> p : patients) {
          assertTrue(p.get(60, TimeUnit.SECONDS), "every patient finished once Redis was back (recovered by itself)");
        }
        assertTrue(acknowledgedWhileDown < total, "the outage came in the middle of the load");
        assertTrue(driver.count(503) > 0, "answers while Redis was down: " + driver.statuses);
        assertEquals(0, driver.count(500), "no 500s: " + driver.statuses);
        for (String e : driver.errorBodies) {
          assertTrue(e.startsWith("503 "), e);
          assertTrue(new JsonObject(e.substring(4)).getString("error").contains("temporarily unavailable"), e);
        }
        for (int k = 0; k < CONVERSATIONS; k++) {
          JsonArray lines = driver.history(invitations.get(k).token());
          List<String> patientLines = new ArrayList<>();
          for (int i = 0; i < lines.size(); i++) {
            if (!lines.getJsonObject(i).getString("from").equals("patient")) continue;
            patientLines.add(lines.getJsonObject(i).getString("text"));
            assertTrue(i + 1 < lines.size() && lines.getJsonObject(i + 1).getString("from").equals("bot"),
                "conversation " + k + ": no half-written turn");
          }
          assertEquals(scripts.get(k).shown(), patientLines, "conversation " + k + ": each message exactly once, in order");
        }
        assertEquals(200, app.send("GET", "/health", null, null).statusCode());
      } finally {
        pool.shutdownNow();
      }
    }
  }
}
