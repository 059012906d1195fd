package app.previsit.web;

import app.previsit.store.StoreUnavailableException;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One way to answer with an error: JSON {"error":…} and the right status, never a stack trace. */
public final class HttpErrors {
  private static final Logger LOG = LoggerFactory.getLogger(HttpErrors.class);

  private HttpErrors() {}

  public static void send(RoutingContext ctx, int status, String message) {
    if (ctx.response().ended()) return;
    if (ctx.response().headWritten()) {
      ctx.response().end();
      return;
    }
    ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json; charset=utf-8")
        .end(new JsonObject().put("error", message).encode());
  }

  /** The router's failure handler: maps known failures, logs the rest by type only (no patient text). */
  public static void onFailure(RoutingContext ctx) {
    Throwable f = ctx.failure();
    if (f instanceof StoreUnavailableException) {
      ctx.response().putHeader("Retry-After", "5");
      send(ctx, 503, "the service is temporarily unavailable, please try again shortly");
    } else if (f instanceof DecodeException) {
      send(ctx, 400, "the request body is not valid JSON");
    } else if (f != null) {
      LOG.error("request failed: {} {} -> {}", ctx.request().method(), ctx.currentRoute() == null ? "?"
          : ctx.currentRoute().getPath(), f.getClass().getName());
      send(ctx, 500, "something went wrong on our side");
    } else {
      int status = ctx.statusCode() > 0 ? ctx.statusCode() : 500;
      send(ctx, status, switch (status) {
        case 400 -> "bad request";
        case 401 -> "login required";
        case 403 -> "not allowed for your role";
        case 404 -> "not found";
        case 405 -> "method not allowed";
        case 413 -> "the request is too large";
        default -> "request failed";
      });
    }
  }

  /** The JSON body as an object, or null after answering 400 (malformed or not an object). */
  public static JsonObject jsonBody(RoutingContext ctx) {
    try {
      Object parsed = ctx.body().asJsonObject();
      if (parsed == null) {
        send(ctx, 400, "a JSON object body is required");
        return null;
      }
      return (JsonObject) parsed;
    } catch (DecodeException | ClassCastException e) {
      send(ctx, 400, "the request body is not a valid JSON object");
      return null;
    }
  }

  /** A required non-blank string field, or null after answering 400 naming the field. */
  public static String required(RoutingContext ctx, JsonObject body, String field) {
    Object v = body.getValue(field);
    if (!(v instanceof String s) || s.isBlank()) {
      send(ctx, 400, "field '" + field + "' is required and must be a non-empty string");
      return null;
    }
    return s.strip();
  }
}
