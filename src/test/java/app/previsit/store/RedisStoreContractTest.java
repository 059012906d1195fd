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
  void aDaysAuditStreamsExpireTheRetentionPeriodAfterTheDayAndTheOldListIsStillRead() throws Exception {
    java.time.Instant yesterday = java.time.Instant.now().minus(java.time.Duration.ofDays(1));
    await(stores.audit().record(new AuditEvent(yesterday, "admin", "export", "audit")));
    String day = yesterday.atOffset(java.time.ZoneOffset.UTC).toLocalDate().toString();
    String key = java.util.stream.IntStream.range(0, 4).mapToObj(s -> "previsit:audit:" + day + ":" + s)
        .filter(k -> ":1".equals(REDIS.command("EXISTS " + k))).findFirst().orElseThrow();
    long ttlDays = Long.parseLong(REDIS.command("TTL " + key).substring(1)) / 86_400;
    assertTrue(ttlDays >= 2920 && ttlDays <= 2922, "kept 2922 days after its day: " + ttlDays);
    // An event an earlier release wrote to the list comes back in an export.
    java.time.Instant old = java.time.Instant.parse("2020-01-02T10:00:00Z");
    var client = io.lettuce.core.RedisClient.create(REDIS.uri().toString());
    try (var c = client.connect()) {
      c.sync().lpush("previsit:audit", new io.vertx.core.json.JsonObject().put("at", old.toString()).put("actor", "old-admin")
          .put("action", "view-summary").put("target", "x").encode());
    } finally {
      client.shutdown();
    }
    java.util.List<AuditEvent> exported = new java.util.ArrayList<>();
    await(stores.audit().export(old.minusSeconds(60), old.plusSeconds(60), page -> {
      exported.addAll(page);
      return io.vertx.core.Future.succeededFuture();
    }));
    assertEquals(java.util.List.of("old-admin"), exported.stream().map(AuditEvent::actor).toList());
  }

  /** A range of all time reads the retention period only, a day without streams costing one EXISTS. */
  @Test
  void anExportOfAllTimeEndsSoonAndStopsWhenAskedTo() throws Exception {
    long start = System.nanoTime();
    await(stores.audit().export(java.time.Instant.parse("-900000000-01-01T00:00:00Z"),
        java.time.Instant.parse("+900000000-01-01T00:00:00Z"), page -> io.vertx.core.Future.succeededFuture()));
    assertTrue(System.nanoTime() - start < 20_000_000_000L, "eight years of days in seconds, not forever");
    int[] asked = {0};
    var stopped = stores.audit().export(java.time.Instant.parse("2020-01-01T00:00:00Z"), java.time.Instant.now(),
        () -> ++asked[0] > 3, page -> io.vertx.core.Future.succeededFuture());
    stopped.toCompletionStage().toCompletableFuture().handle((v, e) -> null).get(10, java.util.concurrent.TimeUnit.SECONDS);
    assertTrue(stopped.failed() && asked[0] == 4, "stopped at the fourth day: " + asked[0]);
  }

  @Test
  void keysLiveUnderThePrefixAndExpire() throws Exception {
    REDIS.flushAll();
    Invitation inv = await(stores.invitations().create(invitation("Ttl", LocalDateTime.now().plusDays(1))));
    await(stores.sessions().compareAndSet(inv.id(), 0, "{}", java.util.List.of("{\"line\":1}"), false, java.time.Duration.ofHours(2)));
    String keys = REDIS.command("KEYS *");
    assertTrue(keys.startsWith("*"), keys);
    long ttl = Long.parseLong(REDIS.command("PTTL previsit:{inv:" + inv.id() + "}:invitation").substring(1));
    assertTrue(ttl > 24L * 3600 * 1000, "invitation should live past the appointment plus retention, ttl=" + ttl);
    long sessionTtl = Long.parseLong(REDIS.command("PTTL previsit:{inv:" + inv.id() + "}:session").substring(1));
    assertTrue(sessionTtl > 0 && sessionTtl <= 2 * 3600 * 1000);
    await(stores.invitations().delete(inv.id()));
    assertEquals(":0", REDIS.command("EXISTS previsit:{inv:" + inv.id() + "}:session"));
    assertEquals(":0", REDIS.command("EXISTS previsit:{inv:" + inv.id() + "}:log"), "deleting an invitation deletes its transcript too");
    assertEquals(":0", REDIS.command("EXISTS previsit:token:" + inv.token()));
  }

  /**
   * The token, day and chat indexes are written beside the record, not with it: an entry a failed step left
   * behind, or one that points at a record that says otherwise, finds nothing; a binding made just after a
   * new link keeps its entry.
   */
  @Test
  void aStaleIndexEntryFindsNothing() throws Exception {
    Invitation a = await(stores.invitations().create(invitation("Stale A", LocalDateTime.now().plusDays(1))));
    Invitation b = await(stores.invitations().create(invitation("Stale B", LocalDateTime.now().plusDays(2))));
    // A token entry pointing at another invitation's record (a step that failed after writing the index).
    REDIS.command("SET previsit:token:forged " + a.id());
    assertTrue(await(stores.invitations().byToken("forged")).isEmpty());
    // A chat entry whose record is not bound to that chat.
    REDIS.command("SET previsit:chat:777 " + a.id());
    assertTrue(await(stores.invitations().byTelegramChat(777)).isEmpty());
    // A day entry whose record is on another day.
    String day = a.appointmentAt().toLocalDate().toString();
    REDIS.command("ZADD previsit:day:" + day + " 0 " + b.id());
    assertEquals(java.util.List.of(a.id()), await(stores.invitations().byDate(a.appointmentAt().toLocalDate())).stream()
        .map(Invitation::id).toList());
    // Bound, given a new link (the binding goes), bound again at once: the chat finds it.
    assertTrue(await(stores.invitations().bindTelegramChat(b.id(), 888)));
    await(stores.invitations().newLink(b.id(), "fresh-token-for-b"));
    assertTrue(await(stores.invitations().byTelegramChat(888)).isEmpty(), "the new link unbinds the chat");
    assertTrue(await(stores.invitations().bindTelegramChat(b.id(), 888)));
    assertEquals(b.id(), await(stores.invitations().byTelegramChat(888)).orElseThrow().id());
    assertTrue(await(stores.invitations().byToken(b.token())).isEmpty(), "the old link finds nothing");
    // A binding whose second step (the chat's entry) was lost: the chat finds nothing until /start binds again.
    REDIS.command("DEL previsit:chat:888");
    assertTrue(await(stores.invitations().byTelegramChat(888)).isEmpty());
    assertTrue(await(stores.invitations().bindTelegramChat(b.id(), 888)), "the same chat may bind again");
    assertEquals(b.id(), await(stores.invitations().byTelegramChat(888)).orElseThrow().id());
    assertEquals(b.id(), await(stores.invitations().byToken("fresh-token-for-b")).orElseThrow().id());
  }
}
