package app.previsit.store.memory;

import app.previsit.store.StaffUser;
import app.previsit.store.UserStore;
import io.vertx.core.Future;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Staff accounts in process memory (the demo users live here). */
public final class MemoryUserStore implements UserStore {
  private final Map<String, StaffUser> users = new ConcurrentHashMap<>();

  @Override
  public Future<Optional<StaffUser>> find(String username) {
    return Future.succeededFuture(Optional.ofNullable(users.get(username)));
  }

  @Override
  public Future<Void> put(StaffUser user) {
    users.put(user.username(), user);
    return Future.succeededFuture();
  }

  @Override
  public Future<List<StaffUser>> all() {
    return Future.succeededFuture(users.values().stream().sorted(Comparator.comparing(StaffUser::username)).toList());
  }

  @Override
  public Future<Boolean> delete(String username) {
    return Future.succeededFuture(users.remove(username) != null);
  }
}
