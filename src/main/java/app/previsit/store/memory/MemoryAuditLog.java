package app.previsit.store.memory;

import app.previsit.store.AuditEvent;
import app.previsit.store.AuditLog;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Audit events in process memory, newest first on read. */
public final class MemoryAuditLog implements AuditLog {
  private final List<AuditEvent> events = Collections.synchronizedList(new ArrayList<>());

  @Override
  public Future<Void> record(AuditEvent event) {
    events.add(event);
    return Future.succeededFuture();
  }

  @Override
  public Future<List<AuditEvent>> recent(int limit) {
    synchronized (events) {
      List<AuditEvent> out = new ArrayList<>();
      for (int i = events.size() - 1; i >= 0 && out.size() < limit; i--) out.add(events.get(i));
      return Future.succeededFuture(out);
    }
  }
}
