package app.previsit.store.redis;

import app.previsit.store.Alert;
import app.previsit.store.AlertStore;
import io.lettuce.core.Range;
import io.lettuce.core.ScriptOutputType;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Alerts on Redis: one JSON string each (expiring after the retention period), a sorted set of all by
 * time, and a set of the open ones. Every instance reads the same alerts, so a page on any of them shows
 * an emergency raised on another.
 */
final class RedisAlertStore implements AlertStore {
  /** KEYS alert, all, open; ARGV json, id, raised ms, keep ms, oldest ms to keep in the index. */
  private static final String RAISE = """
      if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[4]) == false then return 0 end
      redis.call('ZADD', KEYS[2], ARGV[3], ARGV[2])
      redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', '(' .. ARGV[5])
      redis.call('SADD', KEYS[3], ARGV[2])
      return 1""";

  /** KEYS alert, open; ARGV id, json of the acknowledged alert. The first acknowledgement stands. */
  private static final String ACK = """
      local json = redis.call('GET', KEYS[1])
      if not json then redis.call('SREM', KEYS[2], ARGV[1]) return false end
      if redis.call('SISMEMBER', KEYS[2], ARGV[1]) == 0 then return json end
      local ttl = redis.call('PTTL', KEYS[1])
      if ttl > 0 then redis.call('SET', KEYS[1], ARGV[2], 'PX', ttl) else redis.call('SET', KEYS[1], ARGV[2]) end
      redis.call('SREM', KEYS[2], ARGV[1])
      return ARGV[2]""";

  private final RedisStores redis;

  RedisAlertStore(RedisStores redis) {
    this.redis = redis;
  }

  @Override
  public Future<Boolean> raise(Alert a, Duration keep) {
    String[] keys = {RedisKeys.alert(a.id()), RedisKeys.alerts(), RedisKeys.openAlerts()};
    long raised = a.raisedAt().toEpochMilli();
    return redis.call(() -> redis.redis().<Long>eval(RAISE, ScriptOutputType.INTEGER, keys, encode(a), a.id(),
        Long.toString(raised), Long.toString(keep.toMillis()), Long.toString(Instant.now().minus(keep).toEpochMilli())))
        .map(n -> n == 1L);
  }

  @Override
  public Future<List<Alert>> open() {
    return redis.call(() -> redis.redis().smembers(RedisKeys.openAlerts())).compose(ids -> read(new ArrayList<>(ids)))
        .map(list -> list.stream().filter(Alert::open).toList());
  }

  @Override
  public Future<List<Alert>> since(Instant from) {
    return redis.call(() -> redis.redis().zrangebyscore(RedisKeys.alerts(),
        Range.create((double) from.toEpochMilli(), Double.POSITIVE_INFINITY))).compose(this::read);
  }

  @Override
  public Future<Optional<Alert>> acknowledge(String id, String who, Instant at) {
    return redis.call(() -> redis.redis().get(RedisKeys.alert(id))).compose(json -> {
      if (json == null) return Future.succeededFuture(Optional.<Alert>empty());
      Alert acked = decode(json).acknowledged(who, at);
      String[] keys = {RedisKeys.alert(id), RedisKeys.openAlerts()};
      return redis.call(() -> redis.redis().<String>eval(ACK, ScriptOutputType.VALUE, keys, id, encode(acked)))
          .map(stored -> Optional.ofNullable(stored).map(RedisAlertStore::decode));
    });
  }

  private Future<List<Alert>> read(List<String> ids) {
    if (ids.isEmpty()) return Future.succeededFuture(List.of());
    String[] keys = ids.stream().map(RedisKeys::alert).toArray(String[]::new);
    return redis.call(() -> redis.redis().mget(keys)).map(values -> {
      List<Alert> out = new ArrayList<>();
      values.forEach(kv -> {
        if (kv.hasValue()) out.add(decode(kv.getValue()));
      });
      out.sort(Comparator.comparing(Alert::raisedAt).thenComparing(Alert::id));
      return out;
    });
  }

  private static String encode(Alert a) {
    return new JsonObject().put("id", a.id()).put("invitationId", a.invitationId()).put("patientName", a.patientName())
        .put("reference", a.reference()).put("category", a.category()).put("raisedAt", a.raisedAt().toString())
        .put("acknowledgedBy", a.acknowledgedBy())
        .put("acknowledgedAt", a.acknowledgedAt() == null ? null : a.acknowledgedAt().toString()).encode();
  }

  private static Alert decode(String json) {
    JsonObject j = new JsonObject(json);
    return new Alert(j.getString("id"), j.getString("invitationId"), j.getString("patientName"), j.getString("reference"),
        j.getString("category"), Instant.parse(j.getString("raisedAt")), j.getString("acknowledgedBy"),
        j.getString("acknowledgedAt") == null ? null : Instant.parse(j.getString("acknowledgedAt")));
  }
}
