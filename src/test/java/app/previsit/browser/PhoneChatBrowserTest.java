package app.previsit.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.previsit.invitation.Invitation;
import app.previsit.invitation.InvitationStatus;
import app.previsit.printout.PrintedPages;
import app.previsit.testing.BrowserSteps;
import app.previsit.testing.DroppingProxy;
import app.previsit.testing.HeadlessChrome;
import app.previsit.testing.PhoneScreen;
import app.previsit.testing.RunningServer;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The patient's web chat on a phone's screen (390x844 and 320x568) in real Chromium: the latest
 * question's buttons and the composer stay in view through a whole conversation, a message whose
 * answer a flaky connection lost is retried and applied once, the review's items change one by one,
 * the finished state, the emergency alert, and the pages a patient sees when their link cannot be used.
 */
class PhoneChatBrowserTest {
  static final String PHONE = "01632 960000";
  static final String PRACTICE = "Riverside Surgery";
  static final String LONG_LINK = "https://www.nhs.uk/conditions/gout/treatment-and-self-care-advice-for-people-living-with-"
      + "gout-and-other-inflammatory-joint-conditions-over-many-years";

  static RunningServer app;
  static ChromeDriver browser;
  static BrowserSteps steps;
  static DroppingProxy proxy;

  @BeforeAll
  static void start() throws Exception {
    app = RunningServer.start(Map.of("PREVISIT_PRACTICE_PHONE", PHONE, "PREVISIT_PRACTICE_NAME", PRACTICE));
    browser = HeadlessChrome.start();
    // Every wait here is explicit: an implicit one would make each look for something absent take seconds.
    browser.manage().timeouts().implicitlyWait(Duration.ZERO);
    steps = new BrowserSteps(browser, app.base);
    proxy = new DroppingProxy(app.server.port());
  }

