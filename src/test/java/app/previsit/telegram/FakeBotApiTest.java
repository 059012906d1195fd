package app.previsit.telegram;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.longpolling.BotSession;
import org.telegram.telegrambots.longpolling.TelegramBotsLongPollingApplication;
import org.telegram.telegrambots.longpolling.util.DefaultGetUpdatesGenerator;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.api.methods.send.SendChatAction;
import org.telegram.telegrambots.meta.api.methods.send.SendDocument;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.send.SendPhoto;
import org.telegram.telegrambots.meta.api.methods.updates.DeleteWebhook;
import org.telegram.telegrambots.meta.api.methods.updates.GetWebhookInfo;
import org.telegram.telegrambots.meta.api.methods.updates.SetWebhook;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.DeleteMessage;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageReplyMarkup;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.api.objects.InputFile;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.WebhookInfo;
import org.telegram.telegrambots.meta.api.objects.commands.BotCommand;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

import java.io.ByteArrayInputStream;
import java.io.Serializable;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Proves FakeBotApi is faithful by driving it with the real TelegramBots 10 client and long-polling app. */
class FakeBotApiTest {
    private static final String TOKEN = "123456:TEST-token_abc";
    private static final String BOT = "previsit_test_bot";
    private static final long CHAT = 4242L;
    private static final Duration WAIT = Duration.ofSeconds(5);

    private FakeBotApi api;
    private TelegramUrl url;
    private ExecutorService okExecutor;
    private OkHttpClient ok;
    private OkHttpTelegramClient client;
    private final List<ScheduledExecutorService> pollExecutors = new CopyOnWriteArrayList<>();
    private final List<TelegramBotsLongPollingApplication> apps = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeEach
    void setUp() {
        api = FakeBotApi.start(TOKEN, BOT);
        api.setMaxHold(Duration.ofMillis(500));
        url = new TelegramUrl("http", "127.0.0.1", api.port(), false);
        assertEquals(url.getPort(), api.telegramUrl().getPort());
        okExecutor = Executors.newCachedThreadPool(daemon("fake-okhttp"));
        ok = new OkHttpClient.Builder().dispatcher(new Dispatcher(okExecutor))
                .readTimeout(10, TimeUnit.SECONDS).build();
        client = new OkHttpTelegramClient(ok, TOKEN, url);
    }

    @AfterEach
    void tearDown() throws Exception {
        for (TelegramBotsLongPollingApplication app : apps) {
            app.close();
        }
        pollExecutors.forEach(ScheduledExecutorService::shutdownNow);
        api.close();
        okExecutor.shutdownNow();
        ok.connectionPool().evictAll();
    }

    @Test
    void sendMessageWithInlineKeyboardReturnsAMessageAndIsRecorded() throws Exception {
        InlineKeyboardMarkup keyboard = InlineKeyboardMarkup.builder()
                .keyboardRow(new InlineKeyboardRow(
                        InlineKeyboardButton.builder().text("Yes").callbackData("answer:yes").build(),
                        InlineKeyboardButton.builder().text("No").callbackData("answer:no").build()))
                .build();
        Message first = client.execute(SendMessage.builder().chatId(CHAT).text("Is it painful?").replyMarkup(keyboard).build());
        Message second = client.execute(SendMessage.builder().chatId(CHAT).text("Thanks").build());

        assertNotNull(first.getMessageId());
        assertEquals(first.getMessageId() + 1, second.getMessageId());
        assertEquals(CHAT, first.getChatId());
        assertEquals("Is it painful?", first.getText());
        assertTrue(first.getFrom().getIsBot());
        assertEquals(BOT, first.getFrom().getUserName());
        assertEquals("answer:yes", first.getReplyMarkup().getKeyboard().get(0).get(0).getCallbackData());

        List<JsonObject> sent = api.sent(CHAT);
        assertEquals(2, sent.size());
        JsonObject p = sent.get(0);
        assertEquals(String.valueOf(CHAT), p.getValue("chat_id"), "chat_id goes as a JSON string");
        assertEquals("sendmessage", p.getString("method"));
        assertEquals("Is it painful?", p.getString("text"));
        assertEquals("answer:no", p.getJsonObject("reply_markup").getJsonArray("inline_keyboard")
                .getJsonArray(0).getJsonObject(1).getString("callback_data"));
        assertEquals("Thanks", api.awaitSent(CHAT, m -> m.getString("text").equals("Thanks"), WAIT).getString("text"));
        assertEquals(2, api.awaitSentCount(CHAT, 2, WAIT).size());
        assertEquals(2, api.calls("SendMessage").size(), "method lookup is case-insensitive");
    }

