package app.previsit.telegram;

import static app.previsit.telegram.TelegramPatient.assertSaid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.previsit.config.Config;
import app.previsit.store.redis.RedisStores;
import app.previsit.testing.RedisServerExtension;
import app.previsit.testing.RunningServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Webhook mode, Redis outages, crashes between taking an update in and applying it, and ordering per chat. */
class TelegramReliabilityTest {
  @RegisterExtension
  static final RedisServerExtension REDIS = new RedisServerExtension(true);

  static final String TOKEN = "654321:RELIABLE";
  static final String SECRET = "webhook-secret-0123456789";

  FakeBotApi api;
  RunningServer app;

  @BeforeEach
  void start() {
    REDIS.flushAll();
    api = FakeBotApi.start(TOKEN, "previsit_reliable_bot");
  }

  @AfterEach
  void stop() throws Exception {
    if (app != null) app.close();
    api.close();
  }

  RunningServer startApp(Map<String, String> extra) throws Exception {
    Map<String, String> env = new HashMap<>(Map.of("REDIS_URL", REDIS.uri().toString(), "TELEGRAM_BOT_TOKEN", TOKEN,
        "TELEGRAM_API_URL", api.url(), "PREVISIT_SESSION_SECRET", RunningServer.TEST_SECRET,
        "PREVISIT_REMINDER_HOURS", "0"));
    env.putAll(extra);
    return RunningServer.start(env);
  }

  String token() throws Exception {
    String reception = app.login("reception");
    JsonObject body = new JsonObject().put("patientName", "Dee Webb").put("appointmentAt",
        LocalDateTime.now().plusDays(2).withHour(9).withMinute(0).withSecond(0).withNano(0).toString()).put("clinician", "Dr Ng");
    HttpResponse<String> r = app.send("POST", "/api/invitations", reception, body.encode());
    assertEquals(201, r.statusCode(), r.body());
    String link = new JsonObject(r.body()).getString("telegramLink");
    return link.substring(link.indexOf("?start=") + 7);
  }

  /** A patient in chat {@code chatId} who opened the link and pressed "Let's start". */
  TelegramPatient begun(long chatId, String token) {
    TelegramPatient p = new TelegramPatient(api, chatId, () -> app.server);
    p.says("/start " + token);
    p.presses("Let's start");
    return p;
  }

  /** The transcript as the service holds it (the web link itself is held by the Telegram chat, so it shows nothing). */
  JsonArray transcript(String token) throws Exception {
    var inv = RunningServer.await(app.server.services().stores().invitations().byToken(token)).orElseThrow();
    JsonArray out = new JsonArray();
    for (var l : RunningServer.await(app.server.services().conversations().history(inv))) {
      out.add(new JsonObject().put("from", l.from()).put("text", l.text()).put("buttons", new JsonArray(l.buttons())));
    }
    return out;
  }

  static List<String> patientLines(JsonArray transcript) {
    return transcript.stream().map(o -> (JsonObject) o).filter(l -> "patient".equals(l.getString("from")))
        .map(l -> l.getString("text")).toList();
  }

  @Test
  void webhookModeTakesOnlyRequestsWithTheSecretAndAppliesARedeliveryOnce() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    String hook = "http://127.0.0.1:" + port + "/telegram/hook";
    app = startApp(Map.of("PREVISIT_HTTP_PORT", Integer.toString(port), "TELEGRAM_WEBHOOK_URL", hook,
        "TELEGRAM_WEBHOOK_SECRET", SECRET));
    JsonObject set = api.calls("setWebhook").get(0);
    assertEquals(hook, set.getString("url"));
    assertEquals(SECRET, set.getString("secret_token"));
    assertEquals(1, set.getInteger("max_connections"), "one webhook request at a time keeps Telegram's order");

    String token = token();
    long chat = 7001;
    long start = api.pushText(chat, "/start " + token);
    assertEquals(401, api.deliverByWebhook(start, hook, null), "no secret");
    assertEquals(401, api.deliverByWebhook(start, hook, "wrong-secret-wrong-secret"), "wrong secret");
    assertEquals(400, FakeBotApi.postWebhook(hook, new JsonObject().put("nonsense", true), SECRET));
    assertEquals(0, api.sent(chat).size(), "nothing reached the conversation");

