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
  /**
   * KEYS inv, token, day; ARGV json, id, score, expire-at ms. Writes the record and its indexes at once.
   * Who holds the link (token, browsers, Telegram chat) is kept as stored, so a writer with an older copy
   * cannot bring back an old link or undo a binding; the fields are found by pattern, which is safe because
   * JSON escapes every quote inside a value (a name cannot contain {@code "token":"}).
   */
  private static final String PUT = """
      local json = ARGV[1]
      local sameToken = true
      local stored = redis.call('GET', KEYS[1])
      if stored then
        for _, field in ipairs({'"token":"[^"]*"', '"devices":"[^"]*"', '"telegramChatId":[^,}]*'}) do
          local old = string.match(stored, field)
          local new = string.match(json, field)
          if old and new and old ~= new then
            json = string.gsub(json, field, function() return old end, 1)
            if field == '"token":"[^"]*"' then sameToken = false end
          end
        end
      end
      redis.call('SET', KEYS[1], json, 'PXAT', ARGV[4])
      if sameToken then redis.call('SET', KEYS[2], ARGV[2], 'PXAT', ARGV[4]) end
      redis.call('ZADD', KEYS[3], ARGV[3], ARGV[2])
      redis.call('PEXPIREAT', KEYS[3], ARGV[4])
      return json""";

  /** Rewrites one field of the stored JSON in place, keeping the record's expiry. */
  private static final String LUA_HELPERS = """
      local function save(key, json)
        local ttl = redis.call('PTTL', key)
        if ttl > 0 then redis.call('SET', key, json, 'PX', ttl) else redis.call('SET', key, json) end
        return ttl
      end
      local function devicesOf(json)
        return string.match(json, '"devices":"([^"]*)"') or ''
      end
      local function withDevices(json, list)
        local field = '"devices":"' .. list .. '"'
        if string.match(json, '"devices":"[^"]*"') then
          return (string.gsub(json, '"devices":"[^"]*"', function() return field end, 1))
        end
        return (string.gsub(json, '"token":"[^"]*"', function(t) return t .. ',' .. field end, 1))
      end
      local function chatOf(json)
        local c = string.match(json, '"telegramChatId":([^,}]*)')
        if c == nil or c == 'null' then return nil end
        return c
      end
      """;

  /** KEYS inv; ARGV device. 1 when the device holds the link now (already, or taken because nobody held it). */
  private static final String HOLD = LUA_HELPERS + """
      local json = redis.call('GET', KEYS[1])
      if not json then return 0 end
      local devices = devicesOf(json)
      for d in string.gmatch(devices, '[^,]+') do if d == ARGV[1] then return 1 end end
      if devices ~= '' or chatOf(json) then return 0 end
      save(KEYS[1], withDevices(json, ARGV[1]))
      return 1""";

  /** KEYS inv; ARGV device, most devices. Adds the device unless the link already has the most it may. */
  private static final String ADD_DEVICE = LUA_HELPERS + """
      local json = redis.call('GET', KEYS[1])
      if not json then return 0 end
      local list = {}
      for d in string.gmatch(devicesOf(json), '[^,]+') do
        if d == ARGV[1] then return 1 end
        table.insert(list, d)
      end
      if #list >= tonumber(ARGV[2]) then return 0 end
      table.insert(list, ARGV[1])
      save(KEYS[1], withDevices(json, table.concat(list, ',')))
      return 1""";

  /**
   * KEYS inv; ARGV new token, id, token key prefix, chat key prefix. A new link: the old token's index and
   * the Telegram chat's binding go, nobody holds the new link; the record keeps its expiry.
   */
  private static final String NEW_LINK = LUA_HELPERS + """
      local json = redis.call('GET', KEYS[1])
      if not json then return false end
      local old = string.match(json, '"token":"([^"]*)"')
      if old then redis.call('DEL', ARGV[3] .. old) end
      local chat = chatOf(json)
      if chat and redis.call('GET', ARGV[4] .. chat) == ARGV[2] then redis.call('DEL', ARGV[4] .. chat) end
      json = string.gsub(json, '"token":"[^"]*"', function() return '"token":"' .. ARGV[1] .. '"' end, 1)
      json = string.gsub(json, '"telegramChatId":[^,}]*', function() return '"telegramChatId":null' end, 1)
      json = withDevices(json, '')
      local ttl = save(KEYS[1], json)
      if ttl > 0 then redis.call('SET', ARGV[3] .. ARGV[1], ARGV[2], 'PX', ttl) else redis.call('SET', ARGV[3] .. ARGV[1], ARGV[2]) end
      return json""";

  /** KEYS inv, chat; ARGV chatId, id. Binds when unbound or bound to the same chat. */
  private static final String BIND = """
      local json = redis.call('GET', KEYS[1])
      if not json then return 0 end
      local inv = cjson.decode(json)
      local bound = inv['telegramChatId']
      if bound ~= nil and bound ~= cjson.null and tostring(bound) ~= ARGV[1] then return 0 end
      local devices = inv['devices']
      if devices ~= nil and devices ~= cjson.null and devices ~= '' then return 0 end
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
    return redis.call(() -> redis.redis().<String>eval(PUT, ScriptOutputType.VALUE, keys, args)).map(InvitationJson::decode);
  }

  @Override
  public Future<Boolean> holdLink(String invitationId, String device) {
    String[] keys = {RedisKeys.invitation(invitationId)};
    return redis.call(() -> redis.redis().<Long>eval(HOLD, ScriptOutputType.INTEGER, keys, device)).map(n -> n == 1L);
  }

  @Override
  public Future<Boolean> addDevice(String invitationId, String device) {
    String[] keys = {RedisKeys.invitation(invitationId)};
    return redis.call(() -> redis.redis().<Long>eval(ADD_DEVICE, ScriptOutputType.INTEGER, keys, device,
        Integer.toString(Invitation.MAX_DEVICES))).map(n -> n == 1L);
  }

  @Override
  public Future<Optional<Invitation>> newLink(String invitationId, String newToken) {
    String[] keys = {RedisKeys.invitation(invitationId)};
    return redis.call(() -> redis.redis().<String>eval(NEW_LINK, ScriptOutputType.VALUE, keys, newToken, invitationId,
        RedisKeys.token(""), RedisKeys.chatPrefix())).map(json -> Optional.ofNullable(json).map(InvitationJson::decode));
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
        // Gone, or given a new link since: the remembered token is no key any more.
        if (found.isEmpty() || !found.get().token().equals(token)) {
          tokenIds.remove(token);
          return Optional.<Invitation>empty();
        }
        return found;
      });
    }
    return redis.call(() -> redis.redis().get(RedisKeys.token(token))).compose(id -> {
      if (id == null) return Future.succeededFuture(Optional.<Invitation>empty());
      if (tokenIds.size() >= TOKEN_CACHE) tokenIds.clear();
      tokenIds.put(token, id);
      return byId(id).map(found -> found.filter(inv -> inv.token().equals(token)));
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
