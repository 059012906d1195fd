package app.previsit.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.openqa.selenium.By;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/** What the browser tests do again and again: log a member of staff in, press a chat button, type, wait. */
public final class BrowserSteps {
  private final ChromeDriver browser;
  private final String base;

  public BrowserSteps(ChromeDriver browser, String base) {
    this.browser = browser;
    this.base = base;
  }

  /** A fresh login (cookies cleared) as a demo user, through the login page. */
  public void login(String user) {
    browser.manage().deleteAllCookies();
    browser.get(base + "/login");
    browser.findElement(By.id("username")).sendKeys(user);
    browser.findElement(By.id("password")).sendKeys("demo");
    browser.findElement(By.id("login")).click();
    waitFor(Duration.ofSeconds(10), () -> !browser.getCurrentUrl().endsWith("/login"));
  }

  public boolean hasChip(String label) {
    return browser.findElements(By.cssSelector("#buttons .chip")).stream().anyMatch(b -> b.getText().equals(label));
  }

  /** Presses a button under the chat and waits for the bot's answer. */
  public void chip(String label) {
    waitFor(Duration.ofSeconds(10), () -> hasChip(label));
    int before = browser.findElements(By.cssSelector(".msg")).size();
    WebElement b = browser.findElements(By.cssSelector("#buttons .chip")).stream().filter(x -> x.getText().equals(label))
        .findFirst().orElseThrow();
    b.click();
    waitFor(Duration.ofSeconds(10), () -> browser.findElements(By.cssSelector(".msg")).size() > before + 1);
  }

  /** Types a chat message, sends it and waits for the bot's answer. */
  public void type(String text) {
    int before = browser.findElements(By.cssSelector(".msg")).size();
    browser.findElement(By.id("text")).sendKeys(text);
    browser.findElement(By.id("send")).click();
    waitFor(Duration.ofSeconds(10), () -> browser.findElements(By.cssSelector(".msg")).size() > before + 1);
  }

  /** Waits for the condition; a page that reloads leaves elements found a moment ago stale, so it looks again. */
  public void waitFor(Duration d, BooleanSupplier condition) {
    new WebDriverWait(browser, d, Duration.ofMillis(50)).ignoring(StaleElementReferenceException.class)
        .ignoring(NoSuchElementException.class).until(x -> condition.getAsBoolean());
  }
}
