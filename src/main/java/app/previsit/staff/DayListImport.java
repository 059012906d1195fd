package app.previsit.staff;

import app.previsit.invitation.Invitation;
import app.previsit.invitation.InvitationStatus;
import app.previsit.store.InvitationStore;
import io.vertx.core.Future;
import java.io.IOException;
import java.io.StringWriter;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Turns a parsed day list into invitations: each row checked as the invite form checks it, a row for
 * a patient already invited at that time (or twice in the file) skipped, and nothing created in a
 * preview. The failed rows can be given back as CSV, to correct and send again.
 */
final class DayListImport {
  /** What became of one row: "ready" (preview), "created", "duplicate" or "failed", in plain words. */
  record Result(DayListCsv.Row row, String outcome, String message, Invitation invitation) {}

  private final InvitationDesk desk;
  private final InvitationStore store;

  DayListImport(InvitationDesk desk, InvitationStore store) {
    this.desk = desk;
    this.store = store;
  }

  Future<List<Result>> preview(DayListCsv.Parsed parsed) {
    return check(parsed, false);
  }

  Future<List<Result>> create(DayListCsv.Parsed parsed) {
    return check(parsed, true);
  }

  private Future<List<Result>> check(DayListCsv.Parsed parsed, boolean create) {
    Set<LocalDate> days = new TreeSet<>();
    for (DayListCsv.Row r : parsed.rows()) if (r.appointmentAt() != null) days.add(r.appointmentAt().toLocalDate());
    List<Future<List<Invitation>>> existing = days.stream().map(store::byDate).toList();
    return Future.all(existing).compose(all -> {
      Set<String> taken = new HashSet<>();
      for (Future<List<Invitation>> day : existing) {
        for (Invitation inv : day.result()) {
          if (inv.status() != InvitationStatus.CANCELLED) taken.add(key(inv.patientName(), inv.appointmentAt()));
        }
      }
      Future<List<Result>> out = Future.succeededFuture(new ArrayList<>());
      for (DayListCsv.Row row : parsed.rows()) {
        out = out.compose(list -> one(row, taken, create).map(r -> {
          list.add(r);
          return list;
        }));
      }
      return out;
    });
  }

  private Future<Result> one(DayListCsv.Row row, Set<String> taken, boolean create) {
    if (!row.ok()) return Future.succeededFuture(new Result(row, "failed", row.label() + ": " + row.error(), null));
    String key = key(row.patientName(), row.appointmentAt());
    if (taken.contains(key)) {
      return Future.succeededFuture(new Result(row, "duplicate", row.label() + ": already invited for "
          + row.appointmentAt().toLocalDate() + " " + row.appointmentAt().toLocalTime() + ", skipped", null));
    }
    String at = row.appointmentAt().toString();
    String dob = row.dateOfBirth() == null ? null : row.dateOfBirth().toString();
    try {
      desk.prepare(row.patientName(), at, row.clinician(), row.reference(), dob, row.nhsNumber());
    } catch (InvitationDesk.Invalid e) {
      return Future.succeededFuture(new Result(row, "failed", row.label() + ": " + plain(e.getMessage()), null));
    }
    taken.add(key);
    if (!create) return Future.succeededFuture(new Result(row, "ready", row.label() + ": ready", null));
    return desk.create(row.patientName(), at, row.clinician(), row.reference(), dob, row.nhsNumber())
        .map(inv -> new Result(row, "created", row.label() + ": invited", inv))
        .recover(e -> Future.succeededFuture(new Result(row, "failed", row.label() + ": could not be saved, please try again", null)));
  }

  private static String key(String name, LocalDateTime at) {
    return name.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ") + "|" + at.withSecond(0).withNano(0);
  }

  /** The invite form's words ("field 'appointmentAt' …") as a receptionist reads them. */
  static String plain(String message) {
    String m = message.replace("field 'patientName'", "the patient's name").replace("field 'appointmentAt'", "the appointment")
        .replace("field 'clinician'", "the clinician").replace("field 'reference'", "the reference")
        .replace("field 'dateOfBirth'", "the date of birth").replace("field 'nhsNumber'", "the NHS number");
    return Character.toUpperCase(m.charAt(0)) + m.substring(1) + (m.endsWith(".") ? "" : ".");
  }

  /** The rows that did not go in, under the file's own header, to correct and send again. */
  static String failedRowsCsv(DayListCsv.Parsed parsed, List<Result> results) {
    StringWriter out = new StringWriter();
    try (CSVPrinter p = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setDelimiter(parsed.delimiter()).build())) {
      p.printRecord(parsed.header());
      for (Result r : results) {
        if (!r.outcome().equals("failed")) continue;
        List<String> values = new ArrayList<>();
        for (String h : parsed.header()) values.add(r.row().original().getOrDefault(h, ""));
        p.printRecord(values);
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return out.toString();
  }
}
