package app.previsit.staff;

import static app.previsit.web.Html.esc;

import app.previsit.server.Services;
import app.previsit.store.StaffUser.Role;
import app.previsit.web.Html;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;

/** Server-rendered staff pages: login, reception's day list, the GP's day and summary pages. */
final class StaffPages {
  private static final Map<String, String> ROLE_WORDS = Map.of(
      "patient_decides", "Prefers to make decisions themself",
      "patient_after_doctor", "Wants to decide after hearing the GP's views",
      "shared", "Wants to decide together with the GP",
      "doctor_after_patient", "Wants the GP to decide, after hearing their views",
      "doctor_decides", "Prefers the GP to decide");

  private final Services services;
  private final StaffRoutes api;

  private StaffPages(Services services, StaffRoutes api) {
    this.services = services;
    this.api = api;
  }

  static void mount(Router router, Services services, StaffRoutes api) {
    StaffPages p = new StaffPages(services, api);
    router.get("/").handler(p::home);
    router.get("/login").handler(p::loginPage);
    router.post("/login").handler(p::loginForm);
    router.post("/logout").handler(p::logout);
    router.route("/reception*").handler(ctx -> api.auth.page(ctx, StaffRoutes.RECEPTION));
    router.get("/reception").handler(p::reception);
    router.post("/reception/invitations").handler(p::createForm);
    router.post("/reception/invitations/:id/cancel").handler(p::cancelForm);
    router.post("/reception/import").handler(p::importForm);
    router.get("/reception/invitations/:id/qr.svg").handler(p::qrCode);
    router.route("/gp*").handler(ctx -> api.auth.page(ctx, StaffRoutes.CLINICAL));
    router.get("/gp").handler(p::gpDay);
    router.get("/gp/summaries/:id").handler(p::summaryPage);
  }

  private void home(RoutingContext ctx) {
    String to = api.auth.session(ctx).map(s -> s.role() == Role.GP ? "/gp" : "/reception").orElse("/login");
    ctx.response().setStatusCode(302).putHeader("Location", to).end();
  }

  private void loginPage(RoutingContext ctx) {
    html(ctx, 200, "Log in", loginBody(null));
  }

  private static String loginBody(String error) {
    return "<main class=\"notice\"><h1>Previsit staff login</h1>" + (error == null ? "" : "<p class=\"error\">" + esc(error) + "</p>")
        + "<form method=\"post\" action=\"/login\" class=\"card\"><p><label>Username<br><input name=\"username\" id=\"username\""
        + " autocomplete=\"username\" required></label></p><p><label>Password<br><input type=\"password\" id=\"password\""
        + " name=\"password\" autocomplete=\"current-password\" required></label></p><p><button type=\"submit\" id=\"login\">"
        + "Log in</button></p></form></main>";
  }

  private void loginForm(RoutingContext ctx) {
    String u = ctx.request().getFormAttribute("username");
    String pw = ctx.request().getFormAttribute("password");
    if (u == null || pw == null || u.isBlank()) {
      html(ctx, 400, "Log in", loginBody("Please enter your username and password."));
      return;
    }
    api.authenticate(ctx, u.strip(), pw).onSuccess(user -> {
      if (user.isEmpty()) return;
      String token = api.tokens.issue(user.get(), services.clock().instant());
      ctx.response().addCookie(api.auth.cookie(token, services.config().publicUrl().startsWith("https")))
          .setStatusCode(303).putHeader("Location", user.get().role() == Role.GP ? "/gp" : "/reception").end();
    }).onFailure(ctx::fail);
  }

  private void logout(RoutingContext ctx) {
    ctx.response().addCookie(api.auth.cookie("", false).setMaxAge(0)).setStatusCode(303).putHeader("Location", "/login").end();
  }

