package app.previsit.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.previsit.testing.RunningServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The practice dashboard against a scripted day: every figure checked. */
class DashboardTest {
  @Test
  void theFiguresMatchAScriptedDay() throws Exception {
    try (RunningServer app = RunningServer.start(Map.of())) {
      String reception = app.login("reception");
      LocalDate day = LocalDate.now().plusDays(3);
      JsonObject a = invite(app, reception, "Ann Only-Invited", day, "09:00");
      JsonObject b = invite(app, reception, "Ben Opened", day, "09:10");
      JsonObject c = invite(app, reception, "Cat Stopped", day, "09:20");
      JsonObject d = invite(app, reception, "Dan Completed", day, "09:30");
      JsonObject e = invite(app, reception, "Eve Emergency", day, "09:40");
      JsonObject f = invite(app, reception, "Fay Cancelled", day, "09:50");

      app.send("GET", "/chat/api/" + token(b) + "/history", null, null);
      say(app, c, "{\"button\":\"Let's start\"}");
      say(app, c, "{\"text\":\"my knee hurts when I kneel\"}");
      say(app, c, "{\"text\":\"/stop\"}");
      say(app, d, "{\"button\":\"Let's start\"}");
      say(app, d, "{\"text\":\"a cough that won't clear\"}");
      for (int i = 0; i < 25 && !say(app, d, "{\"text\":\"/skip\"}").contains("Confirm and send to my GP"); i++) { }
      assertTrue(say(app, d, "{\"button\":\"Confirm and send to my GP\"}").contains("\"done\":true"));
      say(app, e, "{\"button\":\"Let's start\"}");
      say(app, e, "{\"text\":\"I have crushing chest pain right now\"}");
      JsonArray open = new JsonArray(app.send("GET", "/api/alerts", reception, null).body());
      assertEquals(1, open.size());
      app.send("POST", "/api/alerts/" + open.getJsonObject(0).getString("id") + "/acknowledge", reception, null);
      app.send("DELETE", "/api/invitations/" + f.getString("id"), reception, null);
      assertFalse(a.isEmpty());

      JsonObject figures = new JsonObject(app.send("GET", "/reception/dashboard.json?from=" + day + "&to=" + day, reception, null).body());
      assertEquals(5, figures.getInteger("invited"), figures.encode());
      assertEquals(4, figures.getInteger("opened"));
      assertEquals(3, figures.getInteger("started"));
      assertEquals(1, figures.getInteger("completed"));
      assertTrue(figures.getLong("medianSecondsToComplete") >= 0);
      assertEquals(1, figures.getInteger("stoppedByPatient"));
      assertEquals(0, figures.getInteger("deletedByPatient"));
      assertEquals(2, figures.getJsonObject("stoppedIn").getInteger("agenda"), "Cat stopped and Eve paused in the agenda");
      assertEquals(0, figures.getJsonObject("stoppedIn").getInteger("research"));
      assertEquals(1, figures.getInteger("alertsRaised"));
      assertEquals(1, figures.getInteger("alertsAcknowledged"));

      String page = app.send("GET", "/reception/dashboard?from=" + day + "&to=" + day, reception, null).body();
      assertTrue(page.contains("<td id=\"invited\">5</td>") && page.contains("<td id=\"completed\">1</td>")
          && page.contains("<td id=\"alerts-acknowledged\">1</td>"), page);
      assertTrue(page.contains("<svg") && page.contains("aria-label=\"Invited 5, Opened 4, Started 3, Completed 1\""));
      assertFalse(page.contains("knee") || page.contains("cough") || page.contains("crushing"), "no clinical text");
      assertEquals(403, app.send("GET", "/reception/dashboard.json", app.login("gp"), null).statusCode());
      assertEquals(400, app.send("GET", "/reception/dashboard?from=2026-12-10&to=2026-12-01", reception, null).statusCode());
    }
  }

  static JsonObject invite(RunningServer app, String reception, String name, LocalDate day, String time) throws Exception {
    return new JsonObject(app.send("POST", "/api/invitations", reception, new JsonObject().put("patientName", name)
        .put("appointmentAt", day + "T" + time).put("clinician", "Dr Dash").encode()).body());
  }

  static String token(JsonObject inv) {
    String link = inv.getString("webLink");
    return link.substring(link.lastIndexOf('/') + 1);
  }

  static String say(RunningServer app, JsonObject inv, String json) throws Exception {
    return app.send("POST", "/chat/api/" + token(inv) + "/messages", null, json).body();
  }
}
