package app.previsit.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.previsit.testing.Browser;
import app.previsit.testing.RawHttp;
import app.previsit.testing.RunningServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Staff sessions through the real server (memory store, one verticle per core). */
class StaffSessionsTest {
  static RunningServer app;

  @BeforeAll
  static void start() throws Exception {
    app = RunningServer.start(Map.of());
  }

  @AfterAll
  static void stop() throws Exception {
    app.close();
  }

  private static HttpResponse<String> api(String method, String path, String token, String body) throws Exception {
    return app.send(method, path, token, body);
  }

  @Test
  void aLoginTokenWorksOnTwentyNewConnectionsInARow() throws Exception {
    assertTrue(Runtime.getRuntime().availableProcessors() >= 2, "needs two event loops to mean anything");
    String token = app.login("gp");
    Browser fresh = new Browser(app.base, true);
    for (int i = 0; i < 20; i++) {
      assertEquals(200, fresh.send("GET", "/api/summaries", Map.of("Authorization", "Bearer " + token), null).statusCode(),
          "connection " + i);
    }
    Browser person = new Browser(app.base, true);
    person.logIn("gp", "demo");
    for (int i = 0; i < 20; i++) assertEquals(200, person.get("/gp").statusCode(), "page on connection " + i);
  }

  @Test
  void forgedAndMalformedTokensAreRefused() throws Exception {
    String token = app.login("gp");
    String random = token.substring(0, token.indexOf('.'));
    assertEquals(401, api("GET", "/api/summaries", random + ".AAAA", null).statusCode(), "wrong signature");
    assertEquals(401, api("GET", "/api/summaries", "a", null).statusCode());
    assertEquals(401, api("GET", "/api/summaries", "x".repeat(5000), null).statusCode());
    assertEquals(200, api("GET", "/api/summaries", token, null).statusCode());
  }

  @Test
  void aTokenFromAnotherDeploymentIsRefused() throws Exception {
    try (RunningServer other = RunningServer.start(Map.of("PREVISIT_SESSION_SECRET", "another-deployments-secret-0123456789"))) {
      String theirs = other.login("gp");
      assertEquals(200, other.send("GET", "/api/summaries", theirs, null).statusCode());
      assertEquals(401, api("GET", "/api/summaries", theirs, null).statusCode(), "signed with another secret");
    }
  }

  @Test
  void logoutEndsTheSessionAtOnce() throws Exception {
    String token = app.login("gp");
    assertEquals(200, api("GET", "/api/summaries", token, null).statusCode());
    assertEquals(204, api("POST", "/api/logout", token, null).statusCode());
    assertEquals(401, api("GET", "/api/summaries", token, null).statusCode());

    Browser person = new Browser(app.base);
    person.logIn("gp", "demo");
    String copied = person.cookie("previsit_session");
    String page = person.get("/gp").body();
    assertEquals(303, person.postForm("/logout", "csrf=" + Browser.enc(Browser.field(page, "csrf"))).statusCode());
    // A copy of the cookie taken before logout (another tab, a stolen cookie) no longer works.
    Browser copy = new Browser(app.base);
    assertEquals(302, copy.send("GET", "/gp", Map.of("Cookie", "previsit_session=" + copied), null).statusCode(),
        "the session is gone from the server, not just the cookie from the browser");
  }

  @Test
  void deletingAUserOrChangingARoleEndsTheirSessionsAtOnce() throws Exception {
    String admin = app.login("admin");
    assertEquals(201, api("POST", "/api/users", admin, "{\"username\":\"locum\",\"password\":\"locum-pass-1\",\"role\":\"gp\"}").statusCode());
    String locum = login("locum", "locum-pass-1");
    assertEquals(200, api("GET", "/api/summaries", locum, null).statusCode());
    assertEquals(200, api("PATCH", "/api/users/locum", admin, "{\"role\":\"reception\"}").statusCode());
    assertEquals(401, api("GET", "/api/summaries", locum, null).statusCode(), "old role's token ended");
    assertEquals(401, api("GET", "/api/invitations", locum, null).statusCode(), "it is not a reception token either");
    String asReception = login("locum", "locum-pass-1");
    assertEquals(200, api("GET", "/api/invitations", asReception, null).statusCode());
    assertEquals(200, api("PATCH", "/api/users/locum", admin, "{\"password\":\"new-locum-pass\"}").statusCode());
    assertEquals(401, api("GET", "/api/invitations", asReception, null).statusCode(), "a new password ends sessions");
    String again = login("locum", "new-locum-pass");
    assertEquals(204, api("DELETE", "/api/users/locum", admin, null).statusCode());
    assertEquals(401, api("GET", "/api/invitations", again, null).statusCode(), "deleted account's token ended");
    // Re-creating the name does not bring an old session back.
    assertEquals(201, api("POST", "/api/users", admin, "{\"username\":\"locum\",\"password\":\"locum-pass-1\",\"role\":\"reception\"}").statusCode());
    assertEquals(401, api("GET", "/api/invitations", asReception, null).statusCode());
  }

