package app.previsit.staff;

import java.io.IOException;
import java.io.StringReader;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A day's appointment list as clinical systems and spreadsheets export it, read into invitation
 * fields: UTF-8 with or without a BOM; comma, semicolon or tab; headers in any case and spacing
 * ("Patient Name", "Appointment Date", "Appointment Time", "DOB" …); UK dates (31/12/2026, 1/2/27) and
 * times, in one column or two. Pure: no store, no clock. Every problem is said in plain words.
 */
final class DayListCsv {
  /** One data row: the fields for an invitation, or what is wrong with it. {@code line} counts the header as 1. */
  record Row(long line, String patientName, LocalDateTime appointmentAt, String clinician, String reference,
      LocalDate dateOfBirth, String nhsNumber, String error, Map<String, String> original) {
    boolean ok() {
      return error == null;
    }

    /** "Row 3 (Ann Lee)": how a person finds the row in their file. */
    String label() {
      return "Row " + line + (patientName == null || patientName.isBlank() ? "" : " (" + patientName + ")");
    }
  }

  /** The rows, or why the whole file could not be read. */
  record Parsed(List<String> header, char delimiter, List<Row> rows, String problem) {}

  /** The columns a template has, in order. */
  static final List<String> TEMPLATE = List.of("Patient Name", "Appointment Date", "Appointment Time", "Clinician", "Reference",
      "DOB");

  private static final Map<String, String> ALIASES = new HashMap<>();

  static {
    for (String a : List.of("patientname", "name", "patient", "fullname", "patientfullname")) ALIASES.put(a, "patientName");
    for (String a : List.of("appointmentat", "appointment", "appointmentdatetime", "datetime", "start", "starttime", "slot"))
      ALIASES.put(a, "appointmentAt");
    for (String a : List.of("appointmentdate", "date", "appdate", "apptdate")) ALIASES.put(a, "date");
    for (String a : List.of("appointmenttime", "time", "apptime", "appttime")) ALIASES.put(a, "time");
    for (String a : List.of("clinician", "doctor", "gp", "with", "clinicianname", "seenby", "staff")) ALIASES.put(a, "clinician");
    for (String a : List.of("reference", "ref", "patientreference", "practicereference", "patientid", "recordnumber"))
      ALIASES.put(a, "reference");
    for (String a : List.of("dob", "dateofbirth", "birthdate", "born")) ALIASES.put(a, "dateOfBirth");
    for (String a : List.of("nhsnumber", "nhsno", "nhs")) ALIASES.put(a, "nhsNumber");
  }

