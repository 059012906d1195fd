package app.previsit.store;

import io.vertx.core.Future;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * Append-only record of staff access to clinical content, kept for {@code PREVISIT_AUDIT_DAYS} (8 years by
 * default) and never trimmed by count: an NHS audit trail must still say who opened a record years later.
 */
public interface AuditLog {
  /** Events an export hands over at a time. */
  int PAGE = 1000;

  Future<Void> record(AuditEvent event);

  /** Newest first. */
  Future<List<AuditEvent>> recent(int limit);

  /**
   * Every event with {@code from <= at < to}, oldest first, handed to {@code page} at most {@link #PAGE} at a
   * time; the next page is read only once the future {@code page} returned has completed (so an export written
   * to a slow client never holds more than a page or so in memory). Completes after the last page.
   */
  default Future<Void> export(Instant from, Instant to, Function<List<AuditEvent>, Future<Void>> page) {
    return export(from, to, () -> false, page);
  }

  /**
   * Like {@link #export(Instant, Instant, Function)}, and given up (completing failed) as soon as {@code stopped}
   * says so, checked before each day is read: an export whose client went away stops reading.
   */
  Future<Void> export(Instant from, Instant to, java.util.function.BooleanSupplier stopped,
      Function<List<AuditEvent>, Future<Void>> page);

  /** Hands {@code events} to {@code page} {@link #PAGE} at a time, each once the one before has been taken. */
  static Future<Void> inPages(List<AuditEvent> events, Function<List<AuditEvent>, Future<Void>> page) {
    Future<Void> chain = Future.succeededFuture();
    for (int i = 0; i < events.size(); i += PAGE) {
      List<AuditEvent> one = events.subList(i, Math.min(events.size(), i + PAGE));
      chain = chain.compose(v -> page.apply(one));
    }
    return chain;
  }
}
