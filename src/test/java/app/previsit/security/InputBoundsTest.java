package app.previsit.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.previsit.testing.RawHttp;
import app.previsit.testing.RunningServer;
import io.vertx.core.json.JsonObject;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What the service refuses or cuts short, through the real server (short timeouts so the test is quick). */
class InputBoundsTest {
  static RunningServer app;
  static String reception;

  @BeforeAll
  static void start() throws Exception {
    app = RunningServer.start(Map.of("PREVISIT_HTTP_IDLE_TIMEOUT_SECONDS", "2", "PREVISIT_HTTP_REQUEST_TIMEOUT_SECONDS", "4"));
    reception = app.login("reception");
  }

  @AfterAll
  static void stop() throws Exception {
    app.close();
  }

  static HttpResponse<String> invite(String name, String at) throws Exception {
    return app.send("POST", "/api/invitations", reception,
        new JsonObject().put("patientName", name).put("appointmentAt", at).put("clinician", "Dr Bounds").encode());
  }

  @Test
  void appointmentsOutsideTheWindowAre400NotA500() throws Exception {
    for (String at : new String[] {"+999999999-12-31T10:00", "9999-01-01T09:00", LocalDate.now().plusDays(400) + "T09:00",
        LocalDate.now().minusDays(3) + "T09:00", "+999999999-12-31T10:00:00+01:00"}) {
      HttpResponse<String> r = invite("Far Away", at);
      assertEquals(400, r.statusCode(), at + " -> " + r.body());
      assertTrue(r.body().contains("'appointmentAt'"), r.body());
    }
    assertEquals(201, invite("Near", LocalDate.now().plusDays(300) + "T09:00").statusCode());
  }

  @Test
  void aLinkNeverOutlivesTheInvitationLifetime() throws Exception {
    HttpResponse<String> r = invite("Later", LocalDate.now().plusDays(60) + "T09:00");
    assertEquals(201, r.statusCode());
    Instant expires = Instant.parse(new JsonObject(r.body()).getString("expiresAt"));
    assertTrue(expires.isBefore(Instant.now().plus(Duration.ofDays(14)).plusSeconds(60)), "capped at 14 days: " + expires);
  }

  @Test
  void invisibleFormattingCharactersAreStrippedFromNames() throws Exception {
    HttpResponse<String> r = invite("\u202Eevil\u200B Na\u2066me\u200D\uFEFF", LocalDate.now().plusDays(1) + "T09:00");
    assertEquals(201, r.statusCode());
    assertEquals("evil Name", new JsonObject(r.body()).getString("patientName"));
    assertEquals(400, invite("\u200B\u200F", LocalDate.now().plusDays(1) + "T09:00").statusCode(), "nothing left is no name");
    assertEquals(400, invite("line\u2028break", LocalDate.now().plusDays(1) + "T09:00").statusCode());
  }

  @Test
  void linksNameThePortTheServerListensOn() throws Exception {
    HttpResponse<String> r = invite("Porter", LocalDate.now().plusDays(1) + "T09:00");
    String link = new JsonObject(r.body()).getString("webLink");
    assertTrue(link.startsWith("http://127.0.0.1:" + app.server.port() + "/chat/"), link);
  }

  @Test
  void aStalledRequestBodyIsClosedWithinTheIdleTimeout() throws Exception {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", app.server.port()));
      s.setSoTimeout(10_000);
      s.getOutputStream().write(("POST /api/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
          + "Content-Length: 100\r\n\r\n{\"user").getBytes(StandardCharsets.US_ASCII));
      long start = System.nanoTime();
      RawHttp.readAll(s.getInputStream());
      long ms = (System.nanoTime() - start) / 1_000_000;
      assertTrue(ms < 3500, "closed by the 2 s idle timeout (the 4 s deadline would be later): " + ms + " ms");
    }
  }

  @Test
  void aBodyThatTricklesInIsCutOffByTheRequestDeadline() throws Exception {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", app.server.port()));
      s.setSoTimeout(500);
      s.getOutputStream().write(("POST /api/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
          + "Content-Length: 1000\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      long start = System.nanoTime();
      StringBuilder answer = new StringBuilder();
      boolean closed = false;
      InputStream in = s.getInputStream();
      while (!closed && System.nanoTime() - start < 12_000_000_000L) {
        try {
          s.getOutputStream().write(' ');
          s.getOutputStream().flush();
        } catch (java.io.IOException e) {
          closed = true;
          break;
        }
        try {
          int b = in.read();
          if (b < 0) closed = true;
          else answer.append((char) b).append(new String(in.readNBytes(Math.min(in.available(), 4096)), StandardCharsets.US_ASCII));
        } catch (java.net.SocketTimeoutException e) {
          // nothing yet: trickle another byte (never idle for the 2 s idle timeout)
        } catch (java.io.IOException e) {
          closed = true;
        }
      }
      long ms = (System.nanoTime() - start) / 1_000_000;
      assertTrue(closed, "still open after " + ms + " ms");
      assertTrue(ms >= 3000 && ms < 8000, "cut off by the 4 s deadline, not the idle timeout: " + ms + " ms");
      assertTrue(answer.toString().startsWith("HTTP/1.1 503"), answer.toString());
    }
  }
}
