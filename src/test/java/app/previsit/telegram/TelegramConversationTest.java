package app.previsit.telegram;

import static app.previsit.telegram.TelegramPatient.assertSaid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.previsit.printout.PrintedPages;
import app.previsit.testing.RedisServerExtension;
import app.previsit.testing.RunningServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Telegram channel end to end: the real TelegramBots library long-polling a fake Bot API on
 * loopback, the real service and a real redis-server.
 */
class TelegramConversationTest {
  @RegisterExtension
  static final RedisServerExtension REDIS = new RedisServerExtension(true);

  static final String TOKEN = "123456:TEST-token";
  private static final AtomicLong CHATS = new AtomicLong(5000);

  FakeBotApi api;
  RunningServer app;

  @BeforeEach
  void start() throws Exception {
    // Each test has a new fake Telegram whose update ids start again at 1000: forget the ids seen before.
    REDIS.flushAll();
    api = FakeBotApi.start(TOKEN, "previsit_test_bot");
    app = startApp();
  }

  @AfterEach
  void stop() throws Exception {
    if (app != null) app.close();
    api.close();
  }

  /** Automatic reminders off (appointments are tomorrow, so they could fall due at any hour of the run). */
  RunningServer startApp() throws Exception {
    return RunningServer.start(Map.of("REDIS_URL", REDIS.uri().toString(), "TELEGRAM_BOT_TOKEN", TOKEN,
        "TELEGRAM_API_URL", api.url(), "PREVISIT_SESSION_SECRET", RunningServer.TEST_SECRET, "PREVISIT_REMINDER_HOURS", "0"));
  }

  TelegramPatient patient() {
    return new TelegramPatient(api, CHATS.incrementAndGet(), () -> app.server);
  }

  /** A new patient who opened this invitation's link and pressed "Let's start". */
  TelegramPatient begun(JsonObject invitation) {
    TelegramPatient p = patient();
    p.says("/start " + token(invitation));
    p.presses("Let's start");
    p.presses("None of these");
    return p;
  }

  /** Reception invites through the API, as a practice would; returns the invitation JSON. */
  JsonObject invite(String name, String reference) throws Exception {
    String reception = app.login("reception");
    JsonObject body = new JsonObject().put("patientName", name).put("appointmentAt",
        LocalDateTime.now().plusDays(1).withHour(10).withMinute(30).withSecond(0).withNano(0).toString()).put("clinician", "Dr Patel");
    if (reference != null) body.put("reference", reference);
    HttpResponse<String> r = app.send("POST", "/api/invitations", reception, body.encode());
    assertEquals(201, r.statusCode(), r.body());
    return new JsonObject(r.body());
  }

  static String token(JsonObject invitation) {
    String link = invitation.getString("telegramLink");
    assertNotNull(link, "the invitation has no Telegram link: " + invitation);
    return link.substring(link.indexOf("?start=") + "?start=".length());
  }

  JsonObject summary(String id) throws Exception {
    HttpResponse<String> r = app.send("GET", "/api/summaries/" + id, app.login("gp"), null);
    assertEquals(200, r.statusCode(), r.body());
    return new JsonObject(r.body());
  }

