package app.previsit.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.SlotHash;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.api.sync.RedisAdvancedClusterCommands;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The cluster and sentinel harnesses do what the Redis tests will rely on, seen through Lettuce: a
 * cluster whose keys live on all three primaries and whose slots can move while a client writes (the
 * client follows MOVED and ASK and nothing fails), and a sentinel deployment whose primary can be killed
 * and replaced, after which the same client writes again and finds what was replicated before the kill.
 */
class RedisHarnessSmokeTest {
  @RegisterExtension static final RedisClusterExtension cluster = new RedisClusterExtension();
  @RegisterExtension static final RedisSentinelExtension sentinel = new RedisSentinelExtension();

  /** The slots a {@code reshard(first, second, 100)} moves: the first node's lowest hundred. */
  private static final int MOVED_SLOTS = 100;

  @Test
  void clusterSpreadsKeysAndFollowsAReshardUnderLoad() throws Exception {
    List<Integer> ports = cluster.ports();
    List<RedisURI> seeds = ports.stream().map(p -> RedisURI.create("127.0.0.1", p)).toList();
    RedisClusterClient client = RedisClusterClient.create(seeds);
    try (StatefulRedisClusterConnection<String, String> connection = client.connect()) {
      connection.setTimeout(Duration.ofSeconds(5));
      RedisAdvancedClusterCommands<String, String> redis = connection.sync();
      for (int i = 0; i < 100; i++) redis.set("smoke:" + i, "v" + i);
      Map<Integer, Integer> perNode = new HashMap<>();
      for (int i = 0; i < 100; i++) perNode.merge(cluster.slotOwnerPort("smoke:" + i), 1, Integer::sum);
      assertEquals(3, perNode.size(), "100 keys on all three primaries: " + perNode);
      long total = 0;
      for (int p : ports) {
        String dbsize = cluster.command(p, "DBSIZE");
        assertEquals(":" + perNode.get(p), dbsize, "each node holds the keys it owns, port " + p);
        total += Long.parseLong(dbsize.substring(1));
      }
      assertEquals(100, total);
      assertTrue(cluster.command(ports.get(1), "GET smoke:" + firstKeyOwnedBy(ports.get(0))).startsWith("-MOVED"),
          "a node redirects a key it does not own");

      // Keys in the slots that will move: 50 per slot to migrate, and one per slot that the load writes.
      List<String> tags = tagsForSlots(MOVED_SLOTS);
      List<RedisFuture<String>> writes = new ArrayList<>();
      for (String tag : tags) {
        for (int i = 0; i < 50; i++) writes.add(connection.async().set("{" + tag + "}:bulk:" + i, tag + i));
      }
      for (RedisFuture<String> w : writes) assertEquals("OK", w.get(10, TimeUnit.SECONDS));
      assertEquals(ports.get(0), cluster.slotOwnerPort("{" + tags.get(0) + "}:bulk:0"));

      AtomicBoolean stop = new AtomicBoolean();
      AtomicLong ok = new AtomicLong();
      AtomicReference<Throwable> failure = new AtomicReference<>();
      Thread load = new Thread(() -> {
        long n = 0;
        while (!stop.get() && failure.get() == null) {
          String tag = tags.get((int) (n % tags.size()));
          String key = "{" + tag + "}:load";
          String value = "n" + n++;
          try {
            redis.set(key, value);
            String read = redis.get(key);
            if (!value.equals(read)) throw new AssertionError(key + " read " + read + " after writing " + value);
            ok.incrementAndGet();
          } catch (Throwable t) {
            failure.compareAndSet(null, t);
          }
        }
      }, "cluster-load");
      load.start();
      Thread.sleep(200);
      long before = ok.get();
      long t0 = System.nanoTime();
      cluster.reshard(ports.get(0), ports.get(1), MOVED_SLOTS);
      double reshardSeconds = (System.nanoTime() - t0) / 1e9;
      long during = ok.get() - before;
      Thread.sleep(200);
      stop.set(true);
      load.join(10_000);
      System.out.printf("reshard of %d slots (%d keys) took %.2f s; %d set+get pairs during it, none failed;"
          + " Lettuce followed %s ASK redirections (ASKING on the target)%n",
          MOVED_SLOTS, MOVED_SLOTS * 50, reshardSeconds, during, asking(ports.get(1)));
      assertNull(failure.get(), () -> "a write or read failed during the reshard: " + failure.get());
      assertTrue(during > 0, "the load ran during the reshard");

      assertTrue(cluster.isOk());
      assertEquals(ports.get(1), cluster.slotOwnerPort("{" + tags.get(0) + "}:bulk:0"));
      assertEquals(ports.get(1), cluster.slotOwnerPort("{" + tags.get(MOVED_SLOTS - 1) + "}:load"));
      Map<Integer, Integer> counts = cluster.slotCounts();
      assertEquals(5461 - MOVED_SLOTS, counts.get(ports.get(0)), counts::toString);
      assertEquals(5462 + MOVED_SLOTS, counts.get(ports.get(1)), counts::toString);
      assertEquals(":0", cluster.command(ports.get(0), "CLUSTER COUNTKEYSINSLOT 0"), "slot 0's keys left the first node");
      for (String tag : tags) assertEquals(tag + 49, redis.get("{" + tag + "}:bulk:49"), "migrated with its slot");

      t0 = System.nanoTime();
      cluster.reshard(ports.get(1), ports.get(0), MOVED_SLOTS);
      System.out.printf("moving them back took %.2f s%n", (System.nanoTime() - t0) / 1e9);
      assertEquals(ports.get(0), cluster.slotOwnerPort("{" + tags.get(0) + "}:bulk:0"));
      assertEquals(5461, cluster.slotCounts().get(ports.get(0)));
      assertEquals("v7", redis.get("smoke:7"));

      cluster.flushAll();
      for (int p : ports) assertEquals(":0", cluster.command(p, "DBSIZE"));
    } finally {
      client.shutdown(0, 2, TimeUnit.SECONDS);
    }
  }

