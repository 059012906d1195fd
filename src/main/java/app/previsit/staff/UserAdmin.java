package app.previsit.staff;

import app.previsit.server.Services;
import app.previsit.store.StaffUser;
import app.previsit.web.HttpErrors;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Locale;
import java.util.Optional;

/**
 * Admin manages staff accounts: GET/POST /api/users, PATCH and DELETE /api/users/{name}, and the
 * /admin/users page. Every change is audited; a changed role or password and a deleted account end
 * that user's sessions at once.
 */
final class UserAdmin {
  /** An account with that name exists already (409): adding never overwrites. */
  static final class Exists extends RuntimeException {
    Exists() {
      super("a user with that name already exists; change its role or password instead");
    }
  }

  /** No such account (404). */
  static final class Missing extends RuntimeException {
    Missing() {
      super("no such user");
    }
  }

  private final Services services;
  private final StaffRoutes api;

  private UserAdmin(Services services, StaffRoutes api) {
    this.services = services;
    this.api = api;
  }

  static void mount(Router router, Services services, StaffRoutes api) {
    UserAdmin a = new UserAdmin(services, api);
    router.route("/api/users*").handler(ctx -> api.auth.api(ctx, StaffRoutes.ADMIN));
    router.get("/api/users").handler(a::list);
    router.post("/api/users").handler(a::add);
    router.patch("/api/users/:username").handler(a::change);
    router.delete("/api/users/:username").handler(a::remove);
    router.route("/admin*").handler(ctx -> api.auth.page(ctx, StaffRoutes.ADMIN));
    router.get("/admin/users").handler(a::page);
    router.post("/admin/users").handler(a::addForm);
    router.post("/admin/users/:username").handler(a::changeForm);
    router.post("/admin/users/:username/delete").handler(a::deleteForm);
  }

  private void list(RoutingContext ctx) {
    services.stores().users().all().onSuccess(users -> {
      JsonArray out = new JsonArray();
      users.forEach(u -> out.add(new JsonObject().put("username", u.username()).put("role", u.role().json())));
      ctx.response().putHeader("Content-Type", "application/json").end(out.encode());
    }).onFailure(ctx::fail);
  }

  private void add(RoutingContext ctx) {
    JsonObject body = HttpErrors.jsonBody(ctx);
    if (body == null) return;
    String username = HttpErrors.required(ctx, body, "username");
    if (username == null) return;
    String password = HttpErrors.required(ctx, body, "password");
    if (password == null) return;
    String role = HttpErrors.required(ctx, body, "role");
    if (role == null) return;
    create(api.auth.who(ctx), username, password, role)
        .onSuccess(u -> ctx.response().setStatusCode(201).putHeader("Content-Type", "application/json").end(json(u).encode()))
        .onFailure(e -> answer(ctx, e));
  }

  /** PATCH {role?, password?}: changes what is given; the user's sessions end (they log in again). */
  private void change(RoutingContext ctx) {
    JsonObject body = HttpErrors.jsonBody(ctx);
    if (body == null) return;
    Object role = body.getValue("role");
    Object password = body.getValue("password");
    if ((role != null && !(role instanceof String)) || (password != null && !(password instanceof String))
        || (role == null && password == null)) {
      HttpErrors.send(ctx, 400, "give 'role' and/or 'password' as strings");
      return;
    }
    update(api.auth.who(ctx), ctx.pathParam("username"), (String) role, (String) password)
        .onSuccess(u -> ctx.response().putHeader("Content-Type", "application/json").end(json(u).encode()))
        .onFailure(e -> answer(ctx, e));
  }

  private void remove(RoutingContext ctx) {
    delete(api.auth.who(ctx), ctx.pathParam("username"))
        .onSuccess(v -> ctx.response().setStatusCode(204).end()).onFailure(e -> answer(ctx, e));
  }

  private Future<StaffUser> create(String who, String username, String password, String roleName) {
    return validated(username, password, roleName).compose(u -> services.stores().users().find(username).compose(found -> {
      if (found.isPresent()) return Future.failedFuture(new Exists());
      return hashed(u, password).compose(h -> services.stores().users().put(h).map(h));
    })).compose(u -> api.audit(who, "create-user", u.username() + " as " + u.role().json()).map(u));
  }

  private Future<StaffUser> update(String who, String username, String roleName, String password) {
    return services.stores().users().find(username).compose(found -> {
      if (found.isEmpty()) return Future.failedFuture(new Missing());
      StaffUser.Role role;
      try {
        role = roleName == null ? found.get().role() : role(roleName);
      } catch (InvitationDesk.Invalid e) {
        return Future.failedFuture(e);
      }
      if (password != null && password.length() < 8) {
        return Future.failedFuture(new InvitationDesk.Invalid("field 'password' needs at least 8 characters"));
      }
      if (username.equals(who) && role != StaffUser.Role.ADMIN) {
        return Future.failedFuture(new InvitationDesk.Invalid("you cannot take the admin role from yourself"));
      }
      StaffUser kept = new StaffUser(username, found.get().passwordHash(), role);
      Future<StaffUser> next = password == null ? Future.succeededFuture(kept) : hashed(kept, password);
      String what = (roleName != null ? "role " + role.json() : "") + (roleName != null && password != null ? ", " : "")
          + (password != null ? "password" : "");
      return next.compose(u -> services.stores().users().put(u).map(u))
          .compose(u -> api.sessions.endAllOf(username).map(u))
          .compose(u -> api.audit(who, "change-user", username + ": " + what).map(u));
    });
  }