  private void reception(RoutingContext ctx) {
    LocalDate date = api.date(ctx);
    if (date == null) return;
    services.stores().invitations().byDate(date).onSuccess(list -> {
      StringBuilder rows = new StringBuilder();
      for (var inv : list) {
        JsonObject j = api.desk.json(inv);
        String status = j.getString("status");
        rows.append("<tr><td>").append(esc(time(j.getString("appointmentAt")))).append("</td><td>").append(esc(inv.patientName()))
            .append("</td><td>").append(esc(inv.clinician())).append("</td><td>").append(esc(inv.reference()))
            .append("</td><td><span class=\"status ").append(esc(status)).append("\">").append(esc(status)).append("</span></td><td>")
            .append("<input class=\"link\" readonly value=\"").append(esc(j.getString("webLink"))).append("\" aria-label=\"web link\"> ")
            .append("<button type=\"button\" class=\"secondary copy\" data-copy=\"").append(esc(j.getString("webLink")))
            .append("\">Copy link</button>");
        if (j.getString("telegramLink") != null) rows.append(" <a href=\"").append(esc(j.getString("telegramLink"))).append("\">Telegram</a>");
        rows.append(" <a href=\"/reception/invitations/").append(esc(inv.id())).append("/qr.svg\" target=\"_blank\">QR code</a>");
        rows.append("</td><td>");
        if (!"cancelled".equals(status) && !"completed".equals(status)) {
          rows.append("<form class=\"inline\" method=\"post\" action=\"/reception/invitations/").append(esc(inv.id()))
              .append("/cancel\"><input type=\"hidden\" name=\"csrf\" value=\"").append(esc(api.auth.csrf(ctx)))
              .append("\"><button class=\"secondary\" type=\"submit\">Cancel</button></form>");
        }
        rows.append("</td></tr>");
      }
      String csrf = "<input type=\"hidden\" name=\"csrf\" value=\"" + esc(api.auth.csrf(ctx)) + "\">";
      String body = header(ctx) + "<main><h1>Appointments on " + esc(date) + "</h1>"
          + "<form method=\"get\" class=\"noprint\"><label>Day <input type=\"date\" name=\"date\" value=\"" + esc(date)
          + "\"></label> <button class=\"secondary\">Show</button></form>"
          + "<table id=\"invitations\"><thead><tr><th>Time</th><th>Patient</th><th>Clinician</th><th>Ref</th><th>Status</th>"
          + "<th>Link</th><th></th></tr></thead><tbody>" + rows + "</tbody></table>"
          + (list.isEmpty() ? "<p class=\"small\">No invitations for this day yet.</p>" : "")
          + "<section class=\"card noprint\"><h2>Invite a patient</h2><form method=\"post\" action=\"/reception/invitations\">" + csrf
          + "<p><label>Patient name<br><input name=\"patientName\" id=\"patientName\" required maxlength=\"200\"></label></p>"
          + "<p><label>Appointment<br><input type=\"datetime-local\" name=\"appointmentAt\" id=\"appointmentAt\" required></label></p>"
          + "<p><label>Clinician<br><input name=\"clinician\" id=\"clinician\" required maxlength=\"100\"></label></p>"
          + "<p><label>Practice reference (optional)<br><input name=\"reference\" id=\"reference\" maxlength=\"64\"></label></p>"
          + "<p><button type=\"submit\" id=\"invite\">Create invitation</button></p></form></section>"
          + "<section class=\"card noprint\"><h2>Import the day's list (CSV)</h2><form method=\"post\" action=\"/reception/import\">" + csrf
          + "<p class=\"small\">Header row: patientName,appointmentAt,clinician,reference</p>"
          + "<textarea name=\"csv\" rows=\"5\" cols=\"70\"></textarea><p><button type=\"submit\">Import</button></p></form></section>"
          + "</main>";
      ctx.response().putHeader("Refresh", "60");
      html(ctx, 200, "Reception", body, "staff.js");
    }).onFailure(ctx::fail);
  }

  private void createForm(RoutingContext ctx) {
    if (!csrf(ctx)) return;
    var f = ctx.request().formAttributes();
    api.desk.create(f.get("patientName"), f.get("appointmentAt"), f.get("clinician"), f.get("reference"))
        .onSuccess(inv -> redirect(ctx, "/reception?date=" + inv.appointmentAt().toLocalDate()))
        .onFailure(e -> {
          if (e instanceof InvitationDesk.Invalid) {
            html(ctx, 400, "Reception", header(ctx) + "<main class=\"notice\"><p class=\"error\">" + esc(e.getMessage())
                + "</p><p><a href=\"/reception\">Back</a></p></main>");
          } else {
            ctx.fail(e);
          }
        });
  }

  private void cancelForm(RoutingContext ctx) {
    if (!csrf(ctx)) return;
    api.desk.cancel(ctx.pathParam("id")).onSuccess(found -> redirect(ctx,
        found.map(i -> "/reception?date=" + i.appointmentAt().toLocalDate()).orElse("/reception"))).onFailure(ctx::fail);
  }

  private void importForm(RoutingContext ctx) {
    if (!csrf(ctx)) return;
    String csv = Optional.ofNullable(ctx.request().getFormAttribute("csv")).orElse("");
    api.importRows(csv).onSuccess(rows -> {
      StringBuilder b = new StringBuilder(header(ctx) + "<main><h1>Import result</h1><table><tr><th>Row</th><th>Result</th></tr>");
      for (JsonObject r : rows) {
        b.append("<tr><td>").append(r.getLong("row")).append("</td><td>").append(r.getBoolean("ok")
            ? "created for " + esc(r.getString("patientName")) : "<span class=\"error\">" + esc(r.getString("error")) + "</span>")
            .append("</td></tr>");
      }
      html(ctx, 200, "Import", b + "</table><p><a href=\"/reception\">Back to the list</a></p></main>");
    }).onFailure(e -> html(ctx, 400, "Import", header(ctx) + "<main class=\"notice\"><p class=\"error\">" + esc(e.getMessage())
        + "</p><p><a href=\"/reception\">Back</a></p></main>"));
  }

