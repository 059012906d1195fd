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

/** Admin manages staff accounts: GET/POST /api/users, DELETE /api/users/{name}, and the /admin/users page. */
final class UserAdmin {
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
    router.delete("/api/users/:username").handler(a::remove);
    router.route("/admin*").handler(ctx -> api.auth.page(ctx, StaffRoutes.ADMIN));
    router.get("/admin/users").handler(a::page);
    router.post("/admin/users").handler(a::addForm);
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
    save(username, password, role).onSuccess(u -> ctx.response().setStatusCode(201).putHeader("Content-Type", "application/json")
        .end(new JsonObject().put("username", u.username()).put("role", u.role().json()).encode()))
        .onFailure(e -> invalidOrFail(ctx, e));
  }

  private void remove(RoutingContext ctx) {
    String who = api.auth.session(ctx).map(StaffTokens.Session::username).orElse("");
    String target = ctx.pathParam("username");
    if (target.equals(who)) {
      HttpErrors.send(ctx, 400, "you cannot delete your own account");
      return;
    }
    services.stores().users().delete(target).compose(found -> api.audit(who, "delete-user", target).map(found))
        .onSuccess(found -> {
          if (found) ctx.response().setStatusCode(204).end();
          else HttpErrors.send(ctx, 404, "no such user");
        }).onFailure(ctx::fail);
  }

  /** Validates and stores a user (bcrypt off the event loop). */
  private Future<StaffUser> save(String username, String password, String roleName) {
    if (!username.matches("[A-Za-z0-9._-]{1,64}")) {
      return Future.failedFuture(new InvitationDesk.Invalid("field 'username' may use letters, digits, . _ - (max 64)"));
    }
    if (password.length() < 8) return Future.failedFuture(new InvitationDesk.Invalid("field 'password' needs at least 8 characters"));
    StaffUser.Role role;
    try {
      role = StaffUser.Role.fromJson(roleName.toLowerCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return Future.failedFuture(new InvitationDesk.Invalid("field 'role' must be gp, reception or admin"));
    }
    return services.vertx().executeBlocking(() -> new StaffUser(username, Passwords.hash(password), role))
        .compose(u -> services.stores().users().put(u).map(u));
  }

  private void page(RoutingContext ctx) {
    services.stores().users().all().onSuccess(users -> {
      var m = StaffPages.model(api, ctx, "Staff accounts");
      m.put("users", users.stream().map(u -> java.util.Map.of("username", u.username(), "role", u.role().json())).toList());
      StaffPages.html(ctx, 200, "users", m);
    }).onFailure(ctx::fail);
  }

  private void addForm(RoutingContext ctx) {
    if (!api.auth.csrfOk(ctx)) {
      HttpErrors.send(ctx, 403, "this form has expired, reload and try again");
      return;
    }
    var f = ctx.request().formAttributes();
    save(String.valueOf(f.get("username")), String.valueOf(f.get("password")), String.valueOf(f.get("role")))
        .onSuccess(u -> ctx.response().setStatusCode(303).putHeader("Location", "/admin/users").end())
        .onFailure(e -> invalidOrFail(ctx, e));
  }

  private void deleteForm(RoutingContext ctx) {
    if (!api.auth.csrfOk(ctx)) {
      HttpErrors.send(ctx, 403, "this form has expired, reload and try again");
      return;
    }
    String who = api.auth.session(ctx).map(StaffTokens.Session::username).orElse("");
    String target = ctx.pathParam("username");
    if (target.equals(who)) {
      HttpErrors.send(ctx, 400, "you cannot delete your own account");
      return;
    }
    services.stores().users().delete(target).compose(found -> api.audit(who, "delete-user", target))
        .onSuccess(v -> ctx.response().setStatusCode(303).putHeader("Location", "/admin/users").end()).onFailure(ctx::fail);
  }

  private static void invalidOrFail(RoutingContext ctx, Throwable e) {
    if (e instanceof InvitationDesk.Invalid) HttpErrors.send(ctx, 400, e.getMessage());
    else ctx.fail(e);
  }
}
