package app.previsit.web.chat;

import app.previsit.conversation.Turn;
import app.previsit.dialogue.PatientInput;
import app.previsit.dialogue.Reply;
import app.previsit.invitation.Invitation;
import app.previsit.invitation.InvitationStatus;
import app.previsit.server.Services;
import app.previsit.web.Templates;
import app.previsit.web.HttpErrors;
import app.previsit.security.ClientAddress;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The patient web chat: a page per invitation link and its small JSON API. The link token is the
 * key, so unknown tokens are limited per address and known ones per invitation (counters in the store:
 * the limits hold across event loops and instances). The first browser (or Telegram chat) to open the
 * link holds it; any other browser sees nothing of the conversation until it confirms the patient's
 * date of birth (when the practice entered one), else it is told to ask the practice for a new link.
 */
public final class ChatRoutes {
  /** A typed message longer than this is refused with a kind message (the core keeps 4,000). */
  static final int MAX_TEXT_CHARS = 8000;
  /** Counter of messages answered as repeats of one already applied (same message id). */
  public static final String REPEATS_METRIC = "previsit_chat_repeats";

  /** Wrong link tokens one address may try a minute. */
  static final int GUESSES_PER_MINUTE = 30;
  /** Wrong dates of birth one invitation takes an hour before the link must be re-sent. */
  static final int BIRTH_DATE_TRIES_PER_HOUR = 5;

  private final Services services;
  private final PatientDevice devices;

  private ChatRoutes(Services services) {
    this.services = services;
    this.devices = new PatientDevice(services.secret(), services.config().publicUrl().startsWith("https"));
  }

  public static void mount(Router router, Services services) {
    ChatRoutes r = new ChatRoutes(services);
    router.get("/chat/:token").handler(r::page);
    router.post("/chat/:token/device").handler(r::confirmForm);
    router.get("/chat/api/:token/history").handler(r::history);
    router.post("/chat/api/:token/messages").handler(r::message);
    router.post("/chat/api/:token/device").handler(r::confirm);
    AttachmentRoutes uploads = new AttachmentRoutes(services, ctx -> r.invitation(ctx, false));
    router.post("/chat/api/:token/attachments").handler(uploads::upload);
  }

  private void page(RoutingContext ctx) {
    invitation(ctx, true).onSuccess(found -> found.ifPresent(inv -> ctx.response()
        .putHeader("Content-Type", "text/html; charset=utf-8")
        .end(Templates.render("chat", Map.of("title", "Your appointment", "script", "chat.js", "token", inv.token(),
            "clinician", inv.clinician() == null ? "" : inv.clinician(), "when", when(inv.appointmentAt()),
            "practice", services.config().practiceName())))));
  }

  /** The appointment as a patient reads it: "Thursday 3 December, 09:30". */
  static String when(java.time.LocalDateTime at) {
    return at == null ? "" : at.format(java.time.format.DateTimeFormatter.ofPattern("EEEE d MMMM, HH:mm", java.util.Locale.UK));
  }

