package app.previsit.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.previsit.testing.HeadlessChrome;
import app.previsit.testing.RunningServer;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.print.PrintOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The GP's day and summary in real Chromium: order, red-flag box, live flags, at a glance, identity, print, copy. */
class GpBrowserTest {
  static RunningServer app;
  static ChromeDriver browser;
  static app.previsit.testing.BrowserSteps steps;
  static final LocalDate DAY = LocalDate.now().plusDays(5);
  static String threeConcerns;
  static String flagged;
  static String later;

  @BeforeAll
  static void start() throws Exception {
    app = RunningServer.start(Map.of());
    browser = HeadlessChrome.start();
    steps = new app.previsit.testing.BrowserSteps(browser, app.base);
    String reception = app.login("reception");
    later = invite(reception, "Gil Later", "11:40", null);
    threeConcerns = invite(reception, "Hana Three", "09:10", "943 476 5919");
    flagged = invite(reception, "Ivo Flag", "10:30", null);
    chat(threeConcerns, List.of("Let's start", "my lower back aches every morning", "2 months", "6", "lifting at work",
        "that it is a slipped disc", "advice on exercises", "Yes, something else", "my left wrist clicks when I type", "3 weeks", "3",
        "too much typing", "that it gets worse", "a splint maybe", "Yes, something else", "I feel tired all the time", "since the summer",
        "5", "not sleeping well", "that it's my thyroid", "a blood test", "No, that's all"));
    chat(threeConcerns, List.of("my lower back aches every morning", "I read on the NHS website that walking helps back pain",
        "Nothing about this", "No, that's all", "Will I need an x-ray?", "No more questions", "to play with my grandchildren", "That's all",
        "Let's decide together", "No, nothing", "ibuprofen 200mg when needed", "That's all"));
    for (int i = 0; i < 12 && !say(threeConcerns, "{\"button\":\"Confirm and send to my GP\"}").contains("\"done\":true"); i++) {
      say(threeConcerns, "{\"text\":\"/skip\"}");
    }
  }

  @AfterAll
  static void stop() throws Exception {
    if (browser != null) browser.quit();
    app.close();
  }

  @Test
  void theDayIsInTimeOrderWithARedFlagBoxAndAFlagRaisedWhileOpenShowsAtOnce() throws Exception {
    chat(flagged, List.of("Let's start", "I have crushing chest pain right now"));
    steps.login("gp");
    browser.get(app.base + "/gp?date=" + DAY);
    List<String> names = browser.findElements(By.cssSelector("#summaries tbody tr")).stream()
        .map(r -> r.findElements(By.tagName("td")).get(1).getText().split("\n")[0]).toList();
    assertEquals(List.of("Hana Three", "Ivo Flag", "Gil Later"), names, "time order, flags not floated");
    String box = browser.findElement(By.id("flagbox")).getText();
    assertTrue(box.contains("Ivo Flag") && box.contains("Chest pain"), box);
    assertTrue(browser.findElements(By.linkText("Gil Later")).isEmpty(), "nothing to read: not a link");
    HeadlessChrome.screenshot(browser, "gp-day");
    // A patient on this list describes an emergency while the page is open.
    chat(later, List.of("Let's start", "my son has swallowed a bottle of bleach just now"));
    new WebDriverWait(browser, Duration.ofSeconds(3)).until(d -> d.findElements(By.cssSelector("#alerts .alert-item")).stream()
        .anyMatch(e -> e.getText().contains("Gil Later")));
  }

  @Test
  void theSummaryShowsAtAGlanceFirstLocalTimesIdentityAndCopiesToTheRecord() throws Exception {
    steps.login("gp");
    browser.get(app.base + "/gp/summaries/" + threeConcerns.split(" ")[0]);
    String identity = browser.findElement(By.id("identity")).getText();
    assertTrue(identity.contains("Hana Three") && identity.contains("NHS 943 476 5919"), identity);
    assertTrue(Pattern.compile("[A-Z][a-z]{2} \\d{1,2} [A-Z][a-z]{2}, 09:10").matcher(identity).find(), "UK-style local time: " + identity);
    String main = browser.findElement(By.tagName("main")).getText();
    assertTrue(main.indexOf("At a glance") < main.indexOf("Agenda"), "at a glance comes first");
    // The top line leads with the concern's short title ("Lower back ache"), so the case is the title's.
    assertTrue(browser.findElement(By.id("top")).getText().toLowerCase(java.util.Locale.ROOT).contains("lower back"),
        browser.findElement(By.id("top")).getText());
    assertTrue(browser.findElement(By.id("counts")).getText().startsWith("3 concern(s)"), browser.findElement(By.id("counts")).getText());
    assertFalse(main.contains("T09:10") || main.contains("Z "), "no raw ISO times");
    String record = browser.findElement(By.id("record-text")).getAttribute("value");
    assertTrue(record.contains("Ideas, concerns, expectations:") && record.contains("NHS number 943 476 5919"), record);
    browser.findElement(By.id("copy-record")).click();
    new WebDriverWait(browser, Duration.ofSeconds(3)).until(d -> d.findElement(By.id("copy-record")).getText().contains("Copied")
        || d.findElement(By.id("copy-record")).getText().contains("Ctrl+C"));
    browser.findElement(By.id("mark-reviewed")).click();
    new WebDriverWait(browser, Duration.ofSeconds(5)).until(d -> !d.findElements(By.id("reviewed")).isEmpty());
    assertTrue(browser.findElement(By.id("reviewed")).getText().startsWith("reviewed by gp"));
    HeadlessChrome.screenshot(browser, "gp-summary-v2");

    byte[] pdf = Base64.getDecoder().decode(browser.print(new PrintOptions()).getContent());
    int pages = pages(pdf);
    System.out.println("three-concern summary printed on " + pages + " A4 page(s), " + pdf.length + " bytes");
    assertEquals(1, pages, "a typical three-concern summary prints on one page");
  }

  /** Page objects in a PDF Chromium printed (Skia writes them uncompressed). */
  static int pages(byte[] pdf) {
    String text = new String(pdf, java.nio.charset.StandardCharsets.ISO_8859_1);
    var m = Pattern.compile("/Type\\s*/Page(?![s\\w])").matcher(text);
    int n = 0;
    while (m.find()) n++;
    return n;
  }

  static String invite(String reception, String name, String time, String nhs) throws Exception {
    JsonObject body = new JsonObject().put("patientName", name).put("appointmentAt", DAY + "T" + time).put("clinician", "Dr Glance");
    if (nhs != null) body.put("nhsNumber", nhs).put("dateOfBirth", "1958-04-09");
    JsonObject inv = new JsonObject(app.send("POST", "/api/invitations", reception, body.encode()).body());
    return inv.getString("id") + " " + inv.getString("webLink").substring(inv.getString("webLink").lastIndexOf('/') + 1);
  }

  static void chat(String who, List<String> lines) throws Exception {
    for (String l : lines) say(who, new JsonObject().put("text", l).encode());
  }

  static String say(String who, String json) throws Exception {
    return app.send("POST", "/chat/api/" + who.split(" ")[1] + "/messages", null, json).body();
  }

}
