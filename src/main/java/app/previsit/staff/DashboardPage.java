package app.previsit.staff;

import app.previsit.invitation.Invitation;
import app.previsit.server.Services;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The practice dashboard (reception and admin; no clinical text): for a range of appointment days,
 * how many patients were invited, opened, started and completed, how long completing took, where the
 * unfinished ones stopped, and the emergency alerts raised and acknowledged. Also as JSON.
 */
final class DashboardPage {
  /** Longest range shown at once (each day is one store read, each unfinished conversation one more). */
  static final int MAX_DAYS = 92;

  private final Services services;
  private final StaffRoutes api;

  private DashboardPage(Services services, StaffRoutes api) {
    this.services = services;
    this.api = api;
  }

  static void mount(Router router, Services services, StaffRoutes api) {
    DashboardPage p = new DashboardPage(services, api);
    router.get("/reception/dashboard").handler(p::page);
    router.get("/reception/dashboard.json").handler(p::json);
  }

  private record Range(LocalDate from, LocalDate to) {}

  private Range range(RoutingContext ctx) {
    ZoneId zone = services.config().timeZone();
    LocalDate today = LocalDate.now(services.clock().withZone(zone));
    try {
      String f = ctx.request().getParam("from");
      String t = ctx.request().getParam("to");
      LocalDate to = t == null || t.isBlank() ? today : LocalDate.parse(t);
      LocalDate from = f == null || f.isBlank() ? to.minusDays(6) : LocalDate.parse(f);
      if (from.isAfter(to) || from.plusDays(MAX_DAYS).isBefore(to)) {
        StaffPages.notice(api, ctx, 400, "Dashboard", "Please choose other dates",
            "The first day must come before the last, at most " + MAX_DAYS + " days apart.", "/reception/dashboard");
        return null;
      }
      return new Range(from, to);
    } catch (DateTimeParseException e) {
      StaffPages.notice(api, ctx, 400, "Dashboard", "Please choose other dates", "Dates look like 2026-12-02.", "/reception/dashboard");
      return null;
    }
  }

  Future<PracticeFigures> figures(Range r) {
    List<Future<List<Invitation>>> days = new ArrayList<>();
    for (LocalDate d = r.from(); !d.isAfter(r.to()); d = d.plusDays(1)) days.add(services.stores().invitations().byDate(d));
    var since = r.from().minusDays(30).atStartOfDay(services.config().timeZone()).toInstant();
    return Future.all(days).compose(all -> {
      List<Invitation> invitations = new ArrayList<>();
      days.forEach(f -> invitations.addAll(f.result()));
      Map<String, String> sections = new HashMap<>();
      List<Future<Void>> reads = new ArrayList<>();
      for (Invitation inv : invitations) {
        if (inv.startedAt() == null || inv.completedAt() != null) continue;
        reads.add(services.conversations().section(inv).map(s -> {
          s.ifPresent(x -> {
            synchronized (sections) {
              sections.put(inv.id(), x);
            }
          });
          return null;
        }));
      }
      return Future.all(reads).compose(v -> services.stores().alerts().since(since))
          .map(alerts -> PracticeFigures.of(invitations, sections, alerts, services.clock().instant()));
    });
  }

  private void page(RoutingContext ctx) {
    Range r = range(ctx);
    if (r == null) return;
    figures(r).onSuccess(f -> {
      Map<String, Object> m = StaffPages.model(api, ctx, "Dashboard");
      m.put("from", r.from().toString());
      m.put("to", r.to().toString());
      m.put("f", f);
      m.put("medianToComplete", PracticeFigures.words(f.medianToComplete()));
      m.put("medianToAcknowledge", PracticeFigures.words(f.medianToAcknowledge()));
      m.put("chart", f.funnelSvg());
      m.put("stoppedIn", f.stoppedIn().entrySet().stream().map(e -> Map.of("section", SECTION_WORDS.get(e.getKey()),
          "count", e.getValue())).toList());
      StaffPages.html(ctx, 200, "dashboard", m);
    }).onFailure(ctx::fail);
  }

  private void json(RoutingContext ctx) {
    Range r = range(ctx);
    if (r == null) return;
    figures(r).onSuccess(f -> ctx.response().putHeader("Content-Type", "application/json").end(new JsonObject()
        .put("from", r.from().toString()).put("to", r.to().toString()).put("invited", f.invited()).put("opened", f.opened())
        .put("started", f.started()).put("completed", f.completed())
        .put("medianSecondsToComplete", f.medianToComplete() == null ? null : f.medianToComplete().toSeconds())
        .put("stoppedIn", new JsonObject(new HashMap<>(f.stoppedIn()))).put("stoppedByPatient", f.stoppedByPatient())
        .put("deletedByPatient", f.deletedByPatient()).put("alertsRaised", f.alertsRaised())
        .put("alertsAcknowledged", f.alertsAcknowledged())
        .put("medianSecondsToAcknowledge", f.medianToAcknowledge() == null ? null : f.medianToAcknowledge().toSeconds())
        .encode())).onFailure(ctx::fail);
  }

  private static final Map<String, String> SECTION_WORDS = Map.of("welcome", "Welcome", "agenda", "What to talk about",
      "research", "What they read", "questions", "Questions", "goals", "What matters", "decision", "Decisions",
      "preferences", "Preferences", "medicines", "Medicines", "review", "Checking the summary");
}
