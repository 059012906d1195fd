package app.previsit.printout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** One read per reader thread, at most 20 waiting, the next refused at once; a refusal comes back as itself. */
class ReadingQueueTest {
  static final PrintoutReading DONE = new PrintoutReading(true, "text", PageFacts.NOTHING, 90, null, null, 1);

  @Test
  void beyondTheReadersAndTwentyWaitingAReadIsRefusedAtOnce() throws Exception {
    Vertx vertx = Vertx.vertx();
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch started = new CountDownLatch(2);
    try (ReadingQueue q = new ReadingQueue(vertx, bytes -> {
      started.countDown();
      try {
        release.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return DONE;
    }, 2)) {
      List<Future<PrintoutReading>> accepted = new ArrayList<>();
      for (int i = 0; i < 2; i++) accepted.add(q.read(new byte[1]));
      assertTrue(started.await(5, TimeUnit.SECONDS), "two readers at work");
      for (int i = 0; i < ReadingQueue.WAITING; i++) accepted.add(q.read(new byte[1]));
      assertEquals(22, q.pending());
      Future<PrintoutReading> refused = q.read(new byte[1]);
      assertTrue(refused.failed(), "refused at once, not queued");
      assertInstanceOf(ReadingQueue.Full.class, refused.cause());
      release.countDown();
      for (Future<PrintoutReading> f : accepted) {
        assertEquals(DONE, f.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS));
      }
    } finally {
      vertx.close();
    }
  }

  @Test
  void whateverGoesWrongInAReadTheCallerIsAnswered() throws Exception {
    Vertx vertx = Vertx.vertx();
    try (ReadingQueue deep = new ReadingQueue(vertx, bytes -> { throw new StackOverflowError(); }, 1);
        ReadingQueue full = new ReadingQueue(vertx, bytes -> { throw new OutOfMemoryError("test"); }, 1);
        ReadingQueue slow = new ReadingQueue(vertx, bytes -> {
          try {
            Thread.sleep(3_000);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return DONE;
        }, 1, 200)) {
      assertInstanceOf(PrintoutRefused.class, failure(deep.read(new byte[1])), "a file too deep to read is refused");
      assertInstanceOf(OutOfMemoryError.class, failure(full.read(new byte[1])));
      assertInstanceOf(java.util.concurrent.TimeoutException.class, failure(slow.read(new byte[1])), "answered in time");
    } finally {
      vertx.close();
    }
  }

  @Test
  void theUploadBudgetAndOneUploadAtATimePerConversation() {
    Vertx vertx = Vertx.vertx();
    try (ReadingQueue q = new ReadingQueue(vertx, bytes -> DONE, 1)) {
      assertTrue(q.reserve(ReadingQueue.BUDGET_BYTES - 10));
      assertFalse(q.reserve(11), "over the budget");
      q.release(ReadingQueue.BUDGET_BYTES - 10);
      assertTrue(q.reserve(ReadingQueue.BUDGET_BYTES), "all of it again once released");
      assertTrue(q.claim("inv-1"));
      assertFalse(q.claim("inv-1"), "a second upload of the same conversation waits for the first");
      assertTrue(q.claim("inv-2"));
      q.unclaim("inv-1");
      assertTrue(q.claim("inv-1"));
    } finally {
      vertx.close();
    }
  }

  private static Throwable failure(Future<PrintoutReading> f) throws Exception {
    Throwable e = f.toCompletionStage().toCompletableFuture().handle((r, t) -> t).get(10, TimeUnit.SECONDS);
    return e instanceof java.util.concurrent.CompletionException && e.getCause() != null ? e.getCause() : e;
  }

  @Test
  void aRefusalReachesTheCallerAsItself() throws Exception {
    Vertx vertx = Vertx.vertx();
    try (ReadingQueue q = new ReadingQueue(vertx, bytes -> {
      throw new PrintoutRefused(PrintoutRefused.Why.TOO_BIG, "too big");
    }, 1)) {
      Future<PrintoutReading> f = q.read(new byte[1]);
      Throwable e = f.toCompletionStage().toCompletableFuture().handle((r, t) -> t).get(5, TimeUnit.SECONDS);
      Throwable cause = e instanceof java.util.concurrent.CompletionException && e.getCause() != null ? e.getCause() : e;
      assertInstanceOf(PrintoutRefused.class, cause);
    } finally {
      vertx.close();
    }
  }
}
