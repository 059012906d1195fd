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
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * kill -9 of the service in the middle of load, then a fresh process on the same Redis (AOF on).
 * Patients re-send every unanswered message with the same id, as the web page does; afterwards
 * every transcript holds each message exactly once, in order, each followed by the bot's answer;
 * every answer a patient got (first time or as a repeat after the restart) is exactly what the
 * transcript shows after that message; and the staff API shows each invitation's status in step
 * with its conversation (half the patients go on to confirm: completed; the others: started).
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
    for (int i = 0; i < CONVERSATIONS; i++) scripts.add(i % 2 == 0 ? PatientDriver.wholeScript(r) : PatientDriver.script(r));
    int total = scripts.stream().mapToInt(s -> s.bodies().size()).sum();
    // The 200 body each message got, per conversation.
    List<List<JsonObject>> answers = new ArrayList<>();
    for (int i = 0; i < CONVERSATIONS; i++) answers.add(new ArrayList<>());

    int port = ChildService.freePort();
    ExecutorService pool = Executors.newFixedThreadPool(CONVERSATIONS);
    ChildService second = null;
    try (ChildService first = ChildService.start(port, env, "--demo")) {
      PatientDriver driver = new PatientDriver(first.base);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      List<Future<Boolean>> patients = new ArrayList<>();
      for (int k = 0; k < CONVERSATIONS; k++) {
        int c = k;
        patients.add(pool.submit(() -> {
          PatientDriver.Script s = scripts.get(c);
          for (int j = 0; j < s.bodies().size(); j++) {
            JsonObject answer = driver.sendUntilAnswered(invitations.get(c).token(), s.bodies().get(j), "c" + c + "-" + j, deadline);
            if (answer == null) return false;
            answers.get(c).add(answer);
          }
          return true;
        }));
      }
      while (driver.acknowledged.get() < total / 4 && System.nanoTime() < deadline) Thread.sleep(5);
      first.kill();
      int acknowledgedAtKill = driver.acknowledged.get();
      assertTrue(acknowledgedAtKill < total, "the kill must come in the middle of the load");
      second = ChildService.start(port, env, "--demo");
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
        List<JsonObject> got = answers.get(k);
        assertEquals(patientLines.size(), got.size(), "conversation " + k + ": one answer per message");
        for (int j = 0; j < got.size(); j++) {
          assertEquals(botLinesAnswering(lines, j), replies(got.get(j)),
              "conversation " + k + ", message " + j + ": the answer is what the transcript shows after that message");
        }
        boolean whole = k % 2 == 0;
        assertEquals(whole, got.get(got.size() - 1).getBoolean("done"), "conversation " + k + ": done only when confirmed");
      }

      // The invitations as reception sees them: started, or completed for those who confirmed.
      Map<String, String> status = invitationStatuses(second, invitations);
      for (int k = 0; k < CONVERSATIONS; k++) {
        assertEquals(k % 2 == 0 ? "completed" : "started", status.get(invitations.get(k).id()),
            "conversation " + k + ": the invitation's status follows its conversation");
      }
    } finally {
      pool.shutdownNow();
      if (second != null) second.close();
    }
  }

  /**
   * The bot lines that answer patient line {@code j} of {@code lines}: those after it up to the next
   * patient line. Nobody opened these chats before their first message, so the first answer also
   * carries the greeting, the bot lines before the first patient line.
   */
  private static List<JsonObject> botLinesAnswering(JsonArray lines, int j) {
    List<JsonObject> out = new ArrayList<>();
    int patient = -1;
    for (int i = 0; i < lines.size(); i++) {
      JsonObject line = lines.getJsonObject(i);
      if (line.getString("from").equals("patient")) {
        patient++;
        if (patient > j) break;
        continue;
      }
      if (patient == j || j == 0 && patient == -1) {
        out.add(new JsonObject().put("text", line.getString("text")).put("buttons", line.getJsonArray("buttons")));
      }
    }
    return out;
  }

  private static List<JsonObject> replies(JsonObject answer) {
    List<JsonObject> out = new ArrayList<>();
    JsonArray replies = answer.getJsonArray("replies");
    for (int i = 0; i < replies.size(); i++) {
      JsonObject reply = replies.getJsonObject(i);
      out.add(new JsonObject().put("text", reply.getString("text")).put("buttons", reply.getJsonArray("buttons")));
    }
    return out;
  }

  /** id to status of {@code invitations}, from GET /api/invitations as the demo reception user. */
  private static Map<String, String> invitationStatuses(ChildService service, List<Invitation> invitations) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(service.base + "/api/login"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(new JsonObject().put("username", "reception").put("password", "demo").encode()))
        .build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, login.statusCode(), login.body());
    String token = new JsonObject(login.body()).getString("token");
    Map<String, String> status = new HashMap<>();
    Set<LocalDate> dates = new TreeSet<>();
    for (Invitation i : invitations) dates.add(i.appointmentAt().toLocalDate());
    for (LocalDate date : dates) {
      HttpResponse<String> list = http.send(HttpRequest.newBuilder(URI.create(service.base + "/api/invitations?date=" + date))
          .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(200, list.statusCode(), list.body());
      JsonArray rows = new JsonArray(list.body());
      for (int i = 0; i < rows.size(); i++) status.put(rows.getJsonObject(i).getString("id"), rows.getJsonObject(i).getString("status"));
    }
    return status;
  }
}
