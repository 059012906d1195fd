package app.previsit.testing;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * HTTP/1.1 by hand over a socket, for what java.net.http cannot do: send from another loopback
 * address (127.0.0.2 is a different client to the server), or stall a body half-way.
 */
public final class RawHttp {
  private RawHttp() {}

  /** One request from {@code fromAddress}; the status code and the body. */
  public static String[] send(String fromAddress, int port, String method, String path, String contentType, String body)
      throws Exception {
    try (Socket s = new Socket()) {
      s.bind(new InetSocketAddress(fromAddress, 0));
      s.connect(new InetSocketAddress("127.0.0.1", port), 5000);
      s.setSoTimeout(20_000);
      byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
      String head = method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nConnection: close\r\n"
          + (contentType == null ? "" : "Content-Type: " + contentType + "\r\n") + "Content-Length: " + bytes.length + "\r\n\r\n";
      s.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
      s.getOutputStream().write(bytes);
      s.getOutputStream().flush();
      String all = readAll(s.getInputStream());
      int sp = all.indexOf(' ');
      int end = all.indexOf("\r\n\r\n");
      return new String[] {all.substring(sp + 1, sp + 4), end < 0 ? "" : all.substring(end + 4)};
    }
  }

  public static String readAll(InputStream in) throws java.io.IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buf = new byte[8192];
    for (int n; (n = in.read(buf)) > 0; ) out.write(buf, 0, n);
    return out.toString(StandardCharsets.UTF_8);
  }
}
