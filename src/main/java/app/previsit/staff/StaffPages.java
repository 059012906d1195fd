package app.previsit.staff;

import app.previsit.security.Secret;
import app.previsit.server.Services;
import app.previsit.store.StaffUser.Role;
import app.previsit.web.Templates;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Future;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Server-rendered staff pages (Pebble, auto-escaped): login, reception's day list, the GP's day and summary. */
final class StaffPages {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String LOGIN_COOKIE = "previsit_login";

  private final Services services;
  private final StaffRoutes api;

  private StaffPages(Services services, StaffRoutes api) {
    this.services = services;
    this.api = api;
  }

  static void mount(Router router, Services services, StaffRoutes api) {
    StaffPages p = new StaffPages(services, api);
    router.get("/").handler(p::home);
    router.get("/login").handler(p::loginPage);
    router.post("/login").handler(p::loginForm);
    router.post("/logout").handler(p::logout);
    ReceptionPages.mount(router, services, api);
    router.route("/gp*").handler(ctx -> api.auth.page(ctx, StaffRoutes.CLINICAL));
    GpPages.mount(router, services, api);
    router.get("/gp/summaries/:id/attachments/:n").handler(p::attachment);
  }

  /** The model every staff page starts from: title, signed-in user, CSRF form token. */
  static Map<String, Object> model(StaffRoutes api, RoutingContext ctx, String title) {
    Map<String, Object> m = new HashMap<>();
    m.put("title", title);
    api.auth.session(ctx).ifPresent(s -> {
      m.put("user", Map.of("name", s.username(), "role", s.role().json()));
      m.put("csrf", api.auth.csrf(ctx));
    });
    return m;
  }

  private void home(RoutingContext ctx) {
    String to = api.auth.session(ctx).map(s -> s.role() == Role.GP ? "/gp" : "/reception").orElse("/login");
    ctx.response().setStatusCode(302).putHeader("Location", to).end();
  }

  private void loginPage(RoutingContext ctx) {
    loginPage(ctx, 200, null);
  }

  /**
   * The login form. It carries a token tied to a short-lived cookie of this browser, so another site
   * cannot post the form to sign a browser in to an account of its choosing (login CSRF).
   */
  private void loginPage(RoutingContext ctx, int status, String error) {
    String nonce = Secret.randomToken(18);
    ctx.response().addCookie(Cookie.cookie(LOGIN_COOKIE, nonce).setHttpOnly(true).setSameSite(CookieSameSite.STRICT)
        .setPath("/login").setMaxAge(3600).setSecure(secureCookies()));
    Map<String, Object> m = new HashMap<>(Map.of("title", "Log in", "csrf", services.secret().sign("login-form", nonce)));
    if (error != null) m.put("error", error);
    html(ctx, status, "login", m);
  }

  private void loginForm(RoutingContext ctx) {
    Cookie nonce = ctx.request().getCookie(LOGIN_COOKIE);
    if (nonce == null || !services.secret().verify("login-form", nonce.getValue(), ctx.request().getFormAttribute("csrf"))) {
      loginPage(ctx, 403, "This login form had expired. Please try again.");
      return;
    }
    String u = ctx.request().getFormAttribute("username");
    String pw = ctx.request().getFormAttribute("password");
    if (u == null || pw == null || u.isBlank()) {
      loginPage(ctx, 400, "Please enter your username and password.");
      return;
    }
    api.authenticate(ctx, u.strip(), pw).compose(result -> {
      if (result.user().isEmpty()) {
        if (result.retryAfterSeconds() > 0) ctx.response().putHeader("Retry-After", Long.toString(result.retryAfterSeconds()));
        loginPage(ctx, result.status(), result.status() == 401 ? "Wrong username or password. Please try again."
            : "Too many attempts. Please wait " + result.retryAfterSeconds() + " seconds and try again.");
        return Future.succeededFuture();
      }
      var user = result.user().get();
      return api.sessions.start(user).onSuccess(token -> ctx.response()
          .addCookie(api.auth.cookie(token, secureCookies()))
          .addCookie(Cookie.cookie(LOGIN_COOKIE, "").setPath("/login").setMaxAge(0))
          .setStatusCode(303).putHeader("Location", user.role() == Role.GP ? "/gp" : "/reception").end());
    }).onFailure(ctx::fail);
  }

  /** Ends the session in the store (the cookie alone would not be enough: a copy of it would live on). */
  private void logout(RoutingContext ctx) {
    if (api.auth.session(ctx).isPresent() && !csrf(ctx)) return;
    String token = api.auth.token(ctx);
    String who = api.auth.who(ctx);
    Future<Void> ended = token == null ? Future.succeededFuture()
        : api.sessions.end(token).compose(v -> "?".equals(who) ? Future.succeededFuture() : api.audit(who, "logout", ""));
    ended.onSuccess(v -> ctx.response().addCookie(api.auth.cookie("", false).setMaxAge(0)).setStatusCode(303)
        .putHeader("Location", "/login").end()).onFailure(ctx::fail);
  }

  private boolean secureCookies() {
    return services.config().publicUrl().startsWith("https");
  }

