package app.previsit.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.previsit.config.Config;
import app.previsit.server.PrevisitServer;
import app.previsit.testing.RedisSentinelExtension;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One failover under the bench's load (see {@link SentinelFailoverTest}): 40 patients offering 200 turns/s;
 * the replica's link drops, half a second later the primary is killed, Sentinel promotes the replica, the
 * dead node comes back as its replica; then what the patients saw answered is held against the transcripts.
 */
final class SentinelFailover {
  private static final int PATIENTS = 40;
  private static final int RATE = 200;

  private SentinelFailover() {}

  record Result(LoadBenchmark load, AnsweredTurns.Verdict verdict) {}

  static Result run(RedisSentinelExtension REDIS, String replicaAcks) throws Exception {
    PrevisitServer server = startService(REDIS.url(), replicaAcks == null ? Map.of() : Map.of("PREVISIT_REDIS_REPLICA_ACKS", replicaAcks));
    LoadBenchmark load = new LoadBenchmark(server, PATIENTS, RATE, true);
    try {
      load.start();
      awaitTurns(load, 400, Duration.ofSeconds(60));
      assertEquals(0, load.errors.get(), "no errors before the kill");
      // The replica loses its link just before the primary dies (a network hiccup; here it is stalled, so that
      // it cannot reconnect, and the primary drops it): whatever the primary answers in that half second never
      // reaches the replica and is gone with the primary, unless a turn waits for the replica to confirm it.
      int lagging = REDIS.replicaPort();
      java.util.concurrent.atomic.AtomicReference<String> slept = new java.util.concurrent.atomic.AtomicReference<>();
      Thread lag = new Thread(() -> slept.set(REDIS.command(lagging, "DEBUG SLEEP 1.2")));
      lag.start();
      Thread.sleep(100);
      assertEquals(":1", REDIS.command(REDIS.primaryPort(), "CLIENT KILL TYPE replica"), "the replica's link dropped");
      Thread.sleep(500);
      long killedAt = System.nanoTime();
      REDIS.killPrimary();
      lag.join();
      assertEquals("+OK", slept.get());
      Duration promoted = REDIS.awaitFailover(Duration.ofSeconds(30));
      // The new primary has no replica to confirm turns until one joins it: the dead node's supervisor
      // restarts it (here, at once) and the sentinels make it the new primary's replica.
      REDIS.restartOldPrimaryAsReplica();
      Duration replicaBack = Duration.ofNanos(System.nanoTime() - killedAt);
      long turnsAtPromotion = load.turns.get();
      // Patients go on until each has had turns answered by the new primary.
      awaitTurns(load, turnsAtPromotion + 600, Duration.ofSeconds(60));
      load.stop();
      double failedFor = (load.lastError.get() - load.firstError.get()) / 1e9;
      double firstErrorAfterKill = (load.firstError.get() - killedAt) / 1e9;
      AnsweredTurns.Verdict verdict = AnsweredTurns.check(server, load);
      System.out.printf(Locale.ROOT, "sentinel failover (replica acks %s): promoted after %.1f s, a replica again after %.1f s;"
          + " turns failed for %.1f s (first error %.2f s after the kill); %d errors retried, %d given up; %s%n",
          replicaAcks == null ? "default" : replicaAcks, promoted.toMillis() / 1e3, replicaBack.toMillis() / 1e3, failedFor,
          firstErrorAfterKill, load.errors.get(), load.givenUp.get(), verdict);
      return new Result(load, verdict);
    } finally {
      load.close();
      server.stop().toCompletionStage().toCompletableFuture().get();
    }
  }

  /** The service on a free loopback port and the given Redis, with the per-link limit lifted for simulated patients. */
  static PrevisitServer startService(String redisUrl, Map<String, String> more) throws Exception {
    Map<String, String> env = new HashMap<>(more);
    env.put("PREVISIT_HTTP_HOST", "127.0.0.1");
    env.put("PREVISIT_HTTP_PORT", "0");
    env.put("PREVISIT_CHAT_MESSAGES_PER_MINUTE", "1000000");
    env.put("REDIS_URL", redisUrl);
    env.put("PREVISIT_SESSION_SECRET", app.previsit.security.Secret.randomToken(32));
    return PrevisitServer.start(Config.from(env), Clock.systemUTC()).toCompletionStage().toCompletableFuture().get();
  }

  static void awaitTurns(LoadBenchmark load, long turns, Duration max) throws InterruptedException {
    long deadline = System.nanoTime() + max.toNanos();
    while (load.turns.get() < turns) {
      if (System.nanoTime() > deadline) throw new AssertionError("only " + load.turns.get() + " of " + turns + " turns in " + max);
      Thread.sleep(20);
    }
  }
}
