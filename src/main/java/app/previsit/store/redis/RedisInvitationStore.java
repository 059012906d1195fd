package app.previsit.store.redis;

import app.previsit.config.Config;
import app.previsit.invitation.Invitation;
import app.previsit.invitation.InvitationJson;
import app.previsit.store.InvitationStore;
import io.lettuce.core.ScriptOutputType;
import io.vertx.core.Future;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Invitations as JSON strings with token, day and chat indexes, all expiring with the retention period. */
final class RedisInvitationStore implements InvitationStore {
  /** KEYS inv, token, day; ARGV json, id, score, expire-at ms. Writes the record and its indexes at once. */
  private static final String PUT = """
      redis.call('SET', KEYS[1], ARGV[1], 'PXAT', ARGV[4])
      redis.call('SET', KEYS[2], ARGV[2], 'PXAT', ARGV[4])
      redis.call('ZADD', KEYS[3], ARGV[3], ARGV[2])
      redis.call('PEXPIREAT', KEYS[3], ARGV[4])
      return 1""";

  /** KEYS inv, chat; ARGV chatId, id. Binds when unbound or bound to the same chat. */
  private static final String BIND = """
      local json = redis.call('GET', KEYS[1])
      if not json then return 0 end
      local inv = cjson.decode(json)
      local bound = inv['telegramChatId']
      if bound ~= nil and bound ~= cjson.null and tostring(bound) ~= ARGV[1] then return 0 end
      local ttl = redis.call('PTTL', KEYS[1])
      json = string.gsub(json, '"telegramChatId":[^,}]*', '"telegramChatId":' .. ARGV[1])
      if ttl > 0 then redis.call('SET', KEYS[1], json, 'PX', ttl) else redis.call('SET', KEYS[1], json) end
      if ttl > 0 then redis.call('SET', KEYS[2], ARGV[2], 'PX', ttl) else redis.call('SET', KEYS[2], ARGV[2]) end
      return 1""";

  /**
   * Link token to invitation id, remembered: a token is bound to one id for life (it is random and
   * never reused), so every chat turn saves a round trip. The invitation itself is always read
   * fresh (status, expiry). Bounded: emptied when full.
   */
  private static final int TOKEN_CACHE = 100_000;
  private final java.util.concurrent.ConcurrentHashMap<String, String> tokenIds = new java.util.concurrent.ConcurrentHashMap<>();

  private final RedisStores redis;
  private final Config config;

  RedisInvitationStore(RedisStores redis, Config config) {
    this.redis = redis;
    this.config = config;
  }

  @Override
  public Future<Invitation> create(Invitation invitation) {
    return put(invitation);
  }

  @Override
  public Future<Invitation> update(Invitation invitation) {
    return put(invitation);
  }

  private Future<Invitation> put(Invitation i) {
    long expireAt = i.appointmentAt().atZone(config.timeZone()).toInstant().plus(config.retentionAfterAppointment()).toEpochMilli();
    String[] keys = {RedisKeys.invitation(i.id()), RedisKeys.token(i.token()), RedisKeys.day(i.appointmentAt().toLocalDate().toString())};
    String[] args = {InvitationJson.encode(i), i.id(), Long.toString(i.appointmentAt().toEpochSecond(ZoneOffset.UTC)),
        Long.toString(expireAt)};
    return redis.call(() -> redis.redis().<Long>eval(PUT, ScriptOutputType.INTEGER, keys, args)).map(i);
  }

  @Override
  public Future<Optional<Invitation>> byId(String id) {
    return redis.call(() -> redis.redis().get(RedisKeys.invitation(id))).map(json -> Optional.ofNullable(json).map(InvitationJson::decode));
  }

  @Override
  public Future<Optional<Invitation>> byToken(String token) {
    String known = tokenIds.get(token);
    if (known != null) {
      return byId(known).map(found -> {
        if (found.isEmpty()) tokenIds.remove(token);
        return found;
      });
    }
    return redis.call(() -> redis.redis().get(RedisKeys.token(token))).compose(id -> {
      if (id == null) return Future.succeededFuture(Optional.<Invitation>empty());
      if (tokenIds.size() >= TOKEN_CACHE) tokenIds.clear();
      tokenIds.put(token, id);
      return byId(id);
    });
  }

  @Override
  public Future<List<Invitation>> byDate(LocalDate date) {
    return redis.call(() -> redis.redis().zrange(RedisKeys.day(date.toString()), 0, -1)).compose(ids -> {
      if (ids.isEmpty()) return Future.succeededFuture(List.of());
      String[] keys = ids.stream().map(RedisKeys::invitation).toArray(String[]::new);
      return redis.call(() -> redis.redis().mget(keys)).map(values -> {
        List<Invitation> out = new ArrayList<>();
        values.forEach(kv -> {
          if (kv.hasValue()) out.add(InvitationJson.decode(kv.getValue()));
        });
        out.sort(Comparator.comparing(Invitation::appointmentAt).thenComparing(Invitation::patientName));
        return out;
      });
    });
  }

  @Override
  public Future<Boolean> bindTelegramChat(String invitationId, long chatId) {
    String[] keys = {RedisKeys.invitation(invitationId), RedisKeys.chat(chatId)};
    String[] args = {Long.toString(chatId), invitationId};
    return redis.call(() -> redis.redis().<Long>eval(BIND, ScriptOutputType.INTEGER, keys, args)).map(n -> n == 1L);
  }

  @Override
  public Future<Optional<Invitation>> byTelegramChat(long chatId) {
    return redis.call(() -> redis.redis().get(RedisKeys.chat(chatId)))
        .compose(id -> id == null ? Future.succeededFuture(Optional.empty()) : byId(id));
  }

  @Override
  public Future<Void> delete(String id) {
    return byId(id).compose(found -> {
      if (found.isEmpty()) return Future.succeededFuture();
      Invitation i = found.get();
      List<String> keys = new ArrayList<>(List.of(RedisKeys.invitation(id), RedisKeys.token(i.token()), RedisKeys.session(id),
          RedisKeys.log(id)));
      if (i.telegramChatId() != null) keys.add(RedisKeys.chat(i.telegramChatId()));
      return redis.call(() -> redis.redis().del(keys.toArray(String[]::new)))
          .compose(n -> redis.call(() -> redis.redis().zrem(RedisKeys.day(i.appointmentAt().toLocalDate().toString()), id)))
          .mapEmpty();
    });
  }
}
