package app.previsit.staff;

import app.previsit.store.StaffUser;
import app.previsit.web.HttpErrors;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;

/** Who is calling (bearer token or session cookie) and whether their role may do this. */
public final class StaffAuth {
  public static final String COOKIE = "previsit_session";
  private static final String SESSION_KEY = "staff.session";

  private final StaffTokens tokens;
  private final Clock clock;

  public StaffAuth(StaffTokens tokens, Clock clock) {
    this.tokens = tokens;
    this.clock = clock;
  }

  public Optional<StaffTokens.Session> session(RoutingContext ctx) {
    StaffTokens.Session cached = ctx.get(SESSION_KEY);
    if (cached != null) return Optional.of(cached);
    String header = ctx.request().getHeader("Authorization");
    String token = null;
    if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) token = header.substring(7).strip();
    else if (ctx.request().getCookie(COOKIE) != null) token = ctx.request().getCookie(COOKIE).getValue();
    Optional<StaffTokens.Session> s = tokens.verify(token, clock.instant());
    s.ifPresent(x -> ctx.put(SESSION_KEY, x));
    return s;
  }

  /** API guard: 401 without a valid token, 403 for the wrong role. */
  public void api(RoutingContext ctx, Set<StaffUser.Role> roles) {
    Optional<StaffTokens.Session> s = session(ctx);
    if (s.isEmpty()) HttpErrors.send(ctx, 401, "login required");
    else if (!roles.contains(s.get().role())) HttpErrors.send(ctx, 403, "not allowed for your role");
    else ctx.next();
  }

  /** Page guard: redirect to the login page without a session, 403 page for the wrong role. */
  public void page(RoutingContext ctx, Set<StaffUser.Role> roles) {
    Optional<StaffTokens.Session> s = session(ctx);
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
        .setSecure(secure).setMaxAge(12 * 3600);
  }

  /** The form token that proves a POST came from our own page (bound to the session). */
  public String csrf(RoutingContext ctx) {
    return session(ctx).map(tokens::formToken).orElse("");
  }

  public boolean csrfOk(RoutingContext ctx) {
    String sent = ctx.request().getFormAttribute("csrf");
    String expected = csrf(ctx);
    return sent != null && !expected.isEmpty()
        && java.security.MessageDigest.isEqual(sent.getBytes(java.nio.charset.StandardCharsets.US_ASCII),
            expected.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
  }
}
