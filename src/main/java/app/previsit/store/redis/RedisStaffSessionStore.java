package app.previsit.store.redis;

import app.previsit.store.StaffSession;
import app.previsit.store.StaffSessionStore;
import app.previsit.store.StaffUser;
import io.lettuce.core.ScriptOutputType;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Optional;

/**
 * Staff sessions on Redis: one string per session expiring with it, and a set per user so that
 * deleting the account or changing its role ends every session of that user at once.
 */
final class RedisStaffSessionStore implements StaffSessionStore {
  /** KEYS session, user set; ARGV json, key, expire-at ms. The set lives as long as its newest session. */
  private static final String CREATE = """
      redis.call('SET', KEYS[1], ARGV[1], 'PXAT', ARGV[3])
      redis.call('SADD', KEYS[2], ARGV[2])
      local at = tonumber(ARGV[3])
      local ttl = redis.call('PTTL', KEYS[2])
      local now = redis.call('TIME')
      local nowMs = tonumber(now[1]) * 1000 + math.floor(tonumber(now[2]) / 1000)
      if ttl < 0 or nowMs + ttl < at then redis.call('PEXPIREAT', KEYS[2], at) end
      return 1""";

  /** KEYS user set; ARGV the session key prefix. Deletes every session in the set, then the set. */
  private static final String END_ALL = """
      local keys = redis.call('SMEMBERS', KEYS[1])
      local n = 0
      for _, k in ipairs(keys) do n = n + redis.call('DEL', ARGV[1] .. k) end
      redis.call('DEL', KEYS[1])
      return n""";

  private final RedisStores redis;

  RedisStaffSessionStore(RedisStores redis) {
    this.redis = redis;
  }

  @Override
  public Future<Void> create(StaffSession s) {
    String json = new JsonObject().put("key", s.key()).put("username", s.username()).put("role", s.role().json())
        .put("credential", s.credential()).put("createdAt", s.createdAt().toString()).put("expiresAt", s.expiresAt().toString()).encode();
    String[] keys = {RedisKeys.staffSession(s.key()), RedisKeys.staffSessionsOf(s.username())};
    return redis.call(() -> redis.redis().<Long>eval(CREATE, ScriptOutputType.INTEGER, keys, json, s.key(),
        Long.toString(s.expiresAt().toEpochMilli()))).mapEmpty();
  }

  @Override
  public Future<Optional<StaffSession>> find(String key) {
    return redis.call(() -> redis.redis().get(RedisKeys.staffSession(key))).map(json -> Optional.ofNullable(json).map(j -> {
      JsonObject o = new JsonObject(j);
      return new StaffSession(o.getString("key"), o.getString("username"), StaffUser.Role.fromJson(o.getString("role")),
          o.getString("credential", ""), Instant.parse(o.getString("createdAt")), Instant.parse(o.getString("expiresAt")));
    }));
  }

  @Override
  public Future<Void> end(String key) {
    // The user's set keeps the key until it lapses or END_ALL runs; deleting a missing key is harmless.
    return redis.call(() -> redis.redis().del(RedisKeys.staffSession(key))).mapEmpty();
  }

  @Override
  public Future<Integer> endAllOf(String username) {
    String[] keys = {RedisKeys.staffSessionsOf(username)};
    return redis.call(() -> redis.redis().<Long>eval(END_ALL, ScriptOutputType.INTEGER, keys, RedisKeys.staffSession("")))
        .map(Long::intValue);
  }
}