    @Test
    void everyCommonMethodParsesInTheRealLibrary() throws Exception {
        User me = client.execute(new GetMe());
        assertEquals(BOT, me.getUserName());
        assertTrue(me.getIsBot());

        assertTrue(client.execute(SetMyCommands.builder()
                .commands(List.of(new BotCommand("start", "Begin"), new BotCommand("help", "Help"))).build()));
        assertEquals("start", api.calls("setMyCommands").get(0).getJsonArray("commands").getJsonObject(0).getString("command"));

        Message m = client.execute(SendMessage.builder().chatId(CHAT).text("Question 1").build());
        Serializable edited = client.execute(EditMessageText.builder().chatId(CHAT).messageId(m.getMessageId())
                .text("Question 1 (answered)").build());
        assertInstanceOf(Message.class, edited);
        assertEquals("Question 1 (answered)", ((Message) edited).getText());

        Serializable markup = client.execute(EditMessageReplyMarkup.builder().chatId(CHAT).messageId(m.getMessageId())
                .replyMarkup(InlineKeyboardMarkup.builder().keyboardRow(new InlineKeyboardRow(
                        InlineKeyboardButton.builder().text("Undo").callbackData("undo").build())).build())
                .build());
        assertInstanceOf(Message.class, markup);
        assertEquals("undo", ((Message) markup).getReplyMarkup().getKeyboard().get(0).get(0).getCallbackData());

        assertEquals("undo", api.botMessages(CHAT).get(0).getJsonObject("reply_markup")
                .getJsonArray("inline_keyboard").getJsonArray(0).getJsonObject(0).getString("callback_data"));
        assertEquals("Question 1 (answered)", api.botMessages(CHAT).get(0).getString("text"));

        assertTrue(client.execute(AnswerCallbackQuery.builder().callbackQueryId("123").text("ok").build()));
        assertTrue(client.execute(SendChatAction.builder().chatId(CHAT).action("typing").build()));
        assertTrue(client.execute(DeleteMessage.builder().chatId(CHAT).messageId(m.getMessageId()).build()));
        assertTrue(api.botMessages(CHAT).isEmpty());
        assertTrue(client.execute(new DeleteWebhook()));

        // setWebhook, sendPhoto and sendDocument go as multipart/form-data, not JSON.
        assertTrue(client.execute(SetWebhook.builder().url("https://example.test/hook").secretToken("s3cret").build()));
        JsonObject hook = api.calls("setwebhook").get(0);
        assertEquals("https://example.test/hook", hook.getString("url"));
        assertEquals("s3cret", hook.getString("secret_token"));
        WebhookInfo info = client.execute(new GetWebhookInfo());
        assertEquals("https://example.test/hook", info.getUrl());
        assertTrue(client.execute(new DeleteWebhook()));

        Message photo = client.execute(SendPhoto.builder().chatId(CHAT).photo(new InputFile("AgACphoto-id")).caption("x-ray").build());
        assertEquals("x-ray", photo.getCaption());
        JsonObject photoCall = api.calls("sendPhoto").get(0);
        assertEquals(String.valueOf(CHAT), photoCall.getString("chat_id"));
        assertEquals("AgACphoto-id", photoCall.getString("photo"));

        byte[] pdf = "%PDF-1.4 fake".getBytes(StandardCharsets.UTF_8);
        Message doc = client.execute(SendDocument.builder().chatId(CHAT)
                .document(new InputFile(new ByteArrayInputStream(pdf), "summary.pdf")).build());
        assertNotNull(doc.getMessageId());
        JsonObject docCall = api.calls("senddocument").get(0);
        assertEquals("attach://summary.pdf", docCall.getString("document"));
        assertEquals(pdf.length, docCall.getJsonObject("_uploads").getJsonObject("summary.pdf").getInteger("size"));
    }

