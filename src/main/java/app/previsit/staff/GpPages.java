package app.previsit.staff;

import app.previsit.alerts.RedFlagWords;
import app.previsit.invitation.Invitation;
import app.previsit.invitation.NhsNumber;
import app.previsit.server.Services;
import app.previsit.summary.SummaryText;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The GP's pages: the day (a red-flag box on top, then every appointment in time order with its status
 * in words, top concern and review mark, kept up to date in place) and one summary that reads in
 * twenty seconds (at a glance first: red flags, the top priority, counts; then compact sections, each
 * empty one saying whether it was not asked or answered "nothing"; the text for the record with a copy
 * button; "mark as reviewed"). Times in the practice's zone, UK style; identity on every page and print.
 */
final class GpPages {
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM, HH:mm", Locale.UK);
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);
  private static final DateTimeFormatter BORN = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);
  private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm", Locale.UK);
  /** The patient's words that close an emergency hold: after a flag, the patient said they were safe. */
  private static final String SAFE = "I'm safe now, carry on";

  private final Services services;
  private final StaffRoutes api;

  private GpPages(Services services, StaffRoutes api) {
    this.services = services;
    this.api = api;
  }

  static void mount(Router router, Services services, StaffRoutes api) {
    GpPages p = new GpPages(services, api);
    router.get("/gp").handler(p::day);
    router.get("/gp/day.json").handler(p::dayJson);
    router.get("/gp/summaries/:id").handler(p::summary);
    router.post("/gp/summaries/:id/reviewed").handler(p::reviewed);
  }

  private ZoneId zone() {
    return services.config().timeZone();
  }

  /** The day's rows: one per invitation in time order, red flags gathered for the box on top. */
  private Future<JsonObject> dayView(LocalDate date, String clinician) {
    return services.stores().invitations().byDate(date).compose(list -> {
      List<Future<JsonObject>> each = new ArrayList<>();
      for (Invitation inv : list) {
        if (clinician != null && !clinician.equals(inv.clinician())) continue;
        each.add(services.conversations().summary(inv).map(s -> row(inv, s.orElseThrow())));
      }
      TreeSet<String> clinicians = new TreeSet<>();
      list.forEach(i -> clinicians.add(i.clinician()));
      return Future.all(each).map(all -> {
        JsonArray rows = new JsonArray();
        JsonArray flags = new JsonArray();
        for (Future<JsonObject> f : each) {
          JsonObject r = f.result();
          rows.add(r);
          for (Object o : r.getJsonArray("flagList")) flags.add(o);
        }
        return new JsonObject().put("rows", rows).put("flags", flags).put("clinicians", new JsonArray(new ArrayList<>(clinicians)));
      });
    });
  }

  private JsonObject row(Invitation inv, JsonObject s) {
    String detail = api.desk.detail(inv);
    boolean readable = !s.getJsonArray("transcript").isEmpty() && !detail.equals("deleted_by_patient");
    JsonArray flagList = new JsonArray();
    for (Object o : s.getJsonArray("redFlags")) {
      JsonObject f = (JsonObject) o;
      flagList.add(new JsonObject().put("id", inv.id()).put("patientName", inv.patientName())
          .put("what", RedFlagWords.of(f.getString("category"))).put("when", WHEN.format(Instant.parse(f.getString("at")).atZone(zone())))
          .put("after", saidSafeAfter(s, f.getString("at"))));
    }
    JsonArray concerns = s.getJsonArray("concerns");
    String top = concerns.isEmpty() ? "" : preview(concerns.getJsonObject(0));
    return new JsonObject().put("id", inv.id()).put("patientName", inv.patientName())
        .put("time", CLOCK.format(inv.appointmentAt())).put("clinician", inv.clinician())
        .put("statusDetail", detail).put("statusText", api.desk.json(inv).getString("statusText"))
        .put("confirmed", s.getBoolean("confirmedByPatient")).put("readable", readable).put("top", top)
        .put("concerns", concerns.size()).put("flags", flagList.size()).put("flagList", flagList)
        .put("nhsNumber", NhsNumber.format(inv.nhsNumber()))
        .put("reviewed", inv.reviewedBy() == null ? null : inv.reviewedBy() + ", " + WHEN.format(inv.reviewedAt().atZone(zone())));
  }

  /** "the patient later said they were safe" when they pressed that after the flag; else null. */
  private static String saidSafeAfter(JsonObject s, String flagAt) {
    for (Object o : s.getJsonArray("transcript")) {
      JsonObject l = (JsonObject) o;
      if ("patient".equals(l.getString("from")) && SAFE.equals(l.getString("text")) && l.getString("at").compareTo(flagAt) > 0) {
        return "later said they were safe and carried on";
      }
    }
    return null;
  }

  /** One line: title · how long · impact · worry · hope. */
  private static String preview(JsonObject c) {
    List<String> parts = new ArrayList<>();
    String title = c.getString("title") != null ? c.getString("title") : c.getString("text");
    parts.add(title.length() > 70 ? title.substring(0, 67) + "…" : title);
    if (c.getString("duration") != null) parts.add(c.getString("duration"));
    if (c.getValue("severity") != null) parts.add("impact " + c.getValue("severity") + "/10");
    if (c.getString("worries") != null) parts.add("worry: " + c.getString("worries"));
    if (c.getString("expectations") != null) parts.add("hopes for: " + c.getString("expectations"));
    return String.join(" · ", parts);
  }

  private String clinicianParam(RoutingContext ctx) {
    return Optional.ofNullable(ctx.request().getParam("clinician")).filter(c -> !c.isBlank()).orElse(null);
  }

  private void day(RoutingContext ctx) {
    LocalDate date = api.date(ctx);
    if (date == null) return;
    String clinician = clinicianParam(ctx);
    String who = api.auth.who(ctx);
    dayView(date, clinician).compose(v -> api.audit(who, "list-summaries", date.toString()).map(v)).onSuccess(v -> {
      Map<String, Object> m = StaffPages.model(api, ctx, "GP");
      m.put("date", date.toString());
      m.put("dayText", DAY.format(date));
      m.put("previous", date.minusDays(1).toString());
      m.put("next", date.plusDays(1).toString());
      m.put("today", LocalDate.now(services.clock().withZone(zone())).toString());
      m.put("clinician", clinician == null ? "" : clinician);
      List<Object> clinicians = v.getJsonArray("clinicians").getList();
      m.put("clinicians", clinicians);
      // "My list": the day's clinician whose name holds the signed-in user's name (user "patel", "Dr Patel").
      clinicians.stream().map(String::valueOf).filter(c -> c.toLowerCase(Locale.ROOT).contains(who.toLowerCase(Locale.ROOT)))
          .findFirst().ifPresent(mine -> m.put("mine", mine));
      m.put("summaries", v.getJsonArray("rows").stream().map(o -> ((JsonObject) o).getMap()).toList());
      m.put("flags", v.getJsonArray("flags").stream().map(o -> ((JsonObject) o).getMap()).toList());
      m.put("script", "gp.js");
      StaffPages.html(ctx, 200, "gp-day", m);
    }).onFailure(ctx::fail);
  }

  private void dayJson(RoutingContext ctx) {
    LocalDate date = api.date(ctx);
    if (date == null) return;
    dayView(date, clinicianParam(ctx)).onSuccess(v -> ctx.response().putHeader("Content-Type", "application/json")
        .putHeader("Cache-Control", "no-store").end(v.encode())).onFailure(ctx::fail);
  }

  private void summary(RoutingContext ctx) {
    String who = api.auth.who(ctx);
    services.stores().invitations().byId(ctx.pathParam("id")).compose(found -> {
      if (found.isEmpty()) return Future.succeededFuture(Optional.<Map<String, Object>>empty());
      Invitation inv = found.get();
      return services.conversations().summary(inv).compose(s -> services.conversations().section(inv)
          .compose(section -> api.audit(who, "view-summary", inv.id()).map(v -> Optional.of(model(ctx, inv, s.orElseThrow(),
              section.orElse(null))))));
    }).onSuccess(m -> {
      if (m.isEmpty()) StaffPages.notice(api, ctx, 404, "Not found", "No such summary", "It may have been deleted.", "/gp");
      else StaffPages.html(ctx, 200, "summary", m.get());
    }).onFailure(ctx::fail);
  }

  private Map<String, Object> model(RoutingContext ctx, Invitation inv, JsonObject s, String section) {
    Map<String, Object> m = StaffPages.model(api, ctx, s.getString("patientName"));
    m.put("s", StaffPages.plain(s));
    m.put("appointment", WHEN.format(OffsetDateTime.parse(s.getString("appointmentAt")).atZoneSameInstant(zone())));
    m.put("nhsNumber", NhsNumber.format(inv.nhsNumber()));
    if (inv.dateOfBirth() != null) {
      int age = Period.between(inv.dateOfBirth(), LocalDate.now(services.clock().withZone(zone()))).getYears();
      m.put("born", BORN.format(inv.dateOfBirth()) + " (" + age + ")");
    }
    m.put("statusText", api.desk.json(inv).getString("statusText"));
    m.put("reviewed", inv.reviewedBy() == null ? null : inv.reviewedBy() + ", " + WHEN.format(inv.reviewedAt().atZone(zone())));
    List<Map<String, Object>> flags = new ArrayList<>();
    for (Object o : s.getJsonArray("redFlags")) {
      JsonObject f = (JsonObject) o;
      Map<String, Object> x = new HashMap<>();
      x.put("what", RedFlagWords.of(f.getString("category")));
      x.put("when", WHEN.format(Instant.parse(f.getString("at")).atZone(zone())));
      x.put("text", f.getString("text"));
      x.put("after", saidSafeAfter(s, f.getString("at")));
      flags.add(x);
    }
    m.put("flags", flags);
    JsonArray concerns = s.getJsonArray("concerns");
    if (!concerns.isEmpty()) m.put("top", preview(concerns.getJsonObject(0)));
    m.put("counts", s.getJsonArray("concerns").size() + " concern(s) · " + s.getJsonArray("questions").size() + " question(s) · "
        + s.getJsonArray("research").size() + " thing(s) read · " + s.getJsonArray("medications").size() + " medicine(s)");
    String role = s.getJsonObject("preferences").getString("decisionRole");
    m.put("roleText", role == null ? null : capitalise(SummaryText.ROLE_WORDS.getOrDefault(role, role)));
    m.put("research", StaffPages.research(s, "/gp/summaries/" + s.getString("id")));
    m.put("empty", emptyWords(s, section));
    m.put("recordText", SummaryText.of(s, zone()));
    List<Map<String, Object>> transcript = new ArrayList<>();
    for (Object o : s.getJsonArray("transcript")) {
      JsonObject l = (JsonObject) o;
      transcript.add(Map.of("from", l.getString("from"), "text", l.getString("text"),
          "at", CLOCK.format(Instant.parse(l.getString("at")).atZone(zone()))));
    }
    m.put("transcript", transcript);
    m.put("script", "gp.js");
    return m;
  }

  /**
   * For each section, what an empty one means: "Not asked (the patient stopped before this)" when the
   * conversation never reached it, else "Nothing given".
   */
  private static Map<String, String> emptyWords(JsonObject s, String section) {
    List<String> order = List.of("agenda", "research", "questions", "goals", "decision", "preferences", "medicines", "review", "done");
    boolean done = s.getBoolean("confirmedByPatient", false);
    int reached = section == null ? -1 : order.indexOf(section);
    Map<String, String> out = new HashMap<>();
    for (String part : order) {
      boolean asked = done || (reached >= 0 && order.indexOf(part) < reached);
      out.put(part, asked ? "Nothing given." : "Not asked (the patient had not got this far).");
    }
    return out;
  }

  private void reviewed(RoutingContext ctx) {
    if (!StaffPages.csrf(api, ctx)) return;
    String who = api.auth.who(ctx);
    String id = ctx.pathParam("id");
    services.stores().invitations().byId(id).compose(found -> {
      if (found.isEmpty()) return Future.succeededFuture(false);
      return services.stores().invitations().update(found.get().withReview(who, services.clock().instant()))
          .compose(v -> api.audit(who, "review-summary", id)).map(true);
    }).onSuccess(ok -> {
      if (ok) StaffPages.redirect(ctx, "/gp/summaries/" + id);
      else StaffPages.notice(api, ctx, 404, "Not found", "No such summary", "It may have been deleted.", "/gp");
    }).onFailure(ctx::fail);
  }

  private static String capitalise(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
