package app.previsit.staff;

import static app.previsit.web.Html.esc;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;

/** The GP's one-page summary: red flags first, agenda in the patient's order, transcript folded away. */
final class SummaryHtml {
  private SummaryHtml() {}

  static String render(JsonObject s, Map<String, String> roleWords) {
    StringBuilder b = new StringBuilder("<main class=\"summary\"><h1>").append(esc(s.getString("patientName"))).append("</h1>")
        .append("<p class=\"small\">").append(esc(s.getString("appointmentAt"))).append(" · ").append(esc(s.getString("clinician")))
        .append(" · ").append(esc(s.getString("status"))).append(" · ")
        .append(s.getBoolean("confirmedByPatient") ? "checked and confirmed by the patient" : "<strong>not confirmed by the patient (partial)</strong>")
        .append("</p>");
    JsonArray flags = s.getJsonArray("redFlags");
    if (!flags.isEmpty()) {
      b.append("<section class=\"card redflags\" id=\"redflags\"><h2 class=\"flag\">Red flags</h2><ul>");
      for (Object o : flags) {
        JsonObject f = (JsonObject) o;
        b.append("<li><strong>").append(esc(f.getString("category"))).append("</strong>: ").append(esc(f.getString("text")))
            .append(" <span class=\"small\">").append(esc(f.getString("at"))).append("</span></li>");
      }
      b.append("</ul><p class=\"small\">The patient was told to call 999 / NHS 111 at the time.</p></section>");
    }
    b.append("<section class=\"card\" id=\"agenda\"><h2>Agenda (patient's order)</h2>");
    JsonArray concerns = s.getJsonArray("concerns");
    if (concerns.isEmpty()) b.append("<p class=\"small\">None given.</p>");
    b.append("<ol>");
    for (Object o : concerns) {
      JsonObject c = (JsonObject) o;
      b.append("<li><strong>").append(esc(c.getString("text"))).append("</strong><dl>");
      dd(b, "How long", c.getString("duration"));
      dd(b, "Impact (0–10)", c.getValue("severity") == null ? null : c.getValue("severity").toString());
      dd(b, "Idea", c.getString("ideas"));
      dd(b, "Worry", c.getString("worries"));
      dd(b, "Hoping for", c.getString("expectations"));
      b.append("</dl></li>");
    }
    b.append("</ol></section>");
    JsonArray research = s.getJsonArray("research");
    if (!research.isEmpty()) {
      b.append("<section class=\"card\" id=\"research\"><h2>What they read or saw</h2><ul>");
      for (Object o : research) {
        JsonObject r = (JsonObject) o;
        b.append("<li>").append(esc(r.getString("text")));
        for (Object src : r.getJsonArray("sources")) {
          String url = src.toString();
          if (url.startsWith("https://") || url.startsWith("http://")) {
            b.append(" <a href=\"").append(esc(url)).append("\" rel=\"noopener noreferrer\" target=\"_blank\">").append(esc(url)).append("</a>");
          } else {
            b.append(" <span class=\"small\">(").append(esc(url)).append(")</span>");
          }
        }
        b.append("</li>");
      }
      b.append("</ul></section>");
    }
    list(b, "questions", "Questions for you", s.getJsonArray("questions"));
    list(b, "goals", "What matters to them", s.getJsonArray("goals"));
    JsonObject prefs = s.getJsonObject("preferences");
    String role = prefs.getString("decisionRole");
    b.append("<section class=\"card\" id=\"preferences\"><h2>Decisions and preferences</h2><p>")
        .append(role == null ? "No decision preference given." : esc(roleWords.getOrDefault(role, role))).append("</p>");
    if (!prefs.getJsonArray("other").isEmpty()) {
      b.append("<ul>");
      for (Object o : prefs.getJsonArray("other")) b.append("<li>").append(esc(o)).append("</li>");
      b.append("</ul>");
    }
    b.append("</section>");
    list(b, "medications", "Medicines they mention", s.getJsonArray("medications"));
    b.append("<details class=\"card\" id=\"transcript\"><summary>Transcript</summary><ol>");
    for (Object o : s.getJsonArray("transcript")) {
      JsonObject l = (JsonObject) o;
      b.append("<li class=\"").append("patient".equals(l.getString("from")) ? "from-patient-line" : "from-bot-line").append("\"><strong>")
          .append(esc(l.getString("from"))).append(":</strong> ").append(esc(l.getString("text"))).append("</li>");
    }
    return b.append("</ol></details></main>").toString();
  }

  private static void dd(StringBuilder b, String label, String value) {
    if (value == null || value.isBlank()) return;
    b.append("<dt>").append(esc(label)).append("</dt><dd>").append(esc(value)).append("</dd>");
  }

  private static void list(StringBuilder b, String id, String title, JsonArray items) {
    if (items.isEmpty()) return;
    b.append("<section class=\"card\" id=\"").append(id).append("\"><h2>").append(esc(title)).append("</h2><ul>");
    for (Object o : items) b.append("<li>").append(esc(o)).append("</li>");
    b.append("</ul></section>");
  }
}
