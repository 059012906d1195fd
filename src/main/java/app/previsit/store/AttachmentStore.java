package app.previsit.store;

import io.vertx.core.Future;
import java.time.Duration;
import java.util.Optional;

/**
 * Photos and PDFs of printouts sent in the web chat, kept with their conversation: they expire with it and
 * are erased with it ("forget me", a cancelled invitation). Telegram's files are not kept here (Telegram keeps
 * them; the GP's page fetches them on demand). Only a clinician's page reads them, and each view is audited.
 */
public interface AttachmentStore {
  /** A kept file: its bytes (metadata already stripped) and content type. */
  record StoredFile(String contentType, byte[] bytes) {}

  /**
   * Keeps {@code bytes} under the invitation for {@code ttl}. The first file kept under an id stays: the same id
   * again (a retried upload) changes nothing, so the file always matches what was read from it.
   */
  Future<Void> put(String invitationId, String attachmentId, String contentType, byte[] bytes, Duration ttl);

  /** How many files are kept for the invitation. */
  Future<Integer> count(String invitationId);

  Future<Optional<StoredFile>> get(String invitationId, String attachmentId);

  /** Erases one file (no longer referred to by the conversation). */
  Future<Void> delete(String invitationId, String attachmentId);

  /** Erases every file kept for the invitation. */
  Future<Void> deleteAll(String invitationId);
}
