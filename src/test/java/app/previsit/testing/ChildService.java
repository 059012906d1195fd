package app.previsit.testing;

import java.io.File;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * {@code previsit serve} as a separate JVM (this test run's class path), so a test can kill it
 * with SIGKILL exactly as an operator's kill -9 or the OOM killer would.
 *
 * <p>No child outlives the test run: a JVM shutdown hook kills those still running when the run is
 * cut short (Ctrl-C, SIGTERM), and the child itself ({@link ChildMain}) halts when its parent dies
 * by SIGKILL, which no hook survives. Its log file is deleted when it is closed.
 */
public final class ChildService implements AutoCloseable {
  private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.forEach(Process::destroyForcibly), "child-service-killer"));
  }

  private final Process process;
  private final Path log;
  public final int port;
  public final String base;

  private ChildService(Process process, Path log, int port) {
    this.process = process;
    this.log = log;
    this.port = port;
    this.base = "http://127.0.0.1:" + port;
  }

  public static int freePort() throws Exception {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  /**
   * Starts {@code serve} (with {@code serveArgs}, e.g. {@code --demo}) on {@code port} with
   * {@code env} added and waits until /health answers 200.
   */
  public static ChildService start(int port, Map<String, String> env, String... serveArgs) throws Exception {
    String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    Path log = Files.createTempFile("previsit-child", ".log");
    List<String> cmd = new java.util.ArrayList<>(List.of(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
        ChildMain.class.getName(), "serve"));
    cmd.addAll(List.of(serveArgs));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().putAll(env);
    pb.environment().put("PREVISIT_HTTP_HOST", "127.0.0.1");
    pb.environment().put("PREVISIT_HTTP_PORT", Integer.toString(port));
    Process process;
    try {
      process = pb.start();
    } catch (java.io.IOException e) {
      Files.deleteIfExists(log);
      throw e;
    }
    RUNNING.add(process);
    ChildService child = new ChildService(process, log, port);
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    // Generous: a child started while the machine is busy (a build beside the suite) took over 30 s once.
    // How fast the service starts is measured on an idle machine, not here.
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    while (System.nanoTime() < deadline) {
      if (!child.process.isAlive()) {
        String out = Files.readString(log);
        child.close();
        throw new IllegalStateException("service exited: " + out);
      }
      try {
        HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(child.base + "/health"))
            .timeout(Duration.ofSeconds(1)).build(), HttpResponse.BodyHandlers.discarding());
        if (r.statusCode() == 200) return child;
      } catch (java.io.IOException e) {
        // not listening yet
      }
      Thread.sleep(100);
    }
    String out = Files.readString(log);
    child.close();
    throw new IllegalStateException("service did not become healthy: " + out);
  }

  /** SIGKILL: no shutdown hook runs, nothing in flight is finished. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    if (process.waitFor(10, TimeUnit.SECONDS)) RUNNING.remove(process);
  }

  public String output() throws java.io.IOException {
    return Files.readString(log);
  }

  /** Kills the child if it still runs and deletes its log. */
  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) kill();
    RUNNING.remove(process);
    try {
      Files.deleteIfExists(log);
    } catch (java.io.IOException e) {
      // a leftover temp file is not worth failing a test for
    }
  }
}
