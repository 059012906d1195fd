package app.previsit.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.previsit.invitation.Invitation;
import app.previsit.testing.RunningServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class StaffApiTest {
  static RunningServer app;
  static String tomorrow = LocalDate.now().plusDays(1).toString();

  @BeforeAll
  static void start() throws Exception {
    app = RunningServer.start(Map.of());
  }

  @AfterAll
  static void stop() throws Exception {
    app.close();
  }

  @Test
  void loginGivesATokenAndRoleAndRefusesWrongPasswords() throws Exception {
    HttpResponse<String> ok = app.send("POST", "/api/login", null, "{\"username\":\"gp\",\"password\":\"demo\"}");
    assertEquals(200, ok.statusCode());
    assertEquals("gp", new JsonObject(ok.body()).getString("role"));
    assertEquals(401, app.send("POST", "/api/login", null, "{\"username\":\"gp\",\"password\":\"nope\"}").statusCode());
    assertEquals(401, app.send("POST", "/api/login", null, "{\"username\":\"ghost\",\"password\":\"demo\"}").statusCode());
    HttpResponse<String> missing = app.send("POST", "/api/login", null, "{\"username\":\"gp\"}");
    assertEquals(400, missing.statusCode());
    assertTrue(missing.body().contains("'password'"));
    assertEquals(400, app.send("POST", "/api/login", null, "not json").statusCode());
  }

  @Test
  void receptionCreatesListsAndCancelsInvitations() throws Exception {
    String token = app.login("reception");
    HttpResponse<String> created = app.send("POST", "/api/invitations", token, new JsonObject().put("patientName", "Una Smith")
        .put("appointmentAt", tomorrow + "T11:15").put("clinician", "Dr Lee").put("reference", "R-77").encode());
    assertEquals(201, created.statusCode());
    JsonObject inv = new JsonObject(created.body());
    assertEquals("invited", inv.getString("status"));
    assertTrue(inv.getString("webLink").contains("/chat/"));
    assertTrue(inv.getString("webLink").length() > 40, "link token too short to be unguessable");
    JsonArray list = new JsonArray(app.send("GET", "/api/invitations?date=" + tomorrow, token, null).body());
    assertTrue(list.encode().contains("Una Smith"));
    HttpResponse<String> qr = app.send("GET", "/reception/invitations/" + inv.getString("id") + "/qr.svg", token, null);
    assertEquals(200, qr.statusCode());
    assertTrue(qr.body().startsWith("<svg") && qr.body().contains("<path d=\"M"), "QR code SVG");
    assertEquals(403, app.send("GET", "/reception/invitations/" + inv.getString("id") + "/qr.svg", app.login("gp"), null).statusCode());
    assertEquals(200, app.send("DELETE", "/api/invitations/" + inv.getString("id"), token, null).statusCode());
    assertEquals(404, app.send("DELETE", "/api/invitations/nope", token, null).statusCode());
    assertTrue(app.send("GET", "/api/invitations?date=" + tomorrow, token, null).body().contains("cancelled"));
  }

  @Test
  void badInvitationsNameTheField() throws Exception {
    String token = app.login("reception");
    HttpResponse<String> noName = app.send("POST", "/api/invitations", token, "{\"appointmentAt\":\"2030-01-01T10:00\",\"clinician\":\"X\"}");
    assertEquals(400, noName.statusCode());
    assertTrue(noName.body().contains("'patientName'"));
    HttpResponse<String> badDate = app.send("POST", "/api/invitations", token,
        "{\"patientName\":\"A\",\"appointmentAt\":\"next tuesday\",\"clinician\":\"X\"}");
    assertEquals(400, badDate.statusCode());
    assertTrue(badDate.body().contains("'appointmentAt'"));
    assertEquals(400, app.send("GET", "/api/invitations?date=yesterday", token, null).statusCode());
  }

  @Test
  void csvImportCreatesGoodRowsAndReportsBadOnes() throws Exception {
    String token = app.login("admin");
    String csv = "patientName,appointmentAt,clinician,reference\n\"Vale, Viv\"," + tomorrow + "T09:00,Dr A,1\n,"
        + tomorrow + "T09:10,Dr A,2\nWes," + tomorrow + "T25:99,Dr A,3\n";
    HttpResponse<String> r = app.send("POST", "/api/invitations/import", token, csv);
    assertEquals(200, r.statusCode());
    JsonObject result = new JsonObject(r.body());
    assertEquals(1, result.getLong("created"));
    assertEquals(2, result.getLong("failed"));
    assertTrue(result.getJsonArray("rows").getJsonObject(1).getString("error").contains("name is missing"),
        result.encode());
    assertTrue(app.send("GET", "/api/invitations?date=" + tomorrow, token, null).body().contains("Vale, Viv"));
  }

  @Test
  void rolesAreSeparated() throws Exception {
    String reception = app.login("reception");
    String gp = app.login("gp");
    assertEquals(401, app.send("GET", "/api/invitations", null, null).statusCode());
    assertEquals(401, app.send("GET", "/api/summaries", "forged.token", null).statusCode());
    assertEquals(403, app.send("GET", "/api/summaries", reception, null).statusCode());
    assertEquals(403, app.send("POST", "/api/invitations", gp, "{}").statusCode());
    assertEquals(403, app.send("GET", "/api/audit", gp, null).statusCode());
    assertEquals(302, app.send("GET", "/gp", null, null).statusCode());
  }

  @Test
  void theGpReadsASummaryAndEveryViewIsAudited() throws Exception {
    Invitation inv = app.invite("Xena");
    app.send("POST", "/chat/api/" + inv.token() + "/messages", null, "{\"button\":\"Let's start\"}");
    app.send("POST", "/chat/api/" + inv.token() + "/messages", null, "{\"text\":\"my wrist has hurt for 2 weeks\"}");
    JsonObject alarm = new JsonObject(app.send("POST", "/chat/api/" + inv.token() + "/messages", null,
        "{\"text\":\"I have crushing chest pain now\"}").body());
    assertTrue(alarm.getJsonArray("replies").stream().map(JsonObject.class::cast).anyMatch(x -> x.getBoolean("emergency", false)),
        "the emergency reply says it is one, for the page to show it as an alert: " + alarm);
    String gp = app.login("gp");
    HttpResponse<String> r = app.send("GET", "/api/summaries/" + inv.id(), gp, null);
    assertEquals(200, r.statusCode());
    JsonObject s = new JsonObject(r.body());
    assertEquals("my wrist has hurt for 2 weeks", s.getJsonArray("concerns").getJsonObject(0).getString("text"));
    assertEquals("2 weeks", s.getJsonArray("concerns").getJsonObject(0).getString("duration"));
    assertEquals("cardiac", s.getJsonArray("redFlags").getJsonObject(0).getString("category"));
    assertFalse(s.getBoolean("confirmedByPatient"));
    for (String field : new String[] {"id", "patientName", "appointmentAt", "clinician", "status", "completedAt", "research",
        "questions", "goals", "preferences", "medications", "transcript"}) {
      assertTrue(s.containsKey(field), field);
    }
    JsonArray day = new JsonArray(app.send("GET", "/api/summaries?date=" + inv.appointmentAt().toLocalDate(), gp, null).body());
    assertEquals(inv.id(), day.getJsonObject(0).getString("id"), "red-flag summary first");
    assertEquals(404, app.send("GET", "/api/summaries/nope", gp, null).statusCode());
    JsonArray audit = new JsonArray(app.send("GET", "/api/audit", app.login("admin"), null).body());
    assertTrue(audit.stream().anyMatch(e -> ((JsonObject) e).getString("action").equals("view-summary")
        && ((JsonObject) e).getString("target").equals(inv.id()) && ((JsonObject) e).getString("actor").equals("gp")));
  }

  @Test
  void repeatedWrongPasswordsAreRateLimitedPerUser() throws Exception {
    int limited = 0;
    for (int i = 0; i < 8; i++) {
      if (app.send("POST", "/api/login", null, "{\"username\":\"victim\",\"password\":\"guess" + i + "\"}").statusCode() == 429) {
        limited++;
      }
    }
    assertTrue(limited >= 2, "no 429 after 8 wrong passwords");
  }

  @Test
  void adminManagesStaffAccounts() throws Exception {
    String admin = app.login("admin");
    HttpResponse<String> created = app.send("POST", "/api/users", admin,
        "{\"username\":\"nurse.kay\",\"password\":\"long-enough\",\"role\":\"reception\"}");
    assertEquals(201, created.statusCode(), created.body());
    assertTrue(app.send("GET", "/api/users", admin, null).body().contains("nurse.kay"));
    HttpResponse<String> login = app.send("POST", "/api/login", null, "{\"username\":\"nurse.kay\",\"password\":\"long-enough\"}");
    assertEquals("reception", new JsonObject(login.body()).getString("role"));
    HttpResponse<String> weak = app.send("POST", "/api/users", admin, "{\"username\":\"x\",\"password\":\"short\",\"role\":\"gp\"}");
    assertEquals(400, weak.statusCode());
    assertTrue(weak.body().contains("'password'"));
    assertEquals(400, app.send("POST", "/api/users", admin, "{\"username\":\"x\",\"password\":\"long-enough\",\"role\":\"boss\"}").statusCode());
    assertEquals(403, app.send("GET", "/api/users", app.login("gp"), null).statusCode());
    assertEquals(400, app.send("DELETE", "/api/users/admin", admin, null).statusCode(), "no deleting yourself");
    assertEquals(204, app.send("DELETE", "/api/users/nurse.kay", admin, null).statusCode());
    assertEquals(404, app.send("DELETE", "/api/users/nurse.kay", admin, null).statusCode());
    assertEquals(200, app.send("GET", "/admin/users", admin, null).statusCode());
  }

  @Test
  void pageFormsWithoutTheSessionBoundCsrfTokenAreRefused() throws Exception {
    String reception = app.login("reception");
    java.net.http.HttpRequest post = java.net.http.HttpRequest.newBuilder(java.net.URI.create(app.base + "/reception/invitations"))
        .header("Authorization", "Bearer " + reception).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("patientName=Csrf&appointmentAt=2031-01-01T10:00&clinician=X&csrf=forged"))
        .build();
    HttpResponse<String> r = java.net.http.HttpClient.newHttpClient().send(post, HttpResponse.BodyHandlers.ofString());
    assertEquals(403, r.statusCode());
    assertFalse(app.send("GET", "/api/invitations?date=2031-01-01", reception, null).body().contains("Csrf"));
  }

  @Test
  void healthAndMetricsAnswer() throws Exception {
    HttpResponse<String> h = app.send("GET", "/health", null, null);
    assertEquals(200, h.statusCode());
    assertEquals("memory", new JsonObject(h.body()).getString("store"));
    assertTrue(app.send("GET", "/metrics", null, null).body().contains("previsit_http_requests"));
    HttpResponse<String> unknown = app.send("GET", "/nope", null, null);
    assertEquals(404, unknown.statusCode());
    assertTrue(unknown.body().startsWith("{\"error\""));
  }
}
