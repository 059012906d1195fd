package app.previsit.store.redis;

import io.lettuce.core.RestoreArgs;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code previsit migrate-keys}: moves what an earlier release wrote into this release's key layout
 * ({@link LegacyKeys} to {@link RedisKeys}) and marks the layout. Each key is copied with DUMP and
 * RESTORE (its expiry kept) and only then deleted, so that it works on one node and across a cluster's
 * slots alike, and a run cut short can simply be run again. Nothing already in the new layout is
 * overwritten: an old key whose new name is taken by other data is left where it is and reported (an
 * old release still running beside a new one would cause that). Meant to run once with every
 * instance stopped.
 */
public final class KeyMigration {
  private static final long TIMEOUT_S = 30;

  /** What a run moved. */
  /** What a run moved, and how many old keys it left because their new names hold other data. */
  public record Result(int keysMoved, int inboxUpdatesMoved, int conflicts) {}

  private final RedisStores stores;

  public KeyMigration(RedisStores stores) {
    this.stores = stores;
  }

  public Result run() throws Exception {
    RedisClusterAsyncCommands<String, String> redis = stores.redis();
    List<String> old = new ArrayList<>();
    ScanCursor cursor = ScanCursor.INITIAL;
    do {
      var page = redis.scan(cursor, ScanArgs.Builder.matches(RedisKeys.PREFIX + "*").limit(1000)).get(TIMEOUT_S, TimeUnit.SECONDS);
      for (String key : page.getKeys()) if (LegacyKeys.isLegacy(key)) old.add(key);
      cursor = page;
    } while (!cursor.isFinished());
    int moved = 0;
    int updates = 0;
    int conflicts = 0;
    for (String key : old) {
      if (key.equals(LegacyKeys.TELEGRAM_INBOX)) {
        updates += moveInbox(redis);
        continue;
      }
      switch (move(redis, key, LegacyKeys.renamed(key).orElseThrow())) {
        case MOVED -> moved++;
        case CONFLICT -> conflicts++;
        case GONE -> { }
      }
    }
    redis.set(RedisKeys.layout(), RedisKeys.LAYOUT).get(TIMEOUT_S, TimeUnit.SECONDS);
    return new Result(moved, updates, conflicts);
  }

  private enum Outcome { MOVED, GONE, CONFLICT }

  /**
   * PTTL, DUMP, RESTORE under the new name with that expiry (never REPLACE), then DEL. The expiry is read
   * first: a key that expires between the two is then missing from DUMP (skipped), never restored without
   * an expiry. When the new name is taken, an identical copy (a run cut short after RESTORE) lets the old
   * key go; different data stays where both are and counts as a conflict.
   */
  private static Outcome move(RedisClusterAsyncCommands<String, String> redis, String from, String to) throws Exception {
    long ttl = redis.pttl(from).get(TIMEOUT_S, TimeUnit.SECONDS);
    if (ttl == -2) return Outcome.GONE;
    byte[] value = redis.dump(from).get(TIMEOUT_S, TimeUnit.SECONDS);
    if (value == null) return Outcome.GONE;
    // RESTORE's ttl 0 means "no expiry": right for a key that had none (-1).
    RestoreArgs args = RestoreArgs.Builder.ttl(ttl > 0 ? ttl : 0);
    try {
      redis.restore(to, value, args).get(TIMEOUT_S, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      if (e.getCause() == null || e.getCause().getMessage() == null || !e.getCause().getMessage().startsWith("BUSYKEY")) throw e;
      byte[] there = redis.dump(to).get(TIMEOUT_S, TimeUnit.SECONDS);
      if (!java.util.Arrays.equals(there, value)) return Outcome.CONFLICT;
    }
    redis.del(from).get(TIMEOUT_S, TimeUnit.SECONDS);
    return Outcome.MOVED;
  }

  /** The old single inbox hash, field by field into the shard of each update id. */
  private static int moveInbox(RedisClusterAsyncCommands<String, String> redis) throws Exception {
    Map<String, String> all = redis.hgetall(LegacyKeys.TELEGRAM_INBOX).get(TIMEOUT_S, TimeUnit.SECONDS);
    int n = 0;
    for (Map.Entry<String, String> e : all.entrySet()) {
      long updateId;
      try {
        updateId = Long.parseLong(e.getKey());
      } catch (NumberFormatException bad) {
        continue; // never written by Previsit; left in the old hash, which is then kept
      }
      redis.hset(RedisKeys.telegramInbox(RedisKeys.telegramShard(updateId)), e.getKey(), e.getValue()).get(TIMEOUT_S, TimeUnit.SECONDS);
      redis.hdel(LegacyKeys.TELEGRAM_INBOX, e.getKey()).get(TIMEOUT_S, TimeUnit.SECONDS);
      n++;
    }
    return n;
  }
}
