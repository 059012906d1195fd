package app.previsit.store;

import static app.previsit.testing.RunningServer.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/** The Telegram inbox and chat state: one contract, on memory and on a real redis-server. */
abstract class TelegramStoreContractTest {
  abstract TelegramStore store();

  /** Update ids are unique per test so the contract runs on one shared Redis. */
  static long freshId() {
    return ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE / 2);
  }

  @Test
  void anUpdateIsQueuedOnceAndARepeatIsRefusedEvenAfterItWasDone() throws Exception {
    long id = freshId();
    assertTrue(await(store().enqueue(id, "{\"update_id\":1}")));
    assertFalse(await(store().enqueue(id, "{\"update_id\":1}")), "a redelivered update must not be queued again");
    assertTrue(await(store().pending(10_000)).stream().anyMatch(q -> q.updateId() == id));
    assertTrue(await(store().isPending(id)));
    await(store().done(id));
    assertFalse(await(store().isPending(id)));
    assertFalse(await(store().pending(10_000)).stream().anyMatch(q -> q.updateId() == id));
    assertFalse(await(store().enqueue(id, "{}")), "done updates stay remembered as seen");
  }

  @Test
  void pendingUpdatesComeBackInUpdateOrderWithTheirJson() throws Exception {
    long base = freshId();
    await(store().enqueue(base + 2, "two"));
    await(store().enqueue(base, "zero"));
    await(store().enqueue(base + 1, "one"));
    List<TelegramStore.QueuedUpdate> mine = await(store().pending(10_000)).stream()
        .filter(q -> q.updateId() >= base && q.updateId() <= base + 2).toList();
    assertEquals(List.of("zero", "one", "two"), mine.stream().map(TelegramStore.QueuedUpdate::json).toList());
    for (long i = 0; i < 3; i++) await(store().done(base + i));
  }

  @Test
  void chatStateAndReferencesRoundTrip() throws Exception {
    long chat = freshId();
    assertTrue(await(store().chat(chat)).isEmpty());
    TelegramChat c = TelegramChat.fresh(chat).withLastAnswer(17).withKeyboard(42, List.of("Yes", "No, that's all")).applied(9_000_000_001L).applied(12L);
    await(store().saveChat(c));
    assertEquals(c, await(store().chat(chat)).orElseThrow());
    assertTrue(c.hasApplied(12L) && c.hasApplied(9_000_000_001L) && !c.hasApplied(13L));
    TelegramChat many = c;
    for (long i = 0; i < 100; i++) many = many.applied(1000 + i);
    assertEquals(TelegramChat.REMEMBERED_UPDATES, many.appliedUpdates().size());
    assertTrue(many.hasApplied(1099) && !many.hasApplied(12L));
    String ref = "REF-" + chat;
    assertTrue(await(store().chatOfReference(ref)).isEmpty());
    await(store().rememberReference(ref, chat));
    assertEquals(chat, await(store().chatOfReference(ref)).orElseThrow());
    await(store().forgetReference(ref));
    assertTrue(await(store().chatOfReference(ref)).isEmpty());
  }

  @Test
  void aChatLeaseHasOneOwnerAtATimeAndLapses() throws Exception {
    long chat = freshId();
    java.time.Duration minute = java.time.Duration.ofMinutes(1);
    assertTrue(await(store().leaseChat(chat, "a", minute)));
    assertFalse(await(store().leaseChat(chat, "b", minute)), "held by a");
    assertTrue(await(store().leaseChat(chat, "a", minute)), "the owner renews");
    await(store().releaseChat(chat, "b"));
    assertFalse(await(store().leaseChat(chat, "b", minute)), "only the owner can release");
    await(store().releaseChat(chat, "a"));
    assertTrue(await(store().leaseChat(chat, "b", java.time.Duration.ofMillis(50))));
    Thread.sleep(120);
    assertTrue(await(store().leaseChat(chat, "a", minute)), "a dead owner's lease lapses");
  }
}
