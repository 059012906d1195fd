package app.previsit.store;

import static app.previsit.testing.RunningServer.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import app.previsit.config.Config;
import app.previsit.invitation.Invitation;
import app.previsit.store.redis.RedisStores;
import app.previsit.testing.RedisSentinelExtension;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The whole store contract through Sentinel (a real primary, replica and three sentinels), with the
 * default of Sentinel deployments: a conversation's write returns only once the replica has it.
 */
class RedisSentinelStoreContractTest extends StoreContractTest {
  @RegisterExtension
  static final RedisSentinelExtension SENTINEL = new RedisSentinelExtension();
  static RedisStores stores;

  @BeforeAll
  static void connect() {
    stores = RedisStores.connect(URI.create(SENTINEL.url()), Config.from(Map.of("REDIS_URL", SENTINEL.url(),
        "PREVISIT_SESSION_SECRET", "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08")));
  }

  @AfterAll
  static void close() {
    stores.close();
  }

  @Override
  Stores stores() {
    return stores;
  }

  @Test
  void aTurnIsOnTheReplicaWhenItsWriteReturns() throws Exception {
    Invitation inv = await(stores.invitations().create(invitation("Replicated", LocalDateTime.now().plusDays(1))));
    for (int v = 0; v < 50; v++) {
      await(stores.sessions().compareAndSet(inv.id(), v, "{\"v\":" + v + "}", List.of("{\"line\":" + v + "}"), false,
          Duration.ofHours(1)));
      // Read from the replica straight after: it holds the line already.
      assertEquals(":" + (v + 1), SENTINEL.command(SENTINEL.replicaPort(), "LLEN previsit:{inv:" + inv.id() + "}:log"));
    }
    // While the replica cannot confirm, a write is not reported done: the caller answers 503 and the
    // patient's retry (same message id) is answered from the stored turn once the replica has it.
    Thread stall = new Thread(() -> SENTINEL.command(SENTINEL.replicaPort(), "DEBUG SLEEP 1.5"));
    stall.start();
    Thread.sleep(100);
    long start = System.nanoTime();
    var write = stores.sessions().compareAndSet(inv.id(), 50, "{}", List.of("{\"line\":50}"), false, Duration.ofHours(1));
    Throwable failed = write.toCompletionStage().toCompletableFuture().handle((ok, e) -> e).get(5, java.util.concurrent.TimeUnit.SECONDS);
    org.junit.jupiter.api.Assertions.assertInstanceOf(StoreUnavailableException.class, failed instanceof java.util.concurrent.CompletionException
        ? failed.getCause() : failed);
    org.junit.jupiter.api.Assertions.assertTrue(System.nanoTime() - start < 1_400_000_000L, "failed after the WAIT, not the replica's stall");
    stall.join();
    await(stores.sessions().replicated());
    assertEquals(51L, await(stores.sessions().load(inv.id())).orElseThrow().version(), "the write itself is on the primary");
    assertEquals(":51", SENTINEL.command(SENTINEL.replicaPort(), "LLEN previsit:{inv:" + inv.id() + "}:log"));
  }
}