    @Test
    void longPollingReceivesTextCallbackAndEditAndTheOffsetConfirmsThem() throws Exception {
        BlockingQueue<Update> received = new LinkedBlockingQueue<>();
        startPolling(received);
        api.awaitCall("deleteWebhook", c -> true, WAIT);
        api.awaitCall("getUpdates", c -> true, WAIT);

        long t = api.pushText(CHAT, "/start abc");
        Update u1 = poll(received);
        assertEquals(t, (long) u1.getUpdateId());
        // TelegramBots 10.2 quirk: Message.isCommand()/getCommand() read MessageEntity.text, which only
        // getEntities() fills in; without that call isCommand() is false even for "/start".
        assertEquals("bot_command", u1.getMessage().getEntities().get(0).getType());
        assertTrue(u1.getMessage().isCommand(), "bot_command entity present");
        assertEquals("/start", u1.getMessage().getCommand());
        assertEquals("/start abc", u1.getMessage().getText());
        assertEquals(CHAT, u1.getMessage().getChatId());
        assertEquals(CHAT, u1.getMessage().getFrom().getId());
        assertTrue(u1.getMessage().isUserMessage());
        assertEquals(api.lastPatientMessageId(CHAT), u1.getMessage().getMessageId());

        Message question = client.execute(SendMessage.builder().chatId(CHAT).text("Pain?")
                .replyMarkup(InlineKeyboardMarkup.builder().keyboardRow(new InlineKeyboardRow(
                        InlineKeyboardButton.builder().text("Yes").callbackData("pain:yes").build())).build()).build());
        long c = api.pushCallback(CHAT, question.getMessageId(), "pain:yes");
        Update u2 = poll(received);
        assertEquals(c, (long) u2.getUpdateId());
        assertEquals("pain:yes", u2.getCallbackQuery().getData());
        assertEquals(CHAT, u2.getCallbackQuery().getFrom().getId());
        Message cbMessage = assertInstanceOf(Message.class, u2.getCallbackQuery().getMessage());
        assertEquals(question.getMessageId(), cbMessage.getMessageId());
        assertEquals("Pain?", cbMessage.getText());
        assertNotNull(u2.getCallbackQuery().getId());

        long e = api.pushEdited(CHAT, u1.getMessage().getMessageId(), "/start edited");
        Update u3 = poll(received);
        assertEquals(e, (long) u3.getUpdateId());
        assertTrue(u3.hasEditedMessage());
        assertEquals("/start edited", u3.getEditedMessage().getText());
        assertEquals(u1.getMessage().getMessageId(), u3.getEditedMessage().getMessageId());

        api.awaitConfirmed(e, WAIT);
        assertEquals(e, api.confirmedUpTo());
        assertEquals(0, api.pendingCount());
        JsonObject lastPoll = api.calls("getupdates").get(api.calls("getupdates").size() - 1);
        assertEquals(e + 1, lastPoll.getLong("offset"));
        assertEquals(50, lastPoll.getInteger("timeout"));
    }

    @Test
    void mediaLocationContactAndGroupUpdatesParseInTheLibrary() throws Exception {
        BlockingQueue<Update> received = new LinkedBlockingQueue<>();
        startPolling(received);
        api.pushPhoto(CHAT, "PHOTO1", "my rash");
        api.pushDocument(CHAT, "DOC1", "letter.pdf", "application/pdf");
        api.pushSticker(CHAT, "STICK1");
        api.pushVoice(CHAT, "VOICE1", 4);
        api.pushLocation(CHAT, 51.5, -0.12);
        api.pushContact(CHAT, "+441234567890");
        api.pushGroupText(-100L, 77L, "/help@" + BOT);
        JsonObject raw = new JsonObject().put("message", new JsonObject().put("message_id", 99).put("date", 1_700_000_000)
                .put("chat", new JsonObject().put("id", CHAT).put("type", "private")).put("text", "raw"));
        long rawId = api.pushRaw(raw);

        Message photo = poll(received).getMessage();
        assertEquals("PHOTO1", photo.getPhoto().get(photo.getPhoto().size() - 1).getFileId());
        assertEquals("my rash", photo.getCaption());
        Message doc = poll(received).getMessage();
        assertEquals("letter.pdf", doc.getDocument().getFileName());
        assertEquals("DOC1", doc.getDocument().getFileId());
        Message sticker = poll(received).getMessage();
        assertEquals("regular", sticker.getSticker().getType());
        Message voice = poll(received).getMessage();
        assertEquals(4, voice.getVoice().getDuration());
        Message loc = poll(received).getMessage();
        assertEquals(51.5, loc.getLocation().getLatitude());
        Message contact = poll(received).getMessage();
        assertEquals("+441234567890", contact.getContact().getPhoneNumber());
        assertEquals(CHAT, contact.getContact().getUserId());
        Message group = poll(received).getMessage();
        assertTrue(group.isGroupMessage());
        assertEquals(77L, group.getFrom().getId());
        assertEquals("/help@" + BOT, group.getEntities().get(0).getText());
        assertTrue(group.isCommand());
        Update rawUpdate = poll(received);
        assertEquals(rawId, (long) rawUpdate.getUpdateId());
        assertEquals("raw", rawUpdate.getMessage().getText());
    }

