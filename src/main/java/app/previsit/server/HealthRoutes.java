package app.previsit.server;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/** GET /health (store reachability; 503 when it is down) and GET /metrics (Prometheus text). */
final class HealthRoutes {
  private HealthRoutes() {}

  static void mount(Router router, Services services) {
    router.get("/health").handler(ctx -> services.stores().ping()
        .onSuccess(v -> health(ctx, 200, services, "up"))
        .onFailure(e -> health(ctx, 503, services, "down")));
    router.get("/metrics").handler(ctx -> ctx.response()
        .putHeader("Content-Type", "text/plain; version=0.0.4; charset=utf-8").end(services.metrics().scrape()));
  }

  private static void health(RoutingContext ctx, int status, Services services, String store) {
    ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json")
        .end(new JsonObject().put("status", status == 200 ? "ok" : "unavailable").put("store", services.stores().kind())
            .put("storeStatus", store).encode());
  }
}
