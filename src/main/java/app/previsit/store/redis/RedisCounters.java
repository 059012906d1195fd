package app.previsit.store.redis;

import app.previsit.store.Counters;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import io.vertx.core.Future;
import java.time.Duration;

/** Counters on Redis, shared by every instance: INCR with the window set on the first hit, in one script. */
final class RedisCounters implements Counters {
  private static final String INCREMENT = """
      local n = redis.call('INCR', KEYS[1])
      if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
      return n""";

  private final RedisStores redis;

  RedisCounters(RedisStores redis) {
    this.redis = redis;
  }

  @Override
  public Future<Long> increment(String key, Duration window) {
    String[] keys = {RedisKeys.counter(key)};
    return redis.call(() -> redis.redis().<Long>eval(INCREMENT, ScriptOutputType.INTEGER, keys, Long.toString(window.toMillis())));
  }

  @Override
  public Future<Long> count(String key) {
    return redis.call(() -> redis.redis().get(RedisKeys.counter(key))).map(v -> v == null ? 0L : Long.parseLong(v));
  }

  @Override
  public Future<Void> hold(String key, Duration duration) {
    return redis.call(() -> redis.redis().set(RedisKeys.counter(key), "1", SetArgs.Builder.px(duration.toMillis()))).mapEmpty();
  }

  @Override
  public Future<Long> heldFor(String key) {
    return redis.call(() -> redis.redis().pttl(RedisKeys.counter(key))).map(ms -> ms == null || ms < 0 ? 0L : ms);
  }

  @Override
  public Future<Void> reset(String key) {
    return redis.call(() -> redis.redis().del(RedisKeys.counter(key))).mapEmpty();
  }
}