  private Future<Void> delete(String who, String username) {
    if (username.equals(who)) return Future.failedFuture(new InvitationDesk.Invalid("you cannot delete your own account"));
    return services.stores().users().delete(username).compose(found -> {
      if (!found) return Future.failedFuture(new Missing());
      return api.sessions.endAllOf(username).compose(n -> api.audit(who, "delete-user", username));
    });
  }

  private static Future<StaffUser> validated(String username, String password, String roleName) {
    if (!username.matches("[A-Za-z0-9._-]{1,64}")) {
      return Future.failedFuture(new InvitationDesk.Invalid("field 'username' may use letters, digits, . _ - (max 64)"));
    }
    if (password.length() < 8) return Future.failedFuture(new InvitationDesk.Invalid("field 'password' needs at least 8 characters"));
    try {
      return Future.succeededFuture(new StaffUser(username, "", role(roleName)));
    } catch (InvitationDesk.Invalid e) {
      return Future.failedFuture(e);
    }
  }

  private static StaffUser.Role role(String name) {
    try {
      return StaffUser.Role.fromJson(name.toLowerCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvitationDesk.Invalid("field 'role' must be gp, reception or admin");
    }
  }

  /** bcrypt off the event loop. */
  private Future<StaffUser> hashed(StaffUser u, String password) {
    return services.vertx().executeBlocking(() -> new StaffUser(u.username(), Passwords.hash(password), u.role()));
  }

  private void page(RoutingContext ctx) {
    services.stores().users().all().onSuccess(users -> {
      var m = StaffPages.model(api, ctx, "Staff accounts");
      m.put("users", users.stream().map(u -> java.util.Map.of("username", u.username(), "role", u.role().json())).toList());
      // Only our own words, with a name that is an account's: a link cannot make this page say anything else.
      String user = Optional.ofNullable(ctx.request().getParam("user")).filter(u -> u.matches("[A-Za-z0-9._-]{1,64}")).orElse(null);
      String done = user == null ? null : switch (String.valueOf(ctx.request().getParam("done"))) {
        case "added" -> "Added " + user + ".";
        case "changed" -> "Changed " + user + "; they need to log in again.";
        case "deleted" -> "Deleted " + user + ".";
        default -> null;
      };
      if (done != null) m.put("done", done);
      StaffPages.html(ctx, 200, "users", m);
    }).onFailure(ctx::fail);
  }

  private void addForm(RoutingContext ctx) {
    if (!formOk(ctx)) return;
    var f = ctx.request().formAttributes();
    create(api.auth.who(ctx), String.valueOf(f.get("username")), String.valueOf(f.get("password")), String.valueOf(f.get("role")))
        .onSuccess(u -> done(ctx, "added", u.username()))
        .onFailure(e -> formFailed(ctx, e));
  }

  private void changeForm(RoutingContext ctx) {
    if (!formOk(ctx)) return;
    var f = ctx.request().formAttributes();
    String role = blankToNull(f.get("role"));
    String password = blankToNull(f.get("password"));
    if (role == null && password == null) {
      formFailed(ctx, new InvitationDesk.Invalid("choose a role or type a new password"));
      return;
    }
    update(api.auth.who(ctx), ctx.pathParam("username"), role, password)
        .onSuccess(u -> done(ctx, "changed", u.username()))
        .onFailure(e -> formFailed(ctx, e));
  }

  private void deleteForm(RoutingContext ctx) {
    if (!formOk(ctx)) return;
    String target = ctx.pathParam("username");
    delete(api.auth.who(ctx), target).onSuccess(v -> done(ctx, "deleted", target)).onFailure(e -> formFailed(ctx, e));
  }

  private boolean formOk(RoutingContext ctx) {
    if (api.auth.csrfOk(ctx)) return true;
    HttpErrors.send(ctx, 403, "this form has expired, reload and try again");
    return false;
  }

  private static void done(RoutingContext ctx, String what, String user) {
    ctx.response().setStatusCode(303).putHeader("Location", "/admin/users?done=" + what + "&user="
        + java.net.URLEncoder.encode(user, java.nio.charset.StandardCharsets.UTF_8)).end();
  }

  private void formFailed(RoutingContext ctx, Throwable e) {
    if (!(e instanceof InvitationDesk.Invalid || e instanceof Exists || e instanceof Missing)) {
      ctx.fail(e);
      return;
    }
    var m = StaffPages.model(api, ctx, "Staff accounts");
    m.put("heading", "That did not work");
    m.put("message", e.getMessage());
    m.put("back", "/admin/users");
    m.put("error", true);
    StaffPages.html(ctx, e instanceof Exists ? 409 : e instanceof Missing ? 404 : 400, "notice", m);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private static JsonObject json(StaffUser u) {
    return new JsonObject().put("username", u.username()).put("role", u.role().json());
  }

  private static void answer(RoutingContext ctx, Throwable e) {
    if (e instanceof Exists) HttpErrors.send(ctx, 409, e.getMessage());
    else if (e instanceof Missing) HttpErrors.send(ctx, 404, e.getMessage());
    else if (e instanceof InvitationDesk.Invalid) HttpErrors.send(ctx, 400, e.getMessage());
    else ctx.fail(e);
  }
}
