package app.previsit.store;

import static app.previsit.testing.RunningServer.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.previsit.config.Config;
import app.previsit.invitation.Invitation;
import app.previsit.store.redis.RedisStores;
import app.previsit.testing.RedisClusterExtension;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The whole store contract on a real three-primary Redis Cluster ({@code redis-cluster://} seeds):
 * every script runs on one slot (a CROSSSLOT error would fail these), and the data of many
 * invitations spreads over every primary while each invitation's keys share one.
 */
class RedisClusterStoreContractTest extends StoreContractTest {
  @RegisterExtension
  static final RedisClusterExtension CLUSTER = new RedisClusterExtension();
  static RedisStores stores;

  @BeforeAll
  static void connect() {
    stores = RedisStores.connect(URI.create(CLUSTER.url()), Config.from(Map.of()));
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
  void anInvitationsKeysShareOneSlotAndInvitationsSpreadOverEveryPrimary() throws Exception {
    Set<Integer> primaries = new HashSet<>();
    for (int i = 0; i < 30; i++) {
      Invitation inv = await(stores.invitations().create(invitation("Spread " + i, LocalDateTime.now().plusDays(1))));
      await(stores.sessions().compareAndSet(inv.id(), 0, "{}", List.of("{\"line\":1}"), false, Duration.ofHours(1)));
      await(stores.attachments().put(inv.id(), "a1", "image/jpeg", new byte[] {1, 2, 3}, Duration.ofHours(1)));
      String tag = "previsit:{inv:" + inv.id() + "}:";
      int home = CLUSTER.slotOwnerPort(tag + "invitation");
      for (String k : List.of("session", "log", "upload:a1", "uploads")) {
        assertEquals(home, CLUSTER.slotOwnerPort(tag + k), k);
        assertEquals(":1", CLUSTER.command(home, "EXISTS " + tag + k), k);
      }
      primaries.add(home);
    }
    assertEquals(Set.copyOf(CLUSTER.ports()), primaries, "thirty invitations live on all three primaries");
    assertTrue(await(stores.telegram().enqueue(41, "{}")) && await(stores.telegram().enqueue(42, "{}")));
    assertEquals(List.of(41L, 42L), await(stores.telegram().pending(10)).stream().map(TelegramStore.QueuedUpdate::updateId).toList());
    Set<Integer> inboxHomes = new HashSet<>();
    for (int s = 0; s < 8; s++) inboxHomes.add(CLUSTER.slotOwnerPort("previsit:{tg:" + s + "}:inbox"));
    assertTrue(inboxHomes.size() >= 2, "the inbox's eight shards are not all on one primary: " + inboxHomes);
  }
}