    @Test
    void failNext429GivesRetryAfterAnd5xxGivesErrorCode() throws Exception {
        api.failNext("sendMessage", 1, 429, 7);
        TelegramApiRequestException tooMany = assertThrows(TelegramApiRequestException.class,
                () -> client.execute(SendMessage.builder().chatId(CHAT).text("hi").build()));
        assertEquals(429, tooMany.getErrorCode());
        assertEquals(7, tooMany.getParameters().getRetryAfter());
        assertEquals(1, api.failedCalls("sendmessage").size());
        assertEquals(0, api.calls("sendmessage").size());

        api.failNext("sendmessage", 2, 502, null);
        for (int i = 0; i < 2; i++) {
            TelegramApiRequestException bad = assertThrows(TelegramApiRequestException.class,
                    () -> client.execute(SendMessage.builder().chatId(CHAT).text("hi").build()));
            assertEquals(502, bad.getErrorCode());
        }
        assertNotNull(client.execute(SendMessage.builder().chatId(CHAT).text("hi").build()).getMessageId());
        assertEquals(1, api.sent(CHAT).size());
        assertEquals(3, api.failedCalls("SENDMESSAGE").size());
    }

    @Test
    void wrongTokenIs401AndUnknownMethodIs404() throws Exception {
        OkHttpTelegramClient wrong = new OkHttpTelegramClient(ok, "999:wrong", url);
        TelegramApiRequestException e = assertThrows(TelegramApiRequestException.class,
                () -> wrong.execute(SendMessage.builder().chatId(CHAT).text("hi").build()));
        assertEquals(401, e.getErrorCode());
        assertTrue(api.calls("sendmessage").isEmpty());

        HttpResponse<String> r401 = post("/bot999:wrong/getMe", "{}");
        assertEquals(401, r401.statusCode());
        assertEquals(new JsonObject("{\"ok\":false,\"error_code\":401,\"description\":\"Unauthorized\"}"), new JsonObject(r401.body()));
        HttpResponse<String> r404 = post("/bot" + TOKEN + "/noSuchMethod", "{}");
        assertEquals(404, r404.statusCode());
        assertEquals("Not Found: method not found", new JsonObject(r404.body()).getString("description"));
    }

