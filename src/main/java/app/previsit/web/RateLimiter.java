package app.previsit.web;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Token buckets per key (an invitation token, a username, an address). Kept in this process:
 * each instance limits on its own, which bounds abuse per instance without a store round-trip.
 */
public final class RateLimiter {
  private final double capacity;
  private final double refillPerMilli;
  private final ConcurrentHashMap<String, double[]> buckets = new ConcurrentHashMap<>();

  /** {@code capacity} requests at once, refilled at {@code perMinute} a minute. */
  public RateLimiter(int capacity, int perMinute) {
    this.capacity = capacity;
    this.refillPerMilli = perMinute / 60_000.0;
  }

  /** True when a request would be allowed now; takes nothing (for limits that count only failures). */
  public boolean allows(String key, long nowMillis) {
    double[] b = buckets.get(key);
    return b == null || Math.min(capacity, b[0] + (nowMillis - b[1]) * refillPerMilli) >= 1;
  }

  /** True when the request may go ahead. */
  public boolean tryAcquire(String key, long nowMillis) {
    if (buckets.size() > 100_000) buckets.clear(); // bounded memory under a flood of random keys
    boolean[] allowed = {false};
    buckets.compute(key, (k, b) -> {
      if (b == null) b = new double[] {capacity, nowMillis};
      b[0] = Math.min(capacity, b[0] + (nowMillis - b[1]) * refillPerMilli);
      b[1] = nowMillis;
      if (b[0] >= 1) {
        b[0] -= 1;
        allowed[0] = true;
      }
      return b;
    });
    return allowed[0];
  }
}
