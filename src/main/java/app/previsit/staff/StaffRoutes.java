package app.previsit.staff;

import app.previsit.invitation.Invitation;
import app.previsit.server.Services;
import app.previsit.store.AuditEvent;
import app.previsit.store.StaffUser;
import app.previsit.store.StaffUser.Role;
import app.previsit.web.HttpErrors;
import app.previsit.security.ClientAddress;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The staff JSON API: login, invitations (reception, admin), summaries (gp, admin), audit (admin). */
public final class StaffRoutes {
  static final Set<Role> RECEPTION = Set.of(Role.RECEPTION, Role.ADMIN);
  static final Set<Role> CLINICAL = Set.of(Role.GP, Role.ADMIN);
  static final Set<Role> ADMIN = Set.of(Role.ADMIN);

  /** What a login attempt came to: a user, or an answer already chosen (wrong password, wait). */
  record LoginResult(Optional<StaffUser> user, int status, String message, long retryAfterSeconds) {
    static LoginResult ok(StaffUser u) {
      return new LoginResult(Optional.of(u), 200, null, 0);
    }
  }

  private final Services services;
  // Everything here keeps its state in the store, so one per verticle is as good as one per process.
  final StaffSessions sessions;
  final StaffAuth auth;
  final InvitationDesk desk;
  private final LoginGuard guard;
  private final app.previsit.summary.FhirExport fhir;

  StaffRoutes(Services services) {
    this.services = services;
    this.sessions = new StaffSessions(services.stores().staffSessions(), services.stores().users(), services.secret(),
        services.clock());
    this.auth = new StaffAuth(sessions);
    this.guard = new LoginGuard(services.stores().counters());
    this.fhir = new app.previsit.summary.FhirExport(services.config().publicUrl());
    this.desk = new InvitationDesk(services.stores().invitations(), services.config(), services.clock(), services.channels(),
        services.stores().telegram());
  }

  public static void mount(Router router, Services services) {
    StaffRoutes r = new StaffRoutes(services);
    // The session is looked up once per staff request (it lives in the store); guards then read it.
    for (String path : List.of("/", "/login", "/logout", "/api/*", "/reception*", "/gp*", "/admin*")) {
      router.route(path).handler(r.auth::resolve);
    }
    router.post("/api/login").handler(r::login);
    router.post("/api/logout").handler(r::logout);
    router.route("/api/invitations*").handler(ctx -> r.auth.api(ctx, RECEPTION));
    router.post("/api/invitations").handler(r::createInvitation);
    router.get("/api/invitations").handler(r::listInvitations);
    router.delete("/api/invitations/:id").handler(r::cancelInvitation);
    router.post("/api/invitations/:id/link").handler(r::newLink);
    router.route("/api/summaries*").handler(ctx -> r.auth.api(ctx, CLINICAL));
    router.get("/api/summaries").handler(r::listSummaries);
    router.get("/api/summaries/:id").handler(r::summary);
    router.get("/api/summaries/:id/text").handler(r::summaryText);
    router.get("/api/summaries/:id/fhir").handler(r::summaryFhir);
    router.get("/fhir/Questionnaire/previsit").handler(r::questionnaire);
    router.get("/api/audit").handler(ctx -> r.auth.api(ctx, ADMIN));
    router.get("/api/audit").handler(r::audit);
    AlertRoutes.mount(router, services, r);
    UserAdmin.mount(router, services, r);
    StaffPages.mount(router, services, r);
  }

  private void login(RoutingContext ctx) {
    JsonObject body = HttpErrors.jsonBody(ctx);
    if (body == null) return;
    String username = HttpErrors.required(ctx, body, "username");
    if (username == null) return;
    String password = HttpErrors.required(ctx, body, "password");
    if (password == null) return;
    authenticate(ctx, username, password).compose(result -> {
      if (result.user().isEmpty()) {
        if (result.retryAfterSeconds() > 0) ctx.response().putHeader("Retry-After", Long.toString(result.retryAfterSeconds()));
        HttpErrors.send(ctx, result.status(), result.message());
        return Future.succeededFuture();
      }
      StaffUser user = result.user().get();
      return sessions.start(user).onSuccess(token -> ctx.response().putHeader("Content-Type", "application/json")
          .end(new JsonObject().put("token", token).put("role", user.role().json()).encode()));
    }).onFailure(ctx::fail);
  }

  private void logout(RoutingContext ctx) {
    String token = auth.token(ctx);
    if (token == null) {
      HttpErrors.send(ctx, 401, "login required");
      return;
    }
    String who = auth.who(ctx);
    sessions.end(token).compose(v -> audit(who, "logout", ""))
        .onSuccess(v -> ctx.response().setStatusCode(204).end()).onFailure(ctx::fail);
  }

