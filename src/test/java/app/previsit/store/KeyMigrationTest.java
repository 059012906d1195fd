package app.previsit.store;

import static app.previsit.testing.RunningServer.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.previsit.config.Config;
import app.previsit.config.ConfigException;
import app.previsit.invitation.Invitation;
import app.previsit.invitation.InvitationJson;
import app.previsit.store.redis.KeyMigration;
import app.previsit.store.redis.RedisStores;
import app.previsit.testing.RedisServerExtension;
import io.lettuce.core.RedisClient;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.sync.RedisCommands;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Redis data in the key layout of the release before Cluster support, written here key by key as that
 * release wrote it: {@code serve} refuses it, {@code migrate-keys} moves every key with its expiry,
 * and afterwards each store reads what the patient, the practice and Telegram had left there.
 */
class KeyMigrationTest {
  @RegisterExtension
  static final RedisServerExtension REDIS = new RedisServerExtension();
  static final Config CONFIG = Config.from(Map.of());

  private RedisClient client;
  private RedisCommands<String, String> raw;

  @BeforeEach
  void connect() {
    REDIS.flushAll();
    client = RedisClient.create(REDIS.uri().toString());
    raw = client.connect().sync();
  }

  @AfterEach
  void close() {
    client.shutdown();
  }

  @Test
  void oldLayoutDataIsRefusedAtStartThenMovedWithItsExpiryAndReadByEveryStore() throws Exception {
    Invitation inv = StoreContractTest.invitation("Old Layout", LocalDateTime.now().plusDays(1).withNano(0));
    String id = inv.id();
    raw.set("previsit:inv:" + id, InvitationJson.encode(inv), SetArgs.Builder.px(86_400_000L));
    raw.set("previsit:token:" + inv.token(), id, SetArgs.Builder.px(86_400_000L));
    raw.zadd("previsit:day:" + inv.appointmentAt().toLocalDate(), inv.appointmentAt().toEpochSecond(ZoneOffset.UTC), id);
    raw.hset("previsit:session:" + id, Map.of("v", "3", "data", "{\"state\":\"old\"}"));
    raw.pexpire("previsit:session:" + id, 7_200_000L);
    raw.rpush("previsit:log:" + id, "{\"line\":1}", "{\"line\":2}");
    raw.pexpire("previsit:log:" + id, 7_200_000L);
    raw.hset("previsit:tg:inbox", Map.of("1001", "{\"update_id\":1001}", "1006", "{\"update_id\":1006}"));
    raw.setex("previsit:tg:seen:1001", 600, "1");
    Instant now = Instant.now();
    raw.set("previsit:staff:session:k1", new JsonObject().put("key", "k1").put("username", "alice").put("role", "gp")
        .put("credential", "c").put("createdAt", now.toString()).put("expiresAt", now.plusSeconds(3600).toString()).encode());
    raw.sadd("previsit:staff:sessions:alice", "k1");
    raw.set("previsit:alert:a1", new JsonObject().put("id", "a1").put("invitationId", id).put("patientName", "Old Layout")
        .put("reference", null).put("category", "stroke").put("raisedAt", now.toString()).put("acknowledgedBy", null)
        .put("acknowledgedAt", null).encode());
    raw.zadd("previsit:alerts", now.toEpochMilli(), "a1");
    raw.sadd("previsit:alerts:open", "a1");
    raw.set("previsit:users", "untouched"); // names that did not change are left as they are

    ConfigException refused = assertThrows(ConfigException.class, () -> RedisStores.connect(REDIS.uri(), CONFIG));
    assertTrue(refused.getMessage().contains("migrate-keys"), refused.getMessage());

    KeyMigration.Result moved;
    try (RedisStores stores = RedisStores.open(REDIS.uri(), CONFIG)) {
      moved = new KeyMigration(stores).run();
    }
    assertEquals(new KeyMigration.Result(9, 2, 0), moved, "inv, session, log, seen, staff session and set, alert, alerts, open");
    assertEquals(List.of(), raw.keys("previsit:inv:*"));
    assertEquals(List.of(), raw.keys("previsit:tg:inbox"));
    long ttl = raw.pttl("previsit:{inv:" + id + "}:invitation");
    assertTrue(ttl > 86_000_000L && ttl <= 86_400_000L, "the invitation keeps its expiry: " + ttl);
    assertTrue(raw.pttl("previsit:{inv:" + id + "}:log") > 7_000_000L, "the transcript keeps its expiry");
    assertEquals("untouched", raw.get("previsit:users"));

    try (RedisStores stores = RedisStores.connect(REDIS.uri(), CONFIG)) {
      assertEquals(id, await(stores.invitations().byToken(inv.token())).orElseThrow().id());
      assertEquals(List.of(id), await(stores.invitations().byDate(inv.appointmentAt().toLocalDate())).stream().map(Invitation::id).toList());
      assertEquals(3L, await(stores.sessions().load(id)).orElseThrow().version());
      assertEquals(List.of("{\"line\":1}", "{\"line\":2}"), await(stores.sessions().log(id)));
      assertEquals(List.of(1001L, 1006L), await(stores.telegram().pending(10)).stream().map(TelegramStore.QueuedUpdate::updateId).toList());
      assertTrue(await(stores.telegram().isPending(1006)));
      assertEquals(false, await(stores.telegram().enqueue(1001, "{}")), "the seen marker moved with its update");
      assertEquals("alice", await(stores.staffSessions().find("k1")).orElseThrow().username());
      assertEquals(1, await(stores.staffSessions().endAllOf("alice")), "the user's set of sessions moved too");
      assertEquals(List.of("a1"), await(stores.alerts().open()).stream().map(Alert::id).toList());
      assertEquals(1, await(stores.alerts().since(now.minusSeconds(60))).size());
    }

    try (RedisStores stores = RedisStores.open(REDIS.uri(), CONFIG)) {
      assertEquals(new KeyMigration.Result(0, 0, 0), new KeyMigration(stores).run(), "a second run finds nothing to move");
    }
  }

