package app.previsit.summary;

import app.previsit.alerts.RedFlagWords;
import app.previsit.invitation.NhsNumber;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/**
 * The summary as plain text to paste into the consultation record, in the order GPs write notes:
 * who and when, red flags, ideas / concerns / expectations, the agenda, research and the questions it
 * raised, the patient's questions, what matters, preferences, medicines, anything else mentioned.
 */
public final class SummaryText {
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.UK);
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);
  public static final Map<String, String> ROLE_WORDS = Map.of(
      "patient_decides", "prefers to make decisions themself",
      "patient_after_doctor", "wants to decide after hearing the GP's views",
      "shared", "wants to decide together with the GP",
      "doctor_after_patient", "wants the GP to decide, after hearing their views",
      "doctor_decides", "prefers the GP to decide");

  private SummaryText() {}

  public static String of(JsonObject s, ZoneId zone) {
    StringBuilder t = new StringBuilder();
    t.append("Previsit pre-consultation summary").append(s.getBoolean("confirmedByPatient", false) ? " (confirmed by the patient)"
        : " (not confirmed by the patient)").append('\n');
    t.append(s.getString("patientName"));
    if (s.getString("nhsNumber") != null) t.append(", NHS number ").append(NhsNumber.format(s.getString("nhsNumber")));
    if (s.getString("dateOfBirth") != null) {
      t.append(", born ").append(DAY.format(java.time.LocalDate.parse(s.getString("dateOfBirth"))));
    }
    t.append('\n').append("Appointment ").append(WHEN.format(OffsetDateTime.parse(s.getString("appointmentAt")).atZoneSameInstant(zone)))
        .append(" with ").append(s.getString("clinician")).append("\n\n");
    JsonArray flags = s.getJsonArray("redFlags");
    if (!flags.isEmpty()) {
      t.append("RED FLAGS (patient given 999/111 advice):\n");
      for (Object o : flags) {
        JsonObject f = (JsonObject) o;
        t.append("- ").append(RedFlagWords.of(f.getString("category"))).append(", ")
            .append(WHEN.format(java.time.Instant.parse(f.getString("at")).atZone(zone))).append(": \"").append(f.getString("text"))
            .append("\"\n");
      }
      t.append('\n');
    }
    JsonArray concerns = s.getJsonArray("concerns");
    if (!concerns.isEmpty()) {
      t.append("Ideas, concerns, expectations:\n");
      int n = 1;
      for (Object o : concerns) {
        JsonObject c = (JsonObject) o;
        String title = c.getString("title");
        t.append(n++).append(". ");
        if (title != null && !title.isBlank() && !title.equalsIgnoreCase(c.getString("text").strip())) t.append(title).append(": ");
        t.append(c.getString("text"));
        if (c.getString("duration") != null) t.append("; for ").append(c.getString("duration"));
        if (c.getValue("severity") != null) t.append("; impact ").append(c.getValue("severity")).append("/10");
        t.append('\n');
        line(t, "   Idea: ", c.getString("ideas"));
        line(t, "   Concern: ", c.getString("worries"));
        line(t, "   Expectation: ", c.getString("expectations"));
      }
      t.append('\n');
    }
    JsonArray research = s.getJsonArray("research");
    if (!research.isEmpty()) {
      t.append("Research brought:\n");
      for (Object o : research) {
        JsonObject r = (JsonObject) o;
        t.append("- ");
        if (r.getString("source") != null) t.append(r.getString("source")).append(": ");
        t.append(r.getString("text"));
        for (Object u : r.getJsonArray("sources", new JsonArray())) t.append(" <").append(u).append('>');
        t.append('\n');
        for (Object q : r.getJsonArray("questions", new JsonArray())) t.append("   Asks: ").append(q).append('\n');
      }
      t.append('\n');
    }
    list(t, "Questions for the GP:", s.getJsonArray("questions"));
    list(t, "What matters to the patient:", s.getJsonArray("goals"));
    JsonObject prefs = s.getJsonObject("preferences");
    String role = prefs.getString("decisionRole");
    if (role != null || !prefs.getJsonArray("other").isEmpty()) {
      t.append("Preferences:\n");
      if (role != null) t.append("- Decisions: ").append(ROLE_WORDS.getOrDefault(role, role)).append('\n');
      for (Object p : prefs.getJsonArray("other")) t.append("- ").append(p).append('\n');
      t.append('\n');
    }
    list(t, "Medicines (as the patient gave them):", s.getJsonArray("medications"));
    list(t, "Also mentioned:", s.getJsonArray("alsoMentioned", new JsonArray()));
    return t.toString().stripTrailing() + "\n";
  }

  private static void line(StringBuilder t, String label, String value) {
    if (value != null && !value.isBlank()) t.append(label).append(value).append('\n');
  }

  private static void list(StringBuilder t, String heading, JsonArray items) {
    if (items == null || items.isEmpty()) return;
    t.append(heading).append('\n');
    for (Object o : items) t.append("- ").append(o).append('\n');
    t.append('\n');
  }
}
