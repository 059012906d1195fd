package app.previsit.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.previsit.invitation.Invitation;
import app.previsit.testing.HeadlessChrome;
import app.previsit.testing.RunningServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/** Reception's day in real Chromium: emergency alerts without a reload, forms that survive updates, undo of a cancel. */
class ReceptionDayBrowserTest {
  static RunningServer app;
  static ChromeDriver browser;
  static app.previsit.testing.BrowserSteps steps;

  @BeforeAll
  static void start() throws Exception {
    app = RunningServer.start(Map.of("PREVISIT_PRACTICE_PHONE", "01632 960000"));
    browser = HeadlessChrome.start();
    steps = new app.previsit.testing.BrowserSteps(browser, app.base);
  }

  @AfterAll
  static void stop() throws Exception {
    if (browser != null) browser.quit();
    app.close();
  }

  @Test
  void anEmergencyAppearsOnTheOpenReceptionPageWithinTwoSecondsAndIsAcknowledged() throws Exception {
    Invitation inv = app.invite("Margaret Ellis");
    steps.login("reception");
    browser.get(app.base + "/reception?date=" + inv.appointmentAt().toLocalDate());
    steps.waitFor(Duration.ofSeconds(5), () -> browser.findElements(By.cssSelector("tr[data-invitation]")).size() > 0);
    app.send("POST", "/chat/api/" + inv.token() + "/messages", null, "{\"button\":\"Let's start\"}");
    long typed = System.nanoTime();
    var reply = app.send("POST", "/chat/api/" + inv.token() + "/messages", null,
        "{\"text\":\"I have crushing chest pain right now and it's going down my left arm\"}");
    assertTrue(reply.body().contains("999"), reply.body());
    assertTrue(reply.body().contains("01632 960000"), "the practice's number in the emergency reply");
    steps.waitFor(Duration.ofSeconds(2), () -> browser.findElements(By.cssSelector("#alerts .alert-item")).stream()
        .anyMatch(e -> e.getText().contains("Margaret Ellis")));
    long ms = (System.nanoTime() - typed) / 1_000_000;
    assertTrue(ms < 2000, "shown after " + ms + " ms");
    WebElement alert = browser.findElement(By.cssSelector("#alerts .alert-item"));
    assertTrue(alert.getText().contains("Chest pain"), alert.getText());
    assertFalse(alert.getText().contains("crushing"), "no patient words on the alert");
    assertTrue(browser.findElement(By.cssSelector("tr[data-invitation='" + inv.id() + "'] .alert-cell")).getText().contains("EMERGENCY"),
        "the row is marked");
    HeadlessChrome.screenshot(browser, "reception-alert");
    alert.findElement(By.cssSelector("button.ack")).click();
    steps.waitFor(Duration.ofSeconds(3), () -> browser.findElements(By.cssSelector("#alerts .alert-item")).isEmpty());
    JsonArray audit = new JsonArray(app.send("GET", "/api/audit", app.login("admin"), null).body());
    assertTrue(audit.stream().map(JsonObject.class::cast).anyMatch(e -> e.getString("action").equals("acknowledge-alert")
        && e.getString("actor").equals("reception") && e.getString("target").equals(inv.id())));
    assertEquals("[]", app.send("GET", "/api/alerts", app.login("gp"), null).body(), "acknowledged alerts are no longer open");
  }

  @Test
  void typingInTheInviteFormSurvivesAStatusChangeShownInPlace() throws Exception {
    Invitation inv = app.invite("Tom Update");
    steps.login("reception");
    browser.get(app.base + "/reception?date=" + inv.appointmentAt().toLocalDate());
    browser.findElement(By.id("patientName")).sendKeys("Half typed name");
    By status = By.cssSelector("tr[data-invitation='" + inv.id() + "'] [data-field='status']");
    assertEquals("Invited", browser.findElement(status).getText());
    app.send("POST", "/chat/api/" + inv.token() + "/messages", null, "{\"button\":\"Let's start\"}");
    app.send("POST", "/chat/api/" + inv.token() + "/messages", null, "{\"text\":\"my knee aches on stairs\"}");
    steps.waitFor(Duration.ofSeconds(15), () -> browser.findElement(status).getText().equals("In progress"));
    assertEquals("Half typed name", browser.findElement(By.id("patientName")).getAttribute("value"), "nothing typed is wiped");
  }

  @Test
  void aCancelAsksOnceAndCanBeUndone() throws Exception {
    Invitation inv = app.invite("Una Undo");
    steps.login("reception");
    browser.get(app.base + "/reception?date=" + inv.appointmentAt().toLocalDate());
    By row = By.cssSelector("tr[data-invitation='" + inv.id() + "']");
    browser.findElement(row).findElement(By.xpath(".//button[contains(., 'Cancel invitation for Una Undo')]")).click();
    browser.switchTo().alert().accept();
    steps.waitFor(Duration.ofSeconds(5), () -> browser.findElement(row).getText().contains("Cancelled by practice"));
    assertTrue(browser.findElement(row).findElements(By.cssSelector("input.link")).isEmpty(), "a cancelled row shows no link");
    browser.findElement(By.cssSelector("#undo button")).click();
    steps.waitFor(Duration.ofSeconds(5), () -> browser.findElement(row).getText().contains("Invited"));
    assertEquals(200, app.send("GET", "/chat/api/" + inv.token() + "/history", null, null).statusCode(), "the link works again");
  }

  @Test
  void aClinicalSystemExportWithABomAndSemicolonsImportsAfterAPreviewSkippingDuplicates() throws Exception {
    java.time.LocalDate day = java.time.LocalDate.now().plusDays(4);
    String uk = day.format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"));
    java.nio.file.Path file = java.nio.file.Files.createTempFile("day-list", ".csv");
    java.nio.file.Files.writeString(file, "\uFEFFPatient Name;Appointment Date;Appointment Time;Clinician;NHS Number;DOB\r\n"
        + "Nia Upload;" + uk + ";10:00;Dr Web;;02/03/1970\r\n" + "Oz Upload;" + uk + ";10:10;Dr Web;;\r\n"
        + "Nia Upload;" + uk + ";10:00;Dr Web;;\r\n", java.nio.charset.StandardCharsets.UTF_8);
    try {
      steps.login("reception");
      browser.get(app.base + "/reception/import");
      browser.findElement(By.id("file")).sendKeys(file.toString());
      browser.findElement(By.id("preview")).click();
      steps.waitFor(Duration.ofSeconds(10), () -> browser.getPageSource().contains("ready to invite"));
      String preview = browser.findElement(By.tagName("main")).getText();
      assertTrue(preview.contains("2 ready to invite, 1 duplicates skipped, 0 with problems"), preview);
      assertEquals("[]", app.send("GET", "/api/invitations?date=" + day, app.login("reception"), null).body(), "nothing yet");
      browser.findElement(By.id("create-all")).click();
      steps.waitFor(Duration.ofSeconds(10), () -> browser.getPageSource().contains("2 invited"));
      JsonArray list = new JsonArray(app.send("GET", "/api/invitations?date=" + day, app.login("reception"), null).body());
      assertEquals(2, list.size());
    } finally {
      java.nio.file.Files.deleteIfExists(file);
    }
  }

}
