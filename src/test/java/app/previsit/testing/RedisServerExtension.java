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
 * turns on append-only persistence in its temp directory.
 */
public final class RedisServerExtension implements BeforeAllCallback, AfterAllCallback {
  private final boolean aof;
  private int port;
  private Path dir;
  private Process process;

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
    start();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    stop();
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

  /** Sends one inline command and returns the first line of the answer, or null when nobody answers. */
  public String command(String inline) {
    try (Socket s = new Socket("127.0.0.1", port)) {
      s.setSoTimeout(2000);
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

  private static boolean onPath() {
    for (String p : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (new File(p, "redis-server").canExecute()) return true;
    }
    return false;
  }
}
