package app.previsit.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.previsit.server.PrevisitServer;
import app.previsit.testing.RedisClusterExtension;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The bench's simulated patients chat through the service on a real three-primary Redis Cluster while
 * {@code redis-cli --cluster reshard} moves slots, keys and all, from one primary to another and back.
 * Lettuce follows MOVED and ASK; a script that meets a slot half-moved is refused (TRYAGAIN) and the
 * patient's retry with the same id goes through. Afterwards every transcript holds each answered
 * message once, in order.
 */
class ClusterReshardTest {
  @RegisterExtension
  static final RedisClusterExtension CLUSTER = new RedisClusterExtension();

  private static final int PATIENTS = 40;
  private static final int RATE = 200;

  @Test
  void movingSlotsUnderLoadLosesNoAnsweredTurnAndAppliesNoneTwice() throws Exception {
    PrevisitServer server = SentinelFailover.startService(CLUSTER.url(), Map.of());
    LoadBenchmark load = new LoadBenchmark(server, PATIENTS, RATE, true);
    try {
      load.start();
      SentinelFailover.awaitTurns(load, 400, Duration.ofSeconds(60));
      int a = CLUSTER.ports().get(0);
      int b = CLUSTER.ports().get(1);
      long started = System.nanoTime();
      CLUSTER.reshard(a, b, 1000);
      CLUSTER.reshard(b, a, 1000);
      double reshardSeconds = (System.nanoTime() - started) / 1e9;
      long turnsAfter = load.turns.get();
      SentinelFailover.awaitTurns(load, turnsAfter + 200, Duration.ofSeconds(60));
      load.stop();
      AnsweredTurns.Verdict verdict = AnsweredTurns.check(server, load);
      System.out.printf(Locale.ROOT, "cluster reshard: 2 x 1000 slots moved in %.1f s under load; %d errors retried, %d given up; %s%n",
          reshardSeconds, load.errors.get(), load.givenUp.get(), verdict);
      assertEquals(0, load.givenUp.get(), "every failed message got through on a retry");
      assertEquals(0, verdict.lost(), verdict.toString());
      assertEquals(0, verdict.duplicated(), verdict.toString());
      assertTrue(verdict.turns() > 600, "enough turns to mean something: " + verdict);
    } finally {
      load.close();
      server.stop().toCompletionStage().toCompletableFuture().get();
    }
  }
}
