package app.previsit.store;

import io.vertx.core.Future;

/** The set of stores one running service uses: all in memory, or all on one Redis. */
public interface Stores extends AutoCloseable {
  InvitationStore invitations();

  SessionStore sessions();

  UserStore users();

  AuditLog audit();

  /** Server-side staff sessions. */
  StaffSessionStore staffSessions();

  /** Counters for rate limits and login back-off, shared by the whole process or deployment. */
  Counters counters();

  /** Emergency alerts for the practice. */
  AlertStore alerts();

  /** Photos and PDFs of printouts sent in the web chat. */
  AttachmentStore attachments();

  /** The Telegram channel's inbox and chat state. */
  TelegramStore telegram();

  /** Succeeds when the backing store answers; used by /health. */
  Future<Void> ping();

  /**
   * Returns once every write answered so far would survive the loss of the store's primary (Redis with
   * Sentinel: a replica holds it, see PREVISIT_REDIS_REPLICA_ACKS; elsewhere at once). A patient's turn is
   * answered only after this; a failure means "not yet": the caller answers 503 and the retry, with the
   * same message id, finds the turn stored and waits here again.
   */
  default Future<Void> replicated() {
    return Future.succeededFuture();
  }

  /** "memory" or "redis"; shown on /health. */
  String kind();

  @Override
  void close();
}
