package app.previsit.store.redis;

import app.previsit.store.AttachmentStore;
import io.lettuce.core.ScriptOutputType;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/**
 * Each upload is a hash {type, data} (data in Base64: the shared connection speaks strings) and the
 * invitation's set of upload ids lets "forget me" erase them all. The keys share the invitation's hash tag,
 * so the scripts below touch one slot and will run unchanged on Redis Cluster.
 */
final class RedisAttachmentStore implements AttachmentStore {
  /** KEYS[1] the upload, KEYS[2] the invitation's set of uploads; ARGV id, type, data, ttl ms. The first write stays. */
  private static final String PUT = """
      if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
      redis.call('HSET', KEYS[1], 'type', ARGV[2], 'data', ARGV[3])
      redis.call('PEXPIRE', KEYS[1], ARGV[4])
      redis.call('SADD', KEYS[2], ARGV[1])
      local ttl = redis.call('PTTL', KEYS[2])
      if ttl < tonumber(ARGV[4]) then redis.call('PEXPIRE', KEYS[2], ARGV[4]) end
      return 1""";
  /** KEYS[1] the upload, KEYS[2] the invitation's set; ARGV its id. */
  private static final String DELETE_ONE = """
      redis.call('DEL', KEYS[1])
      return redis.call('SREM', KEYS[2], ARGV[1])""";
  /** KEYS[1] the invitation's set; ARGV the key prefix of its uploads. */
  private static final String COUNT = """
      local n = 0
      for _, id in ipairs(redis.call('SMEMBERS', KEYS[1])) do n = n + redis.call('EXISTS', ARGV[1] .. id) end
      return n""";
  /** KEYS[1] the invitation's set; ARGV the key prefix of its uploads. */
  private static final String DELETE_ALL = """
      local ids = redis.call('SMEMBERS', KEYS[1])
      for _, id in ipairs(ids) do redis.call('DEL', ARGV[1] .. id) end
      redis.call('DEL', KEYS[1])
      return #ids""";

  private final RedisStores redis;

  RedisAttachmentStore(RedisStores redis) {
    this.redis = redis;
  }

  @Override
  public Future<Void> put(String invitationId, String attachmentId, String contentType, byte[] bytes, Duration ttl) {
    String[] keys = {RedisKeys.upload(invitationId, attachmentId), RedisKeys.uploads(invitationId)};
    String[] args = {attachmentId, contentType, Base64.getEncoder().encodeToString(bytes),
        Long.toString(Math.max(1000, ttl.toMillis()))};
    return redis.call(() -> redis.redis().<Long>eval(PUT, ScriptOutputType.INTEGER, keys, args)).mapEmpty();
  }

  @Override
  public Future<Optional<StoredFile>> get(String invitationId, String attachmentId) {
    return redis.call(() -> redis.redis().hmget(RedisKeys.upload(invitationId, attachmentId), "type", "data")).map(values -> {
      if (values.size() < 2 || !values.get(0).hasValue() || !values.get(1).hasValue()) return Optional.empty();
      return Optional.of(new StoredFile(values.get(0).getValue(), Base64.getDecoder().decode(values.get(1).getValue())));
    });
  }

  /** Counts the uploads still there (the set may name some that expired before it did). */
  @Override
  public Future<Integer> count(String invitationId) {
    String[] keys = {RedisKeys.uploads(invitationId)};
    String[] args = {RedisKeys.upload(invitationId, "")};
    return redis.call(() -> redis.redis().<Long>eval(COUNT, ScriptOutputType.INTEGER, keys, args)).map(Long::intValue);
  }

  @Override
  public Future<Void> delete(String invitationId, String attachmentId) {
    String[] keys = {RedisKeys.upload(invitationId, attachmentId), RedisKeys.uploads(invitationId)};
    return redis.call(() -> redis.redis().<Long>eval(DELETE_ONE, ScriptOutputType.INTEGER, keys, attachmentId)).mapEmpty();
  }

  @Override
  public Future<Void> deleteAll(String invitationId) {
    String[] keys = {RedisKeys.uploads(invitationId)};
    String[] args = {RedisKeys.upload(invitationId, "")};
    return redis.call(() -> redis.redis().<Long>eval(DELETE_ALL, ScriptOutputType.INTEGER, keys, args)).mapEmpty();
  }
}
