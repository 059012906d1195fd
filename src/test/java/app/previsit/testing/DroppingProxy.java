package app.previsit.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy on loopback in front of a test server, standing for a phone's flaky connection. It
 * passes everything, or (while {@link Mode#LOSE_ANSWERS}) forwards each chat API POST to the server and
 * then cuts the connection instead of passing the answer back: the server applied the message, the
 * patient never heard. A real network failure for the browser, nothing mocked on either side.
 */
public final class DroppingProxy implements AutoCloseable {
  public enum Mode { PASS, LOSE_ANSWERS }

  private final ServerSocket listener;
  private final int target;
  private volatile Mode mode = Mode.PASS;
  /** Answers the proxy has cut so far. */
  public final AtomicInteger lost = new AtomicInteger();

  public DroppingProxy(int targetPort) throws IOException {
    this.target = targetPort;
    this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread t = new Thread(this::accept, "dropping-proxy");
    t.setDaemon(true);
    t.start();
  }

  public String base() {
    return "http://127.0.0.1:" + listener.getLocalPort();
  }

  public void mode(Mode m) {
    mode = m;
  }

  private void accept() {
    while (!listener.isClosed()) {
      try {
        Socket client = listener.accept();
        Socket server = new Socket(InetAddress.getLoopbackAddress(), target);
        boolean[] cut = {false};
        pump(client, server, cut, true);
        pump(server, client, cut, false);
      } catch (IOException e) {
        if (listener.isClosed()) return;
      }
    }
  }

  /**
   * Copies one direction of a connection. Going up, a chat API POST seen while losing answers marks the
   * connection; coming down, a marked connection's answer is thrown away and both sides are closed.
   */
  private void pump(Socket from, Socket to, boolean[] cut, boolean up) {
    Thread t = new Thread(() -> {
      byte[] buf = new byte[16384];
      try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
        int n;
        while ((n = in.read(buf)) > 0) {
          if (up && mode == Mode.LOSE_ANSWERS && new String(buf, 0, Math.min(n, 40), StandardCharsets.ISO_8859_1)
              .startsWith("POST /chat/api/")) {
            synchronized (cut) { cut[0] = true; }
          }
          if (!up) {
            synchronized (cut) {
              if (cut[0]) {
                lost.incrementAndGet();
                from.close();
                to.close();
                return;
              }
            }
          }
          out.write(buf, 0, n);
          out.flush();
        }
      } catch (IOException ignored) {
        // The other direction closed the connection.
      } finally {
        close(from);
        close(to);
      }
    }, "dropping-proxy-pump");
    t.setDaemon(true);
    t.start();
  }

  private static void close(Socket s) {
    try {
      s.close();
    } catch (IOException ignored) {
      // Already closed.
    }
  }

  @Override
  public void close() throws IOException {
    listener.close();
  }
}