  @Test
  void anEmptyRedisIsMarkedWithTheNewLayoutAndAStrangeLayoutIsRefused() {
    try (RedisStores stores = RedisStores.connect(REDIS.uri(), CONFIG)) {
      assertEquals("2", raw.get("previsit:layout"));
    }
    raw.set("previsit:layout", "9");
    ConfigException refused = assertThrows(ConfigException.class, () -> RedisStores.connect(REDIS.uri(), CONFIG));
    assertTrue(refused.getMessage().contains("layout 9"), refused.getMessage());
  }

  /**
   * Run again after an old release kept writing beside the new one: nothing in the new layout is overwritten
   * (the old key stays and is reported), an identical copy left by a run cut short lets the old key go, and a
   * key without an expiry is moved without one.
   */
  @Test
  void aSecondRunOverwritesNothingAndKeepsAKeyWithoutExpiryWithout() throws Exception {
    raw.set("previsit:layout", "2");
    raw.hset("previsit:{inv:x1}:session", Map.of("v", "7", "data", "{\"new\":true}"));
    raw.hset("previsit:session:x1", Map.of("v", "2", "data", "{\"old\":true}"));
    raw.rpush("previsit:log:x2", "{\"line\":1}");
    raw.rpush("previsit:{inv:x2}:log", "{\"line\":1}");
    raw.sadd("previsit:alerts:open", "a9");
    KeyMigration.Result r;
    try (RedisStores stores = RedisStores.open(REDIS.uri(), CONFIG)) {
      r = new KeyMigration(stores).run();
    }
    assertEquals(new KeyMigration.Result(2, 0, 1), r, "the identical log and the alerts set moved; the session conflicted");
    assertEquals("7", raw.hget("previsit:{inv:x1}:session", "v"), "the newer session is untouched");
    assertEquals("2", raw.hget("previsit:session:x1", "v"), "the old one is left for someone to look at");
    assertEquals(0L, raw.exists("previsit:log:x2"));
    assertEquals(-1L, raw.pttl("previsit:{alerts}:open"), "no expiry before, none after");
  }
}
