package app.previsit.telegram;

import app.previsit.config.Config;
import app.previsit.dialogue.Messages;
import app.previsit.invitation.Invitation;
import app.previsit.server.Services;
import app.previsit.store.StoreUnavailableException;
import app.previsit.store.TelegramStore;
import app.previsit.store.TelegramStore.QueuedUpdate;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.commands.BotCommand;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * The Telegram channel: receives updates (long polling, or a webhook when configured), keeps each
 * one in the durable inbox before anything else, then applies them one chat at a time and
 * acknowledges each update in the inbox only after its replies were sent. An update left in the
 * inbox by a crash is applied at the next start (or by the periodic sweep); a chat remembers the
 * updates it has applied and the conversation turn is idempotent per update id, so none is applied
 * twice (its replies may be sent again).
 */
public final class TelegramChannel {
  private static final Logger LOG = LoggerFactory.getLogger(TelegramChannel.class);

  /** How long an update waits for a store or Telegram outage to end before it is left for the next start. */
  private static final int MAX_UPDATE_ATTEMPTS = 300;
  private static final Duration UPDATE_RETRY = Duration.ofSeconds(2);
  private static final Duration BUSY_RETRY = Duration.ofMillis(100);
  /** How long start-up waits for getMe, which gives the bot's username for invitation links. */
  private static final Duration IDENTITY_WAIT = Duration.ofSeconds(3);
  private static final Duration SWEEP_EVERY = Duration.ofSeconds(30);
  /** Longer than any turn with its sends and retries takes; lapses if the instance holding it dies. */
  private static final Duration CHAT_LEASE = Duration.ofMinutes(2);

  private final Services services;
  private final Context context;
  private final TelegramStore store;
  private final ObjectMapper json;
  private final UpdateHandler handler;
  private final Delivery delivery;
  private final ChatLanes lanes = new ChatLanes();
  /** Update ids being applied by this process right now; touched only on the channel's context. */
  private final Set<Long> inHand = new HashSet<>();
  private final AtomicBoolean running = new AtomicBoolean(true);
  /** This process, as the owner of chat leases. */
  private final String instance = app.previsit.invitation.Tokens.random(9);
  private final TelegramCalls calls;
  private final Messages messages;
  private final TelegramFiles files;
  private volatile LongPollingReceiver poller;

  private TelegramChannel(Services services, Context context, TelegramClient client) {
    this.services = services;
    this.context = context;
    this.store = services.stores().telegram();
    this.json = mapper();
    this.calls = new TelegramCalls(client, services.vertx(), context, TelegramCalls.Retry.DEFAULT, services.metrics());
    Config config = services.config();
    this.messages = Messages.load(config.messagesFile(), Map.of("phone", config.practiceContact(),
        "days", Long.toString(config.retentionAfterAppointment().toDays())));
    this.delivery = new Delivery(calls, store, services.vertx());
    this.files = new TelegramFiles(services.vertx(), calls, config.telegramApiUrl(), config.telegramBotToken().orElseThrow());
    this.handler = new UpdateHandler(services, messages, delivery, new TelegramPrintouts(files, services.printouts()));
  }

  /** Starts the channel with the configured token and API URL; the returned future fails with a clear reason. */
  public static Future<TelegramChannel> start(Services services) {
    Config config = services.config();
    String token = config.telegramBotToken().orElseThrow(() -> new IllegalStateException("TELEGRAM_BOT_TOKEN is not set"));
    TelegramUrl url = telegramUrl(config.telegramApiUrl());
    TelegramClient client = new OkHttpTelegramClient(token, url);
    Context context = services.vertx().getOrCreateContext();
    // Built here, off the event loop: it reads the practice's wording file.
    TelegramChannel channel = new TelegramChannel(services, context, client);
    Promise<TelegramChannel> started = Promise.promise();
    context.runOnContext(v -> {
      channel.begin(token, url).onComplete(ar -> {
        if (ar.succeeded()) started.complete(channel);
        else started.fail(ar.cause());
      });
    });
    return started.future();
  }

  /**
   * Telegram being unreachable or slow must not keep the practice's web pages down: the bot's name
   * is waited for a moment (invitations need it for their link), everything else carries on in the
   * background and is retried until it works.
   */
  private Future<Void> begin(String token, TelegramUrl url) {
    Config config = services.config();
    Future<Void> identity = config.telegramBotUsername().isPresent() ? Future.succeededFuture()
        : calls.call(new GetMe()).onSuccess(me -> services.channels().telegramUsername(me.getUserName())).<Void>mapEmpty()
            .recover(e -> {
              LOG.warn("Telegram getMe failed ({}); invitations carry no t.me link until it works or TELEGRAM_BOT_USERNAME is set",
                  describe(e));
              return Future.succeededFuture();
            });
    Promise<Void> named = Promise.promise();
    identity.onComplete(ar -> named.tryComplete());
    services.vertx().setTimer(IDENTITY_WAIT.toMillis(), t -> named.tryComplete());
    calls.call(commands()).onFailure(e -> LOG.warn("Telegram setMyCommands failed ({}); the menu is missing, the commands still work",
        describe(e)));
    return named.future().compose(v -> recoverInbox()).onSuccess(v -> {
      receive(token, url, 1);
      services.vertx().setTimer(SWEEP_EVERY.toMillis(), t -> sweep(Set.of()));
    });
  }

