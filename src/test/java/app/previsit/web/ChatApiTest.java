package app.previsit.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.previsit.invitation.Invitation;
import app.previsit.invitation.InvitationStatus;
import app.previsit.testing.RunningServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ChatApiTest {
  static RunningServer app;

  @BeforeAll
  static void start() throws Exception {
    app = RunningServer.start(Map.of());
  }

  @AfterAll
  static void stop() throws Exception {
    app.close();
  }

  @Test
  void historyOfANewInvitationAlreadyHoldsTheGreeting() throws Exception {
    Invitation inv = app.invite("Nina");
    HttpResponse<String> r = app.send("GET", "/chat/api/" + inv.token() + "/history", null, null);
    assertEquals(200, r.statusCode());
    JsonArray messages = new JsonObject(r.body()).getJsonArray("messages");
    assertEquals(1, messages.size());
    assertTrue(messages.getJsonObject(0).getString("text").contains("Hello Nina"));
    assertEquals(2, messages.getJsonObject(0).getJsonArray("buttons").size());
    // Opening again does not greet twice.
    assertEquals(1, new JsonObject(app.send("GET", "/chat/api/" + inv.token() + "/history", null, null).body())
        .getJsonArray("messages").size());
  }

  @Test
  void aConversationRunsThroughTheApiAndMarksTheInvitation() throws Exception {
    Invitation inv = app.invite("Omar");
    JsonObject first = new JsonObject(app.say(inv, "{\"text\":\"/start\"}").body());
    assertTrue(first.getJsonArray("replies").getJsonObject(0).getString("text").contains("Hello Omar"));
    JsonObject r = new JsonObject(app.say(inv, "{\"button\":\"Let's start\"}").body());
    assertTrue(r.getJsonArray("replies").getJsonObject(0).getString("text").contains("is any of these happening now"));
    r = new JsonObject(app.say(inv, "{\"button\":\"None of these\"}").body());
    assertTrue(r.getJsonArray("replies").getJsonObject(0).getString("text").contains("What would you like to talk about"));
    app.say(inv, "{\"text\":\"my knee has been swollen for 3 weeks 😀\"}");
    Invitation now = RunningServer.await(app.server.services().stores().invitations().byId(inv.id())).orElseThrow();
    assertEquals(InvitationStatus.STARTED, now.status());
    for (int i = 0; i < 20; i++) {
      JsonObject t = new JsonObject(app.say(inv, "{\"text\":\"/skip\"}").body());
      if (t.getJsonArray("replies").encode().contains("Confirm and send")) break;
    }
    JsonObject done = new JsonObject(app.say(inv, "{\"button\":\"Confirm and send to my GP\"}").body());
    assertTrue(done.getBoolean("done"));
    now = RunningServer.await(app.server.services().stores().invitations().byId(inv.id())).orElseThrow();
    assertEquals(InvitationStatus.COMPLETED, now.status());
  }

  @Test
  void aRetriedMessageWithTheSameIdIsAppliedOnce() throws Exception {
    Invitation inv = app.invite("Pia");
    app.say(inv, "{\"button\":\"Let's start\"}");
    HttpResponse<String> a = app.say(inv, "{\"text\":\"my elbow hurts\",\"id\":\"m-1\"}");
    HttpResponse<String> b = app.say(inv, "{\"text\":\"my elbow hurts\",\"id\":\"m-1\"}");
    assertEquals(a.body(), b.body());
    JsonArray history = new JsonObject(app.send("GET", "/chat/api/" + inv.token() + "/history", null, null).body())
        .getJsonArray("messages");
    long said = history.stream().map(o -> (JsonObject) o)
        .filter(m -> m.getString("from").equals("patient") && m.getString("text").equals("my elbow hurts")).count();
    assertEquals(1, said);
  }

  @Test
  void badRequestsGetClearJsonErrors() throws Exception {
    Invitation inv = app.invite("Quin");
    HttpResponse<String> malformed = app.say(inv, "{\"text\": ");
    assertEquals(400, malformed.statusCode());
    assertTrue(new JsonObject(malformed.body()).getString("error").contains("JSON"));
    HttpResponse<String> missing = app.say(inv, "{\"txt\":\"hi\"}");
    assertEquals(400, missing.statusCode());
    assertTrue(missing.body().contains("'text'"));
    assertEquals(413, app.say(inv, new JsonObject().put("text", "a".repeat(9000)).encode()).statusCode());
    HttpResponse<String> unknown = app.send("POST", "/chat/api/not-a-token/messages", null, "{\"text\":\"hi\"}");
    assertEquals(404, unknown.statusCode());
    assertFalse(unknown.body().contains("Exception"));
    HttpResponse<String> page = app.send("GET", "/chat/not-a-token", null, null);
    assertEquals(404, page.statusCode());
    assertTrue(page.body().contains("not valid"));
  }

  @Test
  void aCancelledInvitationsLinkIsGone() throws Exception {
    Invitation inv = app.invite("Rae");
    String token = app.login("reception");
    assertEquals(200, app.send("DELETE", "/api/invitations/" + inv.id(), token, null).statusCode());
    assertEquals(410, app.say(inv, "{\"text\":\"hello\"}").statusCode());
  }

  @Test
  void tooManyMessagesAreRateLimited() throws Exception {
    Invitation inv = app.invite("Sol");
    int limited = 0;
    for (int i = 0; i < 80; i++) if (app.say(inv, "{\"text\":\"/help\"}").statusCode() == 429) limited++;
    assertTrue(limited > 0, "no 429 after 80 quick messages");
  }

  @Test
  void thePageIsServedWithStrictSecurityHeaders() throws Exception {
    Invitation inv = app.invite("Tom <script>");
    HttpResponse<String> r = app.send("GET", "/chat/" + inv.token(), null, null);
    assertEquals(200, r.statusCode());
    assertTrue(r.headers().firstValue("Content-Security-Policy").orElse("").contains("script-src 'self'"));
    assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(""));
    assertFalse(r.body().contains("<script>alert"));
    assertFalse(r.body().contains("<script>\n"));
  }
}