  @AfterAll
  static void stop() throws Exception {
    if (proxy != null) proxy.close();
    if (browser != null) browser.quit();
    if (app != null) app.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"390x844", "320x568"})
  void aWholeConversationKeepsTheLatestButtonsAndTheComposerInViewAndEndsClearly(String size) throws Exception {
    PhoneScreen screen = PhoneScreen.of(size);
    open(screen, app.base, "Phoebe Phone " + size);
    String header = browser.findElement(By.className("chat-head")).getText();
    assertTrue(header.contains(PRACTICE) && header.contains("Dr Test") && header.matches("(?s).*\\d\\d:\\d\\d.*"), header);
    inView(size, "the greeting");
    String[][] conversation = {
        {"chip", "Let's start"}, {"chip", "None of these"}, {"type", "my knee has been swollen"}, {"type", "3 weeks"},
        {"chip", "6"}, {"type", "maybe arthritis"}, {"type", "that it's something serious"}, {"type", "a scan"},
        {"chip", "No, that's all"}, {"type", "I read on " + LONG_LINK + " that it could be gout"},
        {"chip", "Nothing about this"}, {"chip", "No, that's all"}, {"chip", "What are my options?"},
        {"type", "do I need a scan?"}, {"chip", "No more questions"}, {"type", "I want to walk the dog again"},
        {"chip", "That's all"}, {"chip", "Let's decide together"}, {"type", "please explain things simply"},
        {"chip", "No, that's all"}, {"type", "I take ramipril 5mg"}, {"chip", "That's all"}};
    for (String[] step : conversation) {
      if (step[0].equals("chip")) steps.chip(step[1]);
      else steps.type(step[1]);
      inView(size, "after " + step[1]);
      assertFalse(PhoneScreen.scrollsSideways(browser), size + ": the page is wider than the screen after " + step[1]);
      if (step[1].equals("None of these")) {
        assertEquals("Step 1 of 8: What you'd like to talk about", browser.findElement(By.id("progress")).getText());
      }
    }
    assertEquals("Step 8 of 8: Check and send", browser.findElement(By.id("progress")).getText());
    HeadlessChrome.screenshot(browser, "phone-" + size + "-review");

    // The review: each item with its own Change and Remove; only the newest review can be changed.
    changeItem("do I need a scan?", "will I need an x-ray?");
    inView(size, "after a change");
    assertEquals(List.of("What are my options?", "will I need an x-ray?"), itemsOf("Your questions"));
    removeItem("I want to walk the dog again");
    assertTrue(itemsOf("What matters to you").isEmpty(), "the goal is gone from the review");
    assertEquals(1, browser.findElements(By.cssSelector(".msg.review:has(.item-actions)")).size(),
        "only the newest review has Change and Remove");

    steps.chip("Confirm and send to my GP");
    steps.waitFor(Duration.ofSeconds(10), () -> browser.findElement(By.id("finished")).isDisplayed());
    assertTrue(browser.findElement(By.id("finished")).getText().contains("You can close this page"));
    assertFalse(browser.findElement(By.id("composer")).isDisplayed(), "no text box once the summary is sent");
    assertFalse(browser.findElement(By.id("controls")).isDisplayed(), "no buttons and no composer once finished");
    assertTrue(rectOf("finished")[1] <= screen.height, "the finished note is on the screen");
    assertEquals("Sent to your GP", browser.findElement(By.id("progress")).getText());
    HeadlessChrome.screenshot(browser, "phone-" + size + "-finished");

    // The GP's summary holds the change and not the removed goal.
    JsonObject summary = new JsonObject(app.send("GET", "/api/summaries/" + invited.id(), app.login("gp"), null).body());
    assertEquals(List.of("What are my options?", "will I need an x-ray?"), summary.getJsonArray("questions").getList());
    assertTrue(summary.getJsonArray("goals").isEmpty(), summary.encode());
  }

  @ParameterizedTest
  @ValueSource(strings = {"390x844", "320x568"})
  void aMessageWhoseAnswerTheNetworkLostIsRetriedWithItsIdAndAppliedOnce(String size) throws Exception {
    open(PhoneScreen.of(size), proxy.base(), "Rhys Retry " + size);
    steps.chip("Let's start");
    steps.chip("None of these");
    int lostBefore = proxy.lost.get();
    proxy.mode(DroppingProxy.Mode.LOSE_ANSWERS);
    try {
      browser.findElement(By.id("text")).sendKeys("my ankle swells by the evening");
      browser.findElement(By.id("send")).click();
      steps.waitFor(Duration.ofSeconds(15), () -> !browser.findElements(By.cssSelector(".chip.retry")).isEmpty());
    } finally {
      proxy.mode(DroppingProxy.Mode.PASS);
    }
    assertTrue(proxy.lost.get() > lostBefore, "the proxy cut an answer the server had sent");
    WebElement bubble = browser.findElement(By.cssSelector(".msg.from-patient.unsent"));
    assertTrue(bubble.getText().contains("my ankle swells by the evening"), "the typed words are kept, marked not sent");
    inView(size, "with Retry offered");
    HeadlessChrome.screenshot(browser, "phone-" + size + "-retry");

    // Typing on meanwhile sends nothing before the lost message, and keeps the new words in the box.
    browser.findElement(By.id("text")).sendKeys("and my calf");
    browser.findElement(By.id("send")).click();
    steps.waitFor(Duration.ofSeconds(5), () -> browser.findElement(By.id("messages")).getText().contains("Press Retry first"));
    assertEquals("and my calf", browser.findElement(By.id("text")).getAttribute("value"));

    browser.findElement(By.cssSelector(".chip.retry")).click();
    steps.waitFor(Duration.ofSeconds(10), () -> browser.findElement(By.id("messages")).getText().contains("How long"));
    assertTrue(browser.findElements(By.cssSelector(".msg.from-patient.unsent")).isEmpty());
    inView(size, "after the retry");
    var history = new JsonObject((String) browser.executeAsyncScript("var done = arguments[1];"
        + " fetch('/chat/api/' + arguments[0] + '/history').then(function (r) { return r.text(); }).then(done);", invited.token()));
    long times = history.getJsonArray("messages").stream().map(JsonObject.class::cast)
        .filter(m -> m.getString("text").equals("my ankle swells by the evening")).count();
    assertEquals(1, times, "applied once although the server had it twice or more");
  }

  @ParameterizedTest
  @ValueSource(strings = {"390x844", "320x568"})
  void theEmergencyReplyIsARedAlertWithTapToCallAndItsButtonsInView(String size) throws Exception {
    open(PhoneScreen.of(size), app.base, "Ed Emergency " + size);
    steps.chip("Let's start");
    steps.type("I have crushing chest pain right now");
    steps.waitFor(Duration.ofSeconds(10), () -> !browser.findElements(By.cssSelector(".msg.emergency [role=alert]")).isEmpty());
    WebElement alert = browser.findElement(By.cssSelector(".msg.emergency"));
    assertEquals(List.of("tel:999", "tel:111"), alert.findElements(By.cssSelector("a.call")).stream()
        .map(a -> a.getAttribute("href")).toList());
    String ordinary = browser.findElements(By.cssSelector(".msg.from-bot:not(.emergency)")).get(0).getCssValue("background-color");
    assertNotEquals(ordinary, alert.getCssValue("background-color"), "the alert does not look like every other bubble");
    assertTrue(steps.hasChip("I'm safe now, carry on"));
    inView(size, "after the emergency reply");
    double[] call = rect(alert.findElement(By.cssSelector("a.call")));
    assertTrue(call[0] >= 0 && call[1] <= PhoneScreen.of(size).height, "Call 999 is on the screen: " + call[0] + ".." + call[1]);
    HeadlessChrome.screenshot(browser, "phone-" + size + "-emergency");
  }

  @ParameterizedTest
  @ValueSource(strings = {"390x844", "320x568"})
  void aLinkThatCannotBeUsedGivesThePracticePhoneAnd999And111(String size) throws Exception {
    PhoneScreen.of(size).applyTo(browser);
    Invitation expired = app.invite("Ex Pired");
    RunningServer.await(app.server.services().stores().invitations().update(expired.withExpiry(Instant.now().minusSeconds(60))));
    Invitation cancelled = app.invite("Can Celled");
    RunningServer.await(app.server.services().stores().invitations().update(
        cancelled.withStatus(InvitationStatus.CANCELLED, Instant.now())));
    Invitation locked = app.invite("Lock Ed");
    app.send("GET", "/chat/api/" + locked.token() + "/history", null, null); // held by the test client's device
    Map<String, String> pages = Map.of("unknown", "/chat/AAAAAAAAAAAAAAAAAAAAAA", "expired", "/chat/" + expired.token(),
        "cancelled", "/chat/" + cancelled.token(), "locked", "/chat/" + locked.token());
    for (var page : pages.entrySet()) {
      browser.manage().deleteAllCookies();
      browser.get(app.base + page.getValue());
      String text = browser.findElement(By.tagName("main")).getText();
      String what = size + " " + page.getKey() + ": " + text;
      assertTrue(text.contains(PHONE) && text.contains("999") && text.contains("NHS 111"), what);
      assertFalse(browser.findElements(By.cssSelector("a[href='tel:01632960000']")).isEmpty(), what);
      assertFalse(browser.findElements(By.cssSelector("a[href='tel:999']")).isEmpty(), what);
      assertFalse(browser.findElements(By.cssSelector("a[href='tel:111']")).isEmpty(), what);
      assertFalse(PhoneScreen.scrollsSideways(browser), what);
      if (page.getKey().equals("expired")) assertTrue(text.contains("expired"), what);
      if (page.getKey().equals("cancelled")) assertTrue(text.contains("cancelled"), what);
      if (page.getKey().equals("unknown")) assertTrue(text.contains("not valid"), what);
      if (page.getKey().equals("locked")) assertTrue(text.contains("another device"), what);
      HeadlessChrome.screenshot(browser, "phone-" + size + "-link-" + page.getKey());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"390x844", "320x568"})
  void aPhotoOfAPrintoutIsAttachedReadAndSaidBackWithItsButtonsInView(String size) throws Exception {
    open(PhoneScreen.of(size), app.base, "Petra Printout " + size);
    steps.chip("Let's start");
    steps.chip("None of these");
    steps.type("pain down the back of my leg");
    java.nio.file.Path photo = java.nio.file.Files.createTempFile("printout-", ".jpg");
    try {
      java.nio.file.Files.write(photo, PrintedPages.sciaticaPhoto());
      WebElement input = browser.findElement(By.id("file"));
      assertEquals("Add a photo or PDF of a printout", browser.findElement(By.cssSelector("label[for=file]")).getText().strip());
      input.sendKeys(photo.toAbsolutePath().toString());
      steps.waitFor(Duration.ofSeconds(20), () -> browser.findElements(By.cssSelector(".msg.from-bot")).stream()
          .anyMatch(m -> m.getText().contains("This looks like an NHS web page")));
    } finally {
      java.nio.file.Files.deleteIfExists(photo);
    }
    assertTrue(browser.findElements(By.cssSelector(".msg.from-patient")).stream().anyMatch(m -> m.getText().startsWith("Photo: ")),
        "the patient's bubble names the photo");
    assertTrue(steps.hasChip("Yes, that's right") && steps.hasChip("No, it's something else"));
    inView(size, "after the printout was read");
    assertFalse(PhoneScreen.scrollsSideways(browser));
    steps.chip("Yes, that's right");
    steps.type("Should I keep walking on it?");
    inView(size, "after the question about the printout");
    JsonObject item = new JsonObject(app.send("GET", "/api/summaries/" + invited.id(), app.login("gp"), null).body())
        .getJsonArray("research").getJsonObject(0);
    assertEquals("Sciatica", item.getString("title"));
    assertEquals("Should I keep walking on it?", item.getJsonArray("questions").getString(0));
    HeadlessChrome.screenshot(browser, "phone-" + size + "-printout");
  }

  static Invitation invited;

  /** A new patient's chat page on the given screen, fresh cookies, through {@code base} (the server or the proxy). */
  private static void open(PhoneScreen screen, String base, String name) throws Exception {
    screen.applyTo(browser);
    browser.manage().deleteAllCookies();
    invited = app.invite(name);
    browser.get(base + "/chat/" + invited.token());
    steps.waitFor(Duration.ofSeconds(10), () -> browser.findElements(By.cssSelector(".msg.from-bot")).size() >= 1);
    steps.waitFor(Duration.ofSeconds(10), () -> !browser.findElement(By.id("progress")).getText().isEmpty());
  }

  private static void inView(String size, String when) {
    List<String> out = PhoneScreen.controlsOutOfView(browser);
    if (!out.isEmpty()) {
      try {
        HeadlessChrome.screenshot(browser, "phone-" + size + "-out-of-view");
      } catch (java.io.IOException ignored) {
        // The assertion below says what matters.
      }
    }
    assertTrue(out.isEmpty(), size + " " + when + ": controls not on the screen: " + out);
  }

  /** The items of a section of the newest review, as the patient reads them. */
  private static List<String> itemsOf(String section) {
    List<WebElement> reviews = browser.findElements(By.cssSelector(".msg.review"));
    WebElement newest = reviews.get(reviews.size() - 1);
    return newest.findElements(By.cssSelector(".review-section")).stream()
        .filter(s -> s.findElement(By.tagName("h2")).getText().equals(section))
        .flatMap(s -> s.findElements(By.cssSelector(".item-text")).stream()).map(WebElement::getText).toList();
  }

  /** The newest review's row for an item (only its rows have Change and Remove; the :has avoids implicit waits). */
  private static WebElement item(String text) {
    By rows = By.cssSelector(".review-item:has(> .item-actions)");
    steps.waitFor(Duration.ofSeconds(10), () -> browser.findElements(rows).stream().anyMatch(i -> i.getText().startsWith(text)));
    return browser.findElements(rows).stream().filter(i -> i.getText().startsWith(text)).findFirst().orElseThrow();
  }

  private static void changeItem(String from, String to) {
    int reviews = browser.findElements(By.cssSelector(".msg.review")).size();
    WebElement row = item(from);
    tap(row.findElement(By.xpath(".//button[text()='Change']")));
    WebElement box = row.findElement(By.cssSelector(".item-change textarea"));
    assertEquals(from, box.getAttribute("value"), "the change starts from the item's words");
    assertEquals(box, browser.switchTo().activeElement(), "the box has the focus");
    assertFalse(row.findElement(By.cssSelector(".item-actions")).isDisplayed(), "Change and Remove give way to the box");
    box.clear();
    box.sendKeys(to);
    tap(row.findElement(By.xpath(".//button[text()='Save change']")));
    steps.waitFor(Duration.ofSeconds(10), () -> browser.findElements(By.cssSelector(".msg.review")).size() > reviews);
  }

  private static void removeItem(String text) {
    int reviews = browser.findElements(By.cssSelector(".msg.review")).size();
    tap(item(text).findElement(By.xpath(".//button[text()='Remove']")));
    steps.waitFor(Duration.ofSeconds(10), () -> browser.findElements(By.cssSelector(".msg.review")).size() > reviews);
  }

  /**
   * Scrolls the review item's button to the middle of the screen, as a patient scrolls up to it, then taps
   * it (Selenium's own scrolling brings it to the bottom edge, under the controls fixed there).
   */
  private static void tap(WebElement button) {
    browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", button);
    button.click();
  }

  private static double[] rectOf(String id) {
    return rect(browser.findElement(By.id(id)));
  }

  @SuppressWarnings("unchecked")
  private static double[] rect(WebElement e) {
    List<Number> r = (List<Number>) browser.executeScript(
        "var r = arguments[0].getBoundingClientRect(); return [r.top, r.bottom];", e);
    return new double[] {r.get(0).doubleValue(), r.get(1).doubleValue()};
  }
}
