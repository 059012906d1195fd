package app.previsit.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.previsit.invitation.Invitation;
import app.previsit.testing.RunningServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The review as items in the chat API, and one item changed or removed with {edit}: applied once per message id. */
class ChatReviewApiTest {
  static RunningServer app;

  @BeforeAll
  static void start() throws Exception {
    app = RunningServer.start(Map.of());
  }

  @AfterAll
  static void stop() throws Exception {
    app.close();
  }

  /** A conversation at the review with one concern and two questions; the last answer. */
  private static JsonObject atReview(Invitation inv) throws Exception {
    for (String m : List.of("{\"button\":\"Let's start\"}", "{\"button\":\"None of these\"}",
        "{\"text\":\"my knee has been swollen\"}")) {
      assertEquals(200, app.say(inv, m).statusCode());
    }
    JsonObject last = null;
    for (int i = 0; i < 20; i++) {
      last = new JsonObject(app.say(inv, "{\"text\":\"/skip\"}").body());
      if (last.getJsonObject("progress").getString("label").equals("Your questions")) break;
    }
    app.say(inv, "{\"text\":\"do I need a scan?\"}");
    app.say(inv, "{\"text\":\"is it arthritis?\"}");
    for (int i = 0; i < 20 && !last.containsKey("review"); i++) last = new JsonObject(app.say(inv, "{\"text\":\"/skip\"}").body());
    return last;
  }

  @Test
  void theReviewComesAsItemsInTheAnswerAndInTheHistory() throws Exception {
    Invitation inv = app.invite("Rene Review");
    JsonObject review = atReview(inv).getJsonObject("review");
    assertTrue(review.getString("intro").startsWith("Here is your summary"), review.encode());
    JsonObject questions = section(review, "questions");
    assertEquals(List.of("do I need a scan?", "is it arthritis?"), texts(questions));
    assertTrue(questions.getBoolean("editable"));
    assertEquals(0, questions.getJsonArray("items").getJsonObject(0).getInteger("index"));
    JsonObject history = new JsonObject(app.send("GET", "/chat/api/" + inv.token() + "/history", null, null).body());
    assertEquals(review, history.getJsonObject("review"));
  }

  @Test
  void anEditChangesOneItemOnceEvenWhenItsMessageIsSentTwice() throws Exception {
    Invitation inv = app.invite("Ed Edit");
    atReview(inv);
    String edit = "{\"id\":\"e1\",\"edit\":{\"section\":\"questions\",\"index\":0,\"action\":\"change\",\"text\":\"will I need an x-ray?\"}}";
    JsonObject first = new JsonObject(app.say(inv, edit).body());
    JsonObject again = new JsonObject(app.say(inv, edit).body());
    assertEquals(first, again, "a repeat gets the first answer");
    assertEquals(List.of("will I need an x-ray?", "is it arthritis?"), texts(section(first.getJsonObject("review"), "questions")));
    JsonObject removed = new JsonObject(app.say(inv, "{\"id\":\"e2\",\"edit\":{\"section\":\"questions\",\"index\":1,\"action\":\"remove\"}}").body());
    assertEquals(List.of("will I need an x-ray?"), texts(section(removed.getJsonObject("review"), "questions")));
    JsonObject confirmed = new JsonObject(app.say(inv, "{\"button\":\"Confirm and send to my GP\"}").body());
    assertTrue(confirmed.getBoolean("done"));
    assertFalse(confirmed.containsKey("review"), "no review once it is sent");
  }

  @Test
  void aMalformedEditIsRefusedWithAClearError() throws Exception {
    Invitation inv = app.invite("Mal Formed");
    for (String bad : List.of("{\"edit\":\"questions\"}", "{\"edit\":{\"section\":\"questions\",\"index\":\"0\",\"action\":\"remove\"}}",
        "{\"edit\":{\"section\":\"questions\",\"index\":0,\"action\":\"rename\"}}",
        "{\"edit\":{\"section\":\"questions\",\"index\":0,\"action\":\"change\",\"text\":\"  \"}}")) {
      HttpResponse<String> r = app.say(inv, bad);
      assertEquals(400, r.statusCode(), bad);
      assertTrue(new JsonObject(r.body()).getString("error").contains("edit") || r.body().contains("text"), r.body());
    }
    String tooLong = "{\"edit\":{\"section\":\"questions\",\"index\":0,\"action\":\"change\",\"text\":\"" + "a".repeat(9000) + "\"}}";
    assertEquals(413, app.say(inv, tooLong).statusCode());
  }

  private static JsonObject section(JsonObject review, String key) {
    return review.getJsonArray("sections").stream().map(JsonObject.class::cast).filter(s -> s.getString("key").equals(key))
        .findFirst().orElseThrow(() -> new AssertionError("no section " + key + " in " + review.encode()));
  }

  private static List<String> texts(JsonObject section) {
    JsonArray items = section.getJsonArray("items");
    return items.stream().map(JsonObject.class::cast).map(i -> i.getString("text")).toList();
  }
}
