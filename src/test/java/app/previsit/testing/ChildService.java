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
import java.util.concurrent.TimeUnit;

/**
 * {@code previsit serve} as a separate JVM (this test run's class path), so a test can kill it
 * with SIGKILL exactly as an operator's kill -9 or the OOM killer would.
 */
public final class ChildService implements AutoCloseable {
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

  /** Starts {@code serve} on {@code port} with {@code env} added and waits until /health answers 200. */
  public static ChildService start(int port, Map<String, String> env) throws Exception {
    String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    Path log = Files.createTempFile("previsit-child", ".log");
    ProcessBuilder pb = new ProcessBuilder(List.of(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
        "app.previsit.Main", "serve"))
        .redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().putAll(env);
    pb.environment().put("PREVISIT_HTTP_HOST", "127.0.0.1");
    pb.environment().put("PREVISIT_HTTP_PORT", Integer.toString(port));
    ChildService child = new ChildService(pb.start(), log, port);
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      if (!child.process.isAlive()) throw new IllegalStateException("service exited: " + Files.readString(log));
      try {
        HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(child.base + "/health"))
            .timeout(Duration.ofSeconds(1)).build(), HttpResponse.BodyHandlers.discarding());
        if (r.statusCode() == 200) return child;
      } catch (java.io.IOException e) {
        // not listening yet
      }
      Thread.sleep(100);
    }
    child.kill();
    throw new IllegalStateException("service did not become healthy: " + Files.readString(log));
  }

  /** SIGKILL: no shutdown hook runs, nothing in flight is finished. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(10, TimeUnit.SECONDS);
  }

  public String output() throws java.io.IOException {
    return Files.readString(log);
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) kill();
  }
}
