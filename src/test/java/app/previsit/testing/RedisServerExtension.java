package app.previsit.testing;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real redis-server on a free loopback port for one test class ({@code @RegisterExtension static}).
 * {@link #stop()} and {@link #start()} restart it on the same port (outage tests); {@code aof}
 * turns on append-only persistence in its temp directory. On Redis 7.0+ the DEBUG command is
 * enabled for loopback clients, so a test can stall the server ({@link #stall}) while commands
 * keep arriving. A JVM shutdown hook kills the server if the run is cut short, and the temp
 * directory (data and log) is deleted after the class.
 */
public final class RedisServerExtension implements BeforeAllCallback, AfterAllCallback {
  private final boolean aof;
  private int port;
  private Path dir;
  private volatile Process process;
  private Thread killOnExit;

  public RedisServerExtension() {
    this(false);
  }

  public RedisServerExtension(boolean aof) {
    this.aof = aof;
  }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    if (!new File("/usr/bin/redis-server").canExecute() && !onPath()) {
      throw new IllegalStateException("redis-server not found: apt-get install redis-server");
    }
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    dir = Files.createTempDirectory("previsit-redis");
    // afterAll does not run when the run is interrupted (Ctrl-C, a surefire timeout): still leave no server behind.
    killOnExit = new Thread(() -> {
      Process p = process;
      if (p != null) p.destroyForcibly();
    }, "redis-server-killer");
    Runtime.getRuntime().addShutdownHook(killOnExit);
    start();
  }

  @Override
  public void afterAll(ExtensionContext context) throws IOException {
    stop();
    try {
      Runtime.getRuntime().removeShutdownHook(killOnExit);
    } catch (IllegalStateException e) {
      // already shutting down: the hook runs anyway
    }
    deleteTree(dir);
  }

  public URI uri() {
    return URI.create("redis://127.0.0.1:" + port + "/0");
  }

  public int port() {
    return port;
  }

  public synchronized void start() throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of("redis-server", "--port", Integer.toString(port), "--bind", "127.0.0.1",
        "--dir", dir.toString(), "--save", "", "--appendonly", aof ? "yes" : "no", "--protected-mode", "yes"));
    if (majorVersion() >= 7) cmd.addAll(List.of("--enable-debug-command", "local"));
    process = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("redis.log").toFile()).start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < deadline) {
      if ("+PONG".equals(command("PING"))) return;
      Thread.sleep(50);
    }
    throw new IllegalStateException("redis-server did not start on port " + port + ": " + Files.readString(dir.resolve("redis.log")));
  }

  public synchronized void stop() {
    if (process == null) return;
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    process = null;
  }

  public void flushAll() {
    command("FLUSHALL");
  }

  /**
   * {@code DEBUG SLEEP seconds}: Redis executes nothing for that long, while clients' commands pile
   * up unanswered; afterwards it executes them all, including those whose callers already timed out.
   * Returns when Redis answers again.
   */
  public void stall(double seconds) {
    if (majorVersion() < 7) throw new IllegalStateException("DEBUG SLEEP needs redis-server 7.0+ (--enable-debug-command)");
    String answer = command("DEBUG SLEEP " + seconds, (int) (seconds * 1000) + 5000);
    if (!"+OK".equals(answer)) throw new IllegalStateException("DEBUG SLEEP answered " + answer);
  }

  /** Sends one inline command and returns the first line of the answer, or null when nobody answers. */
  public String command(String inline) {
    return command(inline, 2000);
  }

  private String command(String inline, int timeoutMillis) {
    return firstLine(port, inline, timeoutMillis);
  }

  /** One inline command to a server on loopback; the first line of its answer, or null when nobody answers. */
  static String firstLine(int port, String inline, int timeoutMillis) {
    try (Socket s = new Socket("127.0.0.1", port)) {
      s.setSoTimeout(timeoutMillis);
      OutputStream out = s.getOutputStream();
      out.write((inline + "\r\n").getBytes(StandardCharsets.UTF_8));
      out.flush();
      InputStream in = s.getInputStream();
      StringBuilder b = new StringBuilder();
      for (int c; (c = in.read()) != -1 && c != '\r'; ) b.append((char) c);
      return b.toString();
    } catch (IOException e) {
      return null;
    }
  }


  private static volatile int major = -1;

  /** The major version of the installed redis-server ({@code redis-server --version}), 0 when unknown. */
  static int majorVersion() {
    if (major >= 0) return major;
    int v = 0;
    try {
      Process p = new ProcessBuilder("redis-server", "--version").redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      p.waitFor(5, TimeUnit.SECONDS);
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("v=(\\d+)\\.").matcher(out);
      if (m.find()) v = Integer.parseInt(m.group(1));
    } catch (IOException e) {
      v = 0;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    major = v;
    return v;
  }

  private static void deleteTree(Path root) throws IOException {
    if (root == null || !Files.exists(root)) return;
    try (var paths = Files.walk(root)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
    }
  }

  private static boolean onPath() {
    for (String p : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (new File(p, "redis-server").canExecute()) return true;
    }
    return false;
  }
}
