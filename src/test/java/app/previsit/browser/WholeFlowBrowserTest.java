package app.previsit.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.previsit.testing.HeadlessChrome;
import app.previsit.testing.RunningServer;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.chrome.ChromeDriver;

/** Reception invites, the patient chats in the web page, the GP reads what they typed: in real Chromium. */
class WholeFlowBrowserTest {
  static RunningServer app;
  static ChromeDriver browser;
  static app.previsit.testing.BrowserSteps steps;

  @BeforeAll
  static void start() throws Exception {
    app = RunningServer.start(Map.of());
    browser = HeadlessChrome.start();
    steps = new app.previsit.testing.BrowserSteps(browser, app.base);
  }

  @AfterAll
  static void stop() throws Exception {
    if (browser != null) browser.quit();
    app.close();
  }

  @Test
  void receptionInvitesPatientChatsGpReadsAndNothingIsInjected() throws Exception {
    String day = LocalDate.now().plusDays(1).toString();
    steps.login("reception");
    browser.findElement(By.id("patientName")).sendKeys("Robin Browser");
    browser.executeScript("arguments[0].value = arguments[1]", browser.findElement(By.id("appointmentAt")), day + "T10:40");
    browser.findElement(By.id("clinician")).sendKeys("Dr Chrome");
    browser.findElement(By.id("invite")).click();
    steps.waitFor(Duration.ofSeconds(10), () -> browser.getPageSource().contains("Robin Browser"));
    HeadlessChrome.screenshot(browser, "reception");
    String link = browser.findElements(By.cssSelector("#invitations tr")).stream()
        .filter(r -> r.getText().contains("Robin Browser")).findFirst().orElseThrow()
        .findElement(By.cssSelector("input.link")).getAttribute("value");

    browser.manage().deleteAllCookies();
    // The server listens on port 0, so the link's configured host part is not this port: keep its path.
    browser.get(app.base + java.net.URI.create(link).getPath());
    steps.waitFor(Duration.ofSeconds(10), () -> browser.findElements(By.cssSelector(".msg.from-bot")).size() >= 1);
    assertTrue(browser.findElement(By.id("messages")).getText().contains("Hello Robin Browser"));
    steps.chip("Let's start");
    steps.type("my shoulder has been stiff for 2 months");
    steps.type("<img src=x onerror=alert(1)>");
    steps.type("<script>alert(2)</script>");
    for (int i = 0; i < 20 && !steps.hasChip("Confirm and send to my GP"); i++) steps.type("/skip");
    steps.chip("Confirm and send to my GP");
    steps.waitFor(Duration.ofSeconds(10), () -> browser.findElement(By.id("messages")).getText().contains("Your summary is ready"));
    HeadlessChrome.screenshot(browser, "chat");
    // Finished: nothing left to type into, and the page says so.
    assertFalse(browser.findElement(By.id("composer")).isDisplayed(), "the text box is gone once the summary is sent");
    assertTrue(browser.findElement(By.id("finished")).getText().contains("You can close this page"));
    String header = browser.findElement(By.id("appointment")).getText();
    assertTrue(header.contains("10:40") && header.contains("Dr Chrome"), header);
    assertNoAlert();
    assertTrue(browser.findElements(By.cssSelector("#messages img")).isEmpty(), "patient text became an element");
    assertTrue(browser.findElement(By.id("messages")).getText().contains("<img src=x onerror=alert(1)>"));

    browser.manage().deleteAllCookies();
    steps.login("gp");
    browser.get(app.base + "/gp?date=" + day);
    browser.findElement(By.linkText("Robin Browser")).click();
    steps.waitFor(Duration.ofSeconds(10), () -> browser.getPageSource().contains("Agenda"));
    String page = browser.findElement(By.tagName("main")).getText();
    assertTrue(page.contains("my shoulder has been stiff for 2 months"), page);
    assertTrue(page.contains("2 months"));
    assertTrue(page.contains("confirmed by the patient"));
    browser.findElement(By.cssSelector("#transcript summary")).click();
    assertTrue(browser.findElement(By.id("transcript")).getText().contains("<script>alert(2)</script>"));
    assertTrue(browser.findElements(By.cssSelector("main img")).isEmpty());
    assertEquals(0L, browser.executeScript("return document.querySelectorAll('main script').length"));
    assertNoAlert();
    HeadlessChrome.screenshot(browser, "gp-summary");
  }