  @Test
  void sentinelClientWritesToTheNewPrimaryAfterTheOldOneIsKilled() throws Exception {
    RedisClient client = RedisClient.create(RedisURI.create(sentinel.url()));
    try (StatefulRedisConnection<String, String> connection = client.connect()) {
      connection.setTimeout(Duration.ofSeconds(2));
      RedisCommands<String, String> redis = connection.sync();
      int old = sentinel.primaryPort();
      assertEquals(old, sentinel.dataPorts().get(0));
      assertEquals(sentinel.dataPorts().get(1), sentinel.replicaPort());
      redis.set("before-kill", "kept");
      assertEquals(1L, redis.waitForReplication(1, 1000), "the replica has it before the kill");

      sentinel.killPrimary();
      Duration failover = sentinel.awaitFailover(Duration.ofSeconds(20));
      int now = sentinel.primaryPort();
      assertNotEquals(old, now);
      System.out.printf("failover: %.2f s from SIGKILL until the sentinels named %d and it said role:master%n",
          failover.toMillis() / 1000.0, now);

      long t0 = System.nanoTime();
      RedisException last = null;
      int attempts = 0;
      while (true) {
        attempts++;
        try {
          redis.set("after-kill", "written");
          break;
        } catch (RedisException e) {
          last = e;
          if (System.nanoTime() - t0 > TimeUnit.SECONDS.toNanos(15)) fail("no write succeeded within 15 s of the failover", last);
          Thread.sleep(200);
        }
      }
      System.out.printf("first write after the failover succeeded %.2f s after it (attempt %d%s)%n",
          (System.nanoTime() - t0) / 1e9, attempts, last == null ? "" : ", last failure: " + last);
      assertEquals("kept", redis.get("before-kill"), "replicated before the kill, so the new primary has it");
      assertEquals(":1", sentinel.command(now, "EXISTS after-kill"), "the write went to the new primary");

      t0 = System.nanoTime();
      sentinel.restartOldPrimaryAsReplica();
      System.out.printf("old primary back as a replica, known to all sentinels, in %.2f s%n", (System.nanoTime() - t0) / 1e9);
      assertEquals(old, sentinel.replicaPort());
      assertEquals("$4", sentinel.command(old, "GET before-kill"), "it synced from the new primary");
      sentinel.flushAll();
      assertEquals(":0", sentinel.command(old, "DBSIZE"));
    } finally {
      client.shutdown(0, 2, TimeUnit.SECONDS);
    }
  }

  /** How many ASKING commands the node has executed (0 when it has none in INFO commandstats). */
  private static String asking(int port) {
    Object stats = RedisClusterExtension.call(port, 2000, "INFO", "commandstats");
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("cmdstat_asking:calls=(\\d+)").matcher(String.valueOf(stats));
    return m.find() ? m.group(1) : "0";
  }

  private int firstKeyOwnedBy(int port) {
    for (int i = 0; ; i++) {
      if (cluster.slotOwnerPort("smoke:" + i) == port) return i;
    }
  }

  /** One hash tag per slot 0..n-1, so that "{tag}:anything" lands in that slot. */
  private static List<String> tagsForSlots(int n) {
    String[] tags = new String[n];
    int found = 0;
    for (int i = 0; found < n; i++) {
      String tag = "t" + i;
      int slot = SlotHash.getSlot(tag);
      if (slot < n && tags[slot] == null) {
        tags[slot] = tag;
        found++;
      }
    }
    return List.of(tags);
  }
}
