package app.previsit.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real Redis Sentinel deployment on free loopback ports for one test class ({@code @RegisterExtension
 * static final}): one primary, one replica and three sentinels (quorum 2) watching them as
 * {@value #MASTER}, so that failover is tested the way production sees it: the primary dies
 * ({@link #killPrimary}, SIGKILL, no goodbye), the sentinels notice after two seconds
 * (down-after-milliseconds 2000), elect a leader and promote the replica, and a client that asks the
 * sentinels finds the new primary. Sentinels are {@code redis-server <conf> --sentinel} (Debian ships no
 * separate redis-sentinel binary); each node has its own temp directory (a sentinel rewrites its config
 * file there as it learns the others, so the file must be writable and private to it).
 *
 * <p>{@link #beforeAll} returns only when the replica's link is up and every sentinel knows the replica
 * (having read its INFO) and the two other sentinels, so a failover can happen from the first test on.
 * The replica is started and synced before the sentinels, which otherwise would learn of it only at the
 * primary's next INFO, ten seconds later. Replication starts at once ({@code repl-diskless-sync-delay 0}
 * instead of Redis 7's five seconds). After the class every process is stopped and the temp directories
 * deleted; a JVM shutdown hook does both (SIGKILL) if the run is cut short.
 */
public final class RedisSentinelExtension implements BeforeAllCallback, AfterAllCallback {
  public static final String MASTER = "mymaster";
  private static final long READY_TIMEOUT_SECONDS = 30;

  private final Map<Integer, Process> processes = new ConcurrentHashMap<>();
  private final List<Integer> dataPorts = new ArrayList<>();
  private final List<Integer> sentinelPorts = new ArrayList<>();
  private Path root;
  private Thread killOnExit;
  private String server;
  private volatile int killedPort = -1;
  private volatile Process killed;
  private volatile long killedAt;

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    long t0 = System.nanoTime();
    server = RedisClusterExtension.executable("redis-server");
    root = Files.createTempDirectory("previsit-redis-sentinel");
    // afterAll does not run when the run is interrupted (Ctrl-C, a surefire timeout): still leave no server behind.
    killOnExit = new Thread(() -> {
      processes.values().forEach(Process::destroyForcibly);
      RedisClusterExtension.deleteAfterExit(processes.values(), root);
    }, "redis-sentinel-killer");
    Runtime.getRuntime().addShutdownHook(killOnExit);
    Set<Integer> taken = new HashSet<>();
    int primary = freePort(taken);
    int replica = freePort(taken);
    dataPorts.addAll(List.of(primary, replica));
    for (int i = 0; i < 3; i++) sentinelPorts.add(freePort(taken));
    startData(primary, -1);
    startData(replica, primary);
    awaitLinkUp(replica, READY_TIMEOUT_SECONDS);
    for (int s : sentinelPorts) startSentinel(s, primary);
    awaitSentinelsKnow(replica, READY_TIMEOUT_SECONDS);
    context.publishReportEntry("redis-sentinel", String.format("%s (primary %d, replica %d) up in %.1f s", url(), primary,
        replica, (System.nanoTime() - t0) / 1e9));
  }

  @Override
  public void afterAll(ExtensionContext context) throws IOException {
    // Sentinels first: a primary shut down under their eyes would start a failover nobody waits for.
    List<Integer> order = new ArrayList<>(sentinelPorts);
    order.addAll(dataPorts);
    for (int port : order) {
      Process p = processes.remove(port);
      if (p == null) continue;
      p.destroy();
      try {
        if (!p.waitFor(5, TimeUnit.SECONDS)) p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    try {
      if (killOnExit != null) Runtime.getRuntime().removeShutdownHook(killOnExit);
    } catch (IllegalStateException e) {
      // already shutting down: the hook runs anyway
    }
    RedisClusterExtension.deleteTree(root);
  }

  /** {@code redis-sentinel://127.0.0.1:S1,127.0.0.1:S2,127.0.0.1:S3#mymaster}, Lettuce's sentinel URI form. */
  public String url() {
    return "redis-sentinel://" + sentinelPorts.stream().map(p -> "127.0.0.1:" + p).collect(Collectors.joining(","))
        + "#" + MASTER;
  }

  /** The three sentinels' ports. */
  public List<Integer> sentinelPorts() {
    return List.copyOf(sentinelPorts);
  }

  /** The two data nodes' ports: the first primary, then the first replica (roles change with failovers). */
  public List<Integer> dataPorts() {
    return List.copyOf(dataPorts);
  }

  /** The primary's port as the first answering sentinel names it ({@code SENTINEL get-master-addr-by-name}). */
  public int primaryPort() {
    for (int s : sentinelPorts) {
      int port = primaryPortFrom(s);
      if (port > 0) return port;
    }
    throw new IllegalStateException("no sentinel names a primary for " + MASTER);
  }

  /**
   * The port of the current primary's replica: the other data node, running and answering
   * {@code role:slave}. Fails when there is none (after {@link #killPrimary}, until
   * {@link #restartOldPrimaryAsReplica}).
   */
  public int replicaPort() {
    int primary = primaryPort();
    for (int port : dataPorts) {
      Process p = processes.get(port);
      if (port == primary || p == null || !p.isAlive()) continue;
      if ("slave".equals(field(RedisClusterExtension.call(port, 2000, "INFO", "replication"), "role", ""))) return port;
    }
    throw new IllegalStateException("no replica of " + primary + " is running");
  }

  /**
   * Kills the current primary with SIGKILL (no shutdown, no goodbye to clients or replicas, as when a
   * machine dies) and returns at once; {@link #awaitFailover} measures from here.
   */
  public synchronized void killPrimary() {
    int port = primaryPort();
    Process p = processes.remove(port);
    if (p == null) throw new IllegalStateException("the primary on " + port + " is not a process of this extension");
    killedAt = System.nanoTime();
    killedPort = port;
    killed = p;
    p.destroyForcibly();
  }

  /**
   * Waits until every live sentinel names a primary other than the one {@link #killPrimary} killed, and
   * that node answers {@code role:master}; returns the time since the kill. Fails after {@code max}
   * with the sentinels' view and their logs' ends.
   */
  public Duration awaitFailover(Duration max) {
    if (killedPort < 0) throw new IllegalStateException("killPrimary() first");
    long deadline = System.nanoTime() + max.toNanos();
    while (true) {
      Set<Integer> named = new HashSet<>();
      int answers = 0;
      for (int s : sentinelPorts) {
        int port = primaryPortFrom(s);
        if (port > 0) {
          named.add(port);
          answers++;
        }
      }
      if (named.size() == 1 && answers >= 2) {
        int port = named.iterator().next();
        if (port != killedPort) {
          Object info = RedisClusterExtension.call(port, 2000, "INFO", "replication");
          if (info instanceof String i && i.contains("role:master")) return Duration.ofNanos(System.nanoTime() - killedAt);
        }
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("no failover within " + max + " after killing " + killedPort
            + "; sentinels name " + named + "\n" + logs());
      }
      sleep(50);
    }
  }

  /**
   * Starts the node {@link #killPrimary} killed again on its port, as a replica of the current primary,
   * and returns when its link is up and every sentinel counts it as a healthy replica again (ready for
   * another failover). Started as a replica on purpose: started as it was, it would be a second primary
   * accepting writes for the ~10 s until the sentinels notice it and demote it, and lose them.
   */
  public synchronized void restartOldPrimaryAsReplica() throws IOException, InterruptedException {
    int port = killedPort;
    if (port < 0) throw new IllegalStateException("killPrimary() first");
    if (!killed.waitFor(5, TimeUnit.SECONDS)) throw new IllegalStateException("the killed primary on " + port + " is still running");
    startData(port, primaryPort());
    awaitLinkUp(port, READY_TIMEOUT_SECONDS);
    awaitSentinelsKnow(port, READY_TIMEOUT_SECONDS);
    killedPort = -1;
  }

  /**
   * Sends one inline command to that port (a data node or a sentinel) and returns the first line of
   * the answer, or null when nobody answers.
   */
  public String command(int port, String inline) {
    return RedisClusterExtension.firstLine(port, inline);
  }

  /**
   * FLUSHALL on the current primary, then {@code WAIT} (on the same connection: WAIT waits only for
   * its own connection's writes) until its connected replicas have it too.
   */
  public void flushAll() {
    int primary = primaryPort();
    int replicas = Integer.parseInt(field(RedisClusterExtension.call(primary, 2000, "INFO", "replication"), "connected_slaves", "0"));
    List<Object> answers = RedisClusterExtension.calls(primary, 5000, List.of("FLUSHALL"),
        List.of("WAIT", Integer.toString(replicas), "2000"));
    if (answers == null || !"OK".equals(answers.get(0))) throw new IllegalStateException("FLUSHALL on " + primary + " answered " + answers);
    if (!(answers.get(1) instanceof Long n) || n < replicas) {
      throw new IllegalStateException("FLUSHALL reached " + answers.get(1) + " of " + replicas + " replicas in 2 s");
    }
  }

  // --- processes -------------------------------------------------------------------------------------

  /** A data node on that port; a replica of {@code primaryPort} unless that is -1. */
  private void startData(int port, int primaryPort) throws IOException, InterruptedException {
    Path dir = Files.createDirectories(root.resolve("redis-" + port));
    List<String> cmd = new ArrayList<>(List.of(server, "--port", Integer.toString(port), "--bind", "127.0.0.1",
        "--dir", dir.toString(), "--save", "", "--appendonly", "no", "--protected-mode", "yes",
        "--repl-diskless-sync-delay", "0"));
    if (RedisServerExtension.majorVersion() >= 7) cmd.addAll(List.of("--enable-debug-command", "local"));
    if (primaryPort > 0) cmd.addAll(List.of("--replicaof", "127.0.0.1", Integer.toString(primaryPort)));
    start(port, cmd, dir.resolve("redis.log"));
  }

  private void startSentinel(int port, int primaryPort) throws IOException, InterruptedException {
    Path dir = Files.createDirectories(root.resolve("sentinel-" + port));
    Path conf = dir.resolve("sentinel.conf");
    Files.writeString(conf, String.join("\n",
        "port " + port,
        "bind 127.0.0.1",
        "dir " + dir,
        "sentinel monitor " + MASTER + " 127.0.0.1 " + primaryPort + " 2",
        // 2 s, not 1: a CI run (2026-12-07, eighth session) saw a sentinel that had just switched to the new primary
        // get no ping answer from it for a second (the host busy with the load and a full resync), call it down and
        // fail over back to the old primary, restarted meanwhile as a replica.
        "sentinel down-after-milliseconds " + MASTER + " 2000",
        "sentinel failover-timeout " + MASTER + " 5000",
        "sentinel parallel-syncs " + MASTER + " 1",
        ""));
    start(port, List.of(server, conf.toString(), "--sentinel"), dir.resolve("sentinel.log"));
  }

  private void start(int port, List<String> cmd, Path log) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(cmd).directory(log.getParent().toFile()).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    processes.put(port, p);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < deadline && p.isAlive()) {
      if ("PONG".equals(RedisClusterExtension.call(port, 1000, "PING"))) return;
      Thread.sleep(50);
    }
    p.destroyForcibly();
    processes.remove(port);
    throw new IllegalStateException(String.join(" ", cmd) + " did not start on " + port + ": " + Files.readString(log));
  }

  private void awaitLinkUp(int replica, long seconds) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (!"up".equals(field(RedisClusterExtension.call(replica, 2000, "INFO", "replication"), "master_link_status", ""))) {
      if (System.nanoTime() > deadline) throw new IllegalStateException("replica " + replica + " not in sync after " + seconds + " s\n" + logs());
      sleep(50);
    }
  }

  /**
   * Waits until every sentinel knows the two others and counts {@code replica} as a healthy replica:
   * flags exactly "slave" (not s_down, not disconnected) and master-link-status ok, which it reports
   * only after reading the replica's own INFO; a sentinel promotes only replicas it has such news of.
   */
  private void awaitSentinelsKnow(int replica, long seconds) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    String why;
    while ((why = notYetKnown(replica)) != null) {
      if (System.nanoTime() > deadline) throw new IllegalStateException("sentinels not ready after " + seconds + " s: " + why + "\n" + logs());
      sleep(100);
    }
  }

  private String notYetKnown(int replica) {
    for (int s : sentinelPorts) {
      Object sentinels = RedisClusterExtension.call(s, 2000, "SENTINEL", "SENTINELS", MASTER);
      if (!(sentinels instanceof List<?> l) || l.size() != sentinelPorts.size() - 1) {
        return "sentinel " + s + " knows sentinels " + sentinels;
      }
      Object replicas = RedisClusterExtension.call(s, 2000, "SENTINEL", "REPLICAS", MASTER);
      if (!(replicas instanceof List<?> rs)) return "sentinel " + s + " answered SENTINEL REPLICAS with " + replicas;
      boolean healthy = false;
      for (Object r : rs) {
        Map<String, String> fields = pairs(r);
        if (Integer.toString(replica).equals(fields.get("port")) && "slave".equals(fields.get("flags"))
            && "ok".equals(fields.get("master-link-status"))) {
          healthy = true;
        }
      }
      if (!healthy) return "sentinel " + s + " does not count " + replica + " as a healthy replica: " + replicas;
    }
    return null;
  }

  /** The primary's port as that sentinel names it, -1 when it does not answer. */
  private static int primaryPortFrom(int sentinel) {
    Object addr = RedisClusterExtension.call(sentinel, 1000, "SENTINEL", "get-master-addr-by-name", MASTER);
    if (addr instanceof List<?> l && l.size() == 2 && l.get(1) instanceof String port) return Integer.parseInt(port);
    return -1;
  }

  /** A sentinel's flat [name, value, name, value, ...] reply as a map. */
  private static Map<String, String> pairs(Object reply) {
    Map<String, String> m = new HashMap<>();
    if (reply instanceof List<?> l) {
      for (int i = 0; i + 1 < l.size(); i += 2) m.put(String.valueOf(l.get(i)), String.valueOf(l.get(i + 1)));
    }
    return m;
  }

  /** {@code name:value} from an INFO answer. */
  private static String field(Object info, String name, String otherwise) {
    if (!(info instanceof String s)) return otherwise;
    for (String line : s.split("\r\n")) {
      if (line.startsWith(name + ":")) return line.substring(name.length() + 1);
    }
    return otherwise;
  }

  /** The last lines of every node's log, for a failure message. */
  private String logs() {
    StringBuilder b = new StringBuilder();
    try (var dirs = Files.list(root)) {
      for (Path d : dirs.sorted().toList()) {
        try (var files = Files.list(d)) {
          for (Path f : files.filter(f -> f.toString().endsWith(".log")).toList()) {
            List<String> lines = Files.readAllLines(f);
            b.append("--- ").append(root.relativize(f)).append('\n');
            for (String line : lines.subList(Math.max(0, lines.size() - 15), lines.size())) b.append(line).append('\n');
          }
        }
      }
    } catch (IOException e) {
      b.append("(logs unreadable: ").append(e).append(")");
    }
    return b.toString();
  }

  private static int freePort(Set<Integer> taken) throws IOException {
    for (int i = 0; i < 100; i++) {
      int port = RedisClusterExtension.freePort();
      if (taken.add(port)) return port;
    }
    throw new IllegalStateException("no free port");
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
