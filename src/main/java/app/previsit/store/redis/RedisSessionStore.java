package app.previsit.store.redis;

import app.previsit.store.SessionStore;
import app.previsit.store.Versioned;
import io.lettuce.core.ScriptOutputType;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.Optional;

/** Conversation state as a hash {v, data}; written only through an atomic compare-and-set script. */
final class RedisSessionStore implements SessionStore {
  /** KEYS[1] session; ARGV expected version, new value, ttl ms. 1 when written, 0 when the version moved. */
  private static final String CAS = """
      local v = redis.call('HGET', KEYS[1], 'v')
      if (v == false and ARGV[1] == '0') or v == ARGV[1] then
        redis.call('HSET', KEYS[1], 'v', tostring(tonumber(ARGV[1]) + 1), 'data', ARGV[2])
        redis.call('PEXPIRE', KEYS[1], ARGV[3])
        return 1
      end
      return 0""";

  private final RedisStores redis;
  private volatile String casSha;

  RedisSessionStore(RedisStores redis) {
    this.redis = redis;
  }

  @Override
  public Future<Optional<Versioned>> load(String invitationId) {
    return redis.call(() -> redis.redis().hmget(RedisKeys.session(invitationId), "v", "data")).map(values -> {
      if (values.size() < 2 || !values.get(0).hasValue() || !values.get(1).hasValue()) return Optional.empty();
      return Optional.of(new Versioned(Long.parseLong(values.get(0).getValue()), values.get(1).getValue()));
    });
  }

  @Override
  public Future<Boolean> compareAndSet(String invitationId, long expectedVersion, String value, Duration ttl) {
    String[] keys = {RedisKeys.session(invitationId)};
    String[] args = {Long.toString(expectedVersion), value, Long.toString(Math.max(1000, ttl.toMillis()))};
    String sha = casSha;
    Future<Long> result = sha == null
        ? redis.call(() -> redis.redis().<Long>eval(CAS, ScriptOutputType.INTEGER, keys, args))
        : redis.<Long>call(() -> redis.redis().<Long>evalsha(sha, ScriptOutputType.INTEGER, keys, args))
            .recover(e -> redis.call(() -> redis.redis().<Long>eval(CAS, ScriptOutputType.INTEGER, keys, args)));
    if (sha == null) {
      redis.call(() -> redis.redis().scriptLoad(CAS)).onSuccess(s -> casSha = s);
    }
    return result.map(n -> n == 1L);
  }

  @Override
  public Future<Void> delete(String invitationId) {
    return redis.call(() -> redis.redis().del(RedisKeys.session(invitationId))).mapEmpty();
  }
}
