package app.previsit.store;

import static app.previsit.testing.RunningServer.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
 * default of Sentinel deployments: what was written is confirmed by the replica before a patient is answered.
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
  void writesAreConfirmedByTheReplicaAndWhileItCannotConfirmOnlyTheConfirmationWaits() throws Exception {
    Invitation inv = await(stores.invitations().create(invitation("Replicated", LocalDateTime.now().plusDays(1))));
    for (int v = 0; v < 20; v++) {
      await(stores.sessions().compareAndSet(inv.id(), v, "{\"v\":" + v + "}", List.of("{\"line\":" + v + "}"), false,
          Duration.ofHours(1)));
      await(stores.replicated());
      assertEquals(":" + (v + 1), SENTINEL.command(SENTINEL.replicaPort(), "LLEN previsit:{inv:" + inv.id() + "}:log"));
    }
    // The replica stalls: a turn's write lands on the primary, but it is not confirmed, so the patient would get a
    // 503 and retry; meanwhile everything else on the shared connection (staff pages, other turns) goes on.
    java.util.concurrent.atomic.AtomicReference<String> slept = new java.util.concurrent.atomic.AtomicReference<>();
    Thread stall = new Thread(() -> slept.set(SENTINEL.command(SENTINEL.replicaPort(), "DEBUG SLEEP 1.5")));
    stall.start();
    Thread.sleep(100);
    assertEquals(true, await(stores.sessions().compareAndSet(inv.id(), 20, "{}", List.of("{\"line\":20}"), false, Duration.ofHours(1))));
    long start = System.nanoTime();
    var confirmed = stores.replicated();
    for (int i = 0; i < 5; i++) {
      long t = System.nanoTime();
      await(stores.sessions().load(inv.id()));
      assertTrue(System.nanoTime() - t < 200_000_000L, "a read is not held up behind the wait for the replica");
    }
    Throwable failed = confirmed.toCompletionStage().toCompletableFuture().handle((ok, e) -> e).get(5, java.util.concurrent.TimeUnit.SECONDS);
    long took = System.nanoTime() - start;
    org.junit.jupiter.api.Assertions.assertInstanceOf(StoreUnavailableException.class,
        failed instanceof java.util.concurrent.CompletionException ? failed.getCause() : failed);
    assertTrue(took >= 400_000_000L && took < 1_300_000_000L, "failed after the 500 ms wait, not the stall: " + took / 1_000_000 + " ms");
    stall.join();
    assertEquals("+OK", slept.get());
    await(stores.replicated());
    assertEquals(":21", SENTINEL.command(SENTINEL.replicaPort(), "LLEN previsit:{inv:" + inv.id() + "}:log"));
  }
}
