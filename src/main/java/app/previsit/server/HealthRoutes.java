package app.previsit.server;

import io.micrometer.core.instrument.Timer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.TimeUnit;

/** GET /health (store reachability; 503 when it is down) and GET /metrics (Prometheus text). */
final class HealthRoutes {
  /** Per registry (a test JVM runs many servers), the timers by "method status route". */
  private static final java.util.Map<Object, java.util.Map<String, Timer>> TIMERS =
      java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

  private HealthRoutes() {}

  static void mount(Router router, Services services) {
    router.get("/health").handler(ctx -> services.stores().ping()
        .onSuccess(v -> health(ctx, 200, services, "up"))
        .onFailure(e -> health(ctx, 503, services, "down")));
    router.get("/metrics").handler(ctx -> ctx.response()
        .putHeader("Content-Type", "text/plain; version=0.0.4; charset=utf-8").end(services.metrics().scrape()));
  }

  /** Counts and times every request by method, route and status (no paths: they hold tokens). */
  static void measure(Services services, RoutingContext ctx) {
    long start = System.nanoTime();
    ctx.addBodyEndHandler(v -> {
      String route = ctx.currentRoute() == null || ctx.currentRoute().getPath() == null ? "other" : ctx.currentRoute().getPath();
      String method = ctx.request().method().name();
      int status = ctx.response().getStatusCode();
      // One timer per (method, route, status): found in a small map instead of rebuilt per request.
      TIMERS.computeIfAbsent(services.metrics(), k -> new java.util.concurrent.ConcurrentHashMap<>())
          .computeIfAbsent(method + ' ' + status + ' ' + route, k -> Timer.builder("previsit_http_requests")
              .tag("method", method).tag("route", route).tag("status", Integer.toString(status)).register(services.metrics()))
          .record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
    });
    ctx.next();
  }

  private static void health(RoutingContext ctx, int status, Services services, String store) {
    ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json")
        .end(new JsonObject().put("status", status == 200 ? "ok" : "unavailable").put("store", services.stores().kind())
            .put("storeStatus", store).encode());
  }
}
