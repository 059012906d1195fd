package app.previsit.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.previsit.invitation.Invitation;
import app.previsit.testing.RedisServerExtension;
import app.previsit.testing.RunningServer;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The service on a real Redis: what survives a restart, and what happens while Redis is down. */
class RedisOutageTest {
  @RegisterExtension
  static final RedisServerExtension REDIS = new RedisServerExtension(true);

  @Test
  void anInvitationAndItsConversationSurviveARestartOfTheService() throws Exception {
    Map<String, String> env = Map.of("REDIS_URL", REDIS.uri().toString());
    Invitation inv;
    try (RunningServer first = RunningServer.start(env)) {
      inv = first.invite("Vic");
      first.send("POST", "/chat/api/" + inv.token() + "/messages", null, "{\"button\":\"Let's start\"}");
      first.send("POST", "/chat/api/" + inv.token() + "/messages", null, "{\"text\":\"my toe is sore\"}");
    }
    try (RunningServer second = RunningServer.start(env)) {
      HttpResponse<String> h = second.send("GET", "/chat/api/" + inv.token() + "/history", null, null);
      assertEquals(200, h.statusCode());
      assertTrue(h.body().contains("my toe is sore"));
      String reception = second.login("reception");
      assertTrue(second.send("GET", "/api/invitations?date=" + inv.appointmentAt().toLocalDate(), reception, null).body()
          .contains("\"status\":\"started\""));
    }
  }

  @Test
  void whileRedisIsDownRequestsGetA503AndTheServiceRecoversByItself() throws Exception {
    try (RunningServer app = RunningServer.start(Map.of("REDIS_URL", REDIS.uri().toString()))) {
      Invitation inv = app.invite("Wyn");
      assertEquals(200, app.send("GET", "/health", null, null).statusCode());
      REDIS.stop();
      HttpResponse<String> health = app.send("GET", "/health", null, null);
      assertEquals(503, health.statusCode());
      assertEquals("redis", new JsonObject(health.body()).getString("store"));
      HttpResponse<String> chat = app.send("POST", "/chat/api/" + inv.token() + "/messages", null, "{\"text\":\"hello\"}");
      assertEquals(503, chat.statusCode());
      assertTrue(new JsonObject(chat.body()).getString("error").contains("temporarily unavailable"));
      REDIS.start();
      int status = 0;
      for (int i = 0; i < 100 && status != 200; i++) {
        Thread.sleep(100);
        status = app.send("GET", "/health", null, null).statusCode();
      }
      assertEquals(200, status, "the service did not reconnect to Redis by itself");
      HttpResponse<String> after = app.send("POST", "/chat/api/" + inv.token() + "/messages", null, "{\"button\":\"Let's start\"}");
      assertEquals(200, after.statusCode(), after.body());
    }
  }
}
