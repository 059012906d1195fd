package app.previsit.store.memory;

import app.previsit.store.AttachmentStore;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Uploads in memory, with their expiry checked on every read and expired ones swept on every write. */
final class MemoryAttachmentStore implements AttachmentStore {
  private record Kept(StoredFile file, long expiresAt) {}

  private final Clock clock;
  private final Map<String, Map<String, Kept>> byInvitation = new ConcurrentHashMap<>();

  MemoryAttachmentStore(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Future<Void> put(String invitationId, String attachmentId, String contentType, byte[] bytes, Duration ttl) {
    long now = clock.millis();
    byInvitation.values().forEach(files -> files.values().removeIf(k -> k.expiresAt() <= now));
    byInvitation.values().removeIf(Map::isEmpty);
    byInvitation.computeIfAbsent(invitationId, k -> new ConcurrentHashMap<>())
        .putIfAbsent(attachmentId, new Kept(new StoredFile(contentType, bytes.clone()), now + ttl.toMillis()));
    return Future.succeededFuture();
  }

  @Override
  public Future<Integer> count(String invitationId) {
    long now = clock.millis();
    Map<String, Kept> files = byInvitation.getOrDefault(invitationId, Map.of());
    return Future.succeededFuture((int) files.values().stream().filter(k -> k.expiresAt() > now).count());
  }

  @Override
  public Future<Optional<StoredFile>> get(String invitationId, String attachmentId) {
    Map<String, Kept> files = byInvitation.getOrDefault(invitationId, Map.of());
    Kept k = files.get(attachmentId);
    if (k != null && k.expiresAt() <= clock.millis()) files.remove(attachmentId, k); // gone with its time
    if (k == null || k.expiresAt() <= clock.millis()) return Future.succeededFuture(Optional.empty());
    return Future.succeededFuture(Optional.of(k.file()));
  }

  @Override
  public Future<Void> delete(String invitationId, String attachmentId) {
    Map<String, Kept> files = byInvitation.get(invitationId);
    if (files != null) files.remove(attachmentId);
    return Future.succeededFuture();
  }

  @Override
  public Future<Void> deleteAll(String invitationId) {
    byInvitation.remove(invitationId);
    return Future.succeededFuture();
  }
}
