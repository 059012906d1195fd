package app.previsit.staff;

import app.previsit.server.Services;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.FileUpload;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The day's list from a clinical system or spreadsheet: upload a file or paste it, see a preview
 * (what will be created, what is a duplicate, what is wrong and why), then create; the rows that did not
 * go in come back to correct and send again. A template shows the columns. The JSON API
 * ({@code POST /api/invitations/import}, {@code ?preview=true}) reads files the same way.
 */
final class ImportPages {
  static final String TEMPLATE_CSV = String.join(",", DayListCsv.TEMPLATE) + "\r\n"
      + "Ann Example,03/12/2026,09:30,Dr Patel,R1234,14/03/1956\r\n";

  private final Services services;
  private final StaffRoutes api;
  private final DayListImport importer;

  private ImportPages(Services services, StaffRoutes api) {
    this.services = services;
    this.api = api;
    this.importer = new DayListImport(api.desk, services.stores().invitations());
  }

  static void mount(Router router, Services services, StaffRoutes api) {
    ImportPages p = new ImportPages(services, api);
    router.get("/reception/import").handler(p::form);
    router.get("/reception/import/template.csv").handler(p::template);
    router.post("/reception/import/preview").handler(p::preview);
    router.post("/reception/import").handler(p::create);
    router.post("/api/invitations/import").handler(p::api);
  }

  private void form(RoutingContext ctx) {
    StaffPages.html(ctx, 200, "import", StaffPages.model(api, ctx, "Import the day's list"));
  }

  private void template(RoutingContext ctx) {
    ctx.response().putHeader("Content-Type", "text/csv; charset=utf-8")
        .putHeader("Content-Disposition", "attachment; filename=\"previsit-day-list.csv\"").end(TEMPLATE_CSV);
  }

  private void preview(RoutingContext ctx) {
    if (!StaffPages.csrf(api, ctx)) return;
    text(ctx).onSuccess(text -> {
      DayListCsv.Parsed parsed = DayListCsv.parse(text);
      if (parsed.problem() != null) {
        page(ctx, 400, text, parsed, List.of(), false, parsed.problem());
        return;
      }
      importer.preview(parsed).onSuccess(results -> page(ctx, 200, text, parsed, results, false, null)).onFailure(ctx::fail);
    }).onFailure(ctx::fail);
  }

  private void create(RoutingContext ctx) {
    if (!StaffPages.csrf(api, ctx)) return;
    String text = String.valueOf(ctx.request().getFormAttribute("csv"));
    DayListCsv.Parsed parsed = DayListCsv.parse(text);
    if (parsed.problem() != null) {
      page(ctx, 400, text, parsed, List.of(), false, parsed.problem());
      return;
    }
    String who = api.auth.who(ctx);
    importer.create(parsed).compose(results -> audited(who, results).map(results))
        .onSuccess(results -> page(ctx, 200, text, parsed, results, true, null)).onFailure(ctx::fail);
  }

  /** The CSV body of the API: created rows audited; {@code ?preview=true} creates nothing. */
  private void api(RoutingContext ctx) {
    String csv = ctx.body() == null ? null : ctx.body().asString();
    if (csv == null || csv.isBlank()) {
      app.previsit.web.HttpErrors.send(ctx, 400, "a CSV body is required, with a header row such as: " + String.join(",", DayListCsv.TEMPLATE));
      return;
    }
    DayListCsv.Parsed parsed = DayListCsv.parse(csv);
    if (parsed.problem() != null) {
      app.previsit.web.HttpErrors.send(ctx, 400, parsed.problem());
      return;
    }
    boolean preview = "true".equals(ctx.request().getParam("preview"));
    String who = api.auth.who(ctx);
    (preview ? importer.preview(parsed) : importer.create(parsed).compose(r -> audited(who, r).map(r))).onSuccess(results -> {
      JsonArray rows = new JsonArray();
      for (DayListImport.Result r : results) {
        JsonObject j = new JsonObject().put("row", r.row().line()).put("ok", r.outcome().equals("created") || r.outcome().equals("ready"))
            .put("outcome", r.outcome()).put("patientName", r.row().patientName());
        if (r.invitation() != null) j.put("id", r.invitation().id()).put("webLink", api.desk.webLink(r.invitation()));
        if (!r.outcome().equals("created") && !r.outcome().equals("ready")) j.put("error", r.message());
        rows.add(j);
      }
      ctx.response().putHeader("Content-Type", "application/json").end(new JsonObject()
          .put("created", count(results, "created")).put("ready", count(results, "ready"))
          .put("skipped", count(results, "duplicate")).put("failed", count(results, "failed")).put("rows", rows).encode());
    }).onFailure(ctx::fail);
  }

  private Future<Void> audited(String who, List<DayListImport.Result> results) {
    Future<Void> all = Future.succeededFuture();
    for (DayListImport.Result r : results) {
      if (r.invitation() != null) all = all.compose(v -> api.audit(who, "create-invitation", r.invitation().id()));
    }
    return all.compose(v -> api.audit(who, "import-invitations", count(results, "created") + " created, "
        + count(results, "duplicate") + " duplicates skipped, " + count(results, "failed") + " failed"));
  }

  /** The pasted text, or the uploaded file's (read off the event loop's thread by the file system). */
  private Future<String> text(RoutingContext ctx) {
    List<FileUpload> files = ctx.fileUploads();
    FileUpload file = files.stream().filter(f -> f.size() > 0).findFirst().orElse(null);
    if (file == null) return Future.succeededFuture(String.valueOf(ctx.request().getFormAttribute("csv")));
    return services.vertx().fileSystem().readFile(file.uploadedFileName()).map(b -> b.toString(StandardCharsets.UTF_8));
  }

  private void page(RoutingContext ctx, int status, String text, DayListCsv.Parsed parsed, List<DayListImport.Result> results,
      boolean done, String problem) {
    Map<String, Object> m = StaffPages.model(api, ctx, done ? "Import result" : "Import preview");
    m.put("done", done);
    m.put("problem", problem);
    m.put("csv", text);
    m.put("rows", results.stream().map(r -> Map.<String, Object>of("line", r.row().line(),
        "name", r.row().patientName() == null ? "" : r.row().patientName(),
        "when", r.row().appointmentAt() == null ? "" : r.row().appointmentAt().toString().replace('T', ' '),
        "clinician", r.row().clinician() == null ? "" : r.row().clinician(),
        "outcome", r.outcome(), "message", r.message())).toList());
    m.put("ready", count(results, "ready"));
    m.put("created", count(results, "created"));
    m.put("skipped", count(results, "duplicate"));
    m.put("failed", count(results, "failed"));
    if (count(results, "failed") > 0) m.put("failedCsv", DayListImport.failedRowsCsv(parsed, results));
    StaffPages.html(ctx, status, "import", m);
  }

  private static long count(List<DayListImport.Result> results, String outcome) {
    return results.stream().filter(r -> r.outcome().equals(outcome)).count();
  }
}
