package app.previsit.server;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/** Counts and times every request by method, route and status (no paths: they hold tokens). */
final class RequestMetrics {
  private final MeterRegistry registry;
  /** One timer per "method status route", found here instead of rebuilt per request. */
  private final Map<String, Timer> timers = new ConcurrentHashMap<>();

  RequestMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  void measure(RoutingContext ctx) {
    long start = System.nanoTime();
    ctx.addBodyEndHandler(v -> {
      String route = ctx.currentRoute() == null || ctx.currentRoute().getPath() == null ? "other" : ctx.currentRoute().getPath();
      String method = ctx.request().method().name();
      int status = ctx.response().getStatusCode();
      timers.computeIfAbsent(method + ' ' + status + ' ' + route, k -> Timer.builder("previsit_http_requests")
              .tag("method", method).tag("route", route).tag("status", Integer.toString(status)).register(registry))
          .record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
    });
    ctx.next();
  }
}
