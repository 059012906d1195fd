package app.previsit.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.previsit.invitation.Invitation;
import app.previsit.testing.RedisServerExtension;
import app.previsit.testing.RunningServer;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Emergency alerts through the real server: raised once, visible on every instance, acknowledged, posted to a webhook. */
@org.junit.jupiter.api.Timeout(value = 60, threadMode = org.junit.jupiter.api.Timeout.ThreadMode.SEPARATE_THREAD)
class AlertsTest {
  @RegisterExtension
  static final RedisServerExtension REDIS = new RedisServerExtension();

  static void emergency(RunningServer app, Invitation inv, String id) throws Exception {
    app.send("POST", "/chat/api/" + inv.token() + "/messages", null, "{\"button\":\"Let's start\",\"id\":\"start-" + id + "\"}");
    app.send("POST", "/chat/api/" + inv.token() + "/messages", null,
        "{\"text\":\"I have crushing chest pain right now\",\"id\":\"" + id + "\"}");
  }

  static JsonArray open(RunningServer app) throws Exception {
    return new JsonArray(app.send("GET", "/api/alerts", app.login("reception"), null).body());
  }

  @Test
  void anAlertRaisedOnOneInstanceIsOpenOnTheOtherOnceAndUntilAcknowledged() throws Exception {
    REDIS.flushAll();
    Map<String, String> env = Map.of("REDIS_URL", REDIS.uri().toString());
    try (RunningServer a = RunningServer.start(env); RunningServer b = RunningServer.start(env)) {
      Invitation inv = a.invite("Ada Alert");
      emergency(a, inv, "m1");
      // The same message again (a retry) and the patient repeating it raise nothing new.
      a.send("POST", "/chat/api/" + inv.token() + "/messages", null, "{\"text\":\"I have crushing chest pain right now\",\"id\":\"m1\"}");
      JsonArray seen = new JsonArray();
      for (int i = 0; i < 40 && seen.isEmpty(); i++) {
        Thread.sleep(50);
        seen = open(b);
      }
      assertEquals(1, seen.size(), "one alert, seen on the other instance: " + seen);
      JsonObject alert = seen.getJsonObject(0);
      assertEquals("Ada Alert", alert.getString("patientName"));
      assertEquals("cardiac", alert.getString("category"));
      assertEquals("Chest pain (possible heart attack)", alert.getString("categoryText"));
      assertFalse(alert.encode().contains("crushing"), "no patient words");
      assertEquals(404, b.send("POST", "/api/alerts/nope/acknowledge", b.login("gp"), null).statusCode());
      var acked = b.send("POST", "/api/alerts/" + alert.getString("id") + "/acknowledge", b.login("gp"), null);
      assertEquals(200, acked.statusCode());
      assertEquals("gp", new JsonObject(acked.body()).getString("acknowledgedBy"));
      JsonArray still = new JsonArray("[1]");
      for (int i = 0; i < 40 && !still.isEmpty(); i++) {
        Thread.sleep(50);
        still = open(a);
      }
      assertTrue(still.isEmpty(), "acknowledged on one instance, gone on the other");
      assertTrue(a.send("GET", "/metrics", null, null).body().contains("previsit_alerts_raised_total{category=\"cardiac\"} 1.0"));
      var reception = new JsonObject(a.send("GET", "/reception/day.json?date=" + inv.appointmentAt().toLocalDate(),
          a.login("reception"), null).body());
      // By name: the demo data's patient sits on the same day, earlier or later depending on the hour.
      JsonObject row = reception.getJsonArray("rows").stream().map(JsonObject.class::cast)
          .filter(r -> "Ada Alert".equals(r.getString("patientName"))).findFirst().orElseThrow();
      assertEquals("Chest pain (possible heart attack)", row.getString("alert"), reception.encode());
      assertTrue(row.getString("alertAcknowledged").startsWith("gp, "), row.encode());
    }
  }

  @Test
  void theStreamSendsTheOpenAlertsToAnyStaffMemberAndRefusesOthers() throws Exception {
    try (RunningServer app = RunningServer.start(Map.of())) {
      assertEquals(401, app.send("GET", "/staff/alerts/stream", null, null).statusCode());
      Invitation inv = app.invite("Sam Stream");
      emergency(app, inv, "s1");
      var client = java.net.http.HttpClient.newHttpClient();
      var req = java.net.http.HttpRequest.newBuilder(java.net.URI.create(app.base + "/staff/alerts/stream"))
          .header("Authorization", "Bearer " + app.login("gp")).build();
      var resp = client.send(req, java.net.http.HttpResponse.BodyHandlers.ofInputStream());
      assertEquals(200, resp.statusCode());
      assertTrue(resp.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
      StringBuilder got = new StringBuilder();
      try (var in = resp.body()) {
        byte[] buf = new byte[4096];
        while (!got.toString().contains("Sam Stream")) {
          int n = in.read(buf);
          if (n < 0) break;
          got.append(new String(buf, 0, n, StandardCharsets.UTF_8));
        }
      }
      assertTrue(got.toString().contains("event: alerts") && got.toString().contains("Sam Stream"), got.toString());
    }
  }

  @Test
  void theWebhookGetsASignedPostWithNoPatientTextAndIsRetried() throws Exception {
    Vertx vertx = Vertx.vertx();
    List<JsonObject> bodies = new CopyOnWriteArrayList<>();
    List<String> signatures = new CopyOnWriteArrayList<>();
    AtomicInteger calls = new AtomicInteger();
    HttpServer receiver = vertx.createHttpServer().requestHandler(req -> req.body().onSuccess(body -> {
      // The first attempt fails, as a receiver that is briefly down would.
      if (calls.incrementAndGet() == 1) {
        req.response().setStatusCode(503).end();
        return;
      }
      bodies.add(new JsonObject(body));
      signatures.add(req.getHeader("X-Previsit-Signature") + " " + AlertWebhook.signature(
          "webhook-secret-0123456789".getBytes(StandardCharsets.UTF_8), body.toString()));
      req.response().setStatusCode(204).end();
    }));
    int port = RunningServer.await(receiver.listen(0, "127.0.0.1")).actualPort();
    try (RunningServer app = RunningServer.start(Map.of("PREVISIT_ALERT_WEBHOOK_URL", "http://127.0.0.1:" + port + "/hooks/previsit",
        "PREVISIT_ALERT_WEBHOOK_SECRET", "webhook-secret-0123456789"))) {
      Invitation inv = app.invite("Wendy Hook");
      emergency(app, inv, "w1");
      for (int i = 0; i < 100 && bodies.isEmpty(); i++) Thread.sleep(50);
      assertEquals(1, bodies.size(), "delivered once, after one failed attempt");
      assertEquals(2, calls.get());
      JsonObject body = bodies.get(0);
      assertEquals(inv.id(), body.getString("invitationId"));
      assertEquals("cardiac", body.getString("category"));
      assertFalse(body.encode().contains("Wendy") || body.encode().contains("crushing"), "no patient name or words");
      String[] sig = signatures.get(0).split(" ");
      assertEquals(sig[1], sig[0], "signed with the shared secret");
      String metrics = app.send("GET", "/metrics", null, null).body();
      assertTrue(metrics.contains("previsit_alert_webhook_deliveries_total 1.0"), metrics);
      assertTrue(metrics.contains("previsit_alert_webhook_retries_total 1.0"));
    } finally {
      vertx.close();
    }
  }
}
