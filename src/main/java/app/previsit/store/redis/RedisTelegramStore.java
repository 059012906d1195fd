package app.previsit.store.redis;

import app.previsit.config.Config;
import app.previsit.store.TelegramChat;
import app.previsit.store.TelegramStore;
import io.lettuce.core.ScriptOutputType;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The Telegram inbox as eight hashes of update id to update JSON (small: they only hold updates in
 * flight), each with the "seen" markers of its update ids under the same hash tag, so that no key
 * takes every write and taking an update in is one script on one Cluster slot; chat state as JSON and
 * the reference-to-chat index.
 */
final class RedisTelegramStore implements TelegramStore {
  /** Telegram keeps an unconfirmed update for 24 hours; a week of memory covers any redelivery. */
  static final Duration SEEN_FOR = Duration.ofDays(7);
  /** A returning patient is recognised for this long after their last invitation. */
  static final Duration REFERENCE_FOR = Duration.ofDays(400);

  /** KEYS seen marker, inbox; ARGV update id, json, seen ttl s. 1 when queued, 0 for a repeat. */
  private static final String ENQUEUE = """
      if redis.call('SET', KEYS[1], '1', 'NX', 'EX', ARGV[3]) then
        redis.call('HSET', KEYS[2], ARGV[1], ARGV[2])
        return 1
      end
      return 0""";

  /** KEYS lease; ARGV owner, ttl ms. Takes a free lease, or renews our own. */
  private static final String LEASE = """
      local holder = redis.call('GET', KEYS[1])
      if holder == false or holder == ARGV[1] then
        redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
        return 1
      end
      return 0""";

  /** KEYS lease; ARGV owner. Deletes the lease only if we still hold it. */
  private static final String RELEASE = """
      if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
      return 0""";

  private final RedisStores redis;
  private final Duration chatStateFor;

  RedisTelegramStore(RedisStores redis, Config config) {
    this.redis = redis;
    this.chatStateFor = config.retentionAfterAppointment().plus(config.invitationLifetime());
  }

  @Override
  public Future<Boolean> enqueue(long updateId, String json) {
    String[] keys = {RedisKeys.telegramSeen(updateId), RedisKeys.telegramInbox(RedisKeys.telegramShard(updateId))};
    String[] args = {Long.toString(updateId), json, Long.toString(SEEN_FOR.toSeconds())};
    // Telegram is told the update is safe once this returns: on a replica too where the deployment has one
    // (a repeat waits as well: its first attempt may have failed before the replica had it).
    return redis.call(() -> redis.redis().<Long>eval(ENQUEUE, ScriptOutputType.INTEGER, keys, args))
        .compose(n -> redis.replicated().map(n == 1L));
  }

  @Override
  public Future<List<QueuedUpdate>> pending(int limit) {
    List<Future<java.util.Map<String, String>>> shards = new ArrayList<>();
    for (int s = 0; s < RedisKeys.TELEGRAM_SHARDS; s++) {
      String key = RedisKeys.telegramInbox(s);
      shards.add(redis.call(() -> redis.redis().hgetall(key)));
    }
    return Future.all(shards).map(all -> {
      List<QueuedUpdate> out = new ArrayList<>();
      for (int s = 0; s < RedisKeys.TELEGRAM_SHARDS; s++) {
        all.<java.util.Map<String, String>>resultAt(s).forEach((id, json) -> out.add(new QueuedUpdate(Long.parseLong(id), json)));
      }
      out.sort(Comparator.comparingLong(QueuedUpdate::updateId));
      return out.size() > limit ? out.subList(0, limit) : out;
    });
  }

  @Override
  public Future<Boolean> isPending(long updateId) {
    return redis.call(() -> redis.redis().hexists(inbox(updateId), Long.toString(updateId)));
  }

  @Override
  public Future<Void> done(long updateId) {
    return redis.call(() -> redis.redis().hdel(inbox(updateId), Long.toString(updateId))).mapEmpty();
  }

  private static String inbox(long updateId) {
    return RedisKeys.telegramInbox(RedisKeys.telegramShard(updateId));
  }

  @Override
  public Future<Boolean> leaseChat(long chatId, String owner, Duration ttl) {
    String[] keys = {RedisKeys.telegramLease(chatId)};
    String[] args = {owner, Long.toString(ttl.toMillis())};
    return redis.call(() -> redis.redis().<Long>eval(LEASE, ScriptOutputType.INTEGER, keys, args)).map(n -> n == 1L);
  }

  @Override
  public Future<Void> releaseChat(long chatId, String owner) {
    String[] keys = {RedisKeys.telegramLease(chatId)};
    return redis.call(() -> redis.redis().<Long>eval(RELEASE, ScriptOutputType.INTEGER, keys, owner)).mapEmpty();
  }

  @Override
  public Future<Optional<TelegramChat>> chat(long chatId) {
    return redis.call(() -> redis.redis().get(RedisKeys.telegramChat(chatId))).map(json -> {
      if (json == null) return Optional.empty();
      JsonObject o = new JsonObject(json);
      List<String> labels = new ArrayList<>();
      o.getJsonArray("keyboard", new JsonArray()).forEach(l -> labels.add(String.valueOf(l)));
      List<Long> applied = new ArrayList<>();
      o.getJsonArray("applied", new JsonArray()).forEach(id -> applied.add(((Number) id).longValue()));
      return Optional.of(new TelegramChat(chatId, o.getInteger("lastAnswer", 0), o.getInteger("keyboardMessage", 0), labels, applied));
    });
  }

  @Override
  public Future<Void> saveChat(TelegramChat chat) {
    String json = new JsonObject().put("lastAnswer", chat.lastAnswerMessageId()).put("keyboardMessage", chat.keyboardMessageId())
        .put("keyboard", new JsonArray(chat.keyboard())).put("applied", new JsonArray(new ArrayList<Object>(chat.appliedUpdates()))).encode();
    return redis.call(() -> redis.redis().psetex(RedisKeys.telegramChat(chat.chatId()), chatStateFor.toMillis(), json)).mapEmpty();
  }

  @Override
  public Future<Optional<Long>> chatOfReference(String reference) {
    return redis.call(() -> redis.redis().get(RedisKeys.telegramReference(reference))).map(v -> Optional.ofNullable(v).map(Long::parseLong));
  }

  @Override
  public Future<Void> rememberReference(String reference, long chatId) {
    return redis.call(() -> redis.redis().setex(RedisKeys.telegramReference(reference), REFERENCE_FOR.toSeconds(), Long.toString(chatId)))
        .mapEmpty();
  }

  @Override
  public Future<Void> forgetReference(String reference) {
    return redis.call(() -> redis.redis().del(RedisKeys.telegramReference(reference))).mapEmpty();
  }
}
