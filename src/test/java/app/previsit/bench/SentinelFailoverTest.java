package app.previsit.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.previsit.config.Config;
import app.previsit.server.PrevisitServer;
import app.previsit.testing.RedisSentinelExtension;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The bench's simulated patients chat through the service on a Sentinel deployment (primary, one
 * replica, three sentinels, all real) while the primary is killed with SIGKILL. Sentinel promotes the
 * replica and the service follows it. A patient whose message failed meanwhile sends it again with the
 * same id. Afterwards every transcript holds each message its patient saw answered, once, in order:
 * with {@code PREVISIT_REDIS_REPLICA_ACKS=1} (Sentinel's default) a turn is answered only once the
 * replica has it, so the asynchronous replication loses nothing a patient saw. Prints what the failover
 * cost: how long turns failed, and the errors the patients retried.
 */
class SentinelFailoverTest {
  @RegisterExtension
  static final RedisSentinelExtension REDIS = new RedisSentinelExtension();

  private static final int PATIENTS = 40;
  private static final int RATE = 200;

  @Test
  void killingThePrimaryUnderLoadLosesNoAnsweredTurnAndAppliesNoneTwice() throws Exception {
    Map<String, String> env = new HashMap<>();
    env.put("PREVISIT_HTTP_HOST", "127.0.0.1");
    env.put("PREVISIT_HTTP_PORT", "0");
    env.put("PREVISIT_CHAT_MESSAGES_PER_MINUTE", "1000000");
    env.put("REDIS_URL", REDIS.url());
    env.put("PREVISIT_SESSION_SECRET", app.previsit.security.Secret.randomToken(32));
    PrevisitServer server = PrevisitServer.start(Config.from(env), Clock.systemUTC()).toCompletionStage().toCompletableFuture().get();
    LoadBenchmark load = new LoadBenchmark(server, PATIENTS, RATE, true);
    try {
      load.start();
      awaitTurns(load, 400, Duration.ofSeconds(60));
      assertEquals(0, load.errors.get(), "no errors before the kill");
      long killedAt = System.nanoTime();
      REDIS.killPrimary();
      Duration promoted = REDIS.awaitFailover(Duration.ofSeconds(30));
      long turnsAtPromotion = load.turns.get();
      // Patients go on until each has had turns answered by the new primary.
      awaitTurns(load, turnsAtPromotion + 600, Duration.ofSeconds(60));
      load.stop();
      double failedFor = (load.lastError.get() - load.firstError.get()) / 1e9;
      double firstErrorAfterKill = (load.firstError.get() - killedAt) / 1e9;
      AnsweredTurns.Verdict verdict = AnsweredTurns.check(server, load.answered());
      System.out.printf(Locale.ROOT, "sentinel failover: promoted after %.1f s; turns failed for %.1f s (first error %.2f s after the"
          + " kill); %d errors retried, %d given up; %s%n", promoted.toMillis() / 1e3, failedFor, firstErrorAfterKill,
          load.errors.get(), load.givenUp.get(), verdict);
      assertEquals(0, load.givenUp.get(), "every failed message got through on a retry");
      assertEquals(0, verdict.lost(), verdict.toString());
      assertEquals(0, verdict.duplicated(), verdict.toString());
      assertTrue(verdict.turns() > 1000, "enough turns to mean something: " + verdict);
    } finally {
      load.close();
      server.stop().toCompletionStage().toCompletableFuture().get();
    }
  }

  static void awaitTurns(LoadBenchmark load, long turns, Duration max) throws InterruptedException {
    long deadline = System.nanoTime() + max.toNanos();
    while (load.turns.get() < turns) {
      if (System.nanoTime() > deadline) throw new AssertionError("only " + load.turns.get() + " of " + turns + " turns in " + max);
      Thread.sleep(20);
    }
  }
}