    assertEquals(200, api.deliverByWebhook(start, hook, SECRET));
    assertSaid(api.awaitSentCount(chat, 1, TelegramPatient.WAIT), "Dee");
    JsonObject welcome = api.botMessages(chat).get(0);
    long press = api.pushCallback(chat, welcome.getInteger("message_id"), "k:0");
    assertEquals(200, api.deliverByWebhook(press, hook, SECRET));
    long text = api.pushText(chat, "my ear has been ringing");
    assertEquals(200, api.deliverByWebhook(text, hook, SECRET));
    int sent = api.awaitSentCount(chat, 3, TelegramPatient.WAIT).size();
    // Telegram retries a webhook it thinks failed: the same update again changes nothing.
    assertEquals(200, api.deliverByWebhook(text, hook, SECRET));
    Thread.sleep(300);
    assertEquals(List.of("Let's start", "my ear has been ringing"), patientLines(transcript(token)));
    assertEquals(sent, api.sent(chat).size(), "a redelivered update gets no second answer");

    // An earlier attempt's write reached Redis but its answer was lost (a timeout): the update is marked
    // seen and sits in the inbox with nobody applying it. Telegram's retry must get it applied, once.
    long lost = api.pushText(chat, "and my jaw clicks");
    assertTrue(RunningServer.await(app.server.services().stores().telegram().enqueue(lost, api.update(lost).encode())));
    assertEquals(200, api.deliverByWebhook(lost, hook, SECRET));
    api.awaitSentCount(chat, sent + 1, TelegramPatient.WAIT);
    assertEquals(List.of("Let's start", "my ear has been ringing", "and my jaw clicks"), patientLines(transcript(token)));
  }

  @Test
  void whileRedisIsDownPollingWaitsAndNoUpdateIsLost() throws Exception {
    app = startApp(Map.of());
    String token = token();
    TelegramPatient p = begun(7002, token);
    REDIS.stop();
    int before = api.sent(p.chatId).size();
    long during = api.pushText(p.chatId, "my foot is numb");
    // The held getUpdates hands it over at once; after that the poller must not ask again (which would confirm it).
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (api.pendingCount() > 0 && api.heldRequests() > 0 && System.nanoTime() < deadline) Thread.sleep(10);
    int polls = api.calls("getUpdates").size();
    Thread.sleep(1500);
    assertEquals(polls, api.calls("getUpdates").size(), "polling pauses while the update cannot be stored");
    assertTrue(api.confirmedUpTo() < during, "an update must not be confirmed to Telegram before it is stored");
    REDIS.start();
    p.lastUpdateId = during;
    p.repliesAfter(before);
    assertEquals(List.of("Let's start", "my foot is numb"), patientLines(transcript(token)));
  }

  @Test
  void anUpdateTakenInButNotAppliedBeforeACrashIsAppliedAtTheNextStart() throws Exception {
    app = startApp(Map.of());
    String token = token();
    TelegramPatient p = begun(7003, token);
    app.close();
    app = null;
    api.awaitNoHeldRequests(TelegramPatient.WAIT);
    // What a kill -9 right after consume() leaves: the update is in the inbox and confirmed to Telegram.
    long id = api.pushText(p.chatId, "my wrist clicks");
    JsonObject update = api.update(id);
    try (var stores = RedisStores.connect(REDIS.uri(), Config.from(Map.of()))) {
      assertTrue(RunningServer.await(stores.telegram().enqueue(id, update.encode())));
    }
    api.redeliver(id); // and Telegram still has it too: it must be applied once, not twice
    app = startApp(Map.of());
    p.awaitSettled();
    api.awaitSentCount(p.chatId, 3, TelegramPatient.WAIT);
    assertEquals(List.of("Let's start", "my wrist clicks"), patientLines(transcript(token)));
  }

  @Test
  void messagesOfOneChatAreAppliedInOrderWhileChatsRunSideBySide() throws Exception {
    app = startApp(Map.of());
    String first = token();
    String second = token();
    TelegramPatient a = new TelegramPatient(api, 7004, () -> app.server);
    TelegramPatient b = new TelegramPatient(api, 7005, () -> app.server);
    a.says("/start " + first);
    b.says("/start " + second);
    a.presses("Let's start");
    b.presses("Let's start");
    List<String> texts = List.of("my knee hurts", "3 weeks", "5", "arthritis", "needing surgery", "a scan");
    for (String t : texts) {
      a.lastUpdateId = api.pushText(a.chatId, t);
      b.lastUpdateId = api.pushText(b.chatId, t + " too");
    }
    api.awaitConfirmed(b.lastUpdateId, TelegramPatient.WAIT);
    a.awaitSettled();
    List<String> expectA = new java.util.ArrayList<>(List.of("Let's start"));
    expectA.addAll(texts);
    assertEquals(expectA, patientLines(transcript(first)));
    List<String> expectB = new java.util.ArrayList<>(List.of("Let's start"));
    texts.forEach(t -> expectB.add(t + " too"));
    assertEquals(expectB, patientLines(transcript(second)));
  }

  @Test
  void aStormOf429sAcrossManyChatsLosesAndDuplicatesNothing() throws Exception {
    app = startApp(Map.of());
    List<TelegramPatient> patients = new java.util.ArrayList<>();
    List<String> tokens = new java.util.ArrayList<>();
    for (int i = 0; i < 6; i++) {
      tokens.add(token());
      TelegramPatient p = new TelegramPatient(api, 7100 + i, () -> app.server);
      p.says("/start " + tokens.get(i));
      p.presses("Let's start");
      patients.add(p);
    }
    Map<Long, Integer> before = new HashMap<>();
    patients.forEach(p -> before.put(p.chatId, api.sent(p.chatId).size()));
    // Telegram throttles us: the next 15 sends all answer 429 "retry after 1".
    api.failNext("sendMessage", 15, 429, 1);
    for (TelegramPatient p : patients) p.lastUpdateId = api.pushText(p.chatId, "I keep getting headaches " + p.chatId);
    for (TelegramPatient p : patients) p.repliesAfter(before.get(p.chatId));
    patients.get(patients.size() - 1).awaitSettled();
    assertEquals(15, api.failedCalls("sendMessage").size());
    for (int i = 0; i < patients.size(); i++) {
      TelegramPatient p = patients.get(i);
      assertEquals(List.of("Let's start", "I keep getting headaches " + p.chatId), patientLines(transcript(tokens.get(i))));
      List<JsonObject> replies = api.sent(p.chatId).subList(before.get(p.chatId), api.sent(p.chatId).size());
      assertEquals(1, replies.size(), "each reply arrives exactly once: " + replies);
    }
  }

  @Test
  void anUpdateAppliedJustBeforeACrashThatLeftItInTheInboxIsNotAppliedAgain() throws Exception {
    app = startApp(Map.of());
    String token = token();
    TelegramPatient p = begun(7200, token);
    p.says("my hip aches");
    long applied = p.lastUpdateId;
    for (int i = 0; i < 20; i++) p.says(i % 2 == 0 ? "/help" : "/summary"); // more turns than the session remembers ids for
    app.close();
    app = null;
    api.awaitNoHeldRequests(TelegramPatient.WAIT);
    // What a crash between applying the turn and clearing it from the inbox leaves, with the seen marker gone too.
    REDIS.command("DEL previsit:{tg:" + Math.floorMod(applied, 8L) + "}:seen:" + applied);
    try (var stores = RedisStores.connect(REDIS.uri(), Config.from(Map.of()))) {
      assertTrue(RunningServer.await(stores.telegram().enqueue(applied, api.update(applied).encode())));
    }
    app = startApp(Map.of());
    p.awaitSettled();
    assertEquals(1, patientLines(transcript(token)).stream().filter("my hip aches"::equals).count());
  }

  @Test
  void repliesOfOneChatKeepTheirOrderEvenWhenThatChatIsSlow() throws Exception {
    app = startApp(Map.of());
    String token = token();
    TelegramPatient p = begun(7300, token);
    api.slowDown(p.chatId, Duration.ofMillis(150));
    int typingBefore = api.calls("sendChatAction").size();
    int before = api.sent(p.chatId).size();
    List<String> texts = List.of("my elbow hurts", "2 weeks", "6", "tennis", "that it won't heal");
    for (String t : texts) p.lastUpdateId = api.pushText(p.chatId, t);
    api.awaitSentCount(p.chatId, before + texts.size(), TelegramPatient.WAIT);
    p.awaitSettled();
    List<String> botLines = transcript(token).stream().map(o -> (JsonObject) o).filter(l -> "bot".equals(l.getString("from")))
        .map(l -> l.getString("text")).toList();
    List<String> sent = api.sent(p.chatId).stream().map(m -> m.getString("text")).toList();
    // Messages that waited behind slow ones were shown "typing…" meanwhile.
    assertTrue(api.calls("sendChatAction").stream().skip(typingBefore)
        .anyMatch(c -> "typing".equals(c.getString("action")) && String.valueOf(p.chatId).equals(String.valueOf(c.getValue("chat_id")))),
        "no typing indicator: " + api.calls("sendChatAction"));
    // What Telegram shows is what the conversation said, in the same order (no escaping needed in these texts).
    assertEquals(botLines.subList(botLines.size() - texts.size(), botLines.size()),
        sent.subList(sent.size() - texts.size(), sent.size()).stream().map(t -> t.replace("&quot;", "\"")).toList());
  }

  static int freePort() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  RunningServer webhookApp(int port) throws Exception {
    return startApp(Map.of("PREVISIT_HTTP_PORT", Integer.toString(port), "TELEGRAM_WEBHOOK_URL",
        "http://127.0.0.1:" + port + "/telegram/hook", "TELEGRAM_WEBHOOK_SECRET", SECRET));
  }

  @Test
  void twoInstancesStartingOnOneRedisApplyAnUpdateLeftInTheInboxOnceAndAnswerItOnce() throws Exception {
    int portA = freePort();
    app = webhookApp(portA);
    String token = token();
    long chat = 7400;
    String hookA = "http://127.0.0.1:" + portA + "/telegram/hook";
    assertEquals(200, api.deliverByWebhook(api.pushText(chat, "/start " + token), hookA, SECRET));
    api.awaitSentCount(chat, 1, TelegramPatient.WAIT);
    int welcome = api.botMessages(chat).get(0).getInteger("message_id");
    assertEquals(200, api.deliverByWebhook(api.pushCallback(chat, welcome, "k:0"), hookA, SECRET));
    api.awaitSentCount(chat, 2, TelegramPatient.WAIT);
    app.close();
    app = null;
    // Several updates taken in before a crash, none applied yet.
    List<String> texts = List.of("my back aches", "since the summer", "4");
    try (var stores = RedisStores.connect(REDIS.uri(), Config.from(Map.of()))) {
      for (String t : texts) {
        long id = api.pushText(chat, t);
        assertTrue(RunningServer.await(stores.telegram().enqueue(id, api.update(id).encode())));
      }
    }
    int before = api.sent(chat).size();
    // Two instances come up at once and both find the same leftovers.
    int portB = freePort();
    var startA = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
      try {
        return webhookApp(portA);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    RunningServer b = webhookApp(portB);
    app = startA.get(30, java.util.concurrent.TimeUnit.SECONDS);
    try {
      api.awaitSentCount(chat, before + texts.size(), TelegramPatient.WAIT);
      long deadline = System.nanoTime() + 20_000_000_000L;
      while (!RunningServer.await(b.server.services().stores().telegram().pending(10)).isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      Thread.sleep(500); // a duplicate reply would be on its way by now
      assertEquals(List.of("Let's start", "my back aches", "since the summer", "4"), patientLines(transcript(token)));
      assertEquals(before + texts.size(), api.sent(chat).size(), "each leftover answered once: " + api.sent(chat));
    } finally {
      b.close();
    }
  }
}
