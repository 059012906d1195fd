package app.previsit.fault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.previsit.invitation.Invitation;
import app.previsit.testing.PatientDriver;
import app.previsit.testing.RedisServerExtension;
import app.previsit.testing.RunningServer;
import app.previsit.web.chat.ChatRoutes;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Redis (append-only file on) goes down and comes back while patients are chatting. While it is
 * down every answer is a clear 503 JSON error (never a 500); the service reconnects by itself; and
 * no turn is half-written, lost or applied twice.
 *
 * <p>A stop (SIGTERM) alone cannot show a turn applied twice: Redis answers every command it
 * executed before it exits. So a second phase stalls Redis under load with {@code DEBUG SLEEP 2.5},
 * longer than the service's 2 s command timeout: turns whose writes were sent early in the stall
 * time out (the patient gets a 503) and are then executed by Redis anyway. The patient sends the
 * same message again with the same id, and the service must answer it from the first application.
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
      stallPhase(app);
    }
  }

  private static final int STALL_PATIENTS = 20;
  private static final int STALLS = 3;
  /** Longer than the service's Lettuce command timeout (2 s). */
  private static final double STALL_SECONDS = 2.5;

  /** One conversation of the stall phase: its script and how many of its messages were answered 200. */
  private record Chat(Invitation invitation, PatientDriver.Script script, AtomicInteger acknowledged) {}

  private static void stallPhase(RunningServer app) throws Exception {
    double repeatsBefore = repeats(app);
    PatientDriver driver = new PatientDriver(app.base);
    List<Chat> chats = Collections.synchronizedList(new ArrayList<>());
    AtomicBoolean stop = new AtomicBoolean();
    ExecutorService pool = Executors.newFixedThreadPool(STALL_PATIENTS);
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      List<Future<Boolean>> patients = new ArrayList<>();
      for (int k = 0; k < STALL_PATIENTS; k++) {
        int p = k;
        // Closed loop (no think time): at any moment some turns are between loading and saving.
        patients.add(pool.submit(() -> {
          Random r = new Random(100 + p);
          for (int c = 0; !stop.get(); c++) {
            Invitation inv;
            try {
              inv = app.invite("Stall " + p + "-" + c);
            } catch (java.util.concurrent.ExecutionException e) {
              Thread.sleep(50); // Redis stalled: try again
              continue;
            }
            Chat chat = new Chat(inv, PatientDriver.script(r), new AtomicInteger());
            chats.add(chat);
            List<JsonObject> bodies = chat.script().bodies();
            for (int j = 0; j < bodies.size() && !stop.get(); j++) {
              if (driver.sendUntilAnswered(inv.token(), bodies.get(j), "s" + p + "-" + c + "-" + j, deadline) == null) {
                return false;
              }
              chat.acknowledged().incrementAndGet();
            }
          }
          return true;
        }));
      }
      for (int i = 0; i < STALLS; i++) {
        int before = driver.acknowledged.get();
        while (driver.acknowledged.get() < before + 100 && System.nanoTime() < deadline) Thread.sleep(5);
        REDIS.stall(STALL_SECONDS);
      }
      int acknowledgedAfterStalls = driver.acknowledged.get();
      while (driver.acknowledged.get() < acknowledgedAfterStalls + 100 && System.nanoTime() < deadline) Thread.sleep(5);
      stop.set(true);
      for (Future<Boolean> p : patients) assertTrue(p.get(60, TimeUnit.SECONDS), "every stalled message was answered in the end");
    } finally {
      pool.shutdownNow();
    }

    assertTrue(driver.count(503) > 0, "the stalls timed out some turns: " + driver.statuses);
    assertEquals(0, driver.count(500), "no 500s: " + driver.statuses);
    for (String e : driver.errorBodies) {
      assertTrue(e.startsWith("503 "), e);
      assertTrue(new JsonObject(e.substring(4)).getString("error").contains("temporarily unavailable"), e);
    }
    int checked = 0;
    for (Chat chat : chats) {
      int n = chat.acknowledged().get();
      if (n == 0) continue;
      JsonArray lines = driver.history(chat.invitation().token());
      List<String> patientLines = new ArrayList<>();
      for (int i = 0; i < lines.size(); i++) {
        if (!lines.getJsonObject(i).getString("from").equals("patient")) continue;
        patientLines.add(lines.getJsonObject(i).getString("text"));
        assertTrue(i + 1 < lines.size() && lines.getJsonObject(i + 1).getString("from").equals("bot"),
            chat.invitation().patientName() + ": no half-written turn");
      }
      assertEquals(chat.script().shown().subList(0, n), patientLines,
          chat.invitation().patientName() + ": each acknowledged message exactly once, in order (none applied twice by a resend)");
      checked++;
    }
    assertTrue(checked >= STALL_PATIENTS, "conversations checked: " + checked);
    // Without this the phase could pass without ever having made the case it is about.
    double repeats = repeats(app) - repeatsBefore;
    System.out.println("stall phase: conversations " + checked + ", repeats " + repeats + ", statuses " + driver.statuses);
    assertTrue(repeats > 0, "some turn was executed by Redis after its caller timed out, and its resend was answered as a repeat"
        + " (repeats " + repeats + ", statuses " + driver.statuses + ")");
  }

  private static double repeats(RunningServer app) {
    return app.server.services().metrics().counter(ChatRoutes.REPEATS_METRIC).count();
  }
}
