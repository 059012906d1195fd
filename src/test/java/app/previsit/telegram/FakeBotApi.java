package app.previsit.telegram;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.telegram.telegrambots.meta.TelegramUrl;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A fake Telegram Bot API server for tests: a Vert.x HTTP server on 127.0.0.1 that the real
 * TelegramBots library (OkHttpTelegramClient, TelegramBotsLongPollingApplication) talks to.
 *
 * <p>Point the library at it with {@code new TelegramUrl("http", "127.0.0.1", api.port(), false)}
 * (or {@link #telegramUrl()}). URLs are {@code /bot{token}/{method}}; method
 * names are matched case-insensitively (the library sends {@code sendmessage}, {@code getupdates},
 * but {@code deleteWebhook}, {@code setMyCommands}, {@code sendChatAction}). Bodies may be JSON (all
 * plain methods), multipart/form-data (setWebhook, sendPhoto, sendDocument, sendVoice, sendSticker,
 * ... in TelegramBots) or url-encoded; query parameters are merged in. Form values that look like
 * JSON (reply_markup, allowed_updates) are parsed into JSON, integers into numbers and true/false
 * into booleans, except chat_id, which stays a string as in the JSON bodies; uploaded files are recorded under
 * {@code "_uploads"} as {name: {filename, content_type, size}}.
 *
 * <h2>getUpdates semantics (as Telegram)</h2>
 * Updates queue with increasing update_id. {@code offset} confirms (forgets) every update with
 * id &lt; offset; a negative offset keeps only the last |offset| updates. The answer is the
 * queued updates with id &gt;= offset (at most {@code limit}, default 100). When there are none
 * and {@code timeout} &gt; 0 the request is held for min(timeout, {@link #maxHold}) and then
 * answered {@code []}; a push while it is held answers it at once. A second getUpdates while one
 * is held terminates the held one with 409 Conflict, as Telegram does (this also stops a stopped
 * BotSession, whose in-flight request would otherwise still hand one batch to its consumer).
 * getUpdates while a webhook is set (setWebhook without deleteWebhook) answers 409 too.
 *
 * <h2>Redelivery</h2>
 * {@link #redeliver(long)} puts a copy of an already pushed update (confirmed or not) back at the
 * front of the queue with the SAME update_id; it is delivered by the next getUpdates whatever the
 * offset (once; afterwards the normal offset rule confirms it). Note TelegramBots' BotSession drops
 * every update whose id is &lt;= the last one it saw, so within one running session the library
 * filters the duplicate out; the realistic case is a redelivery to a fresh session after a restart
 * of the bot (its counter starts again at 0, so it sends offset=1), and a webhook redelivery
 * ({@link #postWebhook}).
 *
 * <p>Every successful call is recorded ({@link #calls}); calls failed by {@link #failNext} are
 * recorded separately ({@link #failedCalls}). All methods are thread-safe.
 */
public final class FakeBotApi implements AutoCloseable {

    public static final long BOT_ID = 7_000_000_001L;
    public static final long FIRST_UPDATE_ID = 1000;
    private static final Duration DEFAULT_MAX_HOLD = Duration.ofSeconds(2);
    private static final String CONFLICT_OTHER_GETUPDATES =
            "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running";
    private static final String CONFLICT_WEBHOOK =
            "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first";

    private static final Set<String> TRUE_METHODS = Set.of(
            "answercallbackquery", "setmycommands", "deletemycommands", "deletewebhook", "setwebhook",
            "sendchataction", "deletemessage", "deletemessages", "setchatmenubutton", "setmydescription",
            "setmyshortdescription", "setmyname", "setmessagereaction", "pinchatmessage", "unpinchatmessage",
            "unpinallchatmessages", "leavechat", "logout", "close");
    private static final Set<String> MESSAGE_METHODS = Set.of(
            "sendmessage", "sendphoto", "senddocument", "sendsticker", "sendvoice", "sendaudio", "sendvideo",
            "sendanimation", "sendvideonote", "sendlocation", "sendcontact", "sendvenue", "senddice",
            "sendpoll", "forwardmessage");
    private static final Set<String> EDIT_METHODS = Set.of(
            "editmessagetext", "editmessagereplymarkup", "editmessagecaption");

    private final String token;
    private final String botUsername;
    private final Vertx vertx;
    private final HttpServer server;
    private final int port;

    private final Object lock = new Object();
    // All fields below are guarded by lock.
    private final List<Queued> queue = new ArrayList<>();
    private final Map<Long, JsonObject> history = new LinkedHashMap<>();
    private final List<Waiter> waiters = new ArrayList<>();
    private final List<Recorded> calls = new ArrayList<>();
    private final List<Recorded> failed = new ArrayList<>();
    private final Map<String, Fault> faults = new HashMap<>();
    private final Map<Long, Integer> messageIds = new HashMap<>();
    private final Map<Long, Integer> lastPatientMessageIds = new HashMap<>();
    private final Map<Long, Map<Integer, JsonObject>> botMessages = new HashMap<>();
    private final Map<String, String> filePathById = new HashMap<>();
    private final Map<Long, Duration> slowChats = new HashMap<>();
    private final Map<String, byte[]> fileBytesByPath = new HashMap<>();
    private JsonArray myCommands = new JsonArray();
    private long nextUpdateId = FIRST_UPDATE_ID;
    private long confirmedUpTo = 0;
    private long nextCallbackId = 4_000_000_000_000_000_001L;
    private Duration maxHold = DEFAULT_MAX_HOLD;
    private String webhookUrl = "";
    private boolean strictEdits = false;

    private FakeBotApi(String token, String botUsername, Vertx vertx, HttpServer server) {
        this.token = token;
        this.botUsername = botUsername;
        this.vertx = vertx;
        this.server = server;
        this.port = server.actualPort();
    }

    /** Starts a fake on 127.0.0.1 at a free port, with its own Vert.x instance (closed by {@link #close()}). */
    public static FakeBotApi start(String token, String botUsername) {
        Vertx vertx = Vertx.vertx();
        FakeBotApi[] self = new FakeBotApi[1];
        try {
            HttpServer server = vertx.createHttpServer()
                    .requestHandler(req -> self[0].handle(req))
                    .listen(0, "127.0.0.1")
                    .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            self[0] = new FakeBotApi(token, botUsername, vertx, server);
            return self[0];
        } catch (Exception e) {
            vertx.close();
            throw new IllegalStateException("FakeBotApi could not start", e);
        }
    }

    /** "http://127.0.0.1:PORT" */
    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public String host() {
        return "127.0.0.1";
    }

    /** {@code new TelegramUrl("http", "127.0.0.1", port(), false)}: give it to OkHttpTelegramClient and registerBot. */
    public TelegramUrl telegramUrl() {
        return new TelegramUrl("http", host(), port, false);
    }

    public String token() {
        return token;
    }

    public String botUsername() {
        return botUsername;
    }

    /** The bot as a Bot API User object. */
    public JsonObject botUser() {
        return new JsonObject().put("id", BOT_ID).put("is_bot", true)
                .put("first_name", botUsername).put("username", botUsername)
                .put("can_join_groups", true).put("can_read_all_group_messages", false)
                .put("supports_inline_queries", false);
    }

    /** Longest time an empty getUpdates is held (default 2 s; the request's own timeout caps it too). */
    public void setMaxHold(Duration maxHold) {
        synchronized (lock) {
            this.maxHold = maxHold;
        }
    }

    /**
     * Strict edits, as Telegram: editing a message the bot never sent answers 400 "message to edit
     * not found", and an edit that changes nothing answers 400 "message is not modified". Off by default.
     */
    public void setStrictEdits(boolean strict) {
        synchronized (lock) {
            this.strictEdits = strict;
        }
    }

    // ------------------------------------------------------------------ push API

    /**
     * A private-chat text message from user id = chatId. Text starting with "/" gets a bot_command
     * entity (offset 0, length up to the first space). Beware a TelegramBots 10.2 quirk:
     * Message.isCommand()/getCommand() read MessageEntity.text, which only Message.getEntities()
     * fills in, so isCommand() is false until getEntities() has been called once.
     */
    public long pushText(long chatId, String text) {
        synchronized (lock) {
            JsonObject msg = patientMessage(chatId).put("text", text);
            addCommandEntity(msg, text);
            return enqueue(new JsonObject().put("message", msg));
        }
    }

    /** A group ("group" type chat) text message from another user. */
    public long pushGroupText(long groupChatId, long fromUserId, String text) {
        synchronized (lock) {
            JsonObject msg = new JsonObject()
                    .put("message_id", nextMessageId(groupChatId))
                    .put("from", user(fromUserId))
                    .put("chat", new JsonObject().put("id", groupChatId).put("type", "group").put("title", "Test group"))
                    .put("date", now())
                    .put("text", text);
            addCommandEntity(msg, text);
            return enqueue(new JsonObject().put("message", msg));
        }
    }

    /**
     * A press on an inline button of message {@code messageId} in the private chat. If the fake
     * knows that message (the bot sent it here), its text and reply_markup are included.
     */
    public long pushCallback(long chatId, int messageId, String data) {
        synchronized (lock) {
            JsonObject known = botMessages.getOrDefault(chatId, Map.of()).get(messageId);
            JsonObject message;
            if (known != null) {
                message = known.copy();
            } else {
                message = new JsonObject().put("message_id", messageId).put("from", botUser())
                        .put("chat", privateChat(chatId)).put("date", now()).put("text", "");
            }
            JsonObject cq = new JsonObject()
                    .put("id", String.valueOf(nextCallbackId++))
                    .put("from", user(chatId))
                    .put("message", message)
                    .put("chat_instance", String.valueOf(-7_000_000_000_000_000_000L + chatId))
                    .put("data", data);
            return enqueue(new JsonObject().put("callback_query", cq));
        }
    }

    /** The patient edited message {@code messageId} to {@code newText} (edited_message). */
    public long pushEdited(long chatId, int messageId, String newText) {
        synchronized (lock) {
            int date = now();
            JsonObject msg = new JsonObject()
                    .put("message_id", messageId)
                    .put("from", user(chatId))
                    .put("chat", privateChat(chatId))
                    .put("date", date - 1)
                    .put("edit_date", date)
                    .put("text", newText);
            addCommandEntity(msg, newText);
            return enqueue(new JsonObject().put("edited_message", msg));
        }
    }

    /** A photo: two PhotoSize entries, the largest (last, as Telegram orders them) has file_id = fileId. */
    public long pushPhoto(long chatId, String fileId) {
        return pushPhoto(chatId, fileId, null);
    }

    public long pushPhoto(long chatId, String fileId, String caption) {
        synchronized (lock) {
            JsonArray sizes = new JsonArray()
                    .add(new JsonObject().put("file_id", fileId + "-thumb").put("file_unique_id", unique(fileId + "-thumb"))
                            .put("width", 90).put("height", 68).put("file_size", 1_245))
                    .add(new JsonObject().put("file_id", fileId).put("file_unique_id", unique(fileId))
                            .put("width", 1280).put("height", 960).put("file_size", 98_304));
            JsonObject msg = patientMessage(chatId).put("photo", sizes);
            if (caption != null) {
                msg.put("caption", caption);
            }
            return enqueue(new JsonObject().put("message", msg));
        }
    }

    public long pushDocument(long chatId, String fileId) {
        return pushDocument(chatId, fileId, "document.pdf", "application/pdf");
    }

    public long pushDocument(long chatId, String fileId, String fileName, String mimeType) {
        synchronized (lock) {
            JsonObject doc = new JsonObject().put("file_id", fileId).put("file_unique_id", unique(fileId))
                    .put("file_name", fileName).put("mime_type", mimeType).put("file_size", 52_431);
            return enqueue(new JsonObject().put("message", patientMessage(chatId).put("document", doc)));
        }
    }

    public long pushSticker(long chatId, String fileId) {
        synchronized (lock) {
            JsonObject sticker = new JsonObject().put("file_id", fileId).put("file_unique_id", unique(fileId))
                    .put("type", "regular").put("width", 512).put("height", 512)
                    .put("is_animated", false).put("is_video", false)
                    .put("emoji", "\uD83D\uDC4D").put("set_name", "TestStickers").put("file_size", 23_870);
            return enqueue(new JsonObject().put("message", patientMessage(chatId).put("sticker", sticker)));
        }
    }

    public long pushVoice(long chatId, String fileId) {
        return pushVoice(chatId, fileId, 3);
    }

    public long pushVoice(long chatId, String fileId, int durationSeconds) {
        synchronized (lock) {
            JsonObject voice = new JsonObject().put("file_id", fileId).put("file_unique_id", unique(fileId))
                    .put("duration", durationSeconds).put("mime_type", "audio/ogg").put("file_size", 8_000 * durationSeconds);
            return enqueue(new JsonObject().put("message", patientMessage(chatId).put("voice", voice)));
        }
    }

    public long pushLocation(long chatId, double latitude, double longitude) {
        synchronized (lock) {
            JsonObject location = new JsonObject().put("latitude", latitude).put("longitude", longitude);
            return enqueue(new JsonObject().put("message", patientMessage(chatId).put("location", location)));
        }
    }

    /** The patient shares their own contact (user_id = chatId). */
    public long pushContact(long chatId, String phoneNumber) {
        return pushContact(chatId, phoneNumber, "Pat", chatId);
    }

    /** A shared contact; {@code userId} may be null (a contact that is not a Telegram user). */
    public long pushContact(long chatId, String phoneNumber, String firstName, Long userId) {
        synchronized (lock) {
            JsonObject contact = new JsonObject().put("phone_number", phoneNumber).put("first_name", firstName);
            if (userId != null) {
                contact.put("user_id", userId);
            }
            return enqueue(new JsonObject().put("message", patientMessage(chatId).put("contact", contact)));
        }
    }

    /** Queues an update as given, assigning (overwriting) its update_id. */
    public long pushRaw(JsonObject update) {
        synchronized (lock) {
            return enqueue(update.copy());
        }
    }

    /** The message_id of the last message the patient (pushText/pushPhoto/...) sent in this chat, 0 if none. */
    public int lastPatientMessageId(long chatId) {
        synchronized (lock) {
            return lastPatientMessageIds.getOrDefault(chatId, 0);
        }
    }

    /**
     * Puts a copy of update {@code updateId} (pushed earlier, confirmed or not) with the same
     * update_id at the front of the queue; the next getUpdates delivers it whatever its offset.
     */
    public void redeliver(long updateId) {
        synchronized (lock) {
            JsonObject update = history.get(updateId);
            if (update == null) {
                throw new IllegalArgumentException("no update " + updateId + " was pushed");
            }
            queue.add(0, new Queued(updateId, update.copy(), true));
            answerWaiters();
        }
    }

    /** A copy of the update pushed with this id (for webhook tests), or null. */
    public JsonObject update(long updateId) {
        synchronized (lock) {
            JsonObject u = history.get(updateId);
            return u == null ? null : u.copy();
        }
    }

    /** Highest update_id confirmed by a getUpdates offset (0 before any). */
    public long confirmedUpTo() {
        synchronized (lock) {
            return confirmedUpTo;
        }
    }

    /** Updates queued and not yet confirmed. */
    public int pendingCount() {
        synchronized (lock) {
            return queue.size();
        }
    }

    /** The update_id the last push was given (FIRST_UPDATE_ID - 1 before any). */
    public long lastUpdateId() {
        synchronized (lock) {
            return nextUpdateId - 1;
        }
    }

    /** getUpdates requests being held (long-polled) right now. */
    public int heldRequests() {
        synchronized (lock) {
            return waiters.size();
        }
    }

    /**
     * Waits until no getUpdates is held. Use after stopping a bot: its BotSession's in-flight long
     * poll is still open (stop() does not abort it) and would take the next update to the stopped bot.
     */
    public void awaitNoHeldRequests(Duration timeout) {
        awaitCondition(waiters::isEmpty, timeout, () -> "no held getUpdates; held=" + waiters.size());
    }

    /** Waits until confirmedUpTo() >= updateId. */
    public void awaitConfirmed(long updateId, Duration timeout) {
        awaitCondition(() -> confirmedUpTo >= updateId, timeout,
                () -> "update " + updateId + " confirmed; confirmedUpTo=" + confirmedUpTo);
    }

    // ------------------------------------------------------------------ recorded calls

    /** Parameters of every successful call of the method (case-insensitive), in order. */
    public List<JsonObject> calls(String method) {
        synchronized (lock) {
            return select(calls, method);
        }
    }

    /** Parameters of the calls that {@link #failNext} failed. */
    public List<JsonObject> failedCalls(String method) {
        synchronized (lock) {
            return select(failed, method);
        }
    }

    /** sendMessage parameters for this chat, in order. */
    public List<JsonObject> sent(long chatId) {
        synchronized (lock) {
            List<JsonObject> out = new ArrayList<>();
            for (Recorded r : calls) {
                if (r.method.equals("sendmessage") && isChat(r.params, chatId)) {
                    out.add(r.params.copy());
                }
            }
            return out;
        }
    }

    /**
     * The current state of every message the bot sent to this chat (full Message objects as
     * Telegram holds them: text and reply_markup as last edited; deleted ones gone), by message_id.
     */
    public List<JsonObject> botMessages(long chatId) {
        synchronized (lock) {
            List<JsonObject> out = new ArrayList<>();
            for (JsonObject m : botMessages.getOrDefault(chatId, Map.of()).values()) {
                out.add(m.copy());
            }
            return out;
        }
    }

    /** Forgets recorded calls and failed calls (not the update queue). */
    public void clearCalls() {
        synchronized (lock) {
            calls.clear();
            failed.clear();
        }
    }

    /** Waits for a sendMessage to this chat matching p; AssertionError with what was sent on timeout. */
    public JsonObject awaitSent(long chatId, Predicate<JsonObject> p, Duration timeout) {
        JsonObject[] found = new JsonObject[1];
        awaitCondition(() -> {
            for (JsonObject m : sent(chatId)) {
                if (p.test(m)) {
                    found[0] = m;
                    return true;
                }
            }
            return false;
        }, timeout, () -> "a matching sendMessage to chat " + chatId + "; sent: " + sent(chatId));
        return found[0];
    }

    /** Waits until at least n sendMessage calls went to this chat; returns all of them (size >= n). */
    public List<JsonObject> awaitSentCount(long chatId, int n, Duration timeout) {
        awaitCondition(() -> sent(chatId).size() >= n, timeout,
                () -> n + " sendMessage calls to chat " + chatId + "; sent: " + sent(chatId));
        return sent(chatId);
    }

    /** Waits for a successful call of the method matching p. */
    public JsonObject awaitCall(String method, Predicate<JsonObject> p, Duration timeout) {
        JsonObject[] found = new JsonObject[1];
        awaitCondition(() -> {
            for (JsonObject c : calls(method)) {
                if (p.test(c)) {
                    found[0] = c;
                    return true;
                }
            }
            return false;
        }, timeout, () -> "a matching " + method + " call; calls: " + calls(method));
        return found[0];
    }

    // ------------------------------------------------------------------ faults

    /**
     * The next {@code times} calls of the method answer HTTP {@code status} with Telegram's error
     * body: 429 -> "Too Many Requests: retry after N" with parameters.retry_after = N; 5xx ->
     * "Internal Server Error" (etc.); 400/403/404/409 get their usual descriptions.
     */
    public void failNext(String method, int times, int status, Integer retryAfterSeconds) {
        synchronized (lock) {
            faults.put(method.toLowerCase(Locale.ROOT), new Fault(times, status, retryAfterSeconds));
        }
    }

    public static JsonObject errorBody(int status, Integer retryAfterSeconds) {
        JsonObject body = new JsonObject().put("ok", false).put("error_code", status);
        if (status == 429) {
            int n = retryAfterSeconds == null ? 1 : retryAfterSeconds;
            body.put("description", "Too Many Requests: retry after " + n)
                    .put("parameters", new JsonObject().put("retry_after", n));
        } else {
            body.put("description", switch (status) {
                case 400 -> "Bad Request";
                case 401 -> "Unauthorized";
                case 403 -> "Forbidden: bot was blocked by the user";
                case 404 -> "Not Found";
                case 409 -> "Conflict";
                case 502 -> "Bad Gateway";
                case 503 -> "Service Unavailable";
                case 504 -> "Gateway Timeout";
                default -> status >= 500 ? "Internal Server Error" : "Error " + status;
            });
        }
        return body;
    }

    // ------------------------------------------------------------------ webhook helpers

    /**
     * POSTs an update as Telegram does to a webhook: JSON body, optional
     * X-Telegram-Bot-Api-Secret-Token header (null = none). Returns the HTTP status.
     */
    public static int postWebhook(String url, JsonObject update, String secretToken) {
        return postWebhookForResponse(url, update, secretToken).statusCode();
    }

    /** Like {@link #postWebhook} but returns the whole response (a webhook may answer with a method call). */
    public static HttpResponse<String> postWebhookForResponse(String url, JsonObject update, String secretToken) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(update.encode()));
        if (secretToken != null) {
            b.header("X-Telegram-Bot-Api-Secret-Token", secretToken);
        }
        try {
            return WebhookClient.CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("webhook POST to " + url + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** POSTs the update pushed with this id to a webhook URL. Returns the HTTP status. */
    public int deliverByWebhook(long updateId, String url, String secretToken) {
        JsonObject u = update(updateId);
        if (u == null) {
            throw new IllegalArgumentException("no update " + updateId + " was pushed");
        }
        return postWebhook(url, u, secretToken);
    }

    private static final class WebhookClient {
        // Its selector thread is a daemon: nothing to close.
        static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    }

    // ------------------------------------------------------------------ lifecycle

    @Override
    public void close() {
        synchronized (lock) {
            for (Waiter w : new ArrayList<>(waiters)) {
                respondWaiter(w, new JsonArray());
            }
            waiters.clear();
        }
        try {
            server.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
        } catch (Exception ignored) {
            // closing Vert.x below closes it anyway
        }
        try {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("FakeBotApi: Vert.x did not close", e);
        }
    }

    // ------------------------------------------------------------------ HTTP handling

    private void handle(HttpServerRequest req) {
        String path = req.path();
        if (path.startsWith("/file/bot")) {
            serveFile(req, path);
            return;
        }
        if (!path.startsWith("/bot") || path.indexOf('/', 4) < 0) {
            reply(req, 404, new JsonObject().put("ok", false).put("error_code", 404).put("description", "Not Found"));
            return;
        }
        int slash = path.indexOf('/', 4);
        String pathToken = path.substring(4, slash);
        String method = path.substring(slash + 1);
        if (method.startsWith("test/")) {
            method = method.substring(5);
        }
        if (!pathToken.equals(token)) {
            reply(req, 401, new JsonObject().put("ok", false).put("error_code", 401).put("description", "Unauthorized"));
            return;
        }
        String lower = method.toLowerCase(Locale.ROOT);
        JsonObject params = new JsonObject();
        mergeForm(params, req.params());
        String contentType = req.getHeader("content-type");
        String ct = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (ct.startsWith("multipart/form-data") || ct.startsWith("application/x-www-form-urlencoded")) {
            req.setExpectMultipart(true);
            JsonObject uploads = new JsonObject();
            req.uploadHandler(upload -> {
                Buffer content = Buffer.buffer();
                upload.handler(content::appendBuffer);
                upload.endHandler(v -> {
                    synchronized (uploads) {
                        uploads.put(upload.name(), new JsonObject().put("filename", upload.filename())
                                .put("content_type", upload.contentType()).put("size", content.length()));
                    }
                });
            });
            req.endHandler(v -> {
                mergeForm(params, req.formAttributes());
                synchronized (uploads) {
                    if (!uploads.isEmpty()) {
                        params.put("_uploads", uploads.copy());
                    }
                }
                dispatch(req, lower, params);
            });
            req.exceptionHandler(e -> reply(req, 400, badRequest("request body could not be read")));
        } else {
            req.body().onComplete(ar -> {
                if (ar.failed()) {
                    reply(req, 400, badRequest("request body could not be read"));
                    return;
                }
                Buffer body = ar.result();
                if (body != null && body.length() > 0) {
                    try {
                        params.mergeIn(new JsonObject(body));
                    } catch (DecodeException | ClassCastException e) {
                        reply(req, 400, badRequest("can't parse JSON body"));
                        return;
                    }
                }
                dispatch(req, lower, params);
            });
        }
    }

    private void dispatch(HttpServerRequest req, String method, JsonObject params) {
        synchronized (lock) {
            Fault fault = faults.get(method);
            if (fault != null && fault.remaining > 0) {
                fault.remaining--;
                if (fault.remaining == 0) {
                    faults.remove(method);
                }
                failed.add(new Recorded(method, params));
                lock.notifyAll();
                reply(req, fault.status, errorBody(fault.status, fault.retryAfter));
                return;
            }
            if (method.equals("getupdates")) {
                getUpdates(req, params);
                return;
            }
            Object result = result(method, params);
            if (result instanceof JsonObject err && err.containsKey("error_code")) {
                failed.add(new Recorded(method, params));
                lock.notifyAll();
                reply(req, err.getInteger("error_code"), err);
                return;
            }
            if (result == null) {
                reply(req, 404, new JsonObject().put("ok", false).put("error_code", 404)
                        .put("description", "Not Found: method not found"));
                return;
            }
            calls.add(new Recorded(method, params));
            lock.notifyAll();
            JsonObject ok = new JsonObject().put("ok", true).put("result", result);
            Long chat = chatIdOf(params);
            Duration slow = chat == null ? null : slowChats.get(chat);
            if (slow != null && method.equals("sendmessage")) {
                vertx.setTimer(Math.max(1, slow.toMillis()), t -> reply(req, 200, ok));
            } else {
                reply(req, 200, ok);
            }
        }
    }

    /** Answers every sendMessage to this chat only after a delay (a slow network to one patient). */
    public void slowDown(long chatId, Duration delay) {
        synchronized (lock) {
            slowChats.put(chatId, delay);
        }
    }

    /** {@code /file/bot<token>/<file_path>}: the bytes of a file registered with {@link #putFile}. */
    private void serveFile(HttpServerRequest req, String path) {
        String rest = path.substring("/file/bot".length());
        int slash = rest.indexOf('/');
        byte[] bytes;
        synchronized (lock) {
            bytes = slash < 0 || !rest.substring(0, slash).equals(token) ? null : fileBytesByPath.get(rest.substring(slash + 1));
            calls.add(new Recorded("file", new JsonObject().put("path", slash < 0 ? rest : rest.substring(slash + 1))));
        }
        if (bytes == null) {
            req.response().setStatusCode(404).end("Not Found");
            return;
        }
        req.response().putHeader("Content-Type", "application/octet-stream").end(Buffer.buffer(bytes));
    }

    /** Makes a file the bot can fetch: getFile(fileId) answers filePath, and /file/bot.../filePath serves the bytes. */
    public void putFile(String fileId, String filePath, byte[] bytes) {
        synchronized (lock) {
            filePathById.put(fileId, filePath);
            fileBytesByPath.put(filePath, bytes.clone());
        }
    }

    /** The result for a method, an error object (with error_code), or null for an unknown method. Under lock. */
    private Object result(String method, JsonObject params) {
        switch (method) {
            case "getfile": {
                String fileId = params.getString("file_id");
                String filePath = fileId == null ? null : filePathById.get(fileId);
                if (filePath == null) {
                    return badRequest("wrong file_id or the file is temporarily unavailable");
                }
                return new JsonObject().put("file_id", fileId).put("file_unique_id", "u" + fileId)
                        .put("file_size", fileBytesByPath.get(filePath).length).put("file_path", filePath);
            }
            case "getme":
                return botUser();
            case "getwebhookinfo":
                return new JsonObject().put("url", webhookUrl).put("has_custom_certificate", false)
                        .put("pending_update_count", queue.size()).put("max_connections", 40);
            case "getmycommands":
                return myCommands.copy();
            case "setmycommands": {
                Object commands = params.getValue("commands");
                myCommands = commands instanceof JsonArray a ? a.copy() : new JsonArray();
                return true;
            }
            case "deletemycommands":
                myCommands = new JsonArray();
                return true;
            case "setwebhook":
                webhookUrl = params.getString("url", "");
                if (isTrue(params.getValue("drop_pending_updates"))) {
                    confirmAll();
                }
                return true;
            case "deletewebhook":
                webhookUrl = "";
                if (isTrue(params.getValue("drop_pending_updates"))) {
                    confirmAll();
                }
                return true;
            case "copymessage": {
                Long chatId = chatIdOf(params);
                if (chatId == null) {
                    return badRequest("chat_id is empty");
                }
                return new JsonObject().put("message_id", nextMessageId(chatId));
            }
            default:
                break;
        }
        if (method.equals("deletemessage")) {
            Long chatId = chatIdOf(params);
            Integer messageId = intOf(params.getValue("message_id"));
            if (chatId != null && messageId != null) {
                Map<Integer, JsonObject> chatMessages = botMessages.get(chatId);
                if (chatMessages != null) {
                    chatMessages.remove(messageId);
                }
            }
            return true;
        }
        if (TRUE_METHODS.contains(method)) {
            return true;
        }
        if (MESSAGE_METHODS.contains(method)) {
            Long chatId = chatIdOf(params);
            if (chatId == null) {
                return badRequest("chat not found");
            }
            JsonObject msg = new JsonObject()
                    .put("message_id", nextMessageId(chatId))
                    .put("from", botUser())
                    .put("chat", chatObject(chatId))
                    .put("date", now());
            copyIfPresent(params, msg, "text");
            copyIfPresent(params, msg, "caption");
            copyIfPresent(params, msg, "entities");
            echoInlineMarkup(params, msg);
            if (method.equals("sendmessage") && !msg.containsKey("text")) {
                return badRequest("message text is empty");
            }
            botMessages.computeIfAbsent(chatId, k -> new TreeMap<>()).put(msg.getInteger("message_id"), msg.copy());
            return msg;
        }
        if (EDIT_METHODS.contains(method)) {
            if (params.getValue("inline_message_id") != null) {
                return true;
            }
            Long chatId = chatIdOf(params);
            Integer messageId = intOf(params.getValue("message_id"));
            if (chatId == null || messageId == null) {
                return badRequest("message to edit not found");
            }
            Map<Integer, JsonObject> chatMessages = botMessages.computeIfAbsent(chatId, k -> new TreeMap<>());
            JsonObject old = chatMessages.get(messageId);
            if (old == null && strictEdits) {
                return badRequest("message to edit not found");
            }
            JsonObject msg = old != null ? old.copy() : new JsonObject()
                    .put("message_id", messageId).put("from", botUser())
                    .put("chat", chatObject(chatId)).put("date", now()).put("text", "");
            if (method.equals("editmessagetext")) {
                msg.put("text", params.getValue("text"));
                msg.remove("entities");
                copyIfPresent(params, msg, "entities");
            } else if (method.equals("editmessagecaption")) {
                msg.put("caption", params.getValue("caption"));
            }
            msg.remove("reply_markup");
            echoInlineMarkup(params, msg);
            if (strictEdits && old != null && contentEquals(old, msg)) {
                return badRequest("message is not modified: specified new message content and reply markup"
                        + " are exactly the same as a current content and reply markup of the message");
            }
            msg.put("edit_date", now());
            chatMessages.put(messageId, msg.copy());
            return msg;
        }
        return null;
    }

    private static boolean contentEquals(JsonObject a, JsonObject b) {
        for (String k : List.of("text", "caption", "reply_markup", "entities")) {
            Object x = a.getValue(k);
            Object y = b.getValue(k);
            if (x == null ? y != null : !x.equals(y)) {
                return false;
            }
        }
        return true;
    }

    private void getUpdates(HttpServerRequest req, JsonObject params) {
        // under lock
        if (!webhookUrl.isEmpty()) {
            failed.add(new Recorded("getupdates", params));
            reply(req, 409, new JsonObject().put("ok", false).put("error_code", 409).put("description", CONFLICT_WEBHOOK));
            return;
        }
        calls.add(new Recorded("getupdates", params));
        lock.notifyAll();
        for (Waiter w : new ArrayList<>(waiters)) {
            vertx.cancelTimer(w.timerId);
            waiters.remove(w);
            lock.notifyAll();
            reply(w.req, 409, new JsonObject().put("ok", false).put("error_code", 409)
                    .put("description", CONFLICT_OTHER_GETUPDATES));
        }
        Long offset = longOf(params.getValue("offset"));
        Integer limitParam = intOf(params.getValue("limit"));
        int limit = limitParam == null || limitParam <= 0 ? 100 : Math.min(limitParam, 100);
        Integer timeoutParam = intOf(params.getValue("timeout"));
        int timeout = timeoutParam == null ? 0 : timeoutParam;

        long effectiveOffset = confirm(offset);
        JsonArray result = select(effectiveOffset, limit);
        if (!result.isEmpty() || timeout <= 0) {
            reply(req, 200, new JsonObject().put("ok", true).put("result", result));
            return;
        }
        long holdMs = Math.min(timeout * 1000L, maxHold.toMillis());
        Waiter w = new Waiter(req, effectiveOffset, limit);
        waiters.add(w);
        w.timerId = vertx.setTimer(Math.max(1, holdMs), id -> {
            synchronized (lock) {
                if (waiters.remove(w)) {
                    respondWaiter(w, select(w.offset, w.limit));
                }
            }
        });
        req.response().closeHandler(v -> {
            synchronized (lock) {
                if (waiters.remove(w)) {
                    vertx.cancelTimer(w.timerId);
                    lock.notifyAll();
                }
            }
        });
    }

    /** Applies the offset rule and returns the lowest id still deliverable. Under lock. */
    private long confirm(Long offset) {
        if (offset == null || offset == 0) {
            return 0;
        }
        if (offset > 0) {
            for (Iterator<Queued> it = queue.iterator(); it.hasNext(); ) {
                Queued q = it.next();
                if (q.id < offset && !q.forced) {
                    it.remove();
                }
            }
            confirmedUpTo = Math.max(confirmedUpTo, offset - 1);
            lock.notifyAll();
            return offset;
        }
        // negative: keep only the last |offset| updates
        int keep = (int) Math.min(queue.size(), -offset);
        List<Queued> tail = new ArrayList<>(queue.subList(queue.size() - keep, queue.size()));
        for (Queued q : queue) {
            if (!tail.contains(q)) {
                confirmedUpTo = Math.max(confirmedUpTo, q.id);
            }
        }
        queue.clear();
        queue.addAll(tail);
        lock.notifyAll();
        return 0;
    }

    private void confirmAll() {
        for (Queued q : queue) {
            confirmedUpTo = Math.max(confirmedUpTo, q.id);
        }
        queue.clear();
        lock.notifyAll();
    }

    /** Deliverable updates for an offset; forced (redelivered) ones go out once whatever the offset. Under lock. */
    private JsonArray select(long offset, int limit) {
        JsonArray out = new JsonArray();
        for (Queued q : queue) {
            if (out.size() >= limit) {
                break;
            }
            if (q.forced || q.id >= offset) {
                out.add(q.update.copy());
                q.forced = false;
            }
        }
        return out;
    }

    private long enqueue(JsonObject update) {
        // under lock
        long id = nextUpdateId++;
        JsonObject u = new JsonObject().put("update_id", id);
        update.remove("update_id");
        u.mergeIn(update);
        history.put(id, u.copy());
        queue.add(new Queued(id, u, false));
        answerWaiters();
        return id;
    }

    private void answerWaiters() {
        // under lock
        for (Waiter w : new ArrayList<>(waiters)) {
            JsonArray result = select(w.offset, w.limit);
            if (!result.isEmpty()) {
                waiters.remove(w);
                vertx.cancelTimer(w.timerId);
                respondWaiter(w, result);
            }
        }
    }

    private void respondWaiter(Waiter w, JsonArray result) {
        lock.notifyAll();
        reply(w.req, 200, new JsonObject().put("ok", true).put("result", result));
    }

    private static void reply(HttpServerRequest req, int status, JsonObject body) {
        if (req.response().ended() || req.response().closed()) {
            return;
        }
        req.response().setStatusCode(status)
                .putHeader("content-type", "application/json")
                .end(body.encode());
    }

    // ------------------------------------------------------------------ helpers

    private JsonObject patientMessage(long chatId) {
        // under lock
        int id = nextMessageId(chatId);
        lastPatientMessageIds.put(chatId, id);
        return new JsonObject()
                .put("message_id", id)
                .put("from", user(chatId))
                .put("chat", privateChat(chatId))
                .put("date", now());
    }

    private int nextMessageId(long chatId) {
        // Telegram numbers a private chat's messages in one sequence for both sides.
        return messageIds.merge(chatId, 1, Integer::sum);
    }

    private static void addCommandEntity(JsonObject msg, String text) {
        if (text != null && text.startsWith("/") && text.length() > 1) {
            int end = 0;
            while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
                end++;
            }
            msg.put("entities", new JsonArray().add(new JsonObject()
                    .put("type", "bot_command").put("offset", 0).put("length", end)));
        }
    }

    private static JsonObject user(long id) {
        return new JsonObject().put("id", id).put("is_bot", false).put("first_name", "Pat")
                .put("last_name", "Ient" + id).put("language_code", "en");
    }

    private static JsonObject privateChat(long id) {
        return new JsonObject().put("id", id).put("type", "private").put("first_name", "Pat")
                .put("last_name", "Ient" + id);
    }

    private static JsonObject chatObject(long id) {
        if (id > 0) {
            return privateChat(id);
        }
        String type = id <= -1_000_000_000_000L ? "supergroup" : "group";
        return new JsonObject().put("id", id).put("type", type).put("title", "Test group");
    }

    private static String unique(String fileId) {
        return "U" + Integer.toHexString(fileId.hashCode());
    }

    private static int now() {
        return (int) (System.currentTimeMillis() / 1000);
    }

    private static void echoInlineMarkup(JsonObject params, JsonObject msg) {
        // Telegram echoes only an inline keyboard in the returned Message (Message.reply_markup is an InlineKeyboardMarkup).
        Object markup = params.getValue("reply_markup");
        if (markup instanceof JsonObject m && m.getValue("inline_keyboard") instanceof JsonArray rows && !rows.isEmpty()) {
            msg.put("reply_markup", m.copy());
        }
    }

    private static void copyIfPresent(JsonObject from, JsonObject to, String key) {
        Object v = from.getValue(key);
        if (v != null) {
            to.put(key, v instanceof JsonObject o ? o.copy() : v instanceof JsonArray a ? a.copy() : v);
        }
    }

    private static boolean isChat(JsonObject params, long chatId) {
        Object v = params.getValue("chat_id");
        return v != null && String.valueOf(v).equals(String.valueOf(chatId));
    }

    private static Long chatIdOf(JsonObject params) {
        Object v = params.getValue("chat_id");
        if (v == null) {
            return null;
        }
        Long id = longOf(v);
        // "@channelname": a stable negative id
        return id != null ? id : -1_000_000_000_000L - Math.abs((long) String.valueOf(v).hashCode());
    }

    private static Long longOf(Object v) {
        if (v instanceof Number n) {
            return n.longValue();
        }
        if (v instanceof String s) {
            try {
                return Long.parseLong(s.trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    private static Integer intOf(Object v) {
        Long l = longOf(v);
        return l == null ? null : (int) (long) l;
    }

    private static boolean isTrue(Object v) {
        return Boolean.TRUE.equals(v) || "true".equalsIgnoreCase(String.valueOf(v));
    }

    private static JsonObject badRequest(String what) {
        return new JsonObject().put("ok", false).put("error_code", 400).put("description", "Bad Request: " + what);
    }

    private static void mergeForm(JsonObject params, MultiMap form) {
        for (String name : form.names()) {
            String value = form.get(name);
            params.put(name, name.equals("chat_id") ? value : parseFormValue(value));
        }
    }

    private static Object parseFormValue(String value) {
        if (value == null) {
            return null;
        }
        String t = value.trim();
        try {
            if (t.startsWith("{")) {
                return new JsonObject(t);
            }
            if (t.startsWith("[")) {
                return new JsonArray(t);
            }
            if (t.matches("-?\\d{1,18}")) {
                return Long.parseLong(t);
            }
            if (t.equals("true") || t.equals("false")) {
                return Boolean.parseBoolean(t);
            }
        } catch (DecodeException e) {
            // not JSON: keep the text
        }
        return value;
    }

    private static List<JsonObject> select(List<Recorded> list, String method) {
        String m = method.toLowerCase(Locale.ROOT);
        List<JsonObject> out = new ArrayList<>();
        for (Recorded r : list) {
            if (r.method.equals(m)) {
                out.add(r.params.copy());
            }
        }
        return out;
    }

    private interface Condition {
        boolean holds();
    }

    private interface Describer {
        String describe();
    }

    private void awaitCondition(Condition c, Duration timeout, Describer what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (!c.holds()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("FakeBotApi: timed out after " + timeout.toMillis()
                            + " ms waiting for " + what.describe());
                }
                try {
                    lock.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("interrupted while waiting for " + what.describe(), e);
                }
            }
        }
    }

    private static final class Queued {
        final long id;
        final JsonObject update;
        boolean forced;

        Queued(long id, JsonObject update, boolean forced) {
            this.id = id;
            this.update = update;
            this.forced = forced;
        }
    }

    private static final class Waiter {
        final HttpServerRequest req;
        final long offset;
        final int limit;
        long timerId;

        Waiter(HttpServerRequest req, long offset, int limit) {
            this.req = req;
            this.offset = offset;
            this.limit = limit;
        }
    }

    private static final class Fault {
        int remaining;
        final int status;
        final Integer retryAfter;

        Fault(int remaining, int status, Integer retryAfter) {
            this.remaining = remaining;
            this.status = status;
            this.retryAfter = retryAfter;
        }
    }

    private record Recorded(String method, JsonObject params) {
    }
}
