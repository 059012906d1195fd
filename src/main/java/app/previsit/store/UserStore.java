package app.previsit.store;

import io.vertx.core.Future;
import java.util.List;
import java.util.Optional;

/** Staff accounts. */
public interface UserStore {
  Future<Optional<StaffUser>> find(String username);

  Future<Void> put(StaffUser user);

  Future<List<StaffUser>> all();

  Future<Boolean> delete(String username);
}
