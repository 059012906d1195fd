package app.previsit.testing;

import app.previsit.config.Config;
import app.previsit.invitation.Invitation;
import app.previsit.server.PrevisitServer;
import app.previsit.staff.DemoData;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A real Previsit server on a free loopback port (demo users seeded) and a small HTTP client for tests. */
public final class RunningServer implements AutoCloseable {
  /** The session secret tests give a server on Redis (two instances on one Redis share it). */
  public static final String TEST_SECRET = "test-secret-0123456789-abcdefghijklmnop";

  public final PrevisitServer server;
  public final String base;
  /**
   * The one patient browser of these tests: its device cookie, sent on every request, holds every link
   * the tests open (a cookie jar would race: first requests sent at once would each be given a new cookie).
   * Tests that need a second browser use {@link Browser}.
   */
  public static final String DEVICE_COOKIE = "previsit_device=" + "d".repeat(43);

  private final HttpClient http = HttpClient.newHttpClient();

  private RunningServer(PrevisitServer server) {
    this.server = server;
    this.base = "http://127.0.0.1:" + server.port();
  }

  public static RunningServer start(Map<String, String> env) throws Exception {
    Map<String, String> all = new HashMap<>(env);
    all.putIfAbsent("PREVISIT_HTTP_PORT", "0");
    // A deployment on Redis must name its one secret; tests use a fixed one.
    if (all.containsKey("REDIS_URL")) all.putIfAbsent("PREVISIT_SESSION_SECRET", TEST_SECRET);
    PrevisitServer s = await(PrevisitServer.start(Config.from(all), Clock.systemUTC()));
    await(DemoData.seed(s.services()));
    return new RunningServer(s);
  }

  public static <T> T await(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
  }

  public Invitation invite(String name) throws Exception {
    var desk = new app.previsit.staff.InvitationDesk(server.services().stores().invitations(), server.services().config(),
        server.services().clock());
    return await(desk.create(name, java.time.LocalDateTime.now().plusDays(1).withSecond(0).withNano(0).toString(), "Dr Test", null));
  }

  public String login(String user) throws Exception {
    HttpResponse<String> r = send("POST", "/api/login", null, new JsonObject().put("username", user).put("password", "demo").encode());
    if (r.statusCode() != 200) throw new IllegalStateException("login failed: " + r.statusCode() + " " + r.body());
    return new JsonObject(r.body()).getString("token");
  }

  /** One patient message (a JSON body) through the web chat API of {@code inv}'s link. */
  public HttpResponse<String> say(Invitation inv, String json) throws Exception {
    return send("POST", "/chat/api/" + inv.token() + "/messages", null, json);
  }

  public HttpResponse<String> send(String method, String path, String bearer, String body) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(java.time.Duration.ofSeconds(20))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (bearer != null) b.header("Authorization", "Bearer " + bearer);
    b.header("Cookie", DEVICE_COOKIE);
    if (body != null) b.header("Content-Type", "application/json");
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Override
  public void close() throws Exception {
    await(server.stop());
  }
}
