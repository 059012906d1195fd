package app.previsit.store.redis;

import app.previsit.store.StaffUser;
import app.previsit.store.UserStore;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Staff accounts on Redis (used when no users file is configured). */
final class RedisUserStore implements UserStore {
  private final RedisStores redis;

  RedisUserStore(RedisStores redis) {
    this.redis = redis;
  }

  @Override
  public Future<Optional<StaffUser>> find(String username) {
    return redis.call(() -> redis.redis().get(RedisKeys.user(username))).map(json -> Optional.ofNullable(json).map(RedisUserStore::decode));
  }

  @Override
  public Future<Void> put(StaffUser u) {
    String json = new JsonObject().put("username", u.username()).put("passwordHash", u.passwordHash()).put("role", u.role().json()).encode();
    return redis.call(() -> redis.redis().set(RedisKeys.user(u.username()), json))
        .compose(ok -> redis.call(() -> redis.redis().sadd(RedisKeys.users(), u.username()))).mapEmpty();
  }

  @Override
  public Future<List<StaffUser>> all() {
    return redis.call(() -> redis.redis().smembers(RedisKeys.users())).compose(names -> {
      if (names.isEmpty()) return Future.succeededFuture(List.<StaffUser>of());
      return redis.call(() -> redis.redis().mget(names.stream().map(RedisKeys::user).toArray(String[]::new)))
          .map(values -> values.stream().filter(kv -> kv.hasValue()).map(kv -> decode(kv.getValue()))
              .sorted(Comparator.comparing(StaffUser::username)).toList());
    });
  }

  @Override
  public Future<Boolean> delete(String username) {
    return redis.call(() -> redis.redis().del(RedisKeys.user(username)))
        .compose(n -> redis.call(() -> redis.redis().srem(RedisKeys.users(), username)).map(n > 0));
  }

  private static StaffUser decode(String json) {
    JsonObject j = new JsonObject(json);
    return new StaffUser(j.getString("username"), j.getString("passwordHash"), StaffUser.Role.fromJson(j.getString("role")));
  }
}
