package app.previsit.store.redis;

import app.previsit.config.ConfigException;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.SetArgs;
import java.util.concurrent.TimeUnit;

/**
 * Which key layout the data in Redis is in. This release writes layout {@value RedisKeys#LAYOUT}
 * (hash tags, for Cluster) and marks it in {@code previsit:layout}. At start-up, Redis without the mark
 * is either new (marked now) or holds what an earlier release wrote in the old layout; then serving would
 * show every patient's conversation as missing, so the start stops and says to run {@code migrate-keys}.
 */
final class KeyLayout {
  private static final long TIMEOUT_S = 30;

  private KeyLayout() {}

  /** Blocking: runs once at start-up, before serving. */
  static void check(RedisStores stores) {
    try {
      var redis = stores.redis();
      String mark = redis.get(RedisKeys.layout()).get(TIMEOUT_S, TimeUnit.SECONDS);
      if (RedisKeys.LAYOUT.equals(mark)) return;
      if (mark != null) {
        throw new ConfigException("REDIS_URL holds data in key layout " + mark + ", which this release does not know");
      }
      if (holdsLegacyKeys(stores)) {
        throw new ConfigException("REDIS_URL holds conversations an earlier release wrote in its old key layout: stop every "
            + "Previsit instance, run `previsit migrate-keys` once, then start again");
      }
      redis.set(RedisKeys.layout(), RedisKeys.LAYOUT, SetArgs.Builder.nx()).get(TIMEOUT_S, TimeUnit.SECONDS);
    } catch (ConfigException e) {
      throw e;
    } catch (Exception e) {
      if (e instanceof InterruptedException) Thread.currentThread().interrupt();
      Throwable cause = e instanceof java.util.concurrent.ExecutionException && e.getCause() != null ? e.getCause() : e;
      throw new ConfigException("REDIS_URL: could not read the key layout (" + cause.getClass().getSimpleName() + ": "
          + cause.getMessage() + ")");
    }
  }

  /** Any key of the old layout at all (every node of a cluster). Stops at the first one found. */
  static boolean holdsLegacyKeys(RedisStores stores) throws Exception {
    var redis = stores.redis();
    ScanCursor cursor = ScanCursor.INITIAL;
    do {
      var page = redis.scan(cursor, ScanArgs.Builder.matches(RedisKeys.PREFIX + "*").limit(1000)).get(TIMEOUT_S, TimeUnit.SECONDS);
      for (String key : page.getKeys()) {
        if (LegacyKeys.isLegacy(key)) return true;
      }
      cursor = page;
    } while (!cursor.isFinished());
    return false;
  }
}
