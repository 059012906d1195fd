package app.previsit.bench;

import app.previsit.config.Config;
import app.previsit.server.PrevisitServer;
import io.lettuce.core.RedisClient;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Clock;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** One benchmark run from start to its result line. */
public final class BenchRun {
  private BenchRun() {}

  public static String run(int conversations, int seconds, int warmupSeconds, int rate, String redisUrl) throws Exception {
    Map<String, String> env = new HashMap<>(System.getenv());
    env.put("PREVISIT_HTTP_HOST", "127.0.0.1");
    env.put("PREVISIT_HTTP_PORT", "0");
    // Simulated patients answer far faster than people: lift the per-link limit for the run.
    env.put("PREVISIT_CHAT_MESSAGES_PER_MINUTE", "1000000");
    env.remove("TELEGRAM_BOT_TOKEN"); // the bench drives the web chat only
    if (redisUrl != null) env.put("REDIS_URL", redisUrl);
    // One process, so a secret made for this run is shared by everything that needs it.
    if (redisUrl != null) env.putIfAbsent("PREVISIT_SESSION_SECRET", app.previsit.security.Secret.randomToken(32));
    else env.remove("REDIS_URL");
    PrevisitServer server = PrevisitServer.start(Config.from(env), Clock.systemUTC()).toCompletionStage().toCompletableFuture().get();
    LoadBenchmark load = new LoadBenchmark(server, conversations, rate);
    try {
      load.start();
      for (int t = 1; t <= warmupSeconds; t++) {
        Thread.sleep(1000);
        System.out.printf("bench: warm-up %ds turns=%d errors=%d%n", t, load.turns.get(), load.errors.get());
      }
      load.measureFromNow();
      long turns0 = load.turns.get();
      long errors0 = load.errors.get();
      long timeouts0 = load.timeouts.get();
      long start = System.nanoTime();
      for (int t = 1; t <= seconds; t++) {
        Thread.sleep(1000);
        System.out.printf(Locale.ROOT, "bench: %ds turns=%d errors=%d (timeouts %d) completed=%d p99_ms_so_far=%.1f%n", t,
            load.turns.get() - turns0, load.errors.get() - errors0, load.timeouts.get() - timeouts0, load.completed.get(),
            load.latency().percentileMillis(99));
      }
      load.stop();
      double elapsed = (System.nanoTime() - start) / 1e9;
      long turns = load.turns.get() - turns0;
      long errors = load.errors.get() - errors0;
      // Measured on one node; a cluster's or a sentinel-found primary's sessions are the same size.
      long bytes = redisUrl == null || !redisUrl.matches("rediss?://.*") ? 0 : bytesPerSession(redisUrl);
      return String.format(Locale.ROOT, "bench: turns_per_sec=%d p50_ms=%.1f p99_ms=%.1f conversations=%d errors=%d redis_bytes_per_session=%d",
          Math.round(turns / elapsed), load.latency().percentileMillis(50), load.latency().percentileMillis(99), conversations,
          errors, bytes);
    } finally {
      load.close();
      server.stop().toCompletionStage().toCompletableFuture().get();
    }
  }

  /**
   * Mean MEMORY USAGE (exact: SAMPLES 0) of up to 2,000 sessions, each its state hash plus its
   * transcript list. Also prints how the size grows with the conversation's length (turns so far).
   */
  private static long bytesPerSession(String url) {
    String usage = "local n = 0 for _, k in ipairs(KEYS) do n = n + (redis.call('MEMORY', 'USAGE', k, 'SAMPLES', '0') or 0) end"
        + " return {n, tonumber(redis.call('HGET', KEYS[1], 'v') or '0')}";
    RedisClient client = RedisClient.create(url);
    try (StatefulRedisConnection<String, String> c = client.connect()) {
      RedisCommands<String, String> redis = c.sync();
      long total = 0;
      int n = 0;
      java.util.TreeMap<Integer, long[]> byTurns = new java.util.TreeMap<>();
      ScanCursor cursor = ScanCursor.INITIAL;
      do {
        var page = redis.scan(cursor, ScanArgs.Builder.matches("previsit:{inv:*}:session").limit(500));
        for (String key : page.getKeys()) {
          if (n >= 2000) break;
          // Same hash tag, so the script may read both on a cluster too.
          String log = key.substring(0, key.length() - "session".length()) + "log";
          java.util.List<Long> r = redis.eval(usage, io.lettuce.core.ScriptOutputType.MULTI, key, log);
          total += r.get(0);
          n++;
          // Each turn is one compare-and-set, so the version counts the turns.
          long[] bucket = byTurns.computeIfAbsent((int) (r.get(1) / 5) * 5, k -> new long[2]);
          bucket[0] += r.get(0);
          bucket[1]++;
        }
        cursor = page;
      } while (!cursor.isFinished() && n < 2000);
      StringBuilder growth = new StringBuilder("bench: bytes per session by turns so far:");
      byTurns.forEach((turns, b) -> growth.append(String.format(Locale.ROOT, " %d-%d:%d(n=%d)", turns, turns + 4, b[0] / b[1], b[1])));
      System.out.println(growth);
      return n == 0 ? 0 : total / n;
    } finally {
      client.shutdown();
    }
  }
}
