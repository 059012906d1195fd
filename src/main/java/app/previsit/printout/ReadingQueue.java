package app.previsit.printout;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Where printouts are read: one OCR at a time per core on threads of its own (not Vert.x's worker pool, which
 * the patients' typed turns use: a burst of uploads must never hold up a message), with at most
 * {@link #WAITING} uploads waiting. Beyond that a read is refused at once ({@link Full}); the web answers 503
 * with Retry-After.
 */
public final class ReadingQueue implements AutoCloseable {
  public static final int WAITING = 20;

  /** Every reader busy and the queue full. */
  public static final class Full extends RuntimeException {
    Full() {
      super("printout reading queue is full", null, false, false);
    }
  }

  /** What the queue runs: {@link PrintoutReader#read} in production. */
  @FunctionalInterface
  public interface Reader {
    PrintoutReading read(byte[] bytes) throws PrintoutRefused;
  }

  private final Vertx vertx;
  private final Reader reader;
  private final ThreadPoolExecutor pool;

  public ReadingQueue(Vertx vertx, Reader reader, int readers) {
    this.vertx = vertx;
    this.reader = reader;
    AtomicInteger n = new AtomicInteger();
    this.pool = new ThreadPoolExecutor(readers, readers, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(WAITING), r -> {
      Thread t = new Thread(r, "previsit-ocr-" + n.incrementAndGet());
      t.setDaemon(true);
      // Below the event loops and the turn workers: a patient's message goes first.
      t.setPriority(Thread.NORM_PRIORITY - 1);
      return t;
    });
  }

  /** Reads the file on an OCR thread; fails with {@link Full}, {@link PrintoutRefused} or the reader's error. */
  public Future<PrintoutReading> read(byte[] bytes) {
    Context context = vertx.getOrCreateContext();
    Promise<PrintoutReading> promise = Promise.promise();
    try {
      pool.execute(() -> {
        PrintoutReading reading = null;
        Throwable failure = null;
        try {
          reading = reader.read(bytes);
        } catch (PrintoutRefused | RuntimeException | LinkageError e) {
          failure = e;
        }
        PrintoutReading r = reading;
        Throwable f = failure;
        context.runOnContext(v -> {
          if (f != null) promise.fail(f);
          else promise.complete(r);
        });
      });
    } catch (RejectedExecutionException e) {
      return Future.failedFuture(new Full());
    }
    return promise.future();
  }

  /**
   * Starts the reader threads and their Tesseract engines now (natives loaded, trained data unpacked, ~0.3 s
   * each) so that the first patient's printout does not pay for it. In the background: start-up does not wait.
   */
  public void warmUp() {
    pool.prestartAllCoreThreads();
    for (int i = 0; i < pool.getCorePoolSize(); i++) {
      try {
        pool.execute(() -> {
          try {
            PageOcr.forThisThread();
          } catch (RuntimeException | LinkageError e) {
            // The first read will fail the same way and answer for it; nothing to do here.
          }
        });
      } catch (RejectedExecutionException e) {
        return;
      }
    }
  }

  /** Reads waiting and running, for the health page and tests. */
  public int pending() {
    return pool.getQueue().size() + pool.getActiveCount();
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
