package app.previsit.server;

import app.previsit.store.AuditLog;
import app.previsit.store.InvitationStore;
import app.previsit.store.SessionStore;
import app.previsit.store.Stores;
import app.previsit.store.TelegramStore;
import app.previsit.store.UserStore;
import io.vertx.core.Future;

/** Any stores, with staff accounts taken from elsewhere (the users file) instead. */
record StoresWithUsers(Stores delegate, UserStore users) implements Stores {
  @Override public InvitationStore invitations() { return delegate.invitations(); }
  @Override public SessionStore sessions() { return delegate.sessions(); }
  @Override public AuditLog audit() { return delegate.audit(); }
  @Override public TelegramStore telegram() { return delegate.telegram(); }
  @Override public app.previsit.store.StaffSessionStore staffSessions() { return delegate.staffSessions(); }
  @Override public app.previsit.store.Counters counters() { return delegate.counters(); }
  @Override public app.previsit.store.AlertStore alerts() { return delegate.alerts(); }
  @Override public app.previsit.store.AttachmentStore attachments() { return delegate.attachments(); }
  @Override public Future<Void> ping() { return delegate.ping(); }
  @Override public Future<Void> replicated() { return delegate.replicated(); }
  @Override public String kind() { return delegate.kind(); }
  @Override public void close() { delegate.close(); }
}