  @Test
  void aWholeConversationFromTheDeepLinkToASummaryTheGpReads() throws Exception {
    JsonObject inv = invite("Sam Carter", "NHS-111");
    assertTrue(inv.getString("telegramLink").startsWith("https://t.me/previsit_test_bot?start="), inv.encode());
    TelegramPatient p = patient();

    List<JsonObject> hello = p.says("/start " + token(inv));
    assertSaid(hello, "Sam");
    assertEquals("html", hello.get(hello.size() - 1).getString("parse_mode").toLowerCase(java.util.Locale.ROOT));
    p.presses("Let's start");
    p.presses("None of these");
    p.says("my knee <b>& hip</b> have been swollen for 3 weeks");
    p.presses("7");
    p.says("maybe arthritis");
    p.says("that I'll need an operation");
    p.says("a scan");
    p.presses("No, that's all");
    p.says("I read on https://www.nhs.uk/conditions/gout/ that it could be gout");
    p.presses("Nothing about this");
    p.presses("No, that's all");
    p.presses("What are my options?");
    p.presses("No more questions");
    p.says("I want to walk the dog again");
    p.presses("That's all");
    p.presses("Let's decide together");
    p.presses("No, nothing");
    List<JsonObject> review = p.says("I take ramipril 5mg");
    if (p.lastKeyboard() != null && TelegramPatient.callbackData(p.lastKeyboard(), "That's all") != null) review = p.presses("That's all");
    // Patient text is escaped for HTML parse mode, never taken as markup.
    assertSaid(review, "knee &lt;b&gt;&amp; hip&lt;/b&gt;");
    List<JsonObject> done = p.presses("Confirm and send to my GP");
    assertFalse(done.isEmpty());

    JsonObject s = summary(inv.getString("id"));
    assertEquals("completed", s.getString("status"));
    assertEquals(true, s.getBoolean("confirmedByPatient"));
    assertEquals("my knee <b>& hip</b> have been swollen for 3 weeks", s.getJsonArray("concerns").getJsonObject(0).getString("text"));
    assertEquals("3 weeks", s.getJsonArray("concerns").getJsonObject(0).getString("duration"));
    assertEquals(7, s.getJsonArray("concerns").getJsonObject(0).getInteger("severity"));
    assertEquals("shared", s.getJsonObject("preferences").getString("decisionRole"));
    assertTrue(s.getJsonArray("medications").encode().contains("ramipril"), s.encode());
    assertFalse(s.encode().contains(token(inv)), "the link token is a secret and never shows in the summary");

    // The command menu was set, and every button press was answered.
    JsonObject menu = api.calls("setMyCommands").get(0);
    assertEquals(6, menu.getJsonArray("commands").size());
    assertTrue(api.calls("answerCallbackQuery").size() >= 10);
  }

  @Test
  void anAnsweredQuestionsOldButtonsAreRemovedAndCannotBePressedAgain() throws Exception {
    JsonObject inv = invite("Ola", null);
    TelegramPatient p = patient();
    p.says("/start " + token(inv));
    JsonObject welcome = p.lastKeyboard();
    p.presses("Let's start");
    // The welcome's keyboard was taken away once it was answered.
    assertTrue(api.calls("editMessageReplyMarkup").stream()
        .anyMatch(e -> e.getInteger("message_id").equals(welcome.getInteger("message_id"))));
    String before = summary(inv.getString("id")).getJsonArray("transcript").encode();
    // A press on that old message (a slow client) is answered kindly and changes nothing.
    p.lastUpdateId = api.pushCallback(p.chatId, welcome.getInteger("message_id"), TelegramPatient.callbackData(welcome, "Let's start"));
    api.awaitCall("answerCallbackQuery", c -> c.getString("text", "").contains("already been answered"), TelegramPatient.WAIT);
    p.awaitSettled();
    assertEquals(before, summary(inv.getString("id")).getJsonArray("transcript").encode());
  }

  @Test
  void wrongExpiredAndTakenLinksGetAKindAnswerAndBindNothing() throws Exception {
    TelegramPatient p = patient();
    assertSaid(p.says("/start AAAAAAAAAAAAAAAAAAAAAAAAAAA"), "don't recognise that link");
    assertSaid(p.says("/start"), "open the link your practice sent you");
    assertSaid(p.says("hello?"), "don't have an appointment for this chat");

    JsonObject inv = invite("Kim", null);
    TelegramPatient owner = patient();
    assertSaid(owner.says("/start " + token(inv)), "Kim");
    TelegramPatient stranger = patient();
    assertSaid(stranger.says("/start " + token(inv)), "already open on another device");
    assertEquals(403, app.send("GET", "/chat/api/" + token(inv) + "/history", null, null).statusCode(),
        "a browser cannot read a conversation whose link a Telegram chat holds");
    JsonObject webFirst = invite("Lou", null);
    assertEquals(200, app.send("GET", "/chat/api/" + token(webFirst) + "/history", null, null).statusCode());
    assertSaid(patient().says("/start " + token(webFirst)), "already open on another device");

    String reception = app.login("reception");
    assertEquals(200, app.send("DELETE", "/api/invitations/" + inv.getString("id"), reception, null).statusCode());
    assertSaid(owner.says("my back hurts"), "expired or been cancelled");
  }

