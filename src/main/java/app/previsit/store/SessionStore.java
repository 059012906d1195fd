package app.previsit.store;

import io.vertx.core.Future;
import java.time.Duration;
import java.util.Optional;

/**
 * Conversation state per invitation, written with compare-and-set so that a stale writer
 * (another instance, a retried turn) can never overwrite a newer state.
 */
public interface SessionStore {
  Future<Optional<Versioned>> load(String invitationId);

  /**
   * Writes {@code value} as version {@code expectedVersion + 1} if the stored version is
   * {@code expectedVersion} (0 = nothing stored yet). False when someone else wrote first.
   */
  Future<Boolean> compareAndSet(String invitationId, long expectedVersion, String value, Duration ttl);

  Future<Void> delete(String invitationId);
}
