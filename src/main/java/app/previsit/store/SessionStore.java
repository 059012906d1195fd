package app.previsit.store;

import io.vertx.core.Future;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Conversation state per invitation, written with compare-and-set so that a stale writer
 * (another instance, a retried turn) can never overwrite a newer state. Next to the state each
 * conversation has an append-only log (the transcript), written in the same atomic step, so the
 * state that is read and written on every turn stays small.
 */
public interface SessionStore {
  Future<Optional<Versioned>> load(String invitationId);

  /**
   * Writes {@code value} as version {@code expectedVersion + 1} if the stored version is
   * {@code expectedVersion} (0 = nothing stored yet). False when someone else wrote first.
   */
  default Future<Boolean> compareAndSet(String invitationId, long expectedVersion, String value, Duration ttl) {
    return compareAndSet(invitationId, expectedVersion, value, List.of(), false, ttl);
  }

  /**
   * Like {@link #compareAndSet(String, long, String, Duration)}, and in the same atomic step
   * appends {@code appendToLog} to the conversation's log (emptied first when {@code resetLog}).
   * When the version moved nothing at all is written. The log expires with the state.
   */
  Future<Boolean> compareAndSet(String invitationId, long expectedVersion, String value, List<String> appendToLog,
      boolean resetLog, Duration ttl);

  /** The conversation's log, oldest entry first; empty when there is none. */
  Future<List<String>> log(String invitationId);

  /** At most {@code count} log entries from index {@code from} (fewer where the log is shorter). */
  default Future<List<String>> log(String invitationId, int from, int count) {
    return log(invitationId).map(all -> all.subList(Math.min(from, all.size()), Math.min(from + count, all.size())));
  }

  /** Deletes the state and the log. */
  Future<Void> delete(String invitationId);
}
