package app.previsit.printout;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Where printouts are read: one OCR at a time per core on threads of its own (not Vert.x's worker pool, which
 * the patients' typed turns use: a burst of uploads must never hold up a message), with at most
 * {@link #WAITING} uploads waiting. Beyond that a read is refused at once ({@link Full}); the web answers 503
 * with Retry-After.
 *
 * <p>Uploads take memory before they are read (up to 15 MB each): an upload reserves its size from a budget
 * shared by the whole process before its body is taken ({@link #reserve}), and a read that has not finished
 * within {@link #READ_TIMEOUT_MILLIS} is answered as failed, so no caller (a Telegram chat's lane included)
 * waits on it for good.
 */
public final class ReadingQueue implements AutoCloseable {
  public static final int WAITING = 20;
  /** Bytes of uploads being received or waiting to be read, at most. */
  public static final long BUDGET_BYTES = 96L * 1024 * 1024;
  public static final long READ_TIMEOUT_MILLIS = 30_000;

  /** Every reader busy and the queue full, or the upload budget spent. */
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
  private final long timeoutMillis;
  private final AtomicLong reserved = new AtomicLong();
  private final java.util.Set<String> uploading = java.util.concurrent.ConcurrentHashMap.newKeySet();

  public ReadingQueue(Vertx vertx, Reader reader, int readers) {
    this(vertx, reader, readers, READ_TIMEOUT_MILLIS);
  }

  ReadingQueue(Vertx vertx, Reader reader, int readers, long timeoutMillis) {
    this.vertx = vertx;
    this.reader = reader;
    this.timeoutMillis = timeoutMillis;
    AtomicInteger n = new AtomicInteger();
    this.pool = new ThreadPoolExecutor(readers, readers, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(WAITING), r -> {
      Thread t = new Thread(r, "previsit-ocr-" + n.incrementAndGet());
      t.setDaemon(true);
      // Below the event loops and the turn workers: a patient's message goes first.
      t.setPriority(Thread.NORM_PRIORITY - 1);
      return t;
    });
  }

  /**
   * Takes {@code bytes} from the upload budget; false (take nothing) when it would go over. Every true must be
   * followed by one {@link #release} of the same amount.
   */
  public boolean reserve(long bytes) {
    while (true) {
      long now = reserved.get();
      if (now + bytes > BUDGET_BYTES) return false;
      if (reserved.compareAndSet(now, now + bytes)) return true;
    }
  }

  public void release(long bytes) {
    reserved.addAndGet(-bytes);
  }

  /** One upload at a time per conversation (so one link cannot take the whole queue): false when one is under way. */
  public boolean claim(String conversation) {
    return uploading.add(conversation);
  }

  public void unclaim(String conversation) {
    uploading.remove(conversation);
  }

  /**
   * Reads the file on an OCR thread; fails with {@link Full}, {@link PrintoutRefused} (also for a file so
   * deep or tangled that reading it overflowed the stack), a {@link TimeoutException}, or the reader's error.
   */
  public Future<PrintoutReading> read(byte[] bytes) {
    Context context = vertx.getOrCreateContext();
    Promise<PrintoutReading> promise = Promise.promise();
    try {
      pool.execute(() -> {
        PrintoutReading reading = null;
        Throwable failure = null;
        try {
          reading = reader.read(bytes);
        } catch (StackOverflowError e) {
          failure = new PrintoutRefused(PrintoutRefused.Why.UNREADABLE, "too deeply nested to read");
        } catch (Throwable e) { // an OutOfMemoryError too: the caller is answered whatever happened
          failure = e;
        }
        PrintoutReading r = reading;
        Throwable f = failure;
        context.runOnContext(v -> {
          if (f != null) promise.tryFail(f);
          else promise.tryComplete(r);
        });
      });
    } catch (RejectedExecutionException e) {
      return Future.failedFuture(new Full());
    }
    long timer = vertx.setTimer(timeoutMillis, id -> context.runOnContext(v ->
        promise.tryFail(new TimeoutException("printout not read in time"))));
    return promise.future().onComplete(ar -> vertx.cancelTimer(timer));
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
