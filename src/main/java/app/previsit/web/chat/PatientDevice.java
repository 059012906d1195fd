package app.previsit.web.chat;

import app.previsit.invitation.Invitation;
import app.previsit.security.Secret;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.RoutingContext;

/**
 * The browser a patient link is opened in, known by a long-lived random cookie. The invitation
 * stores only a keyed hash of it, so neither the store nor anyone who reads it can act as the device.
 * SameSite=Lax, because patients open the link from a text message or email (another site), and
 * Lax still keeps the cookie off other sites' requests that could change anything.
 */
final class PatientDevice {
  static final String COOKIE = "previsit_device";
  private static final int MAX_AGE_SECONDS = 400 * 24 * 3600;

  private final Secret secret;
  private final boolean secureCookies;

  PatientDevice(Secret secret, boolean secureCookies) {
    this.secret = secret;
    this.secureCookies = secureCookies;
  }

  /** This browser's device id (as stored with the invitation); a new cookie is set when it has none. */
  String of(RoutingContext ctx) {
    String known = ctx.get(COOKIE);
    if (known != null) return known;
    Cookie c = ctx.request().getCookie(COOKIE);
    String value = c == null ? null : c.getValue();
    if (value == null || !value.matches("[A-Za-z0-9_-]{43}")) {
      value = Secret.randomToken(32);
      ctx.response().addCookie(Cookie.cookie(COOKIE, value).setHttpOnly(true).setSameSite(CookieSameSite.LAX)
          .setPath("/chat").setMaxAge(MAX_AGE_SECONDS).setSecure(secureCookies));
    }
    String id = secret.sign("patient-device", value);
    ctx.put(COOKIE, id);
    return id;
  }

  boolean holds(RoutingContext ctx, Invitation inv) {
    return inv.devices().contains(of(ctx));
  }
}