  private void qrCode(RoutingContext ctx) {
    services.stores().invitations().byId(ctx.pathParam("id")).onSuccess(found -> {
      if (found.isEmpty()) {
        html(ctx, 404, "Not found", "<main class=\"notice\"><h1>No such invitation</h1></main>");
      } else {
        ctx.response().putHeader("Content-Type", "image/svg+xml").end(QrCodes.svg(api.desk.webLink(found.get())));
      }
    }).onFailure(ctx::fail);
  }

  private void gpDay(RoutingContext ctx) {
    LocalDate date = api.date(ctx);
    if (date == null) return;
    String who = api.auth.session(ctx).map(StaffTokens.Session::username).orElse("?");
    api.daySummaries(date).compose(list -> api.audit(who, "list-summaries", date.toString()).map(list)).onSuccess(list -> {
      StringBuilder rows = new StringBuilder();
      for (JsonObject s : list) {
        int flags = s.getJsonArray("redFlags").size();
        rows.append("<tr").append(flags > 0 ? " class=\"flagged\"" : "").append("><td>").append(esc(time(s.getString("appointmentAt"))))
            .append("</td><td><a href=\"/gp/summaries/").append(esc(s.getString("id"))).append("\">").append(esc(s.getString("patientName")))
            .append("</a></td><td>").append(flags > 0 ? "<span class=\"flag\">⚠ " + flags + " red flag" + (flags > 1 ? "s" : "") + "</span>" : "")
            .append("</td><td><span class=\"status ").append(esc(s.getString("status"))).append("\">").append(esc(s.getString("status")))
            .append("</span></td><td>").append(s.getBoolean("confirmedByPatient") ? "confirmed by patient" : "not confirmed")
            .append("</td><td>").append(s.getJsonArray("concerns").size()).append(" concern(s)</td></tr>");
      }
      html(ctx, 200, "GP", header(ctx) + "<main><h1>Summaries for " + esc(date) + "</h1><form method=\"get\" class=\"noprint\">"
          + "<label>Day <input type=\"date\" name=\"date\" value=\"" + esc(date) + "\"></label> <button class=\"secondary\">Show</button></form>"
          + "<table id=\"summaries\"><thead><tr><th>Time</th><th>Patient</th><th>Red flags</th><th>Status</th><th>Checked</th>"
          + "<th>Agenda</th></tr></thead><tbody>" + rows + "</tbody></table>"
          + (list.isEmpty() ? "<p class=\"small\">No appointments with Previsit invitations on this day.</p>" : "") + "</main>");
    }).onFailure(ctx::fail);
  }

  private void summaryPage(RoutingContext ctx) {
    String who = api.auth.session(ctx).map(StaffTokens.Session::username).orElse("?");
    services.stores().invitations().byId(ctx.pathParam("id")).compose(found -> found.isEmpty()
        ? Future.succeededFuture(Optional.<JsonObject>empty())
        : services.conversations().summary(found.get()).compose(s -> api.audit(who, "view-summary", found.get().id()).map(s)))
        .onSuccess(s -> {
          if (s.isEmpty()) {
            html(ctx, 404, "Not found", header(ctx) + "<main class=\"notice\"><h1>No such summary</h1></main>");
          } else {
            html(ctx, 200, s.get().getString("patientName"), header(ctx) + SummaryHtml.render(s.get(), ROLE_WORDS));
          }
        }).onFailure(ctx::fail);
  }

  private boolean csrf(RoutingContext ctx) {
    if (api.auth.csrfOk(ctx)) return true;
    html(ctx, 403, "Expired form", "<main class=\"notice\"><p>This form has expired. Please go back, reload and try again.</p></main>");
    return false;
  }

  private String header(RoutingContext ctx) {
    return header(api, ctx);
  }

  static String header(StaffRoutes api, RoutingContext ctx) {
    var s = api.auth.session(ctx);
    String who = s.map(x -> esc(x.username()) + " (" + esc(x.role().json()) + ")").orElse("");
    String links = s.map(x -> switch (x.role()) {
      case GP -> "<a href=\"/gp\">Summaries</a>";
      case RECEPTION -> "<a href=\"/reception\">Appointments</a>";
      case ADMIN -> "<a href=\"/reception\">Appointments</a> <a href=\"/gp\">Summaries</a> <a href=\"/admin/users\">Staff</a>";
    }).orElse("");
    return "<header class=\"top\"><strong>Previsit</strong> " + links + "<span class=\"spacer\"></span>" + who
        + " <form class=\"inline\" method=\"post\" action=\"/logout\"><button class=\"secondary\">Log out</button></form></header>";
  }

  private static String time(String isoOffset) {
    try {
      return OffsetDateTime.parse(isoOffset).toLocalTime().toString();
    } catch (RuntimeException e) {
      return isoOffset;
    }
  }

  private static void redirect(RoutingContext ctx, String to) {
    ctx.response().setStatusCode(303).putHeader("Location", to).end();
  }

  private static void html(RoutingContext ctx, int status, String title, String body) {
    html(ctx, status, title, body, null);
  }

  private static void html(RoutingContext ctx, int status, String title, String body, String script) {
    ctx.response().setStatusCode(status).putHeader("Content-Type", "text/html; charset=utf-8").end(Html.page(title, body, script));
  }

}