  /** Starts webhook or long polling; on failure tries again in a while, for as long as we run. */
  private void receive(String token, TelegramUrl url, int attempt) {
    if (!running.get()) return;
    Config config = services.config();
    Future<Void> started;
    if (config.telegramWebhookUrl().isPresent()) {
      started = WebhookSetup.register(calls, config).onSuccess(x -> LOG.info("Telegram channel: webhook mode"));
    } else {
      LongPollingReceiver receiver = new LongPollingReceiver(token, url, this);
      started = services.vertx().executeBlocking(() -> {
        receiver.start();
        return null;
      }, false).<Void>mapEmpty().onSuccess(x -> {
        poller = receiver;
        if (!running.get()) receiver.shutdown();
        LOG.info("Telegram channel: long polling");
      }).onFailure(e -> receiver.shutdown());
    }
    started.onFailure(e -> {
      long wait = Math.min(60_000, 2_000L * attempt);
      LOG.warn("Telegram channel could not start receiving ({}); trying again in {} s", describe(e), wait / 1000);
      services.vertx().setTimer(wait, t -> receive(token, url, attempt + 1));
    });
  }

  /** Why a call failed, without anything a patient wrote: the error code or the exception's kind. */
  private static String describe(Throwable e) {
    if (e instanceof TelegramCalls.TelegramCallFailed f && f.code() != null) {
      return f.code() == 401 || f.code() == 404 ? "Telegram refused the bot token (" + f.code() + ")" : "error " + f.code();
    }
    return e.getClass().getSimpleName();
  }

  /** Updates a crash left in the inbox go first, in the order Telegram sent them. */
  private Future<Void> recoverInbox() {
    return store.pending(10_000).map(left -> {
      if (!left.isEmpty()) LOG.info("Telegram inbox: {} update(s) left from before, applying them first", left.size());
      left.forEach(this::dispatch);
      return null;
    });
  }

  /**
   * Takes in one update from a receiver: durable first (a repeat of an update already taken in is
   * dropped here), then queued for its chat. The future succeeds only once the update is safe.
   */
  Future<Boolean> accept(long updateId, String updateJson) {
    return store.enqueue(updateId, updateJson).compose(queued -> {
      if (queued) {
        dispatch(new QueuedUpdate(updateId, updateJson));
        return Future.succeededFuture(true);
      }
      // Seen before. If it is still in the inbox, an earlier attempt wrote it but its answer was lost
      // (a Redis timeout): nobody is applying it, so apply it now rather than leave it stuck.
      return store.isPending(updateId).map(stuck -> {
        if (stuck) dispatch(new QueuedUpdate(updateId, updateJson));
        return false;
      });
    });
  }

  /**
   * Every so often, an update that has sat in the inbox since the previous sweep without being in
   * hand here is applied: the safety net for an entry whose first dispatch was lost.
   */
  private void sweep(Set<Long> seenLastTime) {
    if (!running.get()) return;
    store.pending(1_000).onComplete(ar -> {
      Set<Long> now = new HashSet<>();
      if (ar.succeeded()) {
        for (QueuedUpdate q : ar.result()) {
          if (inHand.contains(q.updateId())) continue;
          if (seenLastTime.contains(q.updateId())) dispatch(q);
          else now.add(q.updateId());
        }
      }
      services.vertx().setTimer(SWEEP_EVERY.toMillis(), t -> sweep(now));
    });
  }

  String encode(Update u) throws com.fasterxml.jackson.core.JsonProcessingException {
    return json.writeValueAsString(u);
  }

  Update decode(String body) throws com.fasterxml.jackson.core.JsonProcessingException {
    return json.readValue(body, Update.class);
  }

  private void dispatch(QueuedUpdate q) {
    context.runOnContext(v -> {
      if (!inHand.add(q.updateId())) return; // already being applied here
      Incoming in;
      try {
        in = UpdateReader.read(decode(q.json()));
      } catch (Exception e) {
        LOG.warn("Telegram update {} does not parse ({}); dropped", q.updateId(), e.getClass().getSimpleName());
        store.done(q.updateId());
        inHand.remove(q.updateId());
        return;
      }
      // From the moment it is taken in: waiting behind the chat's previous message counts too.
      long typing = answersPatient(in) ? delivery.typingAfterAMoment(in.chatId()) : -1;
      lanes.run(in.chatId(), () -> attempt(in, 1)).onComplete(ar -> {
        if (typing >= 0) services.vertx().cancelTimer(typing);
        inHand.remove(q.updateId());
      });
    });
  }

