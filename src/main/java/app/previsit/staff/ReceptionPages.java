package app.previsit.staff;

import app.previsit.alerts.RedFlagWords;
import app.previsit.invitation.Invitation;
import app.previsit.server.Services;
import app.previsit.store.Alert;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Reception's day: the list (statuses in words, last activity, emergency marks, day counts), which its
 * script keeps up to date in place from {@code /reception/day.json} (no reload, so nothing typed is
 * lost), and the forms: invite, cancel (with undo the same day), new link, QR code.
 */
final class ReceptionPages {
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);
  private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm", Locale.UK);
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM, HH:mm", Locale.UK);

  private final Services services;
  private final StaffRoutes api;
  private final app.previsit.reminders.Reminders reminders;

  private ReceptionPages(Services services, StaffRoutes api) {
    this.services = services;
    this.api = api;
    this.reminders = new app.previsit.reminders.Reminders(services);
  }

  static void mount(Router router, Services services, StaffRoutes api) {
    ReceptionPages p = new ReceptionPages(services, api);
    router.route("/reception*").handler(ctx -> api.auth.page(ctx, StaffRoutes.RECEPTION));
    router.get("/reception").handler(p::day);
    router.get("/reception/day.json").handler(p::dayJson);
    router.post("/reception/invitations").handler(p::createForm);
    router.post("/reception/invitations/:id/cancel").handler(p::cancelForm);
    router.post("/reception/invitations/:id/restore").handler(p::restoreForm);
    router.post("/reception/invitations/:id/new-link").handler(p::newLinkForm);
    router.post("/reception/invitations/:id/remind").handler(p::remindForm);
    router.post("/api/invitations/:id/remind").handler(p::remindApi);
    router.get("/reception/invitations/:id/qr.svg").handler(p::qrCode);
    ImportPages.mount(router, services, api);
    DashboardPage.mount(router, services, api);
  }

  /** The day's rows as reception sees them, and the counts, for the page and for its updates. */
  private Future<JsonObject> dayView(LocalDate date, String clinician) {
    Future<List<Invitation>> invitations = services.stores().invitations().byDate(date);
    Future<List<Alert>> alerts = services.stores().alerts().since(services.clock().instant().minus(Duration.ofDays(2)));
    return Future.all(invitations, alerts).map(both -> {
      Map<String, Alert> flagged = new HashMap<>();
      for (Alert a : alerts.result()) flagged.merge(a.invitationId(), a, (x, y) -> x.open() ? x : y);
      TreeSet<String> clinicians = new TreeSet<>();
      JsonArray rows = new JsonArray();
      Map<String, Integer> counts = new LinkedHashMap<>();
      for (Invitation inv : invitations.result()) {
        clinicians.add(inv.clinician());
        if (clinician != null && !clinician.equals(inv.clinician())) continue;
        JsonObject row = api.desk.json(inv);
        String detail = row.getString("statusDetail");
        counts.merge(detail, 1, Integer::sum);
        row.put("time", StaffPages.time(row.getString("appointmentAt")));
        row.put("lastActivityText", inv.lastActivityAt() == null ? "" : WHEN.format(inv.lastActivityAt().atZone(services.config().timeZone())));
        row.put("cancellable", !detail.equals("cancelled_by_practice") && !detail.equals("deleted_by_patient")
            && !detail.equals("completed") && !detail.equals("expired"));
        row.put("restorable", detail.equals("cancelled_by_practice"));
        row.put("remindable", reminders.remindable(inv));
        row.put("linkUsable", row.getBoolean("cancellable") || detail.equals("completed"));
        Alert a = flagged.get(inv.id());
        if (a != null) {
          row.put("alert", RedFlagWords.of(a.category()));
          row.put("alertOpen", a.open());
          row.put("alertAcknowledged", a.open() ? null : a.acknowledgedBy() + ", "
              + CLOCK.format(a.acknowledgedAt().atZone(services.config().timeZone())));
        }
        rows.add(row);
      }
      int active = rows.size() - counts.getOrDefault("cancelled_by_practice", 0);
      String summary = counts.getOrDefault("completed", 0) + " of " + active + " completed";
      return new JsonObject().put("date", date.toString()).put("rows", rows).put("summary", summary)
          .put("counts", new JsonObject(new HashMap<>(counts))).put("clinicians", new JsonArray(new ArrayList<>(clinicians)));
    });
  }

  private void day(RoutingContext ctx) {
    LocalDate date = api.date(ctx);
    if (date == null) return;
    String clinician = Optional.ofNullable(ctx.request().getParam("clinician")).filter(c -> !c.isBlank()).orElse(null);
    dayView(date, clinician).compose(view -> created(ctx).map(created -> {
      Map<String, Object> m = StaffPages.model(api, ctx, "Reception");
      m.put("date", date.toString());
      m.put("dayText", DAY.format(date));
      m.put("previous", date.minusDays(1).toString());
      m.put("next", date.plusDays(1).toString());
      m.put("today", LocalDate.now(services.clock().withZone(services.config().timeZone())).toString());
      m.put("clinician", clinician == null ? "" : clinician);
      m.put("invitations", view.getJsonArray("rows").stream().map(o -> ((JsonObject) o).getMap()).toList());
      m.put("clinicians", view.getJsonArray("clinicians").getList());
      m.put("summary", view.getString("summary"));
      created.ifPresent(c -> m.put("created", c));
      String cancelled = ctx.request().getParam("cancelled");
      if (cancelled != null && cancelled.matches("[A-Za-z0-9_-]{1,64}")) m.put("cancelled", cancelled);
      m.put("script", "reception.js");
      StaffPages.html(ctx, 200, "reception", m);
      return null;
    })).onFailure(ctx::fail);
  }

  /** The invitation just created (?created=ID), with its link, shown once at the top of the page. */
  private Future<Optional<Map<String, Object>>> created(RoutingContext ctx) {
    String id = ctx.request().getParam("created");
    if (id == null || !id.matches("[A-Za-z0-9_-]{1,64}")) return Future.succeededFuture(Optional.empty());
    return services.stores().invitations().byId(id).map(found -> found.filter(inv -> !inv.linkHeld())
        .map(inv -> api.desk.json(inv).getMap()));
  }

  private void dayJson(RoutingContext ctx) {
    LocalDate date = api.date(ctx);
    if (date == null) return;
    String clinician = Optional.ofNullable(ctx.request().getParam("clinician")).filter(c -> !c.isBlank()).orElse(null);
    dayView(date, clinician).onSuccess(view -> ctx.response().putHeader("Content-Type", "application/json")
        .putHeader("Cache-Control", "no-store").end(view.encode())).onFailure(ctx::fail);
  }

  private void createForm(RoutingContext ctx) {
    if (!StaffPages.csrf(api, ctx)) return;
    var f = ctx.request().formAttributes();
    String who = api.auth.who(ctx);
    api.desk.create(f.get("patientName"), f.get("appointmentAt"), f.get("clinician"), f.get("reference"), f.get("dateOfBirth"),
            f.get("nhsNumber"))
        .compose(inv -> api.audit(who, "create-invitation", inv.id()).map(inv))
        .onSuccess(inv -> StaffPages.redirect(ctx, "/reception?date=" + inv.appointmentAt().toLocalDate() + "&created=" + inv.id()))
        .onFailure(e -> {
          if (e instanceof InvitationDesk.Invalid) {
            StaffPages.notice(api, ctx, 400, "Reception", "Please check the form", e.getMessage(), "/reception");
          } else {
            ctx.fail(e);
          }
        });
  }

  private void cancelForm(RoutingContext ctx) {
    if (!StaffPages.csrf(api, ctx)) return;
    String who = api.auth.who(ctx);
    api.desk.cancel(ctx.pathParam("id")).compose(found -> found.isEmpty() ? Future.succeededFuture(found)
            : api.audit(who, "cancel-invitation", found.get().id()).map(found))
        .onSuccess(found -> StaffPages.redirect(ctx, found.map(i -> "/reception?date=" + i.appointmentAt().toLocalDate()
            + "&cancelled=" + i.id()).orElse("/reception")))
        .onFailure(ctx::fail);
  }

  private void restoreForm(RoutingContext ctx) {
    if (!StaffPages.csrf(api, ctx)) return;
    String who = api.auth.who(ctx);
    api.desk.restore(ctx.pathParam("id")).compose(found -> found.isEmpty() ? Future.succeededFuture(found)
            : api.audit(who, "restore-invitation", found.get().id()).map(found))
        .onSuccess(found -> StaffPages.redirect(ctx, found.map(i -> "/reception?date=" + i.appointmentAt().toLocalDate())
            .orElse("/reception")))
        .onFailure(e -> {
          if (e instanceof InvitationDesk.Invalid) StaffPages.notice(api, ctx, 400, "Reception", "Not restored", e.getMessage(), "/reception");
          else ctx.fail(e);
        });
  }

  /** A new link: shown on a page of its own for reception to send; the old one stops working. */
  private void newLinkForm(RoutingContext ctx) {
    if (!StaffPages.csrf(api, ctx)) return;
    String who = api.auth.who(ctx);
    api.desk.newLink(ctx.pathParam("id")).compose(found -> found.isEmpty() ? Future.succeededFuture(found)
            : api.audit(who, "new-link", found.get().id()).map(found))
        .onSuccess(found -> {
          if (found.isEmpty()) {
            StaffPages.notice(api, ctx, 404, "Not found", "No such invitation", "It may have been deleted.", "/reception");
            return;
          }
          StaffPages.redirect(ctx, "/reception?date=" + found.get().appointmentAt().toLocalDate() + "&created=" + found.get().id());
        })
        .onFailure(e -> {
          if (e instanceof InvitationDesk.Invalid) StaffPages.notice(api, ctx, 400, "Reception", "No new link", e.getMessage(), "/reception");
          else ctx.fail(e);
        });
  }

  private Future<Optional<Boolean>> remind(RoutingContext ctx) {
    String who = api.auth.who(ctx);
    return services.stores().invitations().byId(ctx.pathParam("id"))
        .compose(found -> found.isEmpty() ? Future.succeededFuture(Optional.<Boolean>empty())
            : reminders.remindNow(found.get(), who).map(Optional::of));
  }

  private void remindForm(RoutingContext ctx) {
    if (!StaffPages.csrf(api, ctx)) return;
    remind(ctx).onSuccess(sent -> {
      if (sent.isEmpty()) StaffPages.notice(api, ctx, 404, "Not found", "No such invitation", "It may have been deleted.", "/reception");
      else if (!sent.get()) StaffPages.notice(api, ctx, 409, "Reception", "No reminder sent",
          "Only patients using Telegram who have not finished or stopped can be reminded.", "/reception");
      else StaffPages.notice(api, ctx, 200, "Reception", "Reminder sent", "The patient was reminded in Telegram.", "/reception");
    }).onFailure(ctx::fail);
  }

  private void remindApi(RoutingContext ctx) {
    remind(ctx).onSuccess(sent -> {
      if (sent.isEmpty()) app.previsit.web.HttpErrors.send(ctx, 404, "no invitation with that id");
      else if (!sent.get()) app.previsit.web.HttpErrors.send(ctx, 409,
          "only patients using Telegram who have not finished or stopped can be reminded");
      else ctx.response().putHeader("Content-Type", "application/json").end("{\"sent\":true}");
    }).onFailure(ctx::fail);
  }

  private void qrCode(RoutingContext ctx) {
    services.stores().invitations().byId(ctx.pathParam("id")).onSuccess(found -> {
      // Once a device holds the link its QR code would only help someone else try to open it.
      if (found.isEmpty() || found.get().linkHeld()) {
        StaffPages.notice(api, ctx, 404, "Not found", "No link to show",
            "The link has been opened on the patient's device, or the invitation was deleted.", "/reception");
      } else {
        ctx.response().putHeader("Content-Type", "image/svg+xml").end(QrCodes.svg(api.desk.webLink(found.get())));
      }
    }).onFailure(ctx::fail);
  }
}
