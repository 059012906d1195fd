package app.previsit.store.redis;

import app.previsit.store.AuditEvent;
import app.previsit.store.AuditLog;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;

/** The audit log as a Redis list, newest first, trimmed so it cannot grow without bound. */
final class RedisAuditLog implements AuditLog {
  private static final int KEEP = 100_000;
  private final RedisStores redis;

  RedisAuditLog(RedisStores redis) {
    this.redis = redis;
  }

  @Override
  public Future<Void> record(AuditEvent e) {
    String json = new JsonObject().put("at", e.at().toString()).put("actor", e.actor()).put("action", e.action())
        .put("target", e.target()).encode();
    return redis.call(() -> redis.redis().lpush(RedisKeys.audit(), json))
        .compose(n -> n > KEEP ? redis.call(() -> redis.redis().ltrim(RedisKeys.audit(), 0, KEEP - 1)).mapEmpty()
            : Future.<Void>succeededFuture());
  }

  @Override
  public Future<List<AuditEvent>> recent(int limit) {
    return redis.call(() -> redis.redis().lrange(RedisKeys.audit(), 0, limit - 1)).map(list -> list.stream().map(s -> {
      JsonObject j = new JsonObject(s);
      return new AuditEvent(Instant.parse(j.getString("at")), j.getString("actor"), j.getString("action"), j.getString("target"));
    }).toList());
  }
}
