package app.previsit.store;

import io.vertx.core.Future;
import java.util.Optional;

/** Server-side staff sessions: found by key, ended one at a time (logout) or all of a user at once. */
public interface StaffSessionStore {
  /** Stores the session until its {@code expiresAt}. */
  Future<Void> create(StaffSession session);

  /** The session, unless it was ended or has expired. */
  Future<Optional<StaffSession>> find(String key);

  Future<Void> end(String key);

  /** Ends every session of this user (account deleted, role or password changed); the number ended. */
  Future<Integer> endAllOf(String username);
}