  private void history(RoutingContext ctx) {
    invitation(ctx, false).onSuccess(found -> found.ifPresent(inv ->
        services.conversations().open(inv)
            .compose(opened -> services.conversations().history(inv).map(lines -> {
              JsonArray messages = new JsonArray();
              lines.forEach(l -> {
                JsonObject m = new JsonObject().put("from", l.from()).put("text", l.text())
                    .put("buttons", new JsonArray(l.buttons())).put("at", l.at().toString());
                if (l.emergency()) m.put("emergency", true);
                messages.add(m);
              });
              JsonObject json = new JsonObject().put("messages", messages).put("done", inv.status() == InvitationStatus.COMPLETED);
              if (opened.progress() != null) json.put("progress", progressJson(opened.progress()));
              if (opened.review() != null) json.put("review", ReviewJson.of(opened.review()));
              return json;
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

  /** {text}, {button} or {edit}; '/help' and the like are commands. Null after answering 400/413. */
  private static PatientInput input(RoutingContext ctx, JsonObject body) {
    Object text = body.getValue("text");
    Object button = body.getValue("button");
    // A change is an answer: the core keeps 4,000 characters of an answer, so a longer change is refused, not cut.
    if (body.containsKey("edit")) return ReviewJson.edit(ctx, body.getValue("edit"), app.previsit.dialogue.Dialogue.MAX_ANSWER_CHARS);
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
    for (Reply r : turn.replies()) {
      JsonObject reply = new JsonObject().put("text", r.text()).put("buttons", new JsonArray(r.buttons()));
      if (r.emergency()) reply.put("emergency", true);
      replies.add(reply);
    }
    JsonObject json = new JsonObject().put("replies", replies).put("done", turn.done());
    if (turn.progress() != null) json.put("progress", progressJson(turn.progress()));
    if (turn.review() != null) json.put("review", ReviewJson.of(turn.review()));
    return json;
  }

  static JsonObject progressJson(app.previsit.dialogue.Progress p) {
    return new JsonObject().put("step", p.step()).put("of", p.of()).put("label", p.label());
  }

  /** The date-of-birth form of the page a second device sees. */
  private void confirmForm(RoutingContext ctx) {
    known(ctx, true).onSuccess(found -> found.ifPresent(inv -> confirmBirthDate(ctx, inv,
        ctx.request().getFormAttribute("dateOfBirth")).onSuccess(ok -> {
          if (ok) ctx.response().setStatusCode(303).putHeader("Location", "/chat/" + inv.token()).end();
          else if (!ctx.response().ended()) locked(ctx, inv, true, "That date of birth does not match. Please try again.");
        }).onFailure(ctx::fail)));
  }

  /** {dateOfBirth}: a second device proves it is the patient's; 200 {ok:true} or 403. */
  private void confirm(RoutingContext ctx) {
    known(ctx, false).onSuccess(found -> found.ifPresent(inv -> {
      JsonObject body = HttpErrors.jsonBody(ctx);
      if (body == null) return;
      confirmBirthDate(ctx, inv, body.getValue("dateOfBirth") instanceof String d ? d : null).onSuccess(ok -> {
        if (ok) json(ctx, 200, new JsonObject().put("ok", true));
        else if (!ctx.response().ended()) HttpErrors.send(ctx, 403, "That date of birth does not match.");
      }).onFailure(ctx::fail);
    }));
  }

  /**
   * True when {@code given} is the patient's date of birth: this browser then holds the link too.
   * Answers 403/429 itself when there is no date to confirm, too many wrong ones, or no room for
   * another device. Each try is counted before it is checked, so tries sent at once cannot pass the limit.
   */
  private Future<Boolean> confirmBirthDate(RoutingContext ctx, Invitation inv, String given) {
    boolean page = !ctx.request().path().startsWith("/chat/api/");
    if (inv.dateOfBirth() == null) {
      answer(ctx, page, 403, lockedMessage(false));
      return Future.succeededFuture(false);
    }
    String tries = "dob:" + inv.id();
    return services.stores().counters().increment(tries, java.time.Duration.ofHours(1)).compose(n -> {
      if (n > BIRTH_DATE_TRIES_PER_HOUR) {
        answer(ctx, page, 429, "Too many tries. Please call " + services.config().practiceContact() + " and ask for a new link.");
        return Future.succeededFuture(false);
      }
      boolean match;
      try {
        match = given != null && java.time.LocalDate.parse(given.strip()).equals(inv.dateOfBirth());
      } catch (java.time.DateTimeException e) {
        match = false;
      }
      if (!match) return audit("open-link-refused", inv).map(false);
      return services.stores().invitations().addDevice(inv.id(), devices.of(ctx)).compose(added -> {
        if (!added) {
          answer(ctx, page, 403, "This link is already open on as many devices as it may be. Please call "
              + services.config().practiceContact() + " and ask for a new link.");
          return Future.succeededFuture(false);
        }
        return services.stores().counters().reset(tries).compose(x -> audit("open-link-new-device", inv)).map(true);
      });
    });
  }

  /**
   * The invitation behind the token, or empty after answering: 429 when rate-limited, 404 for an
   * unknown token, 410 for an expired or cancelled one (a kind page for the page route), 403 when
   * another device holds the link. The first browser to use a free link takes it (audited); the page
   * alone takes nothing, because link previews and mail scanners fetch links before the patient does
   * (its script's first call takes it).
   */
  Future<Optional<Invitation>> invitation(RoutingContext ctx, boolean page) {
    return known(ctx, page).compose(found -> {
      if (found.isEmpty()) return Future.succeededFuture(found);
      Invitation inv = found.get();
      if (devices.holds(ctx, inv)) return withinLimit(ctx, page, inv);
      if (!inv.linkHeld()) {
        if (page) return Future.succeededFuture(found);
        return services.stores().invitations().holdLink(inv.id(), devices.of(ctx)).compose(took -> took
            ? audit("open-link", inv).compose(v -> withinLimit(ctx, page, inv)) : refuse(ctx, page, inv));
      }
      return refuse(ctx, page, inv);
    }).onFailure(ctx::fail);
  }

  /**
   * Another device's request: nothing of the conversation, and counted like a wrong token for its
   * address, so that it can neither probe freely nor use up the patient's own message limit.
   */
  private Future<Optional<Invitation>> refuse(RoutingContext ctx, boolean page, Invitation inv) {
    return miss(ctx, page, () -> {
      if (page) locked(ctx, inv, false, null);
      else HttpErrors.send(ctx, 403, lockedMessage(inv.dateOfBirth() != null));
    });
  }

  /**
   * Counts a miss (a wrong token, another device's request) for the caller's address: past the limit
   * it answers 429, whatever the miss was, else {@code answer} says what it was.
   */
  private Future<Optional<Invitation>> miss(RoutingContext ctx, boolean page, Runnable answer) {
    String address = ClientAddress.forLimits(ClientAddress.of(ctx, services.config().bounds().trustedProxies()));
    return services.stores().counters().increment("guess:" + address, java.time.Duration.ofMinutes(1)).map(n -> {
      if (n > GUESSES_PER_MINUTE) {
        ctx.response().putHeader("Retry-After", "60");
        answer(ctx, page, 429, "Too many attempts. Please wait a minute.");
      } else {
        answer.run();
      }
      return Optional.<Invitation>empty();
    });
  }

  /** The holder's requests, limited per invitation: PREVISIT_CHAT_MESSAGES_PER_MINUTE counted in tenths of a minute. */
  private Future<Optional<Invitation>> withinLimit(RoutingContext ctx, boolean page, Invitation inv) {
    long perTenth = Math.max(1, (services.config().chatMessagesPerMinute() + 9) / 10);
    return services.stores().counters().increment("link:" + inv.id(), java.time.Duration.ofSeconds(6)).map(n -> {
      if (n > perTenth) {
        ctx.response().putHeader("Retry-After", "10");
        answer(ctx, page, 429, "Too many messages at once. Please wait a few seconds and try again.");
        return Optional.<Invitation>empty();
      }
      return Optional.of(inv);
    });
  }

  /** The invitation behind a well-formed, known, usable token; empty after answering (404, 410, 429). */
  private Future<Optional<Invitation>> known(RoutingContext ctx, boolean page) {
    String token = ctx.pathParam("token");
    // Guesses are counted per address only after the lookup misses (a flood of random tokens makes no
    // counter per token); past the limit every miss answers 429, so guessing learns nothing more.
    Future<Optional<Invitation>> lookup = token == null || !token.matches("[A-Za-z0-9_-]{16,64}")
        ? Future.succeededFuture(Optional.empty()) : services.stores().invitations().byToken(token);
    return lookup.compose(found -> {
      if (found.isEmpty()) {
        return miss(ctx, page, () -> answer(ctx, page, 404, "This link is not valid. Please check it, or call "
            + services.config().practiceContact() + " for a new one."));
      }
      Invitation inv = found.get();
      if (!inv.usableAt(services.clock().instant())) {
        boolean cancelled = inv.statusAt(services.clock().instant()) == InvitationStatus.CANCELLED;
        answer(ctx, page, 410, (cancelled ? "This link has been cancelled by the practice." : "This link has expired.")
            + " Please call " + services.config().practiceContact() + " for a new one.");
        return Future.succeededFuture(Optional.<Invitation>empty());
      }
      return Future.succeededFuture(found);
    }).onFailure(ctx::fail);
  }

  private String lockedMessage(boolean canConfirm) {
    return canConfirm
        ? "This link is already open on another device. To continue here, confirm your date of birth."
        : "This link is already open on another device, and only that device can continue, to keep what you wrote "
            + "private. Please call " + services.config().practiceContact() + " and ask for a new link.";
  }

  /** The page a browser sees when another device holds the link. */
  private void locked(RoutingContext ctx, Invitation inv, boolean retry, String error) {
    Map<String, Object> m = new java.util.HashMap<>();
    m.put("title", "Your appointment");
    m.put("token", inv.token());
    m.put("confirm", inv.dateOfBirth() != null);
    m.put("message", lockedMessage(inv.dateOfBirth() != null));
    if (error != null) m.put("error", error);
    m.putAll(helpLines());
    ctx.response().setStatusCode(retry ? 400 : 403).putHeader("Content-Type", "text/html; charset=utf-8")
        .end(Templates.render("chat-locked", m));
  }

  /** Link events are audited by invitation id, with no patient text and no device identifier. */
  private Future<Void> audit(String action, Invitation inv) {
    return services.stores().audit().record(new app.previsit.store.AuditEvent(services.clock().instant(), "patient",
        action, inv.id()));
  }

  /**
   * A JSON error for the page's script, or for the page itself a kind page that says whom to call: the
   * practice (tap to call when PREVISIT_PRACTICE_PHONE is set) and 999 / NHS 111 (help-lines.peb), since a
   * patient who cannot use their link may still need help today.
   */
  private void answer(RoutingContext ctx, boolean page, int status, String message) {
    if (!page) {
      HttpErrors.send(ctx, status, message);
      return;
    }
    Map<String, Object> m = new java.util.HashMap<>(helpLines());
    m.put("title", "Your appointment");
    m.put("heading", "Sorry");
    m.put("message", message);
    ctx.response().setStatusCode(status).putHeader("Content-Type", "text/html; charset=utf-8")
        .end(Templates.render("chat-notice", m));
  }

  /** What help-lines.peb needs: the practice's phone as written and as a tel: number, and its name. */
  private Map<String, Object> helpLines() {
    String phone = services.config().practicePhone();
    return Map.of("phone", phone, "tel", phone.replaceAll("[^0-9+]", ""), "practice", services.config().practiceName());
  }

  private static void json(RoutingContext ctx, int status, JsonObject body) {
    ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json; charset=utf-8").end(body.encode());
  }

}