  private Future<Void> attempt(Incoming in, int n) {
    return leased(in).transform(ar -> {
      if (ar.succeeded()) {
        // If this fails the entry stays; the chat remembers it applied the update, so a later pass skips it.
        return store.done(in.updateId()).recover(e -> Future.succeededFuture());
      }
      Throwable e = ar.cause();
      if (passing(e) && running.get()) {
        if (n == 1 && !(e instanceof ChatBusyElsewhere)) LOG.warn("Telegram update {} waits: {}", in.updateId(), e.getClass().getSimpleName());
        if (n >= MAX_UPDATE_ATTEMPTS) return Future.<Void>succeededFuture(); // stays in the inbox for the next start
        Promise<Void> later = Promise.promise();
        long wait = e instanceof ChatBusyElsewhere ? BUSY_RETRY.toMillis() : UPDATE_RETRY.toMillis();
        services.vertx().setTimer(wait, t -> attempt(in, n + 1).onComplete(later));
        return later.future();
      }
      if (!running.get()) return Future.<Void>succeededFuture();
      services.metrics().counter("previsit_telegram_update_failures").increment();
      LOG.error("Telegram update {} failed: {}", in.updateId(), e.getClass().getSimpleName());
      Future<Void> apology = in.chatId() != 0 && in.privateChat()
          ? delivery.plain(in.chatId(), messages.text("telegram.failed")).recover(x -> Future.succeededFuture()) : Future.succeededFuture();
      return apology.compose(v -> store.done(in.updateId())).recover(x -> Future.succeededFuture());
    });
  }

  /** Whether the patient waits for an answer to this (so "typing…" is worth showing if it takes a while). */
  private static boolean answersPatient(Incoming in) {
    return in.privateChat() && in.chatId() != 0 && in.kind() != Incoming.Kind.IGNORED;
  }

  /**
   * Applies the update holding its chat's lease, so that another instance on the same Redis (a
   * restart's inbox recovery, the sweep, a webhook behind a load balancer) waits instead of
   * applying the same chat's updates at the same time.
   */
  private Future<Void> leased(Incoming in) {
    if (in.chatId() == 0) return handleSafely(in);
    long chat = in.chatId();
    return store.leaseChat(chat, instance, CHAT_LEASE).compose(taken -> {
      if (!taken) return Future.<Void>failedFuture(new ChatBusyElsewhere());
      return handleSafely(in).eventually(() -> store.releaseChat(chat, instance).recover(e -> Future.succeededFuture()));
    });
  }

  private Future<Void> handleSafely(Incoming in) {
    try {
      return handler.handle(in);
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
  }

  /** Another instance is applying this chat's updates; ours waits its turn. */
  private static final class ChatBusyElsewhere extends RuntimeException {
    ChatBusyElsewhere() {
      super("chat busy on another instance", null, false, false);
    }
  }

  /** A store outage, Telegram being unreachable or a busy chat passes; anything else will not get better by waiting. */
  private static boolean passing(Throwable e) {
    if (e instanceof StoreUnavailableException || e instanceof ChatBusyElsewhere) return true;
    if (e instanceof TelegramCalls.TelegramCallFailed f) return f.code() == null || f.code() == 429 || f.code() >= 500;
    return false;
  }

  private <T> Future<T> onContext(java.util.function.Supplier<Future<T>> work) {
    Promise<T> p = Promise.promise();
    context.runOnContext(v -> work.get().onComplete(p));
    return p.future();
  }

  boolean running() {
    return running.get();
  }

  /** Tells a returning patient (known by reference) of a new invitation in their chat; true when messaged. */
  public Future<Boolean> inviteReturning(Invitation invitation) {
    return onContext(() -> handler.inviteReturning(invitation));
  }

  /** Reminds a patient in the chat that holds the invitation; true when messaged. */
  public Future<Boolean> remind(Invitation invitation) {
    return onContext(() -> handler.remind(invitation));
  }

  /** Patients' photos and documents, fetched from Telegram for a clinician. */
  public TelegramFiles files() {
    return files;
  }

  /** Stops receiving; updates already in the inbox stay there for the next start. */
  public void stop() {
    running.set(false);
    if (poller != null) poller.shutdown();
    files.close();
  }

  /** The menu Telegram shows by the text box; descriptions come from the practice's wording file. */
  private SetMyCommands commands() {
    List<BotCommand> menu = List.of("help", "back", "skip", "summary", "stop", "forget").stream()
        .map(c -> new BotCommand(c, messages.text("telegram.command." + c))).toList();
    return SetMyCommands.builder().commands(menu).build();
  }

  static TelegramUrl telegramUrl(String apiUrl) {
    URI u = URI.create(apiUrl);
    int port = u.getPort() > 0 ? u.getPort() : "http".equals(u.getScheme()) ? 80 : 443;
    return new TelegramUrl(u.getScheme(), u.getHost(), port, false);
  }

  static ObjectMapper mapper() {
    return new ObjectMapper()
        .setSerializationInclusion(JsonInclude.Include.NON_NULL)
        .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
  }
}