  @Test
  void addingAnExistingUserIs409AndOverwritesNothing() throws Exception {
    String admin = app.login("admin");
    HttpResponse<String> r = api("POST", "/api/users", admin, "{\"username\":\"gp\",\"password\":\"taken-over-1\",\"role\":\"admin\"}");
    assertEquals(409, r.statusCode());
    assertEquals(200, api("GET", "/api/summaries", app.login("gp"), null).statusCode(), "gp still logs in with its password");
    assertEquals(403, api("GET", "/api/audit", app.login("gp"), null).statusCode(), "and is not admin");
  }

  @Test
  void aCookieCallThatChangesSomethingNeedsTheCsrfHeaderAndJson() throws Exception {
    Browser person = new Browser(app.base);
    person.logIn("admin", "demo");
    String body = "{\"username\":\"evil\",\"password\":\"evil-pass-1\",\"role\":\"admin\"}";
    assertEquals(403, person.send("POST", "/api/users", Map.of("Content-Type", "text/plain"), body).statusCode(),
        "a text/plain POST (what another site's form can send) is refused");
    assertEquals(403, person.postJson("/api/users", body).statusCode(), "JSON without the CSRF header is refused");
    assertEquals(403, person.send("POST", "/api/invitations", Map.of("Content-Type", "text/plain"),
        "{\"patientName\":\"X\",\"appointmentAt\":\"2030-01-01T09:00\",\"clinician\":\"Y\"}").statusCode());
    assertFalse(api("GET", "/api/users", app.login("admin"), null).body().contains("\"evil\""), "no account was made");
    String csrf = Browser.field(person.get("/admin/users").body(), "csrf-token");
    assertEquals(201, person.send("POST", "/api/users", Map.of("Content-Type", "application/json", "X-CSRF-Token", csrf),
        "{\"username\":\"fine\",\"password\":\"fine-pass-1\",\"role\":\"gp\"}").statusCode(), "our own page's script may");
    assertEquals(200, person.get("/api/users").statusCode(), "reading needs no token");
  }

  @Test
  void aWrongPasswordReRendersTheLoginFormWithAMessage() throws Exception {
    Browser person = new Browser(app.base);
    String form = person.get("/login").body();
    HttpResponse<String> r = person.postForm("/login", "csrf=" + Browser.enc(Browser.field(form, "csrf")) + "&username=reception&password=wrong");
    assertEquals(401, r.statusCode());
    assertTrue(r.body().contains("<form") && r.body().contains("Wrong username or password"), r.body());
    HttpResponse<String> noToken = new Browser(app.base).postForm("/login", "username=reception&password=demo");
    assertEquals(403, noToken.statusCode(), "a login form posted from elsewhere (no form token) signs nobody in");
    assertTrue(noToken.body().contains("<form"));
  }

  @Test
  void loginsAndAccountChangesAreAudited() throws Exception {
    String admin = app.login("admin");
    api("POST", "/api/login", null, "{\"username\":\"reception\",\"password\":\"nope-nope\"}");
    api("POST", "/api/users", admin, "{\"username\":\"audited\",\"password\":\"audited-pass\",\"role\":\"gp\"}");
    api("PATCH", "/api/users/audited", admin, "{\"role\":\"reception\"}");
    api("DELETE", "/api/users/audited", admin, null);
    JsonArray audit = new JsonArray(api("GET", "/api/audit", admin, null).body());
    assertTrue(has(audit, "admin", "login"), audit.encode());
    assertTrue(has(audit, "reception", "login-failed"));
    assertTrue(has(audit, "admin", "create-user"));
    assertTrue(has(audit, "admin", "change-user"));
    assertTrue(has(audit, "admin", "delete-user"));
    assertFalse(audit.encode().contains("nope-nope"), "never the password");
  }

  @Test
  void anOutsiderCannotLockOutAUserWhoThenLogsInFromTheirOwnAddress() throws Exception {
    String admin = app.login("admin");
    api("POST", "/api/users", admin, "{\"username\":\"target\",\"password\":\"target-pass\",\"role\":\"gp\"}");
    int throttled = 0;
    for (int i = 0; i < 30; i++) {
      String status = RawHttp.send("127.0.0.2", app.server.port(), "POST", "/api/login", "application/json",
          "{\"username\":\"target\",\"password\":\"guess-" + i + "\"}")[0];
      if (status.equals("429")) throttled++;
      else assertEquals("401", status);
    }
    assertTrue(throttled >= 20, "the guessing address backs off (429 " + throttled + " of 30)");
    String[] mine = RawHttp.send("127.0.0.1", app.server.port(), "POST", "/api/login", "application/json",
        "{\"username\":\"target\",\"password\":\"target-pass\"}");
    assertEquals("200", mine[0], "the user's own address still gets in: " + mine[1]);
    String[] stillGuessing = RawHttp.send("127.0.0.2", app.server.port(), "POST", "/api/login", "application/json",
        "{\"username\":\"target\",\"password\":\"target-pass\"}");
    assertEquals("429", stillGuessing[0], "the failing address waits even with the right password");
  }

  private static String login(String user, String password) throws Exception {
    HttpResponse<String> r = api("POST", "/api/login", null, new JsonObject().put("username", user).put("password", password).encode());
    assertEquals(200, r.statusCode(), r.body());
    return new JsonObject(r.body()).getString("token");
  }

  static boolean has(JsonArray audit, String actor, String action) {
    return audit.stream().map(JsonObject.class::cast).anyMatch(e -> e.getString("actor").equals(actor) && e.getString("action").equals(action));
  }
}
