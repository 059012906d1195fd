package app.previsit.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.previsit.testing.Browser;
import app.previsit.testing.RunningServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A patient link only the patient's device can read, through the real server. */
class PatientLinkTest {
  static RunningServer app;
  static String reception;
  static final String TOMORROW = LocalDate.now().plusDays(1).toString();

  @BeforeAll
  static void start() throws Exception {
    app = RunningServer.start(Map.of());
    reception = app.login("reception");
  }

  @AfterAll
  static void stop() throws Exception {
    app.close();
  }

  static JsonObject invite(String name, String dateOfBirth) throws Exception {
    JsonObject body = new JsonObject().put("patientName", name).put("appointmentAt", TOMORROW + "T10:30").put("clinician", "Dr Ray");
    if (dateOfBirth != null) body.put("dateOfBirth", dateOfBirth);
    HttpResponse<String> r = app.send("POST", "/api/invitations", reception, body.encode());
    assertEquals(201, r.statusCode(), r.body());
    return new JsonObject(r.body());
  }

  static String path(JsonObject inv) {
    return inv.getString("webLink").substring(app.base.length());
  }

  static JsonObject listed(String id) throws Exception {
    JsonArray day = new JsonArray(app.send("GET", "/api/invitations?date=" + TOMORROW, reception, null).body());
    return day.stream().map(JsonObject.class::cast).filter(j -> j.getString("id").equals(id)).findFirst().orElseThrow();
  }

  @Test
  void anotherBrowserCannotReadOrWriteAStartedConversation() throws Exception {
    JsonObject inv = invite("Pat Holder", null);
    String token = path(inv).substring("/chat/".length());
    Browser patient = new Browser(app.base);
    assertEquals(200, patient.get(path(inv)).statusCode());
    assertEquals(200, patient.postJson("/chat/api/" + token + "/messages", "{\"button\":\"Let's start\"}").statusCode());
    assertEquals(200, patient.postJson("/chat/api/" + token + "/messages", "{\"text\":\"my ankle has been swollen since Monday\"}").statusCode());

    Browser receptionDesk = new Browser(app.base);
    HttpResponse<String> history = receptionDesk.get("/chat/api/" + token + "/history");
    assertEquals(403, history.statusCode());
    assertFalse(history.body().contains("ankle"), "nothing of the conversation");
    HttpResponse<String> page = receptionDesk.get(path(inv));
    assertEquals(403, page.statusCode());
    assertTrue(page.body().contains("ask for a new link"), page.body());
    assertTrue(page.body().contains("call 999") && page.body().contains("NHS 111"), "a link error page still says where help is");
    assertFalse(page.body().contains("ankle"));
    assertEquals(403, receptionDesk.postJson("/chat/api/" + token + "/messages", "{\"text\":\"/forget\"}").statusCode(),
        "nor act as the patient");
    assertEquals(403, receptionDesk.postJson("/chat/api/" + token + "/messages", "{\"text\":\"/summary\"}").statusCode());
    assertTrue(patient.get("/chat/api/" + token + "/history").body().contains("ankle"), "the patient carries on");

    JsonObject row = listed(inv.getString("id"));
    assertTrue(row.getBoolean("linkOpened"));
    assertNull(row.getString("webLink"), "reception no longer sees the link once a device holds it");
    assertEquals(404, app.send("GET", "/reception/invitations/" + inv.getString("id") + "/qr.svg", reception, null).statusCode());
    JsonArray audit = new JsonArray(app.send("GET", "/api/audit", app.login("admin"), null).body());
    assertTrue(audit.stream().map(JsonObject.class::cast).anyMatch(e -> e.getString("action").equals("open-link")
        && e.getString("target").equals(inv.getString("id"))), "opening from a new device is audited");
  }