  /**
   * Research with each source marked as a safe link (http/https only) or plain text, and each
   * attachment (a photo or document sent in Telegram) as a link numbered in summary order.
   */
  static List<Map<String, Object>> research(JsonObject s, String base) {
    List<Map<String, Object>> out = new ArrayList<>();
    int n = 0;
    for (Object o : s.getJsonArray("research")) {
      JsonObject r = (JsonObject) o;
      List<Map<String, Object>> sources = new ArrayList<>();
      for (Object src : r.getJsonArray("sources")) {
        String url = String.valueOf(src);
        sources.add(Map.of("url", url, "link", url.startsWith("https://") || url.startsWith("http://")));
      }
      List<String> attachments = new ArrayList<>();
      for (Object ignored : r.getJsonArray("attachments", new JsonArray())) attachments.add(base + "/attachments/" + n++);
      Map<String, Object> item = new HashMap<>(Map.of("text", r.getString("text"), "sources", sources, "attachments", attachments,
          "questions", r.getJsonArray("questions", new JsonArray()).getList()));
      if (r.getString("source") != null) item.put("source", r.getString("source"));
      // A printout read by OCR: its title and the words read from it, for the GP to glance at beside the photo.
      if (r.getString("title") != null) item.put("title", r.getString("title"));
      if (r.getString("extractedText") != null) item.put("extractedText", r.getString("extractedText"));
      out.add(item);
    }
    return out;
  }

  /** Every attachment's Telegram file id, in the order the summary lists them. */
  private static List<String> attachmentIds(JsonObject s) {
    List<String> ids = new ArrayList<>();
    for (Object o : s.getJsonArray("research")) {
      for (Object a : ((JsonObject) o).getJsonArray("attachments", new JsonArray())) ids.add(String.valueOf(a));
    }
    return ids;
  }

  /**
   * A photo or document the patient sent: one sent in the web chat from the store ("upload:ID", kept without
   * its metadata), one sent in Telegram fetched from Telegram on demand (never stored here). Audited.
   */
  private void attachment(RoutingContext ctx) {
    String who = api.auth.who(ctx);
    int n;
    try {
      n = Integer.parseInt(ctx.pathParam("n"));
    } catch (NumberFormatException e) {
      notice(ctx, 404, "Not found", "No such attachment", "Go back to the summary.", "/gp");
      return;
    }
    services.stores().invitations().byId(ctx.pathParam("id")).compose(found -> found.isEmpty()
        ? Future.succeededFuture(Optional.<JsonObject>empty()) : services.conversations().summary(found.get()))
        .onSuccess(s -> {
          List<String> ids = s.map(StaffPages::attachmentIds).orElse(List.of());
          if (n < 0 || n >= ids.size()) {
            notice(ctx, 404, "Not found", "No such attachment", "It may have been deleted.", "/gp");
            return;
          }
          String id = s.get().getString("id");
          String ref = ids.get(n);
          if (ref.startsWith("upload:")) {
            services.stores().attachments().get(id, ref.substring("upload:".length()))
                .compose(file -> api.audit(who, "view-attachment", id).map(file))
                .onSuccess(file -> {
                  if (file.isEmpty()) {
                    notice(ctx, 404, "Not found", "This file is no longer kept", "It may have been deleted.", "/gp");
                    return;
                  }
                  ctx.response().putHeader("Content-Type", file.get().contentType()).putHeader("Cache-Control", "no-store")
                      .putHeader("Content-Disposition", "inline; filename=\"attachment-" + n + "\"")
                      .end(io.vertx.core.buffer.Buffer.buffer(file.get().bytes()));
                }).onFailure(ctx::fail);
            return;
          }
          var telegram = services.channels().telegram();
          if (telegram == null) {
            notice(ctx, 503, "Unavailable", "Attachment not available",
                "Attachments stay in Telegram, and the Telegram channel is not running on this server.", null);
            return;
          }
          telegram.files().fetch(ref)
              .compose(file -> api.audit(who, "view-attachment", id).map(file))
              .onSuccess(file -> {
                ctx.response().putHeader("Content-Type", file.contentType()).putHeader("Cache-Control", "no-store")
                    .putHeader("Content-Disposition", (file.inline() ? "inline" : "attachment") + "; filename=\"attachment-" + n + "\"")
                    .end(file.bytes());
              })
              .onFailure(e -> notice(ctx, 502, "Unavailable", "Telegram did not send the file",
                  "Please try again in a minute. Telegram keeps files for a limited time.", null));
        }).onFailure(ctx::fail);
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> plain(JsonObject json) {
    try {
      return JSON.readValue(json.encode(), Map.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static boolean csrf(StaffRoutes api, RoutingContext ctx) {
    if (api.auth.csrfOk(ctx)) return true;
    notice(api, ctx, 403, "Expired form", "This form has expired", "Please go back, reload the page and try again.", null);
    return false;
  }

  private boolean csrf(RoutingContext ctx) {
    return csrf(api, ctx);
  }

  private void notice(RoutingContext ctx, int status, String title, String heading, String message, String back) {
    notice(api, ctx, status, title, heading, message, back);
  }

  static void notice(StaffRoutes api, RoutingContext ctx, int status, String title, String heading, String message, String back) {
    Map<String, Object> m = model(api, ctx, title);
    m.put("heading", heading);
    m.put("message", message);
    m.put("back", back);
    m.put("error", status >= 400);
    html(ctx, status, "notice", m);
  }

  static String time(String isoOffset) {
    try {
      return OffsetDateTime.parse(isoOffset).toLocalTime().toString();
    } catch (RuntimeException e) {
      return isoOffset;
    }
  }

  static void redirect(RoutingContext ctx, String to) {
    ctx.response().setStatusCode(303).putHeader("Location", to).end();
  }

  static void html(RoutingContext ctx, int status, String template, Map<String, Object> model) {
    ctx.response().setStatusCode(status).putHeader("Content-Type", "text/html; charset=utf-8")
        .end(Templates.render(template, model));
  }
}