  private static final Pattern UK_DATE = Pattern.compile("(\\d{1,2})[/.\\-](\\d{1,2})[/.\\-](\\d{2}|\\d{4})");
  private static final Pattern ISO_DATE = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})");
  private static final Pattern TIME = Pattern.compile("(\\d{1,2})[:.](\\d{2})(?::(\\d{2}))?\\s*([ap]\\.?m\\.?)?|(\\d{2})(\\d{2})",
      Pattern.CASE_INSENSITIVE);

  private DayListCsv() {}

  static Parsed parse(String text) {
    String t = text == null ? "" : text;
    if (t.startsWith("\uFEFF")) t = t.substring(1);
    if (t.isBlank()) return new Parsed(List.of(), ',', List.of(), "The file is empty.");
    String first = t.lines().filter(l -> !l.isBlank()).findFirst().orElse("");
    char delimiter = delimiterOf(first);
    List<CSVRecord> records;
    List<String> header;
    try (CSVParser p = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setHeader().setSkipHeaderRecord(true)
        .setIgnoreEmptyLines(true).setTrim(true).setAllowMissingColumnNames(true).setAllowDuplicateHeaderNames(true)
        .build().parse(new StringReader(t))) {
      header = p.getHeaderNames();
      records = p.getRecords();
    } catch (IOException | RuntimeException e) {
      return new Parsed(List.of(), delimiter, List.of(), "The file could not be read as a list (check that it is saved as CSV).");
    }
    Map<String, String> columns = new HashMap<>();
    for (String h : header) {
      String field = ALIASES.get(h.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", ""));
      if (field != null) columns.putIfAbsent(field, h);
    }
    List<String> missing = new ArrayList<>();
    if (!columns.containsKey("patientName")) missing.add("Patient Name");
    if (!columns.containsKey("appointmentAt") && !(columns.containsKey("date") && columns.containsKey("time"))) {
      missing.add("Appointment Date and Appointment Time (or one Appointment column)");
    }
    if (!columns.containsKey("clinician")) missing.add("Clinician");
    if (!missing.isEmpty()) {
      return new Parsed(header, delimiter, List.of(), "The first row should name the columns; these were not found: "
          + String.join(", ", missing) + ". Columns found: " + String.join(", ", header) + ".");
    }
    List<Row> rows = new ArrayList<>();
    for (CSVRecord r : records) rows.add(row(r, columns));
    return new Parsed(header, delimiter, rows, null);
  }

  private static char delimiterOf(String headerLine) {
    int commas = count(headerLine, ','), semis = count(headerLine, ';'), tabs = count(headerLine, '\t');
    if (tabs > commas && tabs >= semis) return '\t';
    return semis > commas ? ';' : ',';
  }

  private static int count(String s, char c) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) if (s.charAt(i) == c) n++;
    return n;
  }

  private static Row row(CSVRecord r, Map<String, String> columns) {
    Map<String, String> original = new java.util.LinkedHashMap<>();
    r.toMap().forEach((k, v) -> original.put(k, v == null ? "" : v));
    long line = r.getRecordNumber() + 1;
    String name = get(r, columns, "patientName");
    String clinician = get(r, columns, "clinician");
    String reference = get(r, columns, "reference");
    List<String> problems = new ArrayList<>();
    if (name.isBlank()) problems.add("the patient's name is missing");
    if (clinician.isBlank()) problems.add("the clinician is missing");
    LocalDateTime at = null;
    try {
      at = columns.containsKey("appointmentAt") && !get(r, columns, "appointmentAt").isBlank()
          ? dateTime(get(r, columns, "appointmentAt"))
          : LocalDateTime.of(date(get(r, columns, "date"), "appointment date", false), time(get(r, columns, "time")));
    } catch (Problem e) {
      problems.add(e.getMessage());
    }
    LocalDate born = null;
    String dob = get(r, columns, "dateOfBirth");
    if (!dob.isBlank()) {
      try {
        born = date(dob, "date of birth", true);
      } catch (Problem e) {
        problems.add(e.getMessage());
      }
    }
    String nhs = get(r, columns, "nhsNumber");
    if (!nhs.isBlank() && app.previsit.invitation.NhsNumber.parse(nhs).isEmpty()) {
      problems.add("the NHS number '" + nhs + "' is not valid (10 digits with a correct check digit)");
    }
    String error = problems.isEmpty() ? null : capitalise(String.join("; ", problems)) + ".";
    return new Row(line, name, at, clinician, reference.isBlank() ? null : reference, born, nhs.isBlank() ? null : nhs, error,
        original);
  }

  private static String get(CSVRecord r, Map<String, String> columns, String field) {
    String h = columns.get(field);
    return h != null && r.isMapped(h) && r.isSet(h) && r.get(h) != null ? r.get(h).strip() : "";
  }

  /** A wrong value, said for a person. */
  static final class Problem extends RuntimeException {
    Problem(String message) {
      super(message, null, false, false);
    }
  }

  static LocalDateTime dateTime(String value) {
    String v = value.strip();
    try {
      return LocalDateTime.parse(v.length() > 10 && v.charAt(10) == ' ' ? v.substring(0, 10) + "T" + v.substring(11) : v);
    } catch (DateTimeException e) {
      // not ISO: a UK date and a time
    }
    if (v.matches("\\d{4}-\\d{1,2}-\\d{1,2}[T ].*")) throw new Problem("the appointment '" + value + "' is not a real date and time");
    int space = v.indexOf(' ');
    if (space < 0) throw new Problem("the appointment '" + value + "' has no time (use e.g. 02/12/2026 14:20)");
    return LocalDateTime.of(date(v.substring(0, space), "appointment date", false), time(v.substring(space + 1)));
  }

  /** 31/12/2026, 1/2/27, 31.12.2026, 2026-12-31; a two-digit year of birth later than this year is last century. */
  static LocalDate date(String value, String what, boolean birth) {
    String v = value.strip();
    if (v.isEmpty()) throw new Problem("the " + what + " is missing");
    try {
      Matcher iso = ISO_DATE.matcher(v);
      if (iso.matches()) return LocalDate.of(Integer.parseInt(iso.group(1)), Integer.parseInt(iso.group(2)), Integer.parseInt(iso.group(3)));
      Matcher uk = UK_DATE.matcher(v);
      if (uk.matches()) {
        int year = Integer.parseInt(uk.group(3));
        if (uk.group(3).length() == 2) {
          int thisYear = LocalDate.now().getYear() % 100;
          year += birth && year > thisYear ? 1900 : 2000;
        }
        return LocalDate.of(year, Integer.parseInt(uk.group(2)), Integer.parseInt(uk.group(1)));
      }
    } catch (DateTimeException e) {
      throw new Problem("the " + what + " '" + value + "' is not a real date");
    }
    throw new Problem("the " + what + " '" + value + "' is not a date like 31/12/2026");
  }

  static LocalTime time(String value) {
    String v = value.strip();
    if (v.isEmpty()) throw new Problem("the appointment time is missing");
    Matcher m = TIME.matcher(v);
    if (m.matches()) {
      try {
        if (m.group(5) != null) return LocalTime.of(Integer.parseInt(m.group(5)), Integer.parseInt(m.group(6)));
        int h = Integer.parseInt(m.group(1));
        String half = m.group(4) == null ? null : m.group(4).toLowerCase(Locale.ROOT).replace(".", "");
        if (half != null && (h < 1 || h > 12)) throw new DateTimeException("hour");
        if ("pm".equals(half) && h != 12) h += 12;
        if ("am".equals(half) && h == 12) h = 0;
        return LocalTime.of(h, Integer.parseInt(m.group(2)), m.group(3) == null ? 0 : Integer.parseInt(m.group(3)));
      } catch (DateTimeException e) {
        throw new Problem("the appointment time '" + value + "' is not a real time");
      }
    }
    throw new Problem("the appointment time '" + value + "' is not a time like 14:20");
  }

  private static String capitalise(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