  @Test
  void aSecondDeviceGetsInWithTheDateOfBirth() throws Exception {
    JsonObject inv = invite("Pat Tablet", "1961-07-30");
    String token = path(inv).substring("/chat/".length());
    Browser phone = new Browser(app.base);
    phone.get(path(inv));
    phone.postJson("/chat/api/" + token + "/messages", "{\"button\":\"Let's start\"}");
    Browser tablet = new Browser(app.base);
    HttpResponse<String> page = tablet.get(path(inv));
    assertEquals(403, page.statusCode());
    assertTrue(page.body().contains("name=\"dateOfBirth\""), "offers the date-of-birth check");
    assertEquals(403, tablet.postJson("/chat/api/" + token + "/device", "{\"dateOfBirth\":\"1961-07-31\"}").statusCode());
    assertEquals(403, tablet.get("/chat/api/" + token + "/history").statusCode());
    HttpResponse<String> ok = tablet.postForm("/chat/" + token + "/device", "dateOfBirth=1961-07-30");
    assertEquals(303, ok.statusCode());
    assertEquals(200, tablet.get("/chat/api/" + token + "/history").statusCode(), "the tablet holds it too now");
    assertEquals(200, phone.get("/chat/api/" + token + "/history").statusCode(), "and the phone still does");

    Browser guesser = new Browser(app.base);
    int refused = 0;
    for (int i = 0; i < 8; i++) {
      int s = guesser.postJson("/chat/api/" + token + "/device", "{\"dateOfBirth\":\"1970-01-0" + (i + 1) + "\"}").statusCode();
      if (s == 429) refused++;
    }
    assertTrue(refused >= 3, "wrong dates of birth are limited per invitation");
  }

  @Test
  void aNewLinkStopsTheOldOneAndKeepsTheConversation() throws Exception {
    JsonObject inv = invite("Pat Lost-Phone", null);
    String oldToken = path(inv).substring("/chat/".length());
    Browser lostPhone = new Browser(app.base);
    lostPhone.postJson("/chat/api/" + oldToken + "/messages", "{\"button\":\"Let's start\"}");
    lostPhone.postJson("/chat/api/" + oldToken + "/messages", "{\"text\":\"dizzy spells when I stand up\"}");
    HttpResponse<String> renewed = app.send("POST", "/api/invitations/" + inv.getString("id") + "/link", reception, null);
    assertEquals(200, renewed.statusCode(), renewed.body());
    JsonObject fresh = new JsonObject(renewed.body());
    assertFalse(fresh.getBoolean("linkOpened"));
    String newPath = path(fresh);
    assertFalse(newPath.endsWith(oldToken));
    assertEquals(404, lostPhone.get("/chat/api/" + oldToken + "/history").statusCode(), "the old link is dead");
    Browser newPhone = new Browser(app.base);
    HttpResponse<String> h = newPhone.get("/chat/api/" + newPath.substring("/chat/".length()) + "/history");
    assertEquals(200, h.statusCode());
    assertTrue(h.body().contains("dizzy spells"), "the conversation carries on with the new link");
    JsonArray audit = new JsonArray(app.send("GET", "/api/audit", app.login("admin"), null).body());
    assertTrue(audit.stream().map(JsonObject.class::cast).anyMatch(e -> e.getString("action").equals("new-link")
        && e.getString("actor").equals("reception")));
  }

  @Test
  void invitationChangesAreAudited() throws Exception {
    JsonObject inv = invite("Pat Audit", null);
    app.send("DELETE", "/api/invitations/" + inv.getString("id"), reception, null);
    app.send("POST", "/api/invitations/import", reception, "patientName,appointmentAt,clinician\nImp Ort," + TOMORROW + "T11:00,Dr A\n");
    JsonArray audit = new JsonArray(app.send("GET", "/api/audit", app.login("admin"), null).body());
    for (String action : new String[] {"create-invitation", "cancel-invitation", "import-invitations"}) {
      assertTrue(StaffSessionsTest.has(audit, "reception", action), action);
    }
    assertFalse(audit.encode().contains("Pat Audit"), "no patient names in the audit");
  }
}
