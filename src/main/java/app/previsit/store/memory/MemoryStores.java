package app.previsit.store.memory;

import app.previsit.store.AuditLog;
import app.previsit.store.Counters;
import app.previsit.store.StaffSessionStore;
import app.previsit.store.InvitationStore;
import app.previsit.store.SessionStore;
import app.previsit.store.Stores;
import app.previsit.store.TelegramStore;
import app.previsit.store.UserStore;
import io.vertx.core.Future;

/** The embedded default: everything in memory, nothing survives a restart. */
public final class MemoryStores implements Stores {
  private final InvitationStore invitations = new MemoryInvitationStore();
  private final SessionStore sessions = new MemorySessionStore();
  private final UserStore users;
  private final AuditLog audit;
  private final TelegramStore telegram = new MemoryTelegramStore();
  private final StaffSessionStore staffSessions = new MemoryStaffSessionStore(java.time.Clock.systemUTC());
  private final Counters counters = new MemoryCounters(java.time.Clock.systemUTC());
  private final app.previsit.store.AlertStore alerts = new MemoryAlertStore();
  private final app.previsit.store.AttachmentStore attachments = new MemoryAttachmentStore(java.time.Clock.systemUTC());

  public MemoryStores() {
    this(new MemoryUserStore());
  }

  public MemoryStores(UserStore users) {
    this(users, java.time.Duration.ofDays(2922));
  }

  /** {@code auditRetention}: how long audit events are kept (PREVISIT_AUDIT_DAYS). */
  public MemoryStores(UserStore users, java.time.Duration auditRetention) {
    this.users = users;
    this.audit = new MemoryAuditLog(auditRetention, java.time.Clock.systemUTC());
  }

  @Override public InvitationStore invitations() { return invitations; }
  @Override public SessionStore sessions() { return sessions; }
  @Override public UserStore users() { return users; }
  @Override public AuditLog audit() { return audit; }
  @Override public TelegramStore telegram() { return telegram; }
  @Override public StaffSessionStore staffSessions() { return staffSessions; }
  @Override public Counters counters() { return counters; }
  @Override public app.previsit.store.AlertStore alerts() { return alerts; }
  @Override public app.previsit.store.AttachmentStore attachments() { return attachments; }
  @Override public Future<Void> ping() { return Future.succeededFuture(); }
  @Override public String kind() { return "memory"; }
  @Override public void close() {}
}
