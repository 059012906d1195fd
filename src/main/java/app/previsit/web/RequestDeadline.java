package app.previsit.web;

import io.vertx.ext.web.RoutingContext;
import java.time.Duration;

/**
 * Every request is answered within its deadline, counted from its first byte: a body that trickles in
 * (one byte every few seconds never trips the idle timeout) or a handler that never answers gets a 503
 * and the connection is closed, so nobody can hold connections open for good.
 */
public final class RequestDeadline {
  private final long millis;

  public RequestDeadline(Duration deadline) {
    this.millis = deadline.toMillis();
  }

  public void handle(RoutingContext ctx) {
    arm(ctx, millis);
    ctx.addEndHandler(ar -> {
      Long timer = ctx.get(TIMER_KEY);
      if (timer != null) ctx.vertx().cancelTimer(timer);
    });
    ctx.next();
  }

  /**
   * A longer deadline for a request that carries a file and waits for it to be read (a printout's photo over a
   * slow phone connection, then OCR): counted from now.
   */
  public static void extend(RoutingContext ctx, Duration deadline) {
    lift(ctx);
    arm(ctx, deadline.toMillis());
  }

  private static void arm(RoutingContext ctx, long millis) {
    long timer = ctx.vertx().setTimer(millis, id -> {
      if (ctx.response().ended() || ctx.response().closed()) return;
      if (!ctx.response().headWritten()) {
        ctx.response().setStatusCode(503).putHeader("Content-Type", "application/json").putHeader("Connection", "close")
            .end("{\"error\":\"the request took too long, please try again\"}");
      }
      ctx.request().connection().close();
    });
    ctx.put(TIMER_KEY, timer);
  }

  /** For a response that stays open on purpose (an event stream): no deadline, the idle timeout still applies. */
  public static void lift(RoutingContext ctx) {
    Long timer = ctx.get(TIMER_KEY);
    if (timer != null) ctx.vertx().cancelTimer(timer);
  }

  private static final String TIMER_KEY = "requestDeadline.timer";
}