    @Test
    void getUpdatesFollowsTelegramOffsetLimitAndHoldSemantics() throws Exception {
        long a = api.pushText(CHAT, "one");
        long b = api.pushText(CHAT, "two");
        long c = api.pushText(CHAT, "three");
        JsonArray first = getUpdates(new JsonObject().put("limit", 2));
        assertEquals(List.of(a, b), ids(first));
        assertEquals(0, api.confirmedUpTo());
        // url-encoded form body works as well as JSON
        HttpResponse<String> form = http.send(HttpRequest.newBuilder(URI.create(api.url() + "/bot" + TOKEN + "/getUpdates"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("offset=" + (b + 1))).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(List.of(c), ids(new JsonObject(form.body()).getJsonArray("result")));
        assertEquals(b, api.confirmedUpTo());

        // nothing new: held for min(timeout, maxHold) then []
        long t0 = System.nanoTime();
        JsonArray empty = getUpdates(new JsonObject().put("offset", c + 1).put("timeout", 1));
        long heldMs = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(empty.isEmpty());
        assertTrue(heldMs >= 400 && heldMs < 1500, "held " + heldMs + " ms");
        assertEquals(c, api.confirmedUpTo());

        // a push while a request is held answers it at once
        api.setMaxHold(Duration.ofSeconds(5));
        AtomicReference<JsonArray> late = new AtomicReference<>();
        Thread poller = new Thread(() -> {
            try {
                late.set(getUpdates(new JsonObject().put("offset", c + 1).put("timeout", 5)));
            } catch (Exception ex) {
                throw new RuntimeException(ex);
            }
        });
        poller.setDaemon(true);
        poller.start();
        api.awaitCall("getupdates", p -> p.getLong("offset", 0L) == c + 1 && p.getInteger("timeout", 0) == 5, WAIT);
        waitHeld(1);
        long t1 = System.nanoTime();
        long d = api.pushText(CHAT, "four");
        poller.join(3000);
        assertTrue((System.nanoTime() - t1) / 1_000_000 < 1000);
        assertEquals(List.of(d), ids(late.get()));
        assertEquals(0, getUpdates(new JsonObject().put("offset", d + 1)).size());
        assertEquals(d, api.confirmedUpTo());
    }

    @Test
    void redeliverSendsTheSameUpdateIdToAFreshRegistration() throws Exception {
        BlockingQueue<Update> first = new LinkedBlockingQueue<>();
        TelegramBotsLongPollingApplication app1 = startPolling(first);
        long id = api.pushText(CHAT, "I have a headache");
        assertEquals(id, (long) poll(first).getUpdateId());
        api.awaitConfirmed(id, WAIT);

        // Within one running session the fake does resend it, but BotSession drops ids <= the last it saw.
        waitHeld(1);
        int polls = api.calls("getupdates").size();
        api.redeliver(id);
        api.awaitCall("getupdates", p -> true, WAIT);
        long deadline = System.currentTimeMillis() + WAIT.toMillis();
        while (api.calls("getupdates").size() <= polls) {
            assertTrue(System.currentTimeMillis() < deadline, "no poll after the redelivery");
            Thread.sleep(5);
        }
        assertEquals(null, first.poll(200, TimeUnit.MILLISECONDS), "the library filtered the duplicate");

        // "restart": stop the bot, let its in-flight long poll end, then Telegram resends the update
        app1.close();
        pollExecutors.forEach(ScheduledExecutorService::shutdownNow);
        api.awaitNoHeldRequests(WAIT);
        api.redeliver(id);

        BlockingQueue<Update> second = new LinkedBlockingQueue<>();
        startPolling(second);
        Update again = poll(second);
        assertEquals(id, (long) again.getUpdateId());
        assertEquals("I have a headache", again.getMessage().getText());
        assertTrue(first.isEmpty());
        api.awaitConfirmed(id, WAIT);
    }

    @Test
    void webhookHelperPostsTheUpdateWithTheSecretHeader() throws Exception {
        AtomicReference<String> secret = new AtomicReference<>();
        AtomicReference<String> body = new AtomicReference<>();
        Vertx vertx = Vertx.vertx();
        try {
            io.vertx.core.http.HttpServer hook = vertx.createHttpServer()
                    .requestHandler(req -> req.body().onSuccess(b -> {
                        secret.set(req.getHeader("X-Telegram-Bot-Api-Secret-Token"));
                        body.set(b.toString());
                        req.response().setStatusCode("right".equals(secret.get()) ? 200 : 401).end();
                    }))
                    .listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
            String hookUrl = "http://127.0.0.1:" + hook.actualPort() + "/hook";
            long id = api.pushText(CHAT, "via webhook");
            assertEquals(200, api.deliverByWebhook(id, hookUrl, "right"));
            assertEquals("right", secret.get());
            Update parsed = new ObjectMapper().readValue(body.get(), Update.class);
            assertEquals(id, (long) parsed.getUpdateId());
            assertEquals("via webhook", parsed.getMessage().getText());
            assertEquals(401, FakeBotApi.postWebhook(hookUrl, api.update(id), "wrong"));
            assertEquals(401, FakeBotApi.postWebhook(hookUrl, api.update(id), null));
            assertEquals(null, secret.get());
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
        }
    }

    // ------------------------------------------------------------------ helpers

    private TelegramBotsLongPollingApplication startPolling(BlockingQueue<Update> sink) throws Exception {
        TelegramBotsLongPollingApplication app = new TelegramBotsLongPollingApplication(ObjectMapper::new, () -> ok, () -> {
            ScheduledExecutorService ex = Executors.newSingleThreadScheduledExecutor(daemon("fake-poll"));
            pollExecutors.add(ex);
            return ex;
        });
        apps.add(app);
        BotSession session = app.registerBot(TOKEN, () -> url, new DefaultGetUpdatesGenerator(), updates -> sink.addAll(updates));
        assertTrue(session.isRunning());
        return app;
    }

    private static Update poll(BlockingQueue<Update> q) throws InterruptedException {
        Update u = q.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertNotNull(u, "no update received");
        return u;
    }

    private JsonArray getUpdates(JsonObject params) throws Exception {
        HttpResponse<String> r = post("/bot" + TOKEN + "/getupdates", params.encode());
        assertEquals(200, r.statusCode(), r.body());
        JsonObject body = new JsonObject(r.body());
        assertTrue(body.getBoolean("ok"));
        return body.getJsonArray("result");
    }

    private HttpResponse<String> post(String path, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(api.url() + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private void waitHeld(int n) throws InterruptedException {
        long deadline = System.currentTimeMillis() + WAIT.toMillis();
        while (api.heldRequests() < n) {
            assertTrue(System.currentTimeMillis() < deadline, "no held getUpdates");
            Thread.sleep(5);
        }
    }

    private static List<Long> ids(JsonArray updates) {
        List<Long> out = new ArrayList<>();
        for (int i = 0; i < updates.size(); i++) {
            out.add(updates.getJsonObject(i).getLong("update_id"));
        }
        return out;
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
