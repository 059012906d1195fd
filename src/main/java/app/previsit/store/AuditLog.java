package app.previsit.store;

import io.vertx.core.Future;
import java.util.List;

/** Append-only record of staff access to clinical content. */
public interface AuditLog {
  Future<Void> record(AuditEvent event);

  /** Newest first. */
  Future<List<AuditEvent>> recent(int limit);
}