  @Test
  void receptionCannotOpenClinicalPages() throws Exception {
    browser.manage().deleteAllCookies();
    steps.login("reception");
    browser.get(app.base + "/gp");
    assertTrue(browser.getPageSource().contains("Not allowed"));
  }

  @Test
  void anEmergencyReplyIsAnAlertWithTapToCallAndStaysOneAfterAReload() throws Exception {
    startChat("Alex Alarm");
    steps.type("I have crushing chest pain right now");
    steps.waitFor(Duration.ofSeconds(10), () -> !browser.findElements(By.cssSelector(".msg.emergency")).isEmpty());
    checkAlert();
    HeadlessChrome.screenshot(browser, "chat-emergency");
    browser.navigate().refresh();
    steps.waitFor(Duration.ofSeconds(10), () -> !browser.findElements(By.cssSelector(".msg.emergency")).isEmpty());
    checkAlert();
    assertEquals(1, browser.findElements(By.cssSelector(".msg.emergency [role=alert] .calls")).stream()
        .filter(e -> e.getText().contains("999")).count(), "the 999 reply once, the hold prompt is not an alert");
  }

  @Test
  void aMessageWhoseAnswerWasLostIsRetriedWithItsIdAndAppliedOnce() throws Exception {
    app.previsit.invitation.Invitation inv = startChat("Rita Retry");
    steps.chip("None of these");
    assertEquals("Step 1 of 8: What you'd like to talk about", browser.findElement(By.id("progress")).getText());
    // The next message reaches the server, but its answer is lost on the way back (a train going into a tunnel).
    browser.executeScript("var real = window.fetch; window.__drop = true; window.fetch = function (u, o) {"
        + " return real(u, o).then(function (r) { if (window.__drop && o && o.method === 'POST') {"
        + " window.__drop = false; throw new TypeError('dropped'); } return r; }); };");
    browser.findElement(By.id("text")).sendKeys("my ankle swells by the evening");
    browser.findElement(By.id("text")).submit();
    steps.waitFor(Duration.ofSeconds(10), () -> !browser.findElements(By.cssSelector(".chip.retry")).isEmpty());
    assertFalse(browser.findElements(By.cssSelector(".msg.from-patient.unsent")).isEmpty(), "the bubble says it was not sent");
    HeadlessChrome.screenshot(browser, "chat-retry");
    browser.findElement(By.cssSelector(".chip.retry")).click();
    steps.waitFor(Duration.ofSeconds(10), () -> browser.findElement(By.id("messages")).getText().contains("How long"));
    assertTrue(browser.findElements(By.cssSelector(".msg.from-patient.unsent")).isEmpty());
    // Read back as the page would (the link is bound to this browser's device cookie).
    var history = new io.vertx.core.json.JsonObject((String) browser.executeAsyncScript("var done = arguments[1];"
        + " fetch('/chat/api/' + arguments[0] + '/history').then(function (r) { return r.text(); }).then(done);", inv.token()));
    long times = history.getJsonArray("messages").stream().map(io.vertx.core.json.JsonObject.class::cast)
        .filter(m -> m.getString("text").equals("my ankle swells by the evening")).count();
    assertEquals(1, times, "applied once although it was sent twice");
    assertEquals(1, browser.findElements(By.cssSelector(".msg.from-patient")).stream()
        .filter(e -> e.getText().contains("my ankle swells")).count(), "one bubble on the page too");
  }

  /** A new patient's chat page in a fresh browser session, past the welcome. */
  private static app.previsit.invitation.Invitation startChat(String name) throws Exception {
    browser.manage().deleteAllCookies();
    app.previsit.invitation.Invitation inv = app.invite(name);
    browser.get(app.base + "/chat/" + inv.token());
    steps.waitFor(Duration.ofSeconds(10), () -> browser.findElements(By.cssSelector(".msg.from-bot")).size() >= 1);
    steps.chip("Let's start");
    return inv;
  }

  private static void checkAlert() {
    var alert = browser.findElements(By.cssSelector(".msg.emergency [role=alert]")).get(0);
    assertTrue(alert.getText().contains("999"), alert.getText());
    var links = alert.findElements(By.cssSelector("a.call")).stream().map(a -> a.getAttribute("href")).toList();
    assertEquals(java.util.List.of("tel:999", "tel:111"), links);
  }

  private static void assertNoAlert() {
    assertThrows(NoAlertPresentException.class, () -> browser.switchTo().alert());
  }

}
