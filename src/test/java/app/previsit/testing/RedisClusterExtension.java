package app.previsit.testing;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real three-primary Redis Cluster (no replicas) on free loopback ports for one test class
 * ({@code @RegisterExtension static final}), so that the product's cluster mode is tested against
 * what production does: MOVED and ASK redirections, keys spread over three processes, slots moving
 * while clients write ({@link #reshard}). Each node is a plain {@code redis-server --cluster-enabled yes}
 * with its own temp directory (nodes.conf, log); {@code redis-cli --cluster create} assigns the 16384
 * slots, and {@link #beforeAll} returns only when every node reports {@code cluster_state:ok} and all
 * three agree on who owns every slot. After the class the nodes are stopped and the temp directories
 * deleted; a JVM shutdown hook does both (SIGKILL, a running redis-cli too) if the run is cut short.
 *
 * <p>The cluster bus listens on port+10000 (Redis' fixed offset before 7.0's cluster-port), so ports
 * are chosen with that one free too.
 */
public final class RedisClusterExtension implements BeforeAllCallback, AfterAllCallback {
  /** redis-cli --cluster create waits a second per round for the MEETs to spread; then gossip converges. */
  private static final long READY_TIMEOUT_SECONDS = 30;
  private static final int NODES = 3;

  private final List<Integer> ports = new ArrayList<>();
  private final List<Process> processes = new CopyOnWriteArrayList<>();
  private final List<Process> tools = new CopyOnWriteArrayList<>();
  private Path root;
  private Thread killOnExit;

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    long t0 = System.nanoTime();
    String server = executable("redis-server");
    executable("redis-cli");
    root = Files.createTempDirectory("previsit-redis-cluster");
    // afterAll does not run when the run is interrupted (Ctrl-C, a surefire timeout): still leave no server behind.
    killOnExit = new Thread(() -> {
      for (Process p : tools) p.destroyForcibly();
      for (Process p : processes) p.destroyForcibly();
      deleteAfterExit(processes, root);
    }, "redis-cluster-killer");
    Runtime.getRuntime().addShutdownHook(killOnExit);
    Set<Integer> taken = new HashSet<>();
    for (int i = 0; i < NODES; i++) ports.add(startNode(server, taken));
    List<String> create = new ArrayList<>(List.of("--cluster", "create"));
    for (int p : ports) create.add("127.0.0.1:" + p);
    // --cluster-yes: without it redis-cli asks "Can I set the above configuration? (type 'yes' to accept)" and waits.
    create.addAll(List.of("--cluster-replicas", "0", "--cluster-yes"));
    redisCli(create, 60);
    awaitAgreement(READY_TIMEOUT_SECONDS);
    context.publishReportEntry("redis-cluster", String.format("%s up in %.1f s", url(), (System.nanoTime() - t0) / 1e9));
  }

  @Override
  public void afterAll(ExtensionContext context) throws IOException {
    for (Process p : tools) p.destroyForcibly();
    for (Process p : processes) {
      p.destroy();
      try {
        if (!p.waitFor(5, TimeUnit.SECONDS)) p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    processes.clear();
    try {
      if (killOnExit != null) Runtime.getRuntime().removeShutdownHook(killOnExit);
    } catch (IllegalStateException e) {
      // already shutting down: the hook runs anyway
    }
    deleteTree(root);
  }

  /** {@code redis-cluster://127.0.0.1:P1,127.0.0.1:P2,127.0.0.1:P3}, the REDIS_URL form of a cluster. */
  public String url() {
    return "redis-cluster://" + ports.stream().map(p -> "127.0.0.1:" + p).collect(Collectors.joining(","));
  }

  /** The three nodes' client ports, in creation order (the first owns slots 0-5460 after start). */
  public List<Integer> ports() {
    return List.copyOf(ports);
  }

  /** The node's cluster id ({@code CLUSTER MYID}). */
  public String nodeId(int port) {
    Object id = call(port, 2000, "CLUSTER", "MYID");
    if (!(id instanceof String s) || s.isEmpty()) throw new IllegalStateException("CLUSTER MYID on " + port + " answered " + id);
    return s;
  }

  /**
   * Sends one inline command to that node and returns the first line of the answer (so {@code -MOVED ...}
   * for a key another node owns), or null when nobody answers.
   */
  public String command(int port, String inline) {
    return firstLine(port, inline);
  }

  /** One inline command, the first line of the answer, as {@link RedisServerExtension#command(String)} does. */
  static String firstLine(int port, String inline) {
    return RedisServerExtension.firstLine(port, inline, 2000);
  }


  /** FLUSHALL on every primary (each holds only its own slots' keys). */
  public void flushAll() {
    for (int p : ports) {
      Object answer = call(p, 5000, "FLUSHALL");
      if (!"OK".equals(answer)) throw new IllegalStateException("FLUSHALL on " + p + " answered " + answer);
    }
  }

  /**
   * Moves {@code slots} slots, with their keys, from one primary to another with {@code redis-cli
   * --cluster reshard} (the first slots the source owns, in slot order), and returns when redis-cli has
   * finished and all nodes agree on the new owners again. Clients may keep writing meanwhile: keys of the
   * slot being moved answer ASK (not yet moved) or MOVED (moved), which a cluster client follows.
   * {@code reshard(to, from, n)} right after moves the same slots back (the target's lowest slots are the
   * ones it just got, as long as they are lower than its own).
   */
  public void reshard(int fromPort, int toPort, int slots) {
    if (slots <= 0) throw new IllegalArgumentException("slots: " + slots);
    redisCli(List.of("--cluster", "reshard", "127.0.0.1:" + fromPort, "--cluster-from", nodeId(fromPort),
        "--cluster-to", nodeId(toPort), "--cluster-slots", Integer.toString(slots), "--cluster-yes"), 300);
    awaitAgreement(READY_TIMEOUT_SECONDS);
  }

  /**
   * {@code redis-cli --cluster rebalance} with a 1% threshold: gives every primary its third of the slots
   * back after {@link #reshard} (the default 2% threshold ignores moves of up to ~100 slots). The counts
   * come back, not necessarily the same slots.
   */
  public void rebalance() {
    redisCli(List.of("--cluster", "rebalance", "127.0.0.1:" + ports.get(0), "--cluster-threshold", "1"), 300);
    awaitAgreement(READY_TIMEOUT_SECONDS);
  }

  /** The hash slot of a key ({@code CLUSTER KEYSLOT}, honouring {hash tags}). */
  public int slot(String key) {
    Object slot = call(ports.get(0), 2000, "CLUSTER", "KEYSLOT", key);
    if (!(slot instanceof Long l)) throw new IllegalStateException("CLUSTER KEYSLOT answered " + slot);
    return l.intValue();
  }

  /** The port of the primary that owns the key's slot now (during a move: still the source). */
  public int slotOwnerPort(String key) {
    return slotOwners(ports.get(0))[slot(key)];
  }

  /** The number of slots each node owns, by port: what a test checks after a reshard. */
  public java.util.Map<Integer, Integer> slotCounts() {
    java.util.Map<Integer, Integer> counts = new java.util.TreeMap<>();
    for (int p : ports) counts.put(p, 0);
    for (int owner : slotOwners(ports.get(0))) counts.merge(owner, 1, Integer::sum);
    return counts;
  }

  /** Whether every node answers {@code cluster_state:ok} and knows all 16384 slots assigned. */
  public boolean isOk() {
    for (int p : ports) {
      Object info = call(p, 2000, "CLUSTER", "INFO");
      if (!(info instanceof String s) || !s.contains("cluster_state:ok") || !s.contains("cluster_slots_assigned:16384")) {
        return false;
      }
    }
    return true;
  }

  // --- processes -------------------------------------------------------------------------------------

  /** Starts one node on a free port whose bus port (+10000) is free too; retries when another process took it first. */
  private int startNode(String server, Set<Integer> taken) throws IOException, InterruptedException {
    String lastLog = "";
    for (int attempt = 0; attempt < 3; attempt++) {
      int port = freeClusterPort(taken);
      Path dir = Files.createDirectories(root.resolve("node-" + port));
      List<String> cmd = new ArrayList<>(List.of(server, "--port", Integer.toString(port), "--bind", "127.0.0.1",
          "--cluster-enabled", "yes", "--cluster-config-file", dir.resolve("nodes.conf").toString(),
          "--cluster-node-timeout", "2000", "--dir", dir.toString(), "--save", "", "--appendonly", "no"));
      if (RedisServerExtension.majorVersion() >= 7) cmd.addAll(List.of("--enable-debug-command", "local"));
      Path log = dir.resolve("redis.log");
      Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
      processes.add(p);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (System.nanoTime() < deadline && p.isAlive()) {
        if ("PONG".equals(call(port, 1000, "PING"))) return port;
        Thread.sleep(50);
      }
      p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      processes.remove(p);
      lastLog = Files.exists(log) ? Files.readString(log) : "";
      if (!lastLog.contains("Address already in use")) break;
    }
    throw new IllegalStateException("redis-server (cluster node) did not start: " + lastLog);
  }

  /**
   * Runs redis-cli with those arguments, its stdin closed (a question it asks gets no answer rather than
   * hanging), and fails unless it exits 0 without an [ERR] line. Returns its output.
   */
  private String redisCli(List<String> args, int timeoutSeconds) {
    List<String> cmd = new ArrayList<>();
    cmd.add(executable("redis-cli"));
    cmd.addAll(args);
    Path out = root.resolve("redis-cli-" + System.nanoTime() + ".log");
    try {
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile())
          .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
      tools.add(p);
      try {
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
          p.destroyForcibly();
          throw new IllegalStateException("redis-cli " + String.join(" ", args) + " did not finish in " + timeoutSeconds
              + " s: " + tail(out));
        }
      } finally {
        tools.remove(p);
      }
      String output = Files.readString(out);
      Files.deleteIfExists(out);
      if (p.exitValue() != 0 || output.contains("[ERR]")) {
        throw new IllegalStateException("redis-cli " + String.join(" ", args) + " exited " + p.exitValue() + ": " + output);
      }
      return output;
    } catch (IOException e) {
      throw new IllegalStateException("redis-cli " + String.join(" ", args), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted: redis-cli " + String.join(" ", args), e);
    }
  }

  /**
   * Waits until every node answers cluster_state:ok with all slots assigned, knows all three nodes, and
   * all three name the same owner for every slot (gossip converged: no client gets a stale map from one).
   */
  private void awaitAgreement(long seconds) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    String why = "";
    while (true) {
      why = disagreement();
      if (why == null) return;
      if (System.nanoTime() > deadline) break;
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted waiting for the cluster", e);
      }
    }
    throw new IllegalStateException("the cluster did not settle in " + seconds + " s: " + why);
  }

  /** Null when the cluster is settled, else what is not (for the failure message). */
  private String disagreement() {
    int[] first = null;
    for (int p : ports) {
      Object info = call(p, 2000, "CLUSTER", "INFO");
      if (!(info instanceof String s)) return p + " answered CLUSTER INFO with " + info;
      if (!s.contains("cluster_state:ok")) return p + ": not cluster_state:ok";
      if (!s.contains("cluster_slots_assigned:16384")) return p + ": not all slots assigned";
      if (!s.contains("cluster_known_nodes:" + NODES)) return p + ": does not know all nodes yet";
      int[] owners;
      try {
        owners = slotOwners(p);
      } catch (IllegalStateException e) {
        return e.getMessage();
      }
      if (first == null) first = owners;
      else if (!Arrays.equals(first, owners)) return p + " disagrees with " + ports.get(0) + " about slot owners";
    }
    return null;
  }

  /** Slot -> owner port, as that node sees it ({@code CLUSTER SLOTS}); 0 for a slot it knows no owner of. */
  private int[] slotOwners(int askPort) {
    Object slots = call(askPort, 2000, "CLUSTER", "SLOTS");
    if (!(slots instanceof List<?> ranges)) throw new IllegalStateException(askPort + " answered CLUSTER SLOTS with " + slots);
    int[] owners = new int[16384];
    for (Object r : ranges) {
      List<?> range = (List<?>) r;
      int from = ((Long) range.get(0)).intValue();
      int to = ((Long) range.get(1)).intValue();
      int owner = ((Long) ((List<?>) range.get(2)).get(1)).intValue();
      Arrays.fill(owners, from, to + 1, owner);
    }
    return owners;
  }

  // --- RESP, ports, files ----------------------------------------------------------------------------

  /** A Redis error reply ({@code -ERR ...}, {@code -MOVED ...}), kept apart from a simple string. */
  record RespError(String message) {
    @Override
    public String toString() {
      return "-" + message;
    }
  }

  /**
   * Sends one command as a RESP array (so arguments may hold spaces) and returns the whole parsed answer:
   * String (simple or bulk), Long, List, {@link RespError}, or null for a nil, a refused connection or a timeout.
   */
  static Object call(int port, int timeoutMillis, String... args) {
    List<Object> answers = calls(port, timeoutMillis, List.of(args));
    return answers == null ? null : answers.get(0);
  }

  /**
   * Sends several commands on one connection and returns their answers, or null when the connection
   * failed. One connection matters for WAIT, which waits for the writes made on its own connection only.
   */
  @SafeVarargs
  static List<Object> calls(int port, int timeoutMillis, List<String>... commands) {
    try (Socket s = new Socket("127.0.0.1", port)) {
      s.setSoTimeout(timeoutMillis);
      ByteArrayOutputStream b = new ByteArrayOutputStream();
      for (List<String> args : commands) {
        b.writeBytes(("*" + args.size() + "\r\n").getBytes(StandardCharsets.UTF_8));
        for (String a : args) {
          byte[] bytes = a.getBytes(StandardCharsets.UTF_8);
          b.writeBytes(("$" + bytes.length + "\r\n").getBytes(StandardCharsets.UTF_8));
          b.writeBytes(bytes);
          b.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
      }
      s.getOutputStream().write(b.toByteArray());
      s.getOutputStream().flush();
      InputStream in = new BufferedInputStream(s.getInputStream());
      List<Object> answers = new ArrayList<>();
      for (int i = 0; i < commands.length; i++) answers.add(read(in));
      return answers;
    } catch (IOException e) {
      return null;
    }
  }

  static Object read(InputStream in) throws IOException {
    int type = in.read();
    if (type == -1) throw new IOException("connection closed");
    String line = line(in);
    switch (type) {
      case '+':
        return line;
      case '-':
        return new RespError(line);
      case ':':
        return Long.parseLong(line);
      case '$': {
        int n = Integer.parseInt(line);
        if (n < 0) return null;
        byte[] bytes = in.readNBytes(n + 2);
        if (bytes.length < n + 2) throw new IOException("connection closed");
        return new String(bytes, 0, n, StandardCharsets.UTF_8);
      }
      case '*': {
        int n = Integer.parseInt(line);
        if (n < 0) return null;
        List<Object> items = new ArrayList<>(n);
        for (int i = 0; i < n; i++) items.add(read(in));
        return items;
      }
      default:
        throw new IOException("unexpected RESP type " + (char) type + line);
    }
  }

  private static String line(InputStream in) throws IOException {
    StringBuilder b = new StringBuilder();
    for (int c; (c = in.read()) != '\n'; ) {
      if (c == -1) throw new IOException("connection closed");
      if (c != '\r') b.append((char) c);
    }
    return b.toString();
  }

  private static int freeClusterPort(Set<Integer> taken) throws IOException {
    for (int i = 0; i < 100; i++) {
      int port = freePort();
      if (port + 10000 > 65535 || taken.contains(port) || taken.contains(port + 10000)) continue;
      if (!isFree(port + 10000)) continue;
      taken.add(port);
      taken.add(port + 10000);
      return port;
    }
    throw new IllegalStateException("no free port P with P+10000 free (the cluster bus port)");
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  private static boolean isFree(int port) {
    try {
      new ServerSocket(port, 1, InetAddress.getLoopbackAddress()).close();
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** /usr/bin/NAME when it is there, else NAME from PATH; fails with the install hint when neither is. */
  static String executable(String name) {
    if (new File("/usr/bin/" + name).canExecute()) return "/usr/bin/" + name;
    for (String p : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (new File(p, name).canExecute()) return new File(p, name).getPath();
    }
    throw new IllegalStateException(name + " not found: apt-get install redis-server (redis-tools for redis-cli)");
  }

  private static String tail(Path file) {
    try {
      String s = Files.readString(file);
      return s.length() > 2000 ? s.substring(s.length() - 2000) : s;
    } catch (IOException e) {
      return "";
    }
  }

  /** For a shutdown hook: once the killed processes are gone, their directories go too (best effort). */
  static void deleteAfterExit(java.util.Collection<Process> killed, Path root) {
    try {
      for (Process p : killed) p.waitFor(2, TimeUnit.SECONDS);
      deleteTree(root);
    } catch (IOException | InterruptedException | RuntimeException e) {
      // the JVM is exiting: a leftover temp directory is all that is lost
    }
  }

  static void deleteTree(Path root) throws IOException {
    if (root == null || !Files.exists(root)) return;
    try (var paths = Files.walk(root)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
    }
  }
}
