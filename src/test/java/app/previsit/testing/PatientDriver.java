package app.previsit.testing;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Simulated patients for fault tests: each sends its script through the web chat API with a
 * message id per message and, like the real page, sends the same message with the same id again
 * until it gets an answer (connection refused, reset, timeout or 503 all mean "try again").
 */
public final class PatientDriver {
  private static final String[][] TEXTS = {
      {"my knee has been swollen", "I keep getting headaches", "I've had a cough that won't go away", "my back hurts when I bend"},
      {"3 weeks", "since Christmas", "about six months", "a couple of days"},
      {"4", "6", "7", "8"},
      {"maybe arthritis", "stress at work", "no idea really", "could be an infection"},
      {"that it's something serious", "missing work", "that it won't get better"},
      {"a scan", "reassurance", "a blood test", "to talk about options"},
  };

  /** One conversation's messages: request bodies without the id, and what its transcript shows for each. */
  public record Script(List<JsonObject> bodies, List<String> shown) {}

  public static Script script(Random r) {
    List<JsonObject> b = new ArrayList<>();
    List<String> shown = new ArrayList<>();
    b.add(new JsonObject().put("button", "Let's start"));
    shown.add("Let's start");
    b.add(new JsonObject().put("button", "None of these"));
    shown.add("None of these");
    for (String[] choices : TEXTS) {
      String t = choices[r.nextInt(choices.length)];
      b.add(new JsonObject().put("text", t));
      shown.add(t);
    }
    for (String t : List.of("/help", "I read on https://www.nhs.uk/conditions/gout/ that it could be gout", "/skip")) {
      b.add(new JsonObject().put("text", t));
      shown.add(t);
    }
    return new Script(b, shown);
  }

  /**
   * A whole conversation to its end: one concern, research, a question, a goal, preferences and
   * medicines, then the patient confirms and the summary goes to the GP (the last answer is done).
   */
  public static Script wholeScript(Random r) {
    List<JsonObject> b = new ArrayList<>();
    List<String> shown = new ArrayList<>();
    String[][] steps = {
        {"button", "Let's start"}, {"button", "None of these"},
        {"text", TEXTS[0][r.nextInt(TEXTS[0].length)]}, {"text", TEXTS[1][r.nextInt(TEXTS[1].length)]},
        {"text", TEXTS[2][r.nextInt(TEXTS[2].length)]}, {"text", TEXTS[3][r.nextInt(TEXTS[3].length)]},
        {"text", TEXTS[4][r.nextInt(TEXTS[4].length)]}, {"text", TEXTS[5][r.nextInt(TEXTS[5].length)]},
        {"button", "No, that's all"},
        {"text", "I read on https://www.nhs.uk/conditions/gout/ that it could be gout"}, {"button", "Nothing about this"},
        {"button", "No, that's all"},
        {"button", "What are my options?"}, {"text", "do I need a scan?"}, {"button", "No more questions"},
        {"text", "I want to walk the dog again"}, {"button", "That's all"},
        {"button", "Let's decide together"}, {"text", "please explain things simply"}, {"button", "No, that's all"},
        {"text", "I take ramipril 5mg"}, {"button", "That's all"},
        {"button", "Confirm and send to my GP"},
    };
    for (String[] step : steps) {
      b.add(new JsonObject().put(step[0], step[1]));
      shown.add(step[1]);
    }
    return new Script(b, shown);
  }

  private final String base;
  /** Sends the tests' one device cookie ({@link RunningServer#DEVICE_COOKIE}): it holds the links, across restarts too. */
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(1)).build();
  /** Statuses seen on the way, -1 for an I/O failure (refused, reset, timed out). */
  public final Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
  public final AtomicInteger acknowledged = new AtomicInteger();
  /** Bodies of answers that were not 200, for the test to check they are clear JSON errors. */
  public final List<String> errorBodies = java.util.Collections.synchronizedList(new ArrayList<>());

  public PatientDriver(String base) {
    this.base = base;
  }

  /**
   * Sends message {@code i} of {@code script} under id {@code id} until it is answered 200 or the
   * deadline passes; returns the answer, or null at the deadline.
   */
  public JsonObject sendUntilAnswered(String token, JsonObject body, String id, long deadlineNanos) throws InterruptedException {
    String json = body.copy().put("id", id).encode();
    while (System.nanoTime() < deadlineNanos) {
      int status;
      String answer = null;
      try {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/chat/api/" + token + "/messages"))
            .timeout(Duration.ofSeconds(3)).header("Content-Type", "application/json").header("Cookie", RunningServer.DEVICE_COOKIE)
            .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        status = r.statusCode();
        answer = r.body();
      } catch (java.io.IOException e) {
        status = -1;
      }
      statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
      if (status == 200) {
        acknowledged.incrementAndGet();
        return new JsonObject(answer);
      }
      if (answer != null) errorBodies.add(status + " " + answer);
      if (status != -1 && status != 503) throw new AssertionError("unexpected answer " + status + ": " + answer);
      Thread.sleep(20);
    }
    return null;
  }

  /** The patient lines and the whole transcript of a conversation, from /history. */
  public JsonArray history(String token) throws Exception {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/chat/api/" + token + "/history")).header("Cookie", RunningServer.DEVICE_COOKIE)
        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) throw new AssertionError("history answered " + r.statusCode() + ": " + r.body());
    return new JsonObject(r.body()).getJsonArray("messages");
  }

  public int count(int status) {
    AtomicInteger n = statuses.get(status);
    return n == null ? 0 : n.get();
  }
}