  /**
   * Checks a password off the event loop (bcrypt is slow by design) behind the login guard; audits the
   * outcome (the name typed and the address, never the password).
   */
  Future<LoginResult> authenticate(RoutingContext ctx, String username, String password) {
    String address = ClientAddress.of(ctx, services.config().bounds().trustedProxies());
    return guard.before(username, address).compose(decision -> {
      if (!decision.allowed()) {
        // Counted, not audited: refusals come as fast as anyone can send them and would flood the audit.
        services.metrics().counter("previsit_logins_throttled_total").increment();
        return Future.succeededFuture(new LoginResult(Optional.empty(), 429,
            "too many login attempts from here, please wait " + decision.retryAfterSeconds() + " s", decision.retryAfterSeconds()));
      }
      return services.stores().users().find(username).compose(found -> services.vertx().executeBlocking(() ->
          Passwords.matches(password, found.map(StaffUser::passwordHash).orElse(null)) ? found : Optional.<StaffUser>empty())
          .compose(user -> {
            if (user.isPresent()) {
              return guard.succeeded(username, address).compose(v -> audit(user.get().username(), "login", address))
                  .map(LoginResult.ok(user.get()));
            }
            // A name with no account is not written down: it may be a password typed in the wrong box.
            String actor = found.isPresent() ? found.get().username() : "(no such user)";
            return guard.failed(username, address).compose(v -> audit(actor, "login-failed", address))
                .map(new LoginResult(Optional.empty(), 401, "wrong username or password", 0));
          }));
    });
  }

  private void createInvitation(RoutingContext ctx) {
    JsonObject body = HttpErrors.jsonBody(ctx);
    if (body == null) return;
    for (String f : List.of("patientName", "appointmentAt", "clinician")) {
      if (HttpErrors.required(ctx, body, f) == null) return;
    }
    Object ref = body.getValue("reference");
    if (ref != null && !(ref instanceof String)) {
      HttpErrors.send(ctx, 400, "field 'reference' must be a string");
      return;
    }
    Object dob = body.getValue("dateOfBirth");
    if (dob != null && !(dob instanceof String)) {
      HttpErrors.send(ctx, 400, "field 'dateOfBirth' must be a string like 1956-03-14");
      return;
    }
    Object nhs = body.getValue("nhsNumber");
    if (nhs != null && !(nhs instanceof String)) {
      HttpErrors.send(ctx, 400, "field 'nhsNumber' must be a string like \"943 476 5919\"");
      return;
    }
    String who = auth.who(ctx);
    desk.create(body.getString("patientName"), body.getString("appointmentAt"), body.getString("clinician"), (String) ref,
            (String) dob, (String) nhs)
        .compose(inv -> audit(who, "create-invitation", inv.id()).map(inv))
        .onSuccess(inv -> ctx.response().setStatusCode(201).putHeader("Content-Type", "application/json")
            .putHeader("Location", "/api/invitations/" + inv.id()).end(desk.json(inv, true).encode()))
        .onFailure(e -> invalidOrFail(ctx, e));
  }

  /** A new link for the patient (lost, or opened on the wrong device): the old one stops working at once. */
  private void newLink(RoutingContext ctx) {
    String who = auth.who(ctx);
    desk.newLink(ctx.pathParam("id"))
        .compose(found -> found.isEmpty() ? Future.succeededFuture(found)
            : audit(who, "new-link", found.get().id()).map(found))
        .onSuccess(found -> {
          if (found.isEmpty()) HttpErrors.send(ctx, 404, "no invitation with that id");
          else ctx.response().putHeader("Content-Type", "application/json").end(desk.json(found.get(), true).encode());
        }).onFailure(e -> invalidOrFail(ctx, e));
  }

  private void listInvitations(RoutingContext ctx) {
    LocalDate date = date(ctx);
    if (date == null) return;
    services.stores().invitations().byDate(date).onSuccess(list -> {
      JsonArray out = new JsonArray();
      list.forEach(i -> out.add(desk.json(i)));
      ctx.response().putHeader("Content-Type", "application/json").end(out.encode());
    }).onFailure(ctx::fail);
  }

  private void cancelInvitation(RoutingContext ctx) {
    String who = auth.who(ctx);
    desk.cancel(ctx.pathParam("id")).compose(found -> found.isEmpty() ? Future.succeededFuture(found)
        : audit(who, "cancel-invitation", found.get().id()).map(found)).onSuccess(found -> {
      if (found.isEmpty()) HttpErrors.send(ctx, 404, "no invitation with that id");
      else ctx.response().putHeader("Content-Type", "application/json").end(desk.json(found.get()).encode());
    }).onFailure(ctx::fail);
  }

  private void listSummaries(RoutingContext ctx) {
    LocalDate date = date(ctx);
    if (date == null) return;
    String who = auth.who(ctx);
    daySummaries(date).compose(list -> audit(who, "list-summaries", date.toString()).map(list))
        .onSuccess(list -> ctx.response().putHeader("Content-Type", "application/json").end(new JsonArray(list).encode()))
        .onFailure(ctx::fail);
  }

