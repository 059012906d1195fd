package app.previsit.staff;

import static app.previsit.testing.RunningServer.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.previsit.store.AuditEvent;
import app.previsit.testing.RunningServer;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The audit trail's export through the real server: a date range as CSV or JSON lines, admins only. */
class AuditExportTest {
  static RunningServer app;

  @BeforeAll
  static void start() throws Exception {
    app = RunningServer.start(Map.of("PREVISIT_TIMEZONE", "Europe/London"));
    // 2,500 events on 1 July 2030 (London summer time: 23:00 UTC the day before is its first hour) and 10 the day after.
    List<Future<Void>> all = new ArrayList<>();
    Instant start = Instant.parse("2030-06-30T23:00:00Z");
    for (int i = 0; i < 2500; i++) {
      all.add(app.server.services().stores().audit().record(new AuditEvent(start.plusSeconds(30L * i), "gp", "view-summary", "inv-" + i)));
    }
    all.add(app.server.services().stores().audit().record(
        new AuditEvent(Instant.parse("2030-07-02T10:00:00Z"), "-2-3", "=HYPERLINK(\"http://x\",\"x\")", "@SUM(1+1)")));
    for (int i = 0; i < 10; i++) {
      all.add(app.server.services().stores().audit().record(
          new AuditEvent(Instant.parse("2030-07-01T23:30:00Z").plusSeconds(i), "admin", "export, \"quoted\"", "next-" + i)));
    }
    await(Future.all(all));
  }

  @AfterAll
  static void stop() throws Exception {
    app.close();
  }

  @Test
  void aDayIsExportedAsCsvInItsOwnTimeZoneOldestFirst() throws Exception {
    HttpResponse<String> r = app.send("GET", "/api/audit?from=2030-07-01&to=2030-07-01&format=csv", app.login("admin"), null);
    assertEquals(200, r.statusCode(), r.body());
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
    List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build().parse(
        new java.io.StringReader(r.body())).getRecords();
    assertEquals(2500, rows.size(), "the whole London day, not the next one");
    assertEquals("inv-0", rows.get(0).get("target"));
    assertEquals("inv-2499", rows.get(2499).get("target"));
    assertEquals("2030-06-30T23:00:00Z", rows.get(0).get("at"));
  }

  @Test
  void twoDaysAsJsonLinesWithAwkwardTextIntact() throws Exception {
    HttpResponse<String> r = app.send("GET", "/api/audit?from=2030-07-01&to=2030-07-02", app.login("admin"), null);
    assertEquals(200, r.statusCode());
    List<String> lines = r.body().lines().toList();
    assertEquals(2511, lines.size());
    assertEquals("export, \"quoted\"", new JsonObject(lines.get(2509)).getString("action"));
    assertEquals("=HYPERLINK(\"http://x\",\"x\")", new JsonObject(lines.get(2510)).getString("action"), "JSON lines as written");
  }

  @Test
  void aCsvCellASpreadsheetWouldRunAsAFormulaIsWrittenAsText() throws Exception {
    HttpResponse<String> r = app.send("GET", "/api/audit?from=2030-07-02&to=2030-07-02&format=csv", app.login("admin"), null);
    List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build().parse(
        new java.io.StringReader(r.body())).getRecords();
    CSVRecord odd = rows.stream().filter(x -> x.get("target").contains("SUM")).findFirst().orElseThrow();
    assertEquals("'-2-3", odd.get("actor"));
    assertEquals("'=HYPERLINK(\"http://x\",\"x\")", odd.get("action"));
    assertEquals("'@SUM(1+1)", odd.get("target"));
  }

  @Test
  void onlyAdminsAndClearAnswersForBadRanges() throws Exception {
    assertEquals(403, app.send("GET", "/api/audit?from=2030-07-01&to=2030-07-01", app.login("gp"), null).statusCode());
    String admin = app.login("admin");
    assertEquals(400, app.send("GET", "/api/audit?from=2030-07-01", admin, null).statusCode());
    assertEquals(400, app.send("GET", "/api/audit?from=yesterday&to=2030-07-01", admin, null).statusCode());
    assertEquals(400, app.send("GET", "/api/audit?from=2030-07-02&to=2030-07-01", admin, null).statusCode());
    assertEquals(400, app.send("GET", "/api/audit?from=2030-07-01&to=2030-07-01&format=xml", admin, null).statusCode());
    assertEquals(200, app.send("GET", "/api/audit", admin, null).statusCode(), "without a range: the newest events, as before");
  }
}
