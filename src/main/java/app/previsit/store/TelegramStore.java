package app.previsit.store;

import io.vertx.core.Future;
import java.util.List;
import java.util.Optional;

/**
 * What the Telegram channel keeps: a durable inbox of updates (so an update confirmed to Telegram
 * is never lost), the ids already seen (so a redelivered update is applied once), a little state
 * per chat, and which chat a practice's patient reference was last seen in.
 */
public interface TelegramStore {
  /** One update waiting in the inbox; {@code json} is the update as Telegram sent it. */
  record QueuedUpdate(long updateId, String json) {}

  /**
   * Writes the update to the inbox unless its id was seen before; both in one atomic step.
   * True when it was queued, false for a repeat (nothing changes).
   */
  Future<Boolean> enqueue(long updateId, String json);

  /** Queued updates not yet marked done, oldest first (after a crash: the ones left over). */
  Future<List<QueuedUpdate>> pending(int limit);

  /** True while the update is in the inbox (queued, not yet done). */
  Future<Boolean> isPending(long updateId);

  /** Removes a processed update from the inbox (its id stays remembered as seen). */
  Future<Void> done(long updateId);

  /**
   * Takes the chat's lease for {@code owner} (one process) unless another owner holds it: so that two
   * instances on one Redis never apply updates of the same chat at the same time. It lapses after
   * {@code ttl} if its owner dies. True when taken (or already held by this owner).
   */
  Future<Boolean> leaseChat(long chatId, String owner, java.time.Duration ttl);

  /** Gives the lease back if {@code owner} still holds it. */
  Future<Void> releaseChat(long chatId, String owner);

  Future<Optional<TelegramChat>> chat(long chatId);

  Future<Void> saveChat(TelegramChat chat);

  /** The private chat where the patient with this practice reference last used Previsit. */
  Future<Optional<Long>> chatOfReference(String reference);

  Future<Void> rememberReference(String reference, long chatId);

  Future<Void> forgetReference(String reference);
}
