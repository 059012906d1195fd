package app.previsit.testing;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/** Debian's chromium driven through its chromedriver, headless, with nothing downloaded. */
public final class HeadlessChrome {
  private HeadlessChrome() {}

  public static ChromeDriver start() throws IOException {
    File driver = new File("/usr/bin/chromedriver");
    File browser = new File("/usr/bin/chromium");
    if (!driver.canExecute() || !browser.canExecute()) {
      throw new IllegalStateException("chromium and chromedriver are needed: apt-get install chromium chromium-driver");
    }
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(driver).usingAnyFreePort().build();
    ChromeOptions options = new ChromeOptions().setBinary(browser).addArguments("--headless=new", "--no-sandbox",
        "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--window-size=1200,1000",
        "--user-data-dir=" + Files.createTempDirectory("previsit-chrome"));
    ChromeDriver d = new ChromeDriver(service, options);
    d.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
    return d;
  }

  public static void screenshot(ChromeDriver d, String name) throws IOException {
    Path dir = Path.of("target", "screenshots");
    Files.createDirectories(dir);
    Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) d).getScreenshotAs(OutputType.BYTES));
  }
}
