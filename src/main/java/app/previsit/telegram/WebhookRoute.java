package app.previsit.telegram;

import app.previsit.server.Services;
import app.previsit.web.HttpErrors;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * POST from Telegram in webhook mode. Only a request carrying our secret in
 * X-Telegram-Bot-Api-Secret-Token is taken (401 otherwise). The update is written to the durable
 * inbox before we answer 200; if the store is down we answer 503 and Telegram sends it again later.
 */
public final class WebhookRoute {
  private static final Logger LOG = LoggerFactory.getLogger(WebhookRoute.class);

  private WebhookRoute() {}

  public static void mount(Router router, Services services) {
    if (services.config().telegramWebhookUrl().isEmpty()) return;
    byte[] secret = services.config().telegramWebhookSecret().orElseThrow().getBytes(StandardCharsets.UTF_8);
    router.post(WebhookSetup.path(services.config())).handler(ctx -> receive(ctx, services, secret));
  }

  private static void receive(RoutingContext ctx, Services services, byte[] secret) {
    String given = ctx.request().getHeader("X-Telegram-Bot-Api-Secret-Token");
    if (given == null || !MessageDigest.isEqual(secret, given.getBytes(StandardCharsets.UTF_8))) {
      HttpErrors.send(ctx, 401, "wrong or missing secret token");
      return;
    }
    TelegramChannel channel = services.channels().telegram();
    if (channel == null) {
      HttpErrors.send(ctx, 503, "the Telegram channel is starting; try again");
      return;
    }
    String body = ctx.body() == null ? null : ctx.body().asString();
    long updateId;
    try {
      var update = channel.decode(body == null ? "" : body);
      if (update == null || update.getUpdateId() == null) throw new IllegalArgumentException("no update_id");
      updateId = update.getUpdateId();
    } catch (Exception e) {
      HttpErrors.send(ctx, 400, "the body is not a Telegram update");
      return;
    }
    channel.accept(updateId, body).onComplete(ar -> {
      if (ar.succeeded()) {
        ctx.response().putHeader("Content-Type", "application/json").end("{}");
      } else {
        LOG.warn("Telegram webhook update {} not taken in: {}", updateId, ar.cause().getClass().getSimpleName());
        HttpErrors.send(ctx, 503, "store unavailable; send it again");
      }
    });
  }
}
