package app.previsit.store.memory;

import app.previsit.store.Counters;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Counters in process memory, one map for every event loop; expired entries are swept now and then. */
public final class MemoryCounters implements Counters {
  /** How many writes between sweeps of expired entries (memory stays bounded by live keys). */
  private static final int SWEEP_EVERY = 4096;

  private record Entry(long count, long expiresAtMillis) {}

  private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
  private final AtomicInteger writes = new AtomicInteger();
  private final Clock clock;

  public MemoryCounters(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Future<Long> increment(String key, Duration window) {
    long now = clock.millis();
    sweepNowAndThen(now);
    Entry e = entries.compute(key, (k, old) -> old == null || old.expiresAtMillis <= now
        ? new Entry(1, now + window.toMillis()) : new Entry(old.count + 1, old.expiresAtMillis));
    return Future.succeededFuture(e.count);
  }

  @Override
  public Future<Long> count(String key) {
    Entry e = live(key);
    return Future.succeededFuture(e == null ? 0L : e.count);
  }

  @Override
  public Future<Void> hold(String key, Duration duration) {
    long now = clock.millis();
    sweepNowAndThen(now);
    entries.put(key, new Entry(1, now + duration.toMillis()));
    return Future.succeededFuture();
  }

  @Override
  public Future<Long> heldFor(String key) {
    Entry e = live(key);
    return Future.succeededFuture(e == null ? 0L : e.expiresAtMillis - clock.millis());
  }

  @Override
  public Future<Void> reset(String key) {
    entries.remove(key);
    return Future.succeededFuture();
  }

  private Entry live(String key) {
    Entry e = entries.get(key);
    return e == null || e.expiresAtMillis <= clock.millis() ? null : e;
  }

  private void sweepNowAndThen(long now) {
    if (writes.incrementAndGet() % SWEEP_EVERY == 0) entries.values().removeIf(e -> e.expiresAtMillis <= now);
  }
}