  @Test
  void groupChatsArePolitelyRefusedAndNonTextIsAnsweredOrKept() throws Exception {
    long group = -100_200_300L;
    int before = api.sent(group).size();
    api.pushGroupText(group, 42, "/start hello");
    api.awaitSentCount(group, before + 1, TelegramPatient.WAIT);
    assertTrue(api.sent(group).get(before).getString("text").contains("only talk in private chats"));
    api.awaitCall("leaveChat", c -> String.valueOf(group).equals(String.valueOf(c.getValue("chat_id"))), TelegramPatient.WAIT);

    JsonObject inv = invite("Noor", null);
    TelegramPatient p = begun(inv);
    int n = api.sent(p.chatId).size();
    p.lastUpdateId = api.pushSticker(p.chatId, "sticker-1");
    assertSaid(p.repliesAfter(n), "only read typed messages");
    n = api.sent(p.chatId).size();
    byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 1, 2, 3, 4};
    api.putFile("photo-of-leaflet", "photos/file_7.jpg", jpeg);
    p.lastUpdateId = api.pushPhoto(p.chatId, "photo-of-leaflet");
    assertSaid(p.repliesAfter(n), "kept that to show the GP");
    assertTrue(summary(inv.getString("id")).getJsonArray("research").encode().contains("photo-of-leaflet"));

