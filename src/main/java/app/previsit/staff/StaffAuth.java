package app.previsit.staff;

import app.previsit.store.StaffSession;
import app.previsit.store.StaffUser;
import app.previsit.web.HttpErrors;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;
import java.util.Set;

/**
 * Who is calling (bearer token or session cookie) and whether their role may do this. {@link #resolve}
 * looks the session up once per request (it is in the store); the guards and pages then read it.
 * A call made with the cookie (a browser, where another site could make the browser send it) that
 * changes anything also needs the session's CSRF token in a header and a JSON body or a form token.
 */
public final class StaffAuth {
  public static final String COOKIE = "previsit_session";
  /** The header a staff page's script sends the CSRF token in. */
  public static final String CSRF_HEADER = "X-CSRF-Token";
  private static final String SESSION_KEY = "staff.session";
  private static final String VIA_COOKIE_KEY = "staff.viaCookie";
  private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

  private final StaffSessions sessions;

  public StaffAuth(StaffSessions sessions) {
    this.sessions = sessions;
  }

  /** Route handler: finds the caller's session (if any) and goes on. */
  public void resolve(RoutingContext ctx) {
    if (ctx.get(SESSION_KEY) != null) {
      ctx.next();
      return;
    }
    String token = token(ctx);
    if (token == null) {
      ctx.next();
      return;
    }
    sessions.check(token).onSuccess(s -> {
      s.ifPresent(x -> ctx.put(SESSION_KEY, x));
      ctx.next();
    }).onFailure(ctx::fail);
  }

  /** The raw token the caller sent: the bearer header first, else the cookie. */
  String token(RoutingContext ctx) {
    String header = ctx.request().getHeader("Authorization");
    if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) return header.substring(7).strip();
    Cookie c = ctx.request().getCookie(COOKIE);
    if (c == null || c.getValue().isEmpty()) return null;
    ctx.put(VIA_COOKIE_KEY, Boolean.TRUE);
    return c.getValue();
  }

  public Optional<StaffSession> session(RoutingContext ctx) {
    return Optional.ofNullable(ctx.get(SESSION_KEY));
  }

  /** The signed-in user's name, for the audit. */
  public String who(RoutingContext ctx) {
    return session(ctx).map(StaffSession::username).orElse("?");
  }

  /** API guard: 401 without a valid session, 403 for the wrong role or a cookie call without its CSRF proof. */
  public void api(RoutingContext ctx, Set<StaffUser.Role> roles) {
    Optional<StaffSession> s = session(ctx);
    if (s.isEmpty()) HttpErrors.send(ctx, 401, "login required");
    else if (!roles.contains(s.get().role())) HttpErrors.send(ctx, 403, "not allowed for your role");
    else if (Boolean.TRUE.equals(ctx.get(VIA_COOKIE_KEY)) && !SAFE.contains(ctx.request().method()) && !cookieCallOk(ctx)) {
      HttpErrors.send(ctx, 403, "a call made with the session cookie needs the " + CSRF_HEADER
          + " header and a JSON (or CSV) body; API clients use the bearer token");
    } else ctx.next();
  }

  /** Page guard: redirect to the login page without a session, 403 page for the wrong role. */
  public void page(RoutingContext ctx, Set<StaffUser.Role> roles) {
    Optional<StaffSession> s = session(ctx);
    if (s.isEmpty()) {
      ctx.response().setStatusCode(302).putHeader("Location", "/login").end();
    } else if (!roles.contains(s.get().role())) {
      ctx.response().setStatusCode(403).putHeader("Content-Type", "text/html; charset=utf-8")
          .end(app.previsit.web.Templates.notice("Not allowed", "Not allowed", "Your role cannot see this page.", "/", true));
    } else {
      ctx.next();
    }
  }

  public Cookie cookie(String token, boolean secure) {
    return Cookie.cookie(COOKIE, token).setHttpOnly(true).setSameSite(CookieSameSite.STRICT).setPath("/")
        .setSecure(secure).setMaxAge(StaffSessions.LIFETIME.toSeconds());
  }

  /** The form token that proves a POST came from our own page (bound to the session). */
  public String csrf(RoutingContext ctx) {
    return session(ctx).map(sessions::formToken).orElse("");
  }

  /** A form post (field {@code csrf}) or script call (header) carries this session's CSRF token. */
  public boolean csrfOk(RoutingContext ctx) {
    String sent = ctx.request().getHeader(CSRF_HEADER);
    if (sent == null) sent = ctx.request().getFormAttribute("csrf");
    String expected = csrf(ctx);
    return sent != null && !expected.isEmpty()
        && java.security.MessageDigest.isEqual(sent.getBytes(java.nio.charset.StandardCharsets.UTF_8),
            expected.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  /**
   * The header cannot be set by another site's form, and a JSON or CSV body cannot be sent by one
   * without the browser asking us first (CORS preflight, which we never allow).
   */
  private boolean cookieCallOk(RoutingContext ctx) {
    String type = ctx.request().getHeader("Content-Type");
    boolean bodyless = ctx.body() == null || ctx.body().length() == 0;
    boolean typeOk = bodyless || (type != null && (type.toLowerCase().startsWith("application/json")
        || type.toLowerCase().startsWith("text/csv")));
    return typeOk && ctx.request().getHeader(CSRF_HEADER) != null && csrfOk(ctx);
  }
}
