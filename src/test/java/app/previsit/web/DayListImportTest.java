package app.previsit.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.previsit.testing.Browser;
import app.previsit.testing.RunningServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Importing a day's list through the real server: preview first, duplicates skipped, failed rows kept. */
class DayListImportTest {
  static RunningServer app;
  static final LocalDate DAY = LocalDate.now().plusDays(2);
  static final String UK = DAY.format(DateTimeFormatter.ofPattern("dd/MM/yyyy"));

  @BeforeAll
  static void start() throws Exception {
    app = RunningServer.start(Map.of());
  }

  @AfterAll
  static void stop() throws Exception {
    app.close();
  }

  @Test
  void thePreviewCreatesNothingAndTheImportSkipsDuplicates() throws Exception {
    String reception = app.login("reception");
    String file = "\uFEFFPatient Name;Appointment Date;Appointment Time;Clinician;DOB\r\n"
        + "Ivy Import;" + UK + ";09:00;Dr Imp;01/01/1950\r\n" + "Jo Import;" + UK + ";09:10;Dr Imp;\r\n"
        + "Ivy Import;" + UK + ";09:00;Dr Imp;\r\n" + "Kit Import;" + UK + ";99:00;Dr Imp;\r\n";
    JsonObject preview = new JsonObject(app.send("POST", "/api/invitations/import?preview=true", reception, file).body());
    assertEquals(2, preview.getLong("ready"));
    assertEquals(1, preview.getLong("skipped"), "the same patient and time twice in the file");
    assertEquals(1, preview.getLong("failed"));
    assertTrue(preview.getJsonArray("rows").getJsonObject(3).getString("error").startsWith("Row 5 (Kit Import): The appointment time"));
    assertEquals("[]", app.send("GET", "/api/invitations?date=" + DAY, reception, null).body(), "a preview creates nothing");

    JsonObject done = new JsonObject(app.send("POST", "/api/invitations/import", reception, file).body());
    assertEquals(2, done.getLong("created"));
    JsonObject again = new JsonObject(app.send("POST", "/api/invitations/import", reception, file).body());
    assertEquals(0, again.getLong("created"), "importing the same list twice creates nothing new");
    assertEquals(3, again.getLong("skipped"));
    JsonArray day = new JsonArray(app.send("GET", "/api/invitations?date=" + DAY, reception, null).body());
    assertEquals(2, day.size());
    assertTrue(day.stream().map(JsonObject.class::cast).anyMatch(j -> j.getBoolean("dateOfBirthGiven")));
  }

  @Test
  void thePagesPreviewCreateAndHandBackTheRowsToCorrect() throws Exception {
    Browser person = new Browser(app.base);
    person.logIn("reception", "demo");
    String form = person.get("/reception/import").body();
    String csrf = Browser.field(form, "csrf");
    String list = "Patient Name,Appointment,Clinician\nLen Page," + UK + " 11:00,Dr Page\nMo Page,32/13/2026 11:10,Dr Page\n";
    HttpResponse<String> preview = person.postForm("/reception/import/preview", "csrf=" + Browser.enc(csrf) + "&csv=" + Browser.enc(list));
    assertEquals(200, preview.statusCode());
    assertTrue(preview.body().contains("1 ready to invite, 0 duplicates skipped, 1 with problems"), preview.body());
    assertTrue(preview.body().contains("Row 3 (Mo Page): The appointment date"));
    HttpResponse<String> created = person.postForm("/reception/import", "csrf=" + Browser.enc(csrf) + "&csv=" + Browser.enc(list));
    assertTrue(created.body().contains("1 invited"), created.body());
    assertTrue(created.body().contains("id=\"failed-csv\"") && created.body().contains("Mo Page,32/13/2026 11:10,Dr Page"),
        "the failed row comes back under its header to correct");
    HttpResponse<String> template = person.get("/reception/import/template.csv");
    assertTrue(template.body().startsWith("Patient Name,Appointment Date,Appointment Time,Clinician"));
    assertTrue(template.headers().firstValue("Content-Disposition").orElse("").contains("attachment"));
  }
}
