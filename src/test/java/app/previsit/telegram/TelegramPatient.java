package app.previsit.telegram;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.previsit.server.PrevisitServer;
import app.previsit.testing.RunningServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * One simulated patient in a private Telegram chat with the bot: types, presses buttons on the
 * bot's latest keyboard, and waits until the bot has finished answering (its inbox is empty and
 * new messages have arrived).
 */
final class TelegramPatient {
  static final Duration WAIT = Duration.ofSeconds(20);

  private final FakeBotApi api;
  final long chatId;
  private Supplier<PrevisitServer> server;
  long lastUpdateId;

  TelegramPatient(FakeBotApi api, long chatId, Supplier<PrevisitServer> server) {
    this.api = api;
    this.chatId = chatId;
    this.server = server;
  }

  TelegramPatient on(Supplier<PrevisitServer> s) {
    server = s;
    return this;
  }

  /** Sends text and returns the bot's new messages. */
  List<JsonObject> says(String text) {
    int before = api.sent(chatId).size();
    lastUpdateId = api.pushText(chatId, text);
    return repliesAfter(before);
  }

  /** Presses the button with this label on the bot's live keyboard. */
  List<JsonObject> presses(String label) {
    JsonObject message = lastKeyboard();
    assertNotNull(message, "no keyboard to press " + label + " on");
    String data = callbackData(message, label);
    assertNotNull(data, "no button '" + label + "' on the latest keyboard: " + message.getValue("reply_markup"));
    int before = api.sent(chatId).size();
    lastUpdateId = api.pushCallback(chatId, message.getInteger("message_id"), data);
    return repliesAfter(before);
  }

  /** Waits until the bot has taken the update in, applied it and delivered everything. */
  List<JsonObject> repliesAfter(int before) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      if (api.sent(chatId).size() > before && settled()) {
        List<JsonObject> all = api.sent(chatId);
        return new ArrayList<>(all.subList(before, all.size()));
      }
      sleep(20);
    }
    throw new AssertionError("the bot did not answer in chat " + chatId + "; it sent: " + api.sent(chatId));
  }

  /** True once the update was confirmed to Telegram and nothing waits in our inbox. */
  boolean settled() {
    if (api.confirmedUpTo() < lastUpdateId && api.pendingCount() > 0) return false;
    try {
      return RunningServer.await(server.get().services().stores().telegram().pending(10)).isEmpty();
    } catch (Exception e) {
      return false;
    }
  }

  void awaitSettled() {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      if (settled()) {
        sleep(100); // a last reply may still be on its way out
        if (settled()) return;
      }
      sleep(20);
    }
    throw new AssertionError("the bot did not settle");
  }

  JsonObject lastKeyboard() {
    List<JsonObject> mine = new ArrayList<>(api.botMessages(chatId));
    mine.sort(java.util.Comparator.comparingInt(m -> m.getInteger("message_id")));
    for (int i = mine.size() - 1; i >= 0; i--) {
      JsonObject m = mine.get(i);
      JsonObject markup = m.getJsonObject("reply_markup");
      if (markup != null && !markup.getJsonArray("inline_keyboard", new JsonArray()).isEmpty()) return m;
    }
    return null;
  }

  static String callbackData(JsonObject message, String label) {
    for (Object row : message.getJsonObject("reply_markup").getJsonArray("inline_keyboard")) {
      for (Object b : (JsonArray) row) {
        JsonObject button = (JsonObject) b;
        if (label.equals(button.getString("text"))) return button.getString("callback_data");
      }
    }
    return null;
  }

  static String text(List<JsonObject> messages) {
    StringBuilder b = new StringBuilder();
    messages.forEach(m -> b.append(m.getString("text")).append('\n'));
    return b.toString();
  }

  static void assertSaid(List<JsonObject> messages, String fragment) {
    assertTrue(text(messages).contains(fragment), "expected \"" + fragment + "\" in: " + text(messages));
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
