package app.previsit.testing;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * One browser for tests: its own cookie jar (a staff session, a patient's device cookie), and a
 * client per request when asked, so that every request opens a new connection (and may land on any
 * event loop).
 */
public final class Browser {
  private final String base;
  private final CookieManager cookies = new CookieManager();
  private final boolean newConnectionEachTime;
  private final HttpClient shared;

  public Browser(String base) {
    this(base, false);
  }

  public Browser(String base, boolean newConnectionEachTime) {
    this.base = base;
    this.newConnectionEachTime = newConnectionEachTime;
    this.shared = client();
  }

  private HttpClient client() {
    return HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(Duration.ofSeconds(5)).build();
  }

  public HttpResponse<String> send(String method, String path, Map<String, String> headers, String body) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(b::header);
    HttpClient c = newConnectionEachTime ? client() : shared;
    return c.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The value of a cookie this browser holds, or null. */
  public String cookie(String name) {
    return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name)).map(java.net.HttpCookie::getValue)
        .findFirst().orElse(null);
  }

  public HttpResponse<String> get(String path) throws Exception {
    return send("GET", path, Map.of(), null);
  }

  public HttpResponse<String> postJson(String path, String json) throws Exception {
    return send("POST", path, Map.of("Content-Type", "application/json"), json);
  }

  /** A form post as a page makes it. */
  public HttpResponse<String> postForm(String path, String form) throws Exception {
    return send("POST", path, Map.of("Content-Type", "application/x-www-form-urlencoded"), form);
  }

  /** The value of {@code name="..." value="..."} (hidden field) or a meta tag's content in a page. */
  public static String field(String html, String name) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("name=\"" + name + "\" (?:value|content)=\"([^\"]*)\"").matcher(html);
    if (!m.find()) throw new AssertionError("no field " + name + " in page");
    return m.group(1);
  }

  /** Logs in through the login page, as a person does (cookie session). */
  public void logIn(String user, String password) throws Exception {
    String form = get("/login").body();
    HttpResponse<String> r = postForm("/login", "csrf=" + enc(field(form, "csrf")) + "&username=" + enc(user) + "&password=" + enc(password));
    if (r.statusCode() != 303) throw new AssertionError("login failed: " + r.statusCode());
  }

  public static String enc(String s) {
    return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
  }
}
