package app.previsit.store.memory;

import app.previsit.store.AuditEvent;
import app.previsit.store.AuditLog;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/** Audit events in process memory, kept for the retention period (events older than it are dropped on write). */
public final class MemoryAuditLog implements AuditLog {
  private final List<AuditEvent> events = new ArrayList<>();
  private final Duration retention;
  private final Clock clock;

  public MemoryAuditLog(Duration retention, Clock clock) {
    this.retention = retention;
    this.clock = clock;
  }

  @Override
  public synchronized Future<Void> record(AuditEvent event) {
    // Events come in time order: the oldest are at the front, and go once past the retention period.
    Instant oldest = clock.instant().minus(retention);
    while (!events.isEmpty() && events.get(0).at().isBefore(oldest)) events.remove(0);
    events.add(event);
    return Future.succeededFuture();
  }

  @Override
  public synchronized Future<List<AuditEvent>> recent(int limit) {
    List<AuditEvent> out = new ArrayList<>();
    for (int i = events.size() - 1; i >= 0 && out.size() < limit; i--) out.add(events.get(i));
    return Future.succeededFuture(out);
  }

  @Override
  public Future<Void> export(Instant from, Instant to, java.util.function.BooleanSupplier stopped,
      Function<List<AuditEvent>, Future<Void>> page) {
    if (stopped.getAsBoolean()) return Future.failedFuture("export stopped");
    List<AuditEvent> range;
    synchronized (this) {
      range = events.stream().filter(e -> !e.at().isBefore(from) && e.at().isBefore(to))
          .sorted(Comparator.comparing(AuditEvent::at)).toList();
    }
    return AuditLog.inPages(range, page);
  }
}
