package app.previsit.web.chat;

import app.previsit.conversation.Turn;
import app.previsit.dialogue.PatientInput;
import app.previsit.dialogue.Reply;
import app.previsit.invitation.Invitation;
import app.previsit.invitation.InvitationStatus;
import app.previsit.server.Services;
import app.previsit.web.Templates;
import app.previsit.web.HttpErrors;
import app.previsit.web.RateLimiter;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The patient web chat: a page per invitation link and its small JSON API. The link token is
 * the only key, so every request is rate-limited per token, and unknown tokens per address.
 */
public final class ChatRoutes {
  /** A typed message longer than this is refused with a kind message (the core keeps 4,000). */
  static final int MAX_TEXT_CHARS = 8000;
  /** Counter of messages answered as repeats of one already applied (same message id). */
  public static final String REPEATS_METRIC = "previsit_chat_repeats";

  private final Services services;
  private final RateLimiter perToken;
  private final RateLimiter guessing = new RateLimiter(30, 30);

  private ChatRoutes(Services services) {
    this.services = services;
    int perMinute = services.config().chatMessagesPerMinute();
    this.perToken = new RateLimiter(Math.max(10, perMinute / 10), perMinute);
  }

  public static void mount(Router router, Services services) {
    ChatRoutes r = new ChatRoutes(services);
    router.get("/chat/:token").handler(r::page);
    router.get("/chat/api/:token/history").handler(r::history);
    router.post("/chat/api/:token/messages").handler(r::message);
  }

  private void page(RoutingContext ctx) {
    invitation(ctx, true).onSuccess(found -> found.ifPresent(inv -> ctx.response()
        .putHeader("Content-Type", "text/html; charset=utf-8")
        .end(Templates.render("chat", Map.of("title", "Your appointment", "script", "chat.js", "token", inv.token(),
            "clinician", inv.clinician())))));
  }

  private void history(RoutingContext ctx) {
    invitation(ctx, false).onSuccess(found -> found.ifPresent(inv ->
        services.conversations().open(inv)
            .compose(opened -> services.conversations().history(inv).map(lines -> {
              JsonArray messages = new JsonArray();
              lines.forEach(l -> messages.add(new JsonObject().put("from", l.from()).put("text", l.text())
                  .put("buttons", new JsonArray(l.buttons())).put("at", l.at().toString())));
              return new JsonObject().put("messages", messages).put("done", inv.status() == InvitationStatus.COMPLETED);
            }))
            .onSuccess(json -> json(ctx, 200, json))
            .onFailure(ctx::fail)));
  }

  private void message(RoutingContext ctx) {
    invitation(ctx, false).onSuccess(found -> found.ifPresent(inv -> {
      JsonObject body = HttpErrors.jsonBody(ctx);
      if (body == null) return;
      PatientInput input = input(ctx, body);
      if (input == null) return;
      String id = body.getValue("id") instanceof String s && !s.isBlank() ? s : ctx.request().getHeader("Idempotency-Key");
      String messageId = id == null ? null : "web:" + (id.length() > 100 ? id.substring(0, 100) : id);
      services.conversations().handle(inv, input, messageId)
          .onSuccess(turn -> {
            // A resend of a message that had been applied (its first answer was lost or came too late).
            if (turn.duplicate()) services.metrics().counter(REPEATS_METRIC).increment();
            json(ctx, 200, turnJson(turn));
          })
          .onFailure(ctx::fail);
    }));
  }

  /** {text} or {button}; '/help' and the like are commands. Null after answering 400/413. */
  private static PatientInput input(RoutingContext ctx, JsonObject body) {
    Object text = body.getValue("text");
    Object button = body.getValue("button");
    if (button instanceof String b && !b.isBlank()) return new PatientInput.Button(b);
    if (!(text instanceof String t)) {
      HttpErrors.send(ctx, 400, "field 'text' (or 'button') is required and must be a string");
      return null;
    }
    if (t.length() > MAX_TEXT_CHARS) {
      HttpErrors.send(ctx, 413, "that message is too long; please keep it under 4,000 characters");
      return null;
    }
    String s = t.strip();
    if (s.startsWith("/") && s.length() > 1 && s.length() < 40 && s.indexOf(' ') < 0) {
      return new PatientInput.Command(s.substring(1).toLowerCase(java.util.Locale.ROOT), null);
    }
    return new PatientInput.Text(t);
  }

  static JsonObject turnJson(Turn turn) {
    JsonArray replies = new JsonArray();
    for (Reply r : turn.replies()) replies.add(new JsonObject().put("text", r.text()).put("buttons", new JsonArray(r.buttons())));
    return new JsonObject().put("replies", replies).put("done", turn.done());
  }

  /**
   * The invitation behind the token, or empty after answering: 429 when rate-limited, 404 for an
   * unknown token, 410 for an expired or cancelled one (a kind page for the page route).
   */
  private Future<Optional<Invitation>> invitation(RoutingContext ctx, boolean page) {
    String token = ctx.pathParam("token");
    long now = services.clock().millis();
    if (token == null || token.length() > 64 || !perToken.tryAcquire(token, now)) {
      ctx.response().putHeader("Retry-After", "10");
      answer(ctx, page, 429, "Too many messages at once. Please wait a few seconds and try again.");
      return Future.succeededFuture(Optional.empty());
    }
    return services.stores().invitations().byToken(token).map(found -> {
      if (found.isEmpty()) {
        String address = ctx.request().remoteAddress() == null ? "?" : ctx.request().remoteAddress().hostAddress();
        if (!guessing.tryAcquire(address, now)) {
          answer(ctx, page, 429, "Too many attempts. Please wait a minute.");
        } else {
          answer(ctx, page, 404, "This link is not valid. Please check it, or ask your practice for a new one.");
        }
        return Optional.<Invitation>empty();
      }
      Invitation inv = found.get();
      if (!inv.usableAt(services.clock().instant())) {
        answer(ctx, page, 410, "This link has expired or been cancelled. Please ask your practice for a new one.");
        return Optional.<Invitation>empty();
      }
      return found;
    }).onFailure(ctx::fail);
  }

  private static void answer(RoutingContext ctx, boolean page, int status, String message) {
    if (!page) {
      HttpErrors.send(ctx, status, message);
      return;
    }
    ctx.response().setStatusCode(status).putHeader("Content-Type", "text/html; charset=utf-8")
        .end(Templates.notice("Previsit", "Sorry", message, null, false));
  }

  private static void json(RoutingContext ctx, int status, JsonObject body) {
    ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json; charset=utf-8").end(body.encode());
  }

}
