package app.previsit.staff;

import app.previsit.store.AuditEvent;
import app.previsit.store.AuditLog;
import app.previsit.web.HttpErrors;
import app.previsit.web.RequestDeadline;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * {@code GET /api/audit?from=YYYY-MM-DD&to=YYYY-MM-DD&format=csv|jsonl} (admin): the audit trail of a date range
 * (both days included, in the practice's time zone; or two instants), streamed page by page as CSV or JSON lines,
 * however many years it spans: each page is written when the client has taken the one before.
 */
final class AuditExport {
  private final AuditLog audit;
  private final ZoneId zone;

  AuditExport(AuditLog audit, ZoneId zone) {
    this.audit = audit;
    this.zone = zone;
  }

  void handle(RoutingContext ctx) {
    Instant from = instant(ctx, "from", false);
    if (from == null) return;
    Instant to = instant(ctx, "to", true);
    if (to == null) return;
    if (!from.isBefore(to)) {
      HttpErrors.send(ctx, 400, "'from' must come before 'to'");
      return;
    }
    String format = ctx.request().getParam("format", "jsonl");
    if (!format.equals("csv") && !format.equals("jsonl")) {
      HttpErrors.send(ctx, 400, "parameter 'format' must be csv or jsonl");
      return;
    }
    boolean csv = format.equals("csv");
    // Years of events take longer than one request's usual deadline; the idle timeout still applies.
    RequestDeadline.lift(ctx);
    HttpServerResponse response = ctx.response().setChunked(true)
        .putHeader("Content-Type", csv ? "text/csv; charset=utf-8" : "application/x-ndjson; charset=utf-8")
        .putHeader("Content-Disposition", "attachment; filename=\"previsit-audit-" + ctx.request().getParam("from")
            .replaceAll("[^0-9-]", "") + "." + format + "\"")
        .putHeader("Cache-Control", "no-store");
    String header = csv ? "at,actor,action,target\r\n" : "";
    boolean[] started = {false};
    audit.export(from, to, response::closed, page -> {
      String chunk = (started[0] ? "" : header) + (csv ? csv(page) : jsonLines(page));
      started[0] = true;
      return write(response, chunk);
    }).onSuccess(v -> {
      if (!started[0]) response.write(header);
      response.end();
    }).onFailure(e -> {
      if (response.closed()) return;
      // Nothing sent yet: a plain 503. Part sent: the connection is cut, so the file cannot pass for whole.
      if (!response.headWritten()) HttpErrors.send(ctx, 503, "the audit trail could not be read just now; please try again");
      else response.reset();
    });
  }

  /** Writes one page; completes when the client has taken enough of it to want more. */
  private static Future<Void> write(HttpServerResponse response, String chunk) {
    if (response.closed()) return Future.failedFuture("the client went away");
    response.write(chunk);
    if (!response.writeQueueFull()) return Future.succeededFuture();
    Promise<Void> drained = Promise.promise();
    response.drainHandler(v -> drained.tryComplete());
    response.closeHandler(v -> drained.tryFail("the client went away"));
    if (response.closed()) drained.tryFail("the client went away"); // closed before the handlers were set
    return drained.future();
  }

  private static String csv(List<AuditEvent> page) {
    StringBuilder b = new StringBuilder();
    try (CSVPrinter out = new CSVPrinter(b, CSVFormat.RFC4180)) {
      for (AuditEvent e : page) out.printRecord(e.at().toString(), cell(e.actor()), cell(e.action()), cell(e.target()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return b.toString();
  }

  /**
   * A cell a spreadsheet will show as text: one starting with = + - @ or a tab or return would be run as a
   * formula, so it is written after an apostrophe (OWASP's advice for CSV exports). JSON lines are left as they are.
   */
  static String cell(String value) {
    if (value == null || value.isEmpty()) return value;
    char c = value.charAt(0);
    return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' ? "'" + value : value;
  }

  private static String jsonLines(List<AuditEvent> page) {
    StringBuilder b = new StringBuilder();
    for (AuditEvent e : page) {
      b.append(new JsonObject().put("at", e.at().toString()).put("actor", e.actor()).put("action", e.action())
          .put("target", e.target()).encode()).append('\n');
    }
    return b.toString();
  }

  /** A day (its start; for {@code to}, the end of that day) in the practice's zone, or an instant. Null after 400. */
  private Instant instant(RoutingContext ctx, String name, boolean endOfDay) {
    String v = ctx.request().getParam(name);
    if (v == null || v.isBlank()) {
      HttpErrors.send(ctx, 400, "parameters 'from' and 'to' are required (dates like 2026-12-07)");
      return null;
    }
    try {
      if (v.length() == 10) {
        LocalDate d = LocalDate.parse(v);
        return (endOfDay ? d.plusDays(1) : d).atStartOfDay(zone).toInstant();
      }
      return Instant.parse(v);
    } catch (DateTimeParseException e) {
      HttpErrors.send(ctx, 400, "parameter '" + name + "' must be a date like 2026-12-07 or an instant like 2026-12-07T09:00:00Z");
      return null;
    }
  }
}
