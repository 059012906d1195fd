package app.previsit.store.memory;

import app.previsit.store.TelegramChat;
import app.previsit.store.TelegramStore;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The Telegram inbox and chat state in process memory; lost on restart like everything in memory. */
final class MemoryTelegramStore implements TelegramStore {
  /** Telegram redelivers within a day; remembering this many ids covers far more than that. */
  private static final int SEEN_LIMIT = 200_000;

  private final Map<Long, String> inbox = new java.util.TreeMap<>(); // Telegram update order
  private final Set<Long> seen = java.util.Collections.newSetFromMap(new LinkedHashMap<>() {
    @Override
    protected boolean removeEldestEntry(Map.Entry<Long, Boolean> eldest) {
      return size() > SEEN_LIMIT;
    }
  });
  private final Map<Long, TelegramChat> chats = new ConcurrentHashMap<>();
  private final Map<String, Long> references = new ConcurrentHashMap<>();
  private final Map<Long, Lease> leases = new java.util.HashMap<>();

  @Override
  public synchronized Future<Boolean> enqueue(long updateId, String json) {
    if (!seen.add(updateId)) return Future.succeededFuture(false);
    inbox.put(updateId, json);
    return Future.succeededFuture(true);
  }

  @Override
  public synchronized Future<List<QueuedUpdate>> pending(int limit) {
    List<QueuedUpdate> out = new ArrayList<>();
    for (var e : inbox.entrySet()) {
      if (out.size() >= limit) break;
      out.add(new QueuedUpdate(e.getKey(), e.getValue()));
    }
    return Future.succeededFuture(out);
  }

  @Override
  public synchronized Future<Boolean> isPending(long updateId) {
    return Future.succeededFuture(inbox.containsKey(updateId));
  }

  @Override
  public synchronized Future<Void> done(long updateId) {
    inbox.remove(updateId);
    return Future.succeededFuture();
  }

  @Override
  public synchronized Future<Boolean> leaseChat(long chatId, String owner, java.time.Duration ttl) {
    long now = System.nanoTime();
    Lease held = leases.get(chatId);
    if (held != null && !held.owner().equals(owner) && held.until() - now > 0) return Future.succeededFuture(false);
    leases.put(chatId, new Lease(owner, now + ttl.toNanos()));
    return Future.succeededFuture(true);
  }

  @Override
  public synchronized Future<Void> releaseChat(long chatId, String owner) {
    Lease held = leases.get(chatId);
    if (held != null && held.owner().equals(owner)) leases.remove(chatId);
    return Future.succeededFuture();
  }

  private record Lease(String owner, long until) {}

  @Override
  public Future<Optional<TelegramChat>> chat(long chatId) {
    return Future.succeededFuture(Optional.ofNullable(chats.get(chatId)));
  }

  @Override
  public Future<Void> saveChat(TelegramChat chat) {
    chats.put(chat.chatId(), chat);
    return Future.succeededFuture();
  }

  @Override
  public Future<Optional<Long>> chatOfReference(String reference) {
    return Future.succeededFuture(Optional.ofNullable(references.get(reference)));
  }

  @Override
  public Future<Void> rememberReference(String reference, long chatId) {
    references.put(reference, chatId);
    return Future.succeededFuture();
  }

  @Override
  public Future<Void> forgetReference(String reference) {
    references.remove(reference);
    return Future.succeededFuture();
  }
}
