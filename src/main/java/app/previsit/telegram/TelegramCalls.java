package app.previsit.telegram;

import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.io.Serializable;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.api.methods.updates.SetWebhook;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Every call to the Bot API goes through here. The library does not retry, so this does: on 429 it
 * waits the {@code retry_after} Telegram asks for, on 5xx and network errors it backs off
 * exponentially with jitter; other 4xx answers (bot blocked, bad request) are final. A call that
 * finally fails is logged by method and code only (never the text) and counted in /metrics.
 */
public final class TelegramCalls {
  private static final Logger LOG = LoggerFactory.getLogger(TelegramCalls.class);

  /** How hard to try before giving up on one call. */
  public record Retry(int maxAttempts, Duration firstBackoff, Duration maxBackoff, Duration maxRetryAfter) {
    public static final Retry DEFAULT = new Retry(8, Duration.ofMillis(500), Duration.ofSeconds(30), Duration.ofSeconds(120));
  }

  private final TelegramClient client;
  private final Vertx vertx;
  private final Context context;
  private final Retry retry;
  private final MeterRegistry metrics;

  public TelegramCalls(TelegramClient client, Vertx vertx, Context context, Retry retry, MeterRegistry metrics) {
    this.client = client;
    this.vertx = vertx;
    this.context = context;
    this.retry = retry;
    this.metrics = metrics;
  }

  /** Runs the call, retrying as above; completes on the channel's context. */
  public <T extends Serializable> Future<T> call(BotApiMethod<T> method) {
    return call(method.getMethod(), () -> client.executeAsync(method));
  }

  /** setWebhook is a multipart call of its own in the library, not a BotApiMethod. */
  public Future<Boolean> setWebhook(SetWebhook setWebhook) {
    return call(SetWebhook.PATH, () -> client.executeAsync(setWebhook));
  }

  interface Call<T> {
    CompletableFuture<T> start() throws TelegramApiException;
  }

  private <T> Future<T> call(String name, Call<T> call) {
    Promise<T> done = Promise.promise();
    attempt(name, call, 1, done);
    return done.future();
  }

  private <T> void attempt(String name, Call<T> call, int n, Promise<T> done) {
    CompletableFuture<T> cf;
    try {
      cf = call.start();
    } catch (TelegramApiException | RuntimeException e) {
      cf = CompletableFuture.failedFuture(e);
    }
    cf.whenComplete((result, error) -> context.runOnContext(v -> {
      if (error == null) {
        done.complete(result);
        return;
      }
      Throwable e = unwrap(error);
      Integer code = e instanceof TelegramApiRequestException r ? r.getErrorCode() : null;
      Duration wait = waitBefore(e, code, n);
      if (wait == null || n >= retry.maxAttempts()) {
        metrics.counter("previsit_telegram_call_failures", "method", name, "code", code == null ? "network" : code.toString())
            .increment();
        LOG.warn("Telegram {} failed for good after {} attempt(s): {}", name, n, code == null ? e.getClass().getSimpleName() : code);
        done.fail(new TelegramCallFailed(name, code, e));
        return;
      }
      metrics.counter("previsit_telegram_call_retries", "method", name, "code", code == null ? "network" : code.toString())
          .increment();
      vertx.setTimer(Math.max(1, wait.toMillis()), t -> attempt(name, call, n + 1, done));
    }));
  }

  /** Null when the error is final; else how long to wait before the next attempt. */
  private Duration waitBefore(Throwable e, Integer code, int attempt) {
    if (code != null && code == 429) {
      Integer after = e instanceof TelegramApiRequestException r && r.getParameters() != null ? r.getParameters().getRetryAfter() : null;
      Duration d = Duration.ofSeconds(after == null ? 1 : Math.max(0, after));
      return d.compareTo(retry.maxRetryAfter()) > 0 ? retry.maxRetryAfter() : d.plusMillis(jitter(100));
    }
    if (code != null && code < 500) return null; // 400 bad request, 403 blocked by the patient: retrying cannot help
    long base = retry.firstBackoff().toMillis() << Math.min(20, attempt - 1);
    long capped = Math.min(base, retry.maxBackoff().toMillis());
    // Full jitter keeps many chats retrying after one outage from arriving together.
    return Duration.ofMillis(capped / 2 + jitter(capped / 2 + 1));
  }

  private static long jitter(long bound) {
    return ThreadLocalRandom.current().nextLong(Math.max(1, bound));
  }

  private static Throwable unwrap(Throwable e) {
    while ((e instanceof CompletionException || e instanceof ExecutionException) && e.getCause() != null) e = e.getCause();
    return e;
  }

  /** A Bot API call that failed for good; {@code code} is Telegram's error code or null for network errors. */
  public static final class TelegramCallFailed extends RuntimeException {
    private final Integer code;

    TelegramCallFailed(String method, Integer code, Throwable cause) {
      super("Telegram " + method + " failed" + (code == null ? "" : " with " + code), cause, false, false);
      this.code = code;
    }

    public Integer code() {
      return code;
    }
  }
}
