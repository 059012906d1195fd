package app.previsit.store;

import io.vertx.core.Future;
import java.time.Duration;

/**
 * Counters with an expiry, shared by every event loop of a process (memory) or by every instance of a
 * deployment (Redis): what the rate limits and login back-off count with, so that a limit holds however
 * many verticles or instances answer.
 */
public interface Counters {
  /** Adds one and returns the new count; a new counter lives for {@code window} (fixed window). */
  Future<Long> increment(String key, Duration window);

  /** The current count, 0 when absent or expired. */
  Future<Long> count(String key);

  /** Sets a marker that lasts {@code duration} (replacing any earlier one). */
  Future<Void> hold(String key, Duration duration);

  /** Milliseconds left on a marker set by {@link #hold}, 0 when there is none. */
  Future<Long> heldFor(String key);

  /** Removes the counter or marker. */
  Future<Void> reset(String key);
}
