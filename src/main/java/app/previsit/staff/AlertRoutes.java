package app.previsit.staff;

import app.previsit.alerts.AlertFeed;
import app.previsit.server.Services;
import app.previsit.store.StaffUser.Role;
import app.previsit.web.HttpErrors;
import app.previsit.web.RequestDeadline;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Set;

/**
 * Emergency alerts for every member of staff: a server-sent event stream of the open alerts
 * ({@code GET /staff/alerts/stream}, used by every staff page), the list ({@code GET /api/alerts}) and
 * acknowledging one ({@code POST /api/alerts/{id}/acknowledge}: who and when, audited).
 */
final class AlertRoutes {
  static final Set<Role> STAFF = Set.of(Role.GP, Role.RECEPTION, Role.ADMIN);
  /** A comment line this often keeps the stream (and any proxy) from timing out while nothing happens. */
  private static final long PING_MS = 10_000;

  private final Services services;
  private final StaffRoutes api;

  private AlertRoutes(Services services, StaffRoutes api) {
    this.services = services;
    this.api = api;
  }

  static void mount(Router router, Services services, StaffRoutes api) {
    AlertRoutes r = new AlertRoutes(services, api);
    router.route("/staff/*").handler(api.auth::resolve);
    router.get("/staff/alerts/stream").handler(ctx -> api.auth.api(ctx, STAFF));
    router.get("/staff/alerts/stream").handler(r::stream);
    router.route("/api/alerts*").handler(ctx -> api.auth.api(ctx, STAFF));
    router.get("/api/alerts").handler(r::list);
    router.post("/api/alerts/:id/acknowledge").handler(r::acknowledge);
  }

  private void stream(RoutingContext ctx) {
    RequestDeadline.lift(ctx);
    var response = ctx.response().setChunked(true).putHeader("Content-Type", "text/event-stream; charset=utf-8")
        .putHeader("Cache-Control", "no-store").putHeader("X-Accel-Buffering", "no");
    // The browser reconnects by itself after 2 s if the stream drops (a restart, a proxy).
    response.write("retry: 2000\n\n" + event(services.alerts().current()));
    MessageConsumer<String> consumer = services.vertx().eventBus().consumer(AlertFeed.ADDRESS,
        m -> response.write(event(m.body())));
    long ping = services.vertx().setPeriodic(PING_MS, t -> response.write(": ping\n\n"));
    response.closeHandler(v -> {
      consumer.unregister();
      services.vertx().cancelTimer(ping);
    });
  }

  private static String event(String openAlertsJson) {
    return "event: alerts\ndata: " + openAlertsJson + "\n\n";
  }

  private void list(RoutingContext ctx) {
    ctx.response().putHeader("Content-Type", "application/json").end(services.alerts().current());
  }

  private void acknowledge(RoutingContext ctx) {
    String who = api.auth.who(ctx);
    services.stores().alerts().acknowledge(ctx.pathParam("id"), who, services.clock().instant()).compose(found -> {
      if (found.isEmpty()) return io.vertx.core.Future.succeededFuture(found);
      return api.audit(who, "acknowledge-alert", found.get().invitationId()).map(found);
    }).onSuccess(found -> {
      if (found.isEmpty()) {
        HttpErrors.send(ctx, 404, "no alert with that id");
        return;
      }
      services.alerts().refresh();
      ctx.response().putHeader("Content-Type", "application/json")
          .end(AlertFeed.view(found.get(), services.config().timeZone()).encode());
    }).onFailure(ctx::fail);
  }
}