  /** The day's summaries: red flags first, then appointment order. */
  Future<List<JsonObject>> daySummaries(LocalDate date) {
    return services.stores().invitations().byDate(date).compose(list -> {
      List<Future<JsonObject>> each = new ArrayList<>();
      for (Invitation inv : list) each.add(services.conversations().summary(inv).map(Optional::get));
      return Future.all(each).map(all -> each.stream().map(Future::result)
          .sorted(Comparator.comparing((JsonObject s) -> s.getJsonArray("redFlags").isEmpty()))
          .toList());
    });
  }

  /** One summary for a clinician, audited as {@code action}; empty after answering 404. */
  private Future<Optional<JsonObject>> auditedSummary(RoutingContext ctx, String action) {
    String who = auth.who(ctx);
    return services.stores().invitations().byId(ctx.pathParam("id")).compose(found -> {
      if (found.isEmpty()) return Future.succeededFuture(Optional.<JsonObject>empty());
      return services.conversations().summary(found.get()).compose(s -> audit(who, action, found.get().id()).map(s));
    }).map(s -> {
      if (s.isEmpty()) HttpErrors.send(ctx, 404, "no summary with that id");
      return s;
    });
  }

  /** Plain text for the consultation record. */
  private void summaryText(RoutingContext ctx) {
    auditedSummary(ctx, "view-summary-text").onSuccess(s -> s.ifPresent(json -> ctx.response()
        .putHeader("Content-Type", "text/plain; charset=utf-8").putHeader("Cache-Control", "no-store")
        .end(app.previsit.summary.SummaryText.of(json, services.config().timeZone())))).onFailure(ctx::fail);
  }

  /** FHIR R4 QuestionnaireResponse; HAPI's model is built on a worker (its first use takes a second or two). */
  private void summaryFhir(RoutingContext ctx) {
    auditedSummary(ctx, "view-summary-fhir").compose(s -> s.isEmpty() ? Future.succeededFuture(Optional.<String>empty())
        : services.vertx().executeBlocking(() -> Optional.of(fhir.json(fhir.response(s.get())))))
        .onSuccess(body -> body.ifPresent(b -> ctx.response().putHeader("Content-Type", "application/fhir+json; charset=utf-8")
            .putHeader("Cache-Control", "no-store").end(b))).onFailure(ctx::fail);
  }

  /** The Questionnaire the summaries answer: a definition, no patient data, so no login. */
  private void questionnaire(RoutingContext ctx) {
    services.vertx().executeBlocking(() -> fhir.json(fhir.questionnaire()))
        .onSuccess(b -> ctx.response().putHeader("Content-Type", "application/fhir+json; charset=utf-8").end(b))
        .onFailure(ctx::fail);
  }

  private void summary(RoutingContext ctx) {
    String who = auth.who(ctx);
    services.stores().invitations().byId(ctx.pathParam("id")).compose(found -> {
      if (found.isEmpty()) return Future.succeededFuture(Optional.<JsonObject>empty());
      return services.conversations().summary(found.get())
          .compose(s -> audit(who, "view-summary", found.get().id()).map(s));
    }).onSuccess(s -> {
      if (s.isEmpty()) HttpErrors.send(ctx, 404, "no summary with that id");
      else ctx.response().putHeader("Content-Type", "application/json").end(s.get().encode());
    }).onFailure(ctx::fail);
  }

  /** The newest 500 events as a JSON array; with {@code from} and {@code to}, a date range streamed ({@link AuditExport}). */
  private void audit(RoutingContext ctx) {
    if (ctx.request().getParam("from") != null || ctx.request().getParam("to") != null) {
      new AuditExport(services.stores().audit(), services.config().timeZone()).handle(ctx);
      return;
    }
    services.stores().audit().recent(500).onSuccess(events -> {
      JsonArray out = new JsonArray();
      events.forEach(e -> out.add(new JsonObject().put("at", e.at().toString()).put("actor", e.actor())
          .put("action", e.action()).put("target", e.target())));
      ctx.response().putHeader("Content-Type", "application/json").end(out.encode());
    }).onFailure(ctx::fail);
  }

  Future<Void> audit(String actor, String action, String target) {
    return services.stores().audit().record(new AuditEvent(services.clock().instant(), actor, action, target));
  }

  /** ?date=YYYY-MM-DD, default today in the practice's zone; null after answering 400. */
  LocalDate date(RoutingContext ctx) {
    String d = ctx.request().getParam("date");
    if (d == null || d.isBlank()) return LocalDate.now(services.clock().withZone(services.config().timeZone()));
    try {
      return LocalDate.parse(d);
    } catch (DateTimeParseException e) {
      HttpErrors.send(ctx, 400, "parameter 'date' must look like 2026-11-23");
      return null;
    }
  }

  private static void invalidOrFail(RoutingContext ctx, Throwable e) {
    if (e instanceof InvitationDesk.Invalid) HttpErrors.send(ctx, 400, e.getMessage());
    else ctx.fail(e);
  }
}
