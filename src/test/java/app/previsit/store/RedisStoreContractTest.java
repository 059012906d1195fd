package app.previsit.store;

import static app.previsit.testing.RunningServer.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.previsit.config.Config;
import app.previsit.invitation.Invitation;
import app.previsit.store.redis.RedisStores;
import app.previsit.testing.RedisServerExtension;
import java.time.LocalDateTime;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RedisStoreContractTest extends StoreContractTest {
  @RegisterExtension
  static final RedisServerExtension REDIS = new RedisServerExtension();
  static RedisStores stores;

  @BeforeAll
  static void connect() {
    stores = RedisStores.connect(REDIS.uri(), Config.from(Map.of()));
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
  void keysLiveUnderThePrefixAndExpire() throws Exception {
    REDIS.flushAll();
    Invitation inv = await(stores.invitations().create(invitation("Ttl", LocalDateTime.now().plusDays(1))));
    await(stores.sessions().compareAndSet(inv.id(), 0, "{}", java.util.List.of("{\"line\":1}"), false, java.time.Duration.ofHours(2)));
    String keys = REDIS.command("KEYS *");
    assertTrue(keys.startsWith("*"), keys);
    long ttl = Long.parseLong(REDIS.command("PTTL previsit:inv:" + inv.id()).substring(1));
    assertTrue(ttl > 24L * 3600 * 1000, "invitation should live past the appointment plus retention, ttl=" + ttl);
    long sessionTtl = Long.parseLong(REDIS.command("PTTL previsit:session:" + inv.id()).substring(1));
    assertTrue(sessionTtl > 0 && sessionTtl <= 2 * 3600 * 1000);
    await(stores.invitations().delete(inv.id()));
    assertEquals(":0", REDIS.command("EXISTS previsit:session:" + inv.id()));
    assertEquals(":0", REDIS.command("EXISTS previsit:log:" + inv.id()), "deleting an invitation deletes its transcript too");
    assertEquals(":0", REDIS.command("EXISTS previsit:token:" + inv.token()));
  }
}
