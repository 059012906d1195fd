package app.previsit.telegram;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.longpolling.TelegramBotsLongPollingApplication;
import org.telegram.telegrambots.longpolling.interfaces.LongPollingUpdateConsumer;
import org.telegram.telegrambots.longpolling.util.DefaultGetUpdatesGenerator;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * Long polling through TelegramBots. The library confirms a batch to Telegram with its next
 * getUpdates, which it sends only after {@link #consume} returns; so consume returns only once
 * every update of the batch is in the durable inbox. While the store is down it waits and tries
 * again (polling pauses, Telegram keeps the updates). Nothing may escape consume: the library
 * would stop polling for good without a word.
 */
final class LongPollingReceiver implements LongPollingUpdateConsumer {
  private static final Logger LOG = LoggerFactory.getLogger(LongPollingReceiver.class);
  private static final Duration STORE_WAIT = Duration.ofSeconds(5);

  private final String token;
  private final TelegramUrl url;
  private final TelegramChannel channel;
  /** Ours, so that it can be shut down: the library's close() leaves its executor running. */
  private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "telegram-poller");
    t.setDaemon(true);
    return t;
  });
  private final TelegramBotsLongPollingApplication app;

  LongPollingReceiver(String token, TelegramUrl url, TelegramChannel channel) {
    this.token = token;
    this.url = url;
    this.channel = channel;
    this.app = new TelegramBotsLongPollingApplication(TelegramChannel::mapper, okhttp3.OkHttpClient::new, () -> executor);
  }

  /** Blocking (deleteWebhook, then the poller starts): call off the event loop. */
  void start() throws Exception {
    app.registerBot(token, () -> url, new DefaultGetUpdatesGenerator(), this);
  }

  @Override
  public void consume(List<Update> updates) {
    for (Update u : updates) {
      try {
        keep(u);
      } catch (Throwable t) {
        LOG.error("Telegram update {} could not be taken in: {}", u.getUpdateId(), t.getClass().getSimpleName());
      }
    }
  }

  private void keep(Update u) throws Exception {
    String json = channel.encode(u);
    long backoff = 200;
    boolean warned = false;
    while (channel.running()) {
      try {
        channel.accept(u.getUpdateId(), json).toCompletionStage().toCompletableFuture().get(STORE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        if (warned) LOG.info("Telegram inbox reachable again");
        return;
      } catch (Exception e) {
        if (!warned) LOG.warn("Telegram inbox unavailable ({}); polling waits until it is back", e.getClass().getSimpleName());
        warned = true;
        Thread.sleep(backoff);
        backoff = Math.min(5_000, backoff * 2);
      }
    }
  }

  void shutdown() {
    try {
      app.close();
    } catch (Exception e) {
      LOG.debug("closing long polling: {}", e.getClass().getSimpleName());
    }
    executor.shutdownNow();
  }
}
