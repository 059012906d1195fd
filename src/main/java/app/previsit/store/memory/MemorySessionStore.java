package app.previsit.store.memory;

import app.previsit.store.SessionStore;
import app.previsit.store.Versioned;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Conversation state in process memory, with the same compare-and-set rule as Redis. */
public final class MemorySessionStore implements SessionStore {
  private final Map<String, Versioned> sessions = new ConcurrentHashMap<>();

  @Override
  public Future<Optional<Versioned>> load(String invitationId) {
    return Future.succeededFuture(Optional.ofNullable(sessions.get(invitationId)));
  }

  @Override
  public Future<Boolean> compareAndSet(String invitationId, long expectedVersion, String value, Duration ttl) {
    boolean[] written = {false};
    sessions.compute(invitationId, (k, current) -> {
      long version = current == null ? 0 : current.version();
      if (version != expectedVersion) return current;
      written[0] = true;
      return new Versioned(expectedVersion + 1, value);
    });
    return Future.succeededFuture(written[0]);
  }

  @Override
  public Future<Void> delete(String invitationId) {
    sessions.remove(invitationId);
    return Future.succeededFuture();
  }
}
