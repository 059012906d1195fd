package app.previsit.store.redis;

import app.previsit.store.SessionStore;
import app.previsit.store.Versioned;
import io.lettuce.core.ScriptOutputType;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Conversation state as a hash {v, data} and its log as a list, both under the invitation's hash tag
 * (one Cluster slot); both written only through one atomic compare-and-set script, so a state and the
 * log lines of the same turn appear together or not at all.
 */
final class RedisSessionStore implements SessionStore {
  /**
   * KEYS[1] session, KEYS[2] log; ARGV expected version, new value, ttl ms, reset log (1/0), then
   * the entries to append. 1 when written, 0 when the version moved (then nothing is written).
   */
  private static final String CAS = """
      local v = redis.call('HGET', KEYS[1], 'v')
      if (v == false and ARGV[1] == '0') or v == ARGV[1] then
        redis.call('HSET', KEYS[1], 'v', tostring(tonumber(ARGV[1]) + 1), 'data', ARGV[2])
        redis.call('PEXPIRE', KEYS[1], ARGV[3])
        if ARGV[4] == '1' then redis.call('DEL', KEYS[2]) end
        if #ARGV > 4 then redis.call('RPUSH', KEYS[2], unpack(ARGV, 5)) end
        redis.call('PEXPIRE', KEYS[2], ARGV[3])
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
  public Future<Boolean> compareAndSet(String invitationId, long expectedVersion, String value, List<String> appendToLog,
      boolean resetLog, Duration ttl) {
    String[] keys = {RedisKeys.session(invitationId), RedisKeys.log(invitationId)};
    String[] args = new String[4 + appendToLog.size()];
    args[0] = Long.toString(expectedVersion);
    args[1] = value;
    args[2] = Long.toString(Math.max(1000, ttl.toMillis()));
    args[3] = resetLog ? "1" : "0";
    for (int i = 0; i < appendToLog.size(); i++) args[4 + i] = appendToLog.get(i);
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
  public Future<List<String>> log(String invitationId) {
    return redis.call(() -> redis.redis().lrange(RedisKeys.log(invitationId), 0, -1));
  }

  @Override
  public Future<List<String>> log(String invitationId, int from, int count) {
    if (count <= 0) return Future.succeededFuture(List.of());
    return redis.call(() -> redis.redis().lrange(RedisKeys.log(invitationId), from, from + count - 1L));
  }

  @Override
  public Future<Void> delete(String invitationId) {
    return redis.call(() -> redis.redis().del(RedisKeys.session(invitationId), RedisKeys.log(invitationId))).mapEmpty();
  }
}
