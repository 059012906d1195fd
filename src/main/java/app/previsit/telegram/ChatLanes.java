package app.previsit.telegram;

import io.vertx.core.Future;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Runs work for one chat strictly in order and different chats side by side. Used only on the
 * channel's own Vert.x context, so the map needs no locking.
 */
final class ChatLanes {
  private final Map<Long, Future<Void>> tails = new HashMap<>();

  Future<Void> run(long chatId, Supplier<Future<Void>> task) {
    Future<Void> previous = tails.getOrDefault(chatId, Future.succeededFuture());
    Future<Void> next = previous.transform(ignored -> {
      try {
        return task.get();
      } catch (RuntimeException e) {
        return Future.failedFuture(e);
      }
    });
    tails.put(chatId, next);
    next.onComplete(ar -> {
      if (tails.get(chatId) == next) tails.remove(chatId);
    });
    return next;
  }
}
