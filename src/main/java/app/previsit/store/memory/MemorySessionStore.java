package app.previsit.store.memory;

import app.previsit.store.SessionStore;
import app.previsit.store.Versioned;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Conversation state and log in process memory, with the same compare-and-set rule as Redis. */
public final class MemorySessionStore implements SessionStore {
  /** State and log change together, as one immutable slot. */
  private record Slot(Versioned state, List<String> log) {}

  private final Map<String, Slot> sessions = new ConcurrentHashMap<>();

  @Override
  public Future<Optional<Versioned>> load(String invitationId) {
    Slot s = sessions.get(invitationId);
    return Future.succeededFuture(Optional.ofNullable(s == null ? null : s.state()));
  }

  @Override
  public Future<Boolean> compareAndSet(String invitationId, long expectedVersion, String value, List<String> appendToLog,
      boolean resetLog, Duration ttl) {
    boolean[] written = {false};
    sessions.compute(invitationId, (k, current) -> {
      long version = current == null ? 0 : current.state().version();
      if (version != expectedVersion) return current;
      written[0] = true;
      List<String> log = new ArrayList<>(current == null || resetLog ? List.of() : current.log());
      log.addAll(appendToLog);
      return new Slot(new Versioned(expectedVersion + 1, value), List.copyOf(log));
    });
    return Future.succeededFuture(written[0]);
  }

  @Override
  public Future<List<String>> log(String invitationId) {
    Slot s = sessions.get(invitationId);
    return Future.succeededFuture(s == null ? List.of() : s.log());
  }

  @Override
  public Future<Void> delete(String invitationId) {
    sessions.remove(invitationId);
    return Future.succeededFuture();
  }
}
