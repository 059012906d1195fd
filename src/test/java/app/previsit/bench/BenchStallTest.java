package app.previsit.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.previsit.testing.RedisServerExtension;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A stall in the last second of a bench run must show in its p99: the messages that were due and
 * never answered before the end are latency samples too, not silently dropped. And the last line
 * keeps the contract's format.
 */
class BenchStallTest {
  @RegisterExtension
  static final RedisServerExtension REDIS = new RedisServerExtension();

  private static final Pattern LAST_LINE = Pattern.compile("bench: turns_per_sec=(\\d+) p50_ms=(\\d+\\.\\d) p99_ms=(\\d+\\.\\d)"
      + " conversations=(\\d+) errors=(\\d+) redis_bytes_per_session=(\\d+)");

  @Test
  void aStallJustBeforeTheEndShowsInP99() throws Exception {
    CountDownLatch nearTheEnd = new CountDownLatch(1);
    PrintStream out = System.out;
    ByteArrayOutputStream seen = new ByteArrayOutputStream();
    // Watch the progress lines to stall Redis one second before the 3 s measurement ends.
    System.setOut(new PrintStream(seen, true, StandardCharsets.UTF_8) {
      @Override
      public void println(String line) {
        super.println(line);
        if (line != null && line.startsWith("bench: 2s ")) nearTheEnd.countDown();
      }

      @Override
      public PrintStream printf(java.util.Locale l, String format, Object... args) {
        String line = String.format(l, format, args);
        print(line);
        if (line.startsWith("bench: 2s ")) nearTheEnd.countDown();
        return this;
      }
    });
    String last;
    try {
      CompletableFuture<String> run = CompletableFuture.supplyAsync(() -> {
        try {
          return BenchRun.run(50, 3, 1, 500, REDIS.uri().toString());
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
      assertTrue(nearTheEnd.await(60, TimeUnit.SECONDS), "progress: " + seen);
      REDIS.stall(2.5);
      last = run.get(60, TimeUnit.SECONDS);
    } finally {
      System.setOut(out);
    }
    System.out.println(last);
    Matcher m = LAST_LINE.matcher(last);
    assertTrue(m.matches(), "the contract's last line: " + last);
    assertEquals("50", m.group(4));
    double p99 = Double.parseDouble(m.group(3));
    // 500 turns/s for 3 s, of which the last second's messages (about a third) were waiting when it ended.
    assertTrue(p99 >= 300, "a stall over the last second shows in p99: " + last);
    assertTrue(Long.parseLong(m.group(6)) > 0, "Redis bytes per session: " + last);
  }
}