    // The GP opens the printout from the summary page; Telegram serves it, we keep no copy.
    String gp = app.login("gp");
    String page = app.send("GET", "/gp/summaries/" + inv.getString("id"), gp, null).body();
    assertTrue(page.contains("/gp/summaries/" + inv.getString("id") + "/attachments/0"), "the summary page links the photo");
    var photo = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
            java.net.URI.create(app.base + "/gp/summaries/" + inv.getString("id") + "/attachments/0"))
        .header("Authorization", "Bearer " + gp).build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, photo.statusCode());
    assertEquals("image/jpeg", photo.headers().firstValue("Content-Type").orElse(""));
    org.junit.jupiter.api.Assertions.assertArrayEquals(jpeg, photo.body());
    assertEquals(404, app.send("GET", "/gp/summaries/" + inv.getString("id") + "/attachments/1", gp, null).statusCode());
    assertEquals(403, app.send("GET", "/gp/summaries/" + inv.getString("id") + "/attachments/0", app.login("reception"), null)
        .statusCode(), "reception never sees clinical content");
    String audit = app.send("GET", "/api/audit", app.login("admin"), null).body();
    assertTrue(audit.contains("view-attachment"), audit);
  }

  @Test
  void aPhotoOfAPrintoutSentInTelegramIsReadAndSaidBack() throws Exception {
    JsonObject inv = invite("Osian", null);
    TelegramPatient p = begun(inv);
    int n = api.sent(p.chatId).size();
    api.putFile("nhs-page", "photos/file_9.jpg", PrintedPages.sciaticaPhoto());
    p.lastUpdateId = api.pushPhoto(p.chatId, "nhs-page");
    assertSaid(p.repliesAfter(n), "This looks like an NHS web page, “Sciatica”. Is that right?");
    JsonObject item = summary(inv.getString("id")).getJsonArray("research").getJsonObject(0);
    assertEquals("Sciatica", item.getString("title"));
    assertEquals("nhs-page", item.getJsonArray("attachments").getString(0), "the file stays with Telegram: its id is kept");
    assertTrue(item.getString("extractedText").contains("sciatic nerve"));
  }

  @Test
  void anEditOfTheLatestAnswerReplacesItAndAnOlderEditIsANewMessage() throws Exception {
    JsonObject inv = invite("Eve", null);
    TelegramPatient p = begun(inv);
    p.says("my ankle hurts");
    int ankle = api.lastPatientMessageId(p.chatId);
    int n = api.sent(p.chatId).size();
    p.lastUpdateId = api.pushEdited(p.chatId, ankle, "my wrist hurts");
    assertSaid(p.repliesAfter(n), "changed your last answer");
    JsonArray concerns = summary(inv.getString("id")).getJsonArray("concerns");
    assertEquals(1, concerns.size(), concerns.encode());
    assertEquals("my wrist hurts", concerns.getJsonObject(0).getString("text"));

    p.says("3 weeks");
    int weeks = api.lastPatientMessageId(p.chatId);
    p.says("/help");
    // After a command the latest turn is no typed answer any more: editing "3 weeks" now is a new message.
    n = api.sent(p.chatId).size();
    p.lastUpdateId = api.pushEdited(p.chatId, weeks, "4 weeks");
    assertFalse(TelegramPatient.text(p.repliesAfter(n)).contains("changed your last answer"));
    n = api.sent(p.chatId).size();
    p.lastUpdateId = api.pushEdited(p.chatId, ankle, "my wrist hurts a lot");
    List<JsonObject> older = p.repliesAfter(n);
    assertFalse(TelegramPatient.text(older).contains("changed your last answer"), "an older message's edit is a new message");
    JsonObject s = summary(inv.getString("id"));
    assertEquals("3 weeks", s.getJsonArray("concerns").getJsonObject(0).getString("duration"), "the later answer stays");
    assertTrue(s.getJsonArray("transcript").encode().contains("my wrist hurts a lot"));
  }

  @Test
  void aRateLimitStormAndServerErrorsDelayRepliesButLoseNone() throws Exception {
    JsonObject inv = invite("Ria", null);
    TelegramPatient p = patient();
    api.failNext("sendMessage", 3, 429, 1);
    assertSaid(p.says("/start " + token(inv)), "Ria");
    assertEquals(3, api.failedCalls("sendMessage").size());
    api.failNext("sendMessage", 2, 500, null);
    p.presses("Let's start");
    List<JsonObject> r = p.says("I have had a cough for two weeks");
    assertFalse(r.isEmpty());
    JsonObject s = summary(inv.getString("id"));
    assertEquals(1, s.getJsonArray("concerns").size());
    String metrics = app.send("GET", "/metrics", null, null).body();
    assertTrue(metrics.contains("previsit_telegram_call_retries"), "retries are counted in /metrics");
  }

  @Test
  void aRestartMidConversationResumesAndARedeliveredUpdateIsAppliedOnce() throws Exception {
    JsonObject inv = invite("Lee", null);
    TelegramPatient p = begun(inv);
    p.says("my shoulder aches at night");
    long shoulder = p.lastUpdateId;

    app.close();
    api.awaitNoHeldRequests(TelegramPatient.WAIT);
    // Telegram sends the update again to the new process, as after a crash before it was confirmed.
    api.redeliver(shoulder);
    app = startApp();
    api.awaitConfirmed(shoulder, TelegramPatient.WAIT);
    p.awaitSettled();
    JsonObject s = summary(inv.getString("id"));
    assertEquals(1, s.getJsonArray("concerns").size(), s.getJsonArray("concerns").encode());
    long shoulderLines = s.getJsonArray("transcript").stream()
        .filter(l -> ((JsonObject) l).getString("text").equals("my shoulder aches at night")).count();
    assertEquals(1, shoulderLines);

    // And the conversation carries on where it was.
    List<JsonObject> next = p.says("about 2 months");
    assertFalse(next.isEmpty());
    assertEquals("2 months", summary(inv.getString("id")).getJsonArray("concerns").getJsonObject(0).getString("duration"),
        summary(inv.getString("id")).encode());
  }

  @Test
  void aReturningPatientIsInvitedInTheirChatWithAButtonToBegin() throws Exception {
    TelegramPatient p = patient();
    JsonObject first = invite("Uma Shah", "NHS-777");
    p.says("/start " + token(first));
    p.presses("Let's start");
    int n = api.sent(p.chatId).size();
    JsonObject second = invite("Uma Shah", "NHS-777");
    List<JsonObject> offer = api.awaitSentCount(p.chatId, n + 1, TelegramPatient.WAIT);
    JsonObject message = offer.get(offer.size() - 1);
    assertTrue(message.getString("text").contains("invited you"), message.encode());
    assertFalse(message.getString("text").contains("Uma"), "the offer names no one: the phone may not be hers any more");

    // The conversation in progress is not taken over: the next answer still belongs to the first invitation.
    p.says("my knee hurts");
    assertEquals("my knee hurts", summary(first.getString("id")).getJsonArray("concerns").getJsonObject(0).getString("text"));
    assertEquals("invited", summary(second.getString("id")).getString("status"));

    List<JsonObject> greeting = p.presses("Begin");
    assertSaid(greeting, "Uma");
    p.presses("Let's start");
    assertEquals("started", summary(second.getString("id")).getString("status"));

    // Once they ask to be forgotten, a new invitation no longer reaches their chat.
    p.says("/forget");
    p.presses("Yes, delete everything");
    assertTrue(RunningServer.await(app.server.services().stores().telegram().chatOfReference("NHS-777")).isEmpty());
    int after = api.sent(p.chatId).size();
    invite("Uma Shah", "NHS-777");
    Thread.sleep(300);
    assertEquals(after, api.sent(p.chatId).size(), "a forgotten patient is not messaged again");
  }

  @Test
  void receptionRemindsAPatientInTelegramAndAReminderGoesOnceAutomatically() throws Exception {
    JsonObject inv = invite("Rita Remind", null);
    TelegramPatient p = begun(inv);
    String reception = app.login("reception");
    int before = api.sent(p.chatId).size();
    assertEquals(200, app.send("POST", "/api/invitations/" + inv.getString("id") + "/remind", reception, null).statusCode());
    assertSaid(api.awaitSentCount(p.chatId, before + 1, TelegramPatient.WAIT), "A reminder from your GP practice");
    JsonObject web = invite("Wes Web", null);
    assertEquals(409, app.send("POST", "/api/invitations/" + web.getString("id") + "/remind", reception, null).statusCode(),
        "a web-only patient cannot be reached");

    // The appointment is tomorrow: within 48 h whatever the hour of the run.
    app.close();
    app = RunningServer.start(Map.of("REDIS_URL", REDIS.uri().toString(), "TELEGRAM_BOT_TOKEN", TOKEN,
        "TELEGRAM_API_URL", api.url(), "PREVISIT_SESSION_SECRET", RunningServer.TEST_SECRET, "PREVISIT_REMINDER_HOURS", "48"));
    int now = api.sent(p.chatId).size();
    assertSaid(api.awaitSentCount(p.chatId, now + 1, TelegramPatient.WAIT), "A reminder from your GP practice");
    app.close();
    app = RunningServer.start(Map.of("REDIS_URL", REDIS.uri().toString(), "TELEGRAM_BOT_TOKEN", TOKEN,
        "TELEGRAM_API_URL", api.url(), "PREVISIT_SESSION_SECRET", RunningServer.TEST_SECRET, "PREVISIT_REMINDER_HOURS", "48"));
    Thread.sleep(3500);
    assertEquals(now + 1, api.sent(p.chatId).size(), "the automatic reminder goes once, whatever restarts");
    p.says("/stop");
    assertEquals(409, app.send("POST", "/api/invitations/" + inv.getString("id") + "/remind", app.login("reception"), null)
        .statusCode(), "never after the patient stopped the chat");
  }

  @Test
  void aNewLinkShutsOutTheOldChatEvenThroughItsBeginButton() throws Exception {
    TelegramPatient p = patient();
    JsonObject first = invite("Vi Lost", "NHS-888");
    p.says("/start " + token(first));
    p.presses("Let's start");
    int n = api.sent(p.chatId).size();
    JsonObject second = invite("Vi Lost", "NHS-888");
    api.awaitSentCount(p.chatId, n + 1, TelegramPatient.WAIT);
    JsonObject offer = p.lastKeyboard();
    String begin = TelegramPatient.callbackData(offer, "Begin");
    p.presses("Begin");
    assertEquals(p.chatId, RunningServer.await(app.server.services().stores().invitations().byId(second.getString("id")))
        .orElseThrow().telegramChatId());
    // The phone is lost: reception sends a new link.
    String reception = app.login("reception");
    assertEquals(200, app.send("POST", "/api/invitations/" + second.getString("id") + "/link", reception, null).statusCode());
    int before = api.sent(p.chatId).size();
    p.lastUpdateId = api.pushCallback(p.chatId, offer.getInteger("message_id"), begin);
    List<JsonObject> answer = p.repliesAfter(before);
    assertSaid(answer, "no longer applies");
    assertEquals(null, RunningServer.await(app.server.services().stores().invitations().byId(second.getString("id")))
        .orElseThrow().telegramChatId(), "the old chat did not take the invitation back");
  }

  @Test
  void aReplyLongerThanTelegramAllowsArrivesInPiecesAndNothingIsLost() throws Exception {
    JsonObject inv = invite("Max", null);
    TelegramPatient p = begun(inv);
    String longConcern = ("my knee aches when I climb the stairs & it clicks. ").repeat(78).strip();
    p.says(longConcern);
    List<JsonObject> summary = p.says("/summary");
    long pieces = summary.stream().filter(m -> m.getString("text").contains("knee aches")).count();
    assertTrue(pieces >= 2, "expected the summary in several messages: " + summary.size());
    summary.forEach(m -> assertTrue(m.getString("text").replace("&amp;", "&").length() <= 4096));
    String joined = TelegramPatient.text(summary).replace("&amp;", "&");
    assertTrue(joined.replaceAll("\\s+", "").contains(longConcern.substring(0, 3000).replaceAll("\\s+", "")));
  }

  @Test
  void anEmergencyInTelegramGetsTheEmergencyReplyAtOnceAndTopsTheGpsSummary() throws Exception {
    JsonObject inv = invite("Ivy", null);
    TelegramPatient p = begun(inv);
    List<JsonObject> reply = p.says("I have crushing pain in my chest right now");
    assertSaid(reply, "999");
    assertSaid(reply, "111");
    JsonObject s = summary(inv.getString("id"));
    assertEquals(1, s.getJsonArray("redFlags").size(), s.encode());
    assertEquals("cardiac", s.getJsonArray("redFlags").getJsonObject(0).getString("category"));
    // A negated mention later is no alarm.
    p.presses("I'm safe now, carry on");
    p.says("no chest pain now, just a cough");
    assertEquals(1, summary(inv.getString("id")).getJsonArray("redFlags").size());
  }

  @Test
  void whenTheRepliesCannotBeSentTheOldKeyboardIsAlreadyDead() throws Exception {
    JsonObject inv = invite("Pia", null);
    TelegramPatient p = patient();
    p.says("/start " + token(inv));
    JsonObject welcome = p.lastKeyboard();
    String help = TelegramPatient.callbackData(welcome, "What is this for?");
    // The patient types instead of pressing; the turn is applied but Telegram refuses every reply (400, final).
    api.failNext("sendMessage", 3, 400, null);
    p.lastUpdateId = api.pushText(p.chatId, "let's start");
    p.awaitSettled();
    assertTrue(api.failedCalls("sendMessage").size() >= 1);
    String before = summary(inv.getString("id")).getJsonArray("transcript").encode();
    // A press on the welcome's keyboard must not reach the question the conversation has moved on to.
    p.lastUpdateId = api.pushCallback(p.chatId, welcome.getInteger("message_id"), help);
    api.awaitCall("answerCallbackQuery", c -> c.getString("text", "").contains("already been answered"), TelegramPatient.WAIT);
    p.awaitSettled();
    assertEquals(before, summary(inv.getString("id")).getJsonArray("transcript").encode());
  }
}
