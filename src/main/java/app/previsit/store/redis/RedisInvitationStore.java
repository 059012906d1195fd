package app.previsit.store.redis;

import app.previsit.config.Config;
import app.previsit.invitation.Invitation;
import app.previsit.invitation.InvitationJson;
import app.previsit.store.InvitationStore;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import io.vertx.core.Future;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Invitations as JSON strings under their hash tag, with token, day and chat indexes, all expiring
 * with the retention period. The record is written by scripts that touch its key only (one Cluster
 * slot); each index is its own key, written beside the record in an order that leaves nothing wrong
 * if a step fails: an index entry is written before the record that makes it true and removed after,
 * and every read through an index checks the record it finds (a stale entry finds nothing).
 */
final class RedisInvitationStore implements InvitationStore {
  /**
   * KEYS inv; ARGV json, expire-at ms. Writes the record and returns {the record as stored, the
   * appointment it had before (nil when new)}. Who holds the link (token, browsers, Telegram chat) is
   * kept as stored, so a writer with an older copy cannot bring back an old link or undo a binding; the
   * fields are found by pattern, which is safe because JSON escapes every quote inside a value (a name
   * cannot contain {@code "token":"}).
   */
  private static final String PUT = """
      local json = ARGV[1]
      local before = false
      local stored = redis.call('GET', KEYS[1])
      if stored then
        before = string.match(stored, '"appointmentAt":"([^"]*)"') or ''
        for _, field in ipairs({'"token":"[^"]*"', '"devices":"[^"]*"', '"telegramChatId":[^,}]*'}) do
          local old = string.match(stored, field)
          local new = string.match(json, field)
          if old and new and old ~= new then
            json = string.gsub(json, field, function() return old end, 1)
          end
        end
      end
      redis.call('SET', KEYS[1], json, 'PXAT', ARGV[2])
      return {json, before}""";

  /** KEYS day; ARGV score, id, expire-at ms. The day's index lives as long as its longest-kept invitation. */
  private static final String INDEX_DAY = """
      redis.call('ZADD', KEYS[1], ARGV[1], ARGV[2])
      local ttl = redis.call('PTTL', KEYS[1])
      local now = redis.call('TIME')
      local nowMs = tonumber(now[1]) * 1000 + math.floor(tonumber(now[2]) / 1000)
      if ttl < 0 or nowMs + ttl < tonumber(ARGV[3]) then redis.call('PEXPIREAT', KEYS[1], ARGV[3]) end
      return 1""";

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
   * KEYS inv; ARGV new token. A new link: nobody holds it, the Telegram chat's binding goes; the record
   * keeps its expiry. Returns {the record, the old token}; nil when gone. The caller has indexed the new
   * token before and removes the old token's entry after.
   */
  private static final String NEW_LINK = LUA_HELPERS + """
      local json = redis.call('GET', KEYS[1])
      if not json then return false end
      local old = string.match(json, '"token":"([^"]*)"') or ''
      json = string.gsub(json, '"token":"[^"]*"', function() return '"token":"' .. ARGV[1] .. '"' end, 1)
      json = string.gsub(json, '"telegramChatId":[^,}]*', function() return '"telegramChatId":null' end, 1)
      json = withDevices(json, '')
      save(KEYS[1], json)
      return {json, old}""";

  /**
   * KEYS inv; ARGV chatId. Binds when unbound or bound to the same chat, and nobody holds the link in a
   * browser. Returns the record's ttl in ms (-1: none) when bound, -3 when refused or gone.
   */
  private static final String BIND = """
      local json = redis.call('GET', KEYS[1])
      if not json then return -3 end
      local inv = cjson.decode(json)
      local bound = inv['telegramChatId']
      if bound ~= nil and bound ~= cjson.null and tostring(bound) ~= ARGV[1] then return -3 end
      local devices = inv['devices']
      if devices ~= nil and devices ~= cjson.null and devices ~= '' then return -3 end
      local ttl = redis.call('PTTL', KEYS[1])
      json = string.gsub(json, '"telegramChatId":[^,}]*', '"telegramChatId":' .. ARGV[1])
      if ttl > 0 then redis.call('SET', KEYS[1], json, 'PX', ttl) else redis.call('SET', KEYS[1], json) end
      return ttl""";

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

  /** A new invitation: its indexes first, so that whatever the record says is findable once it exists. */
  @Override
  public Future<Invitation> create(Invitation i) {
    long expireAt = expireAt(i);
    return indexDay(i, expireAt)
        .compose(v -> redis.call(() -> redis.redis().set(RedisKeys.token(i.token()), i.id(), SetArgs.Builder.pxAt(expireAt))))
        .compose(ok -> write(i, expireAt)).map(Written::invitation)
        // Reception hands the link on once this returns: it must survive a failover.
        .compose(created -> redis.replicated().map(created));
  }

  /**
   * The record first (it may keep a newer token than the caller's copy); the day index follows when the
   * appointment moved, and both indexes when the record had gone and is written anew.
   */
  @Override
  public Future<Invitation> update(Invitation i) {
    long expireAt = expireAt(i);
    return write(i, expireAt).compose(w -> {
      if (w.appointmentBefore() != null && w.appointmentBefore().equals(i.appointmentAt().toString())) {
        return Future.succeededFuture(w.invitation());
      }
      Future<Void> indexed = indexDay(w.invitation(), expireAt);
      if (w.appointmentBefore() == null) {
        indexed = indexed.compose(v -> redis.call(() -> redis.redis().set(RedisKeys.token(w.invitation().token()), i.id(),
            SetArgs.Builder.pxAt(expireAt)))).mapEmpty();
      }
      // The old day's entry is left: byDate checks each record's date, and a stale writer's ZREM could
      // remove a live entry. (No caller moves an appointment today; a new link is sent instead.)
      return indexed.map(w.invitation());
    });
  }

