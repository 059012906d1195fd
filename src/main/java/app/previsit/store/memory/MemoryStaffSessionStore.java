package app.previsit.store.memory;

import app.previsit.store.StaffSession;
import app.previsit.store.StaffSessionStore;
import io.vertx.core.Future;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Staff sessions in process memory (the embedded default: a restart signs everyone out). */
public final class MemoryStaffSessionStore implements StaffSessionStore {
  private final Map<String, StaffSession> sessions = new ConcurrentHashMap<>();
  private final Clock clock;

  public MemoryStaffSessionStore(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Future<Void> create(StaffSession session) {
    // Expired sessions go when the next one is made: there are only as many as logins.
    sessions.values().removeIf(s -> !s.expiresAt().isAfter(clock.instant()));
    sessions.put(session.key(), session);
    return Future.succeededFuture();
  }

  @Override
  public Future<Optional<StaffSession>> find(String key) {
    StaffSession s = sessions.get(key);
    if (s != null && !s.expiresAt().isAfter(clock.instant())) {
      sessions.remove(key);
      s = null;
    }
    return Future.succeededFuture(Optional.ofNullable(s));
  }

  @Override
  public Future<Void> end(String key) {
    sessions.remove(key);
    return Future.succeededFuture();
  }

  @Override
  public Future<Integer> endAllOf(String username) {
    int[] n = {0};
    sessions.values().removeIf(s -> {
      boolean his = s.username().equals(username);
      if (his) n[0]++;
      return his;
    });
    return Future.succeededFuture(n[0]);
  }
}
