package app.previsit.testing;

import java.util.List;
import java.util.Map;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The browser as a phone's screen (Chrome's own device emulation: width, height, touch-style viewport),
 * and what a patient on it sees without scrolling.
 */
public final class PhoneScreen {
  public final int width;
  public final int height;

  private PhoneScreen(int width, int height) {
    this.width = width;
    this.height = height;
  }

  /** "390x844" → a 390 by 844 CSS pixel screen. */
  public static PhoneScreen of(String size) {
    String[] wh = size.split("x");
    return new PhoneScreen(Integer.parseInt(wh[0]), Integer.parseInt(wh[1]));
  }

  public void applyTo(ChromeDriver browser) {
    browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
        Map.of("width", width, "height", height, "deviceScaleFactor", 2, "mobile", true));
  }

  public static void reset(ChromeDriver browser) {
    browser.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
  }

  /**
   * The controls a patient needs next (every button under the latest question, the text box, Send, and
   * the attach button) that are not wholly on the screen, as "what: top..bottom"; empty when all are.
   */
  @SuppressWarnings("unchecked")
  public static List<String> controlsOutOfView(ChromeDriver browser) {
    return (List<String>) browser.executeScript(
        "var out = [], h = window.innerHeight, w = window.innerWidth;"
        + "document.querySelectorAll('#buttons .chip, #text, #send, #attach').forEach(function (e) {"
        + "  var r = e.getBoundingClientRect();"
        + "  if (r.top < 0 || r.bottom > h || r.left < 0 || r.right > w || r.height === 0)"
        + "    out.push((e.id || e.textContent) + ': ' + Math.round(r.top) + '..' + Math.round(r.bottom) + ' of ' + h);"
        + "});"
        + "return out;");
  }

  /** True when something is wider than the screen (a long link pushing a bubble out, say). */
  public static boolean scrollsSideways(ChromeDriver browser) {
    return (Boolean) browser.executeScript("return document.documentElement.scrollWidth > window.innerWidth;");
  }
}