  private record Written(Invitation invitation, String appointmentBefore) {}

  private Future<Written> write(Invitation i, long expireAt) {
    String[] keys = {RedisKeys.invitation(i.id())};
    return redis.call(() -> redis.redis().<List<Object>>eval(PUT, ScriptOutputType.MULTI, keys, InvitationJson.encode(i),
        Long.toString(expireAt))).map(r -> new Written(InvitationJson.decode((String) r.get(0)),
        r.size() > 1 && r.get(1) != null ? (String) r.get(1) : null));
  }

  private Future<Void> indexDay(Invitation i, long expireAt) {
    String[] keys = {RedisKeys.day(i.appointmentAt().toLocalDate().toString())};
    return redis.call(() -> redis.redis().<Long>eval(INDEX_DAY, ScriptOutputType.INTEGER, keys,
        Long.toString(i.appointmentAt().toEpochSecond(ZoneOffset.UTC)), i.id(), Long.toString(expireAt))).mapEmpty();
  }

  private long expireAt(Invitation i) {
    return i.appointmentAt().atZone(config.timeZone()).toInstant().plus(config.retentionAfterAppointment()).toEpochMilli();
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

  /** The new token is indexed first (it finds nothing until the record names it); the old entries go after. */
  @Override
  public Future<Optional<Invitation>> newLink(String invitationId, String newToken) {
    return redis.call(() -> redis.redis().pttl(RedisKeys.invitation(invitationId))).compose(ttl -> {
      if (ttl == null || ttl == -2) return Future.succeededFuture(Optional.<Invitation>empty());
      SetArgs lifetime = ttl > 0 ? SetArgs.Builder.px(ttl) : new SetArgs();
      String[] keys = {RedisKeys.invitation(invitationId)};
      return redis.call(() -> redis.redis().set(RedisKeys.token(newToken), invitationId, lifetime))
          .compose(ok -> redis.call(() -> redis.redis().<List<Object>>eval(NEW_LINK, ScriptOutputType.MULTI, keys, newToken)))
          .compose(r -> {
            if (r == null || r.isEmpty()) return Future.succeededFuture(Optional.<Invitation>empty());
            Invitation renewed = InvitationJson.decode((String) r.get(0));
            String oldToken = r.size() > 1 ? (String) r.get(1) : null;
            Future<Void> cleared = Future.succeededFuture();
            if (oldToken != null && !oldToken.isEmpty() && !oldToken.equals(newToken)) {
              tokenIds.remove(oldToken);
              cleared = cleared.compose(v -> redis.call(() -> redis.redis().del(RedisKeys.token(oldToken)))).mapEmpty();
            }
            // The chat's index entry is left: it finds nothing now (the record names no chat), and removing it
            // could remove the entry of a binding made a moment after this new link (the Begin button binds by id).
            return cleared.compose(v -> redis.replicated()).map(Optional.of(renewed));
          });
    });
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
      // On a cluster Lettuce splits this MGET by slot and puts the answers back in order.
      return redis.call(() -> redis.redis().mget(keys)).map(values -> {
        List<Invitation> out = new ArrayList<>();
        values.forEach(kv -> {
          if (kv.hasValue()) out.add(InvitationJson.decode(kv.getValue()));
        });
        // An entry left behind by a moved appointment finds a record of another day.
        out.removeIf(inv -> !inv.appointmentAt().toLocalDate().equals(date));
        out.sort(Comparator.comparing(Invitation::appointmentAt).thenComparing(Invitation::patientName));
        return out;
      });
    });
  }

  /** The record first; the chat's index entry after (a lost entry is written again by the next /start). */
  @Override
  public Future<Boolean> bindTelegramChat(String invitationId, long chatId) {
    String[] keys = {RedisKeys.invitation(invitationId)};
    return redis.call(() -> redis.redis().<Long>eval(BIND, ScriptOutputType.INTEGER, keys, Long.toString(chatId))).compose(ttl -> {
      if (ttl == null || ttl == -3) return Future.succeededFuture(false);
      SetArgs lifetime = ttl > 0 ? SetArgs.Builder.px(ttl) : new SetArgs();
      return redis.call(() -> redis.redis().set(RedisKeys.chat(chatId), invitationId, lifetime)).map(true);
    });
  }

  @Override
  public Future<Optional<Invitation>> byTelegramChat(long chatId) {
    return redis.call(() -> redis.redis().get(RedisKeys.chat(chatId)))
        .compose(id -> id == null ? Future.succeededFuture(Optional.<Invitation>empty()) : byId(id))
        // An entry left behind by a new link or another binding finds a record bound elsewhere.
        .map(found -> found.filter(inv -> inv.telegramChatId() != null && inv.telegramChatId() == chatId));
  }

  /**
   * Everything under the invitation's tag at once, then its token and day entries. A chat's entry is left to
   * expire: it finds nothing now, and it may already belong to the chat's next binding.
   */
  @Override
  public Future<Void> delete(String id) {
    return byId(id).compose(found -> {
      if (found.isEmpty()) return Future.succeededFuture();
      Invitation i = found.get();
      tokenIds.remove(i.token());
      return redis.call(() -> redis.redis().del(RedisKeys.invitation(id), RedisKeys.session(id), RedisKeys.log(id)))
          .compose(n -> redis.call(() -> redis.redis().del(RedisKeys.token(i.token()))))
          .compose(n -> redis.call(() -> redis.redis().zrem(RedisKeys.day(i.appointmentAt().toLocalDate().toString()), id)))
          .mapEmpty();
    });
  }
}
