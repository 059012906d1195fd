package app.previsit.fault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.previsit.invitation.Invitation;
import app.previsit.testing.RunningServer;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** 10,000 hostile or broken requests: every one gets a clear answer, none a 500, and the service stays well. */
class BadInputAtVolumeTest {
  @Test
  void tenThousandBadMessagesGetClearAnswersAndNothingBreaks() throws Exception {
    try (RunningServer app = RunningServer.start(Map.of("PREVISIT_CHAT_MESSAGES_PER_MINUTE", "1000000"))) {
      List<Invitation> invitations = new ArrayList<>();
      for (int i = 0; i < 20; i++) invitations.add(app.invite("Fuzz " + i));
      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
      Random random = new Random(11);
      Semaphore inFlight = new Semaphore(32);
      Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
      AtomicInteger notJson = new AtomicInteger();
      List<CompletableFuture<?>> all = new ArrayList<>();
      for (int i = 0; i < 10_000; i++) {
        String token = random.nextInt(10) == 0 ? "wrong-" + random.nextInt(1000) : invitations.get(random.nextInt(20)).token();
        String body = body(random);
        inFlight.acquire();
        all.add(http.sendAsync(HttpRequest.newBuilder(URI.create(app.base + "/chat/api/" + token + "/messages"))
                .timeout(Duration.ofSeconds(20)).header("Content-Type", "application/json").header("Cookie", RunningServer.DEVICE_COOKIE)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString())
            .whenComplete((r, e) -> {
              inFlight.release();
              int status = r == null ? -1 : r.statusCode();
              statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
              if (r != null) {
                try {
                  new JsonObject(r.body());
                } catch (RuntimeException ex) {
                  notJson.incrementAndGet();
                }
              }
            }));
      }
      CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get();
      assertTrue(!statuses.containsKey(500) && !statuses.containsKey(-1), "statuses: " + statuses);
      assertEquals(0, notJson.get(), "every answer is JSON; statuses: " + statuses);
      assertTrue(statuses.getOrDefault(200, new AtomicInteger()).get() > 1000, "real turns went through: " + statuses);
      assertEquals(200, app.send("GET", "/health", null, null).statusCode());
      System.gc();
      long usedMb = (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20;
      assertTrue(usedMb < 1024, "heap after the flood: " + usedMb + " MB");
    }
  }

  private static String body(Random r) {
    return switch (r.nextInt(8)) {
      case 0 -> "{\"text\": ";                                                        // malformed JSON
      case 1 -> new JsonObject().put("text", "x".repeat(100_000)).encode();          // 100 KB text
      case 2 -> new JsonObject().put("text", randomUnicode(r, 1 + r.nextInt(200))).encode();
      case 3 -> new JsonObject().put("text", "\u0000\u0007\u001b[2J\u202e" + r.nextInt()).encode();
      case 4 -> "[1,2,3]";
      case 5 -> new JsonObject().put("button", randomUnicode(r, 5)).encode();
      case 6 -> new JsonObject().put("text", 42).encode();
      default -> new JsonObject().put("text", "my knee hurts " + r.nextInt(100)).encode();
    };
  }

  private static String randomUnicode(Random r, int n) {
    StringBuilder b = new StringBuilder();
    while (b.length() < n) {
      int cp = r.nextInt(0x10FFFF);
      if (Character.isDefined(cp) && !(cp >= 0xD800 && cp <= 0xDFFF)) b.appendCodePoint(cp);
    }
    return b.toString();
  }
}
