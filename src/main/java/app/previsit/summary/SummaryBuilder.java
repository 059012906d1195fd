package app.previsit.summary;

import app.previsit.dialogue.Concern;
import app.previsit.dialogue.Conversation;
import app.previsit.dialogue.Line;
import app.previsit.dialogue.RedFlag;
import app.previsit.dialogue.Research;
import app.previsit.invitation.Invitation;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.ZoneId;

/** The summary JSON of DESIGN.md, built from an invitation and its conversation (null: not started). */
public final class SummaryBuilder {
  private SummaryBuilder() {}

  public static JsonObject build(Invitation inv, Conversation c, ZoneId zone, Instant now) {
    JsonObject s = new JsonObject()
        .put("id", inv.id())
        .put("patientName", inv.patientName())
        .put("appointmentAt", inv.appointmentAt().atZone(zone).toOffsetDateTime().toString())
        .put("clinician", inv.clinician())
        .put("reference", inv.reference())
        .put("nhsNumber", inv.nhsNumber())
        .put("dateOfBirth", inv.dateOfBirth() == null ? null : inv.dateOfBirth().toString())
        .put("reviewedBy", inv.reviewedBy())
        .put("reviewedAt", inv.reviewedAt() == null ? null : inv.reviewedAt().toString())
        .put("status", inv.statusAt(now).json())
        .put("confirmedByPatient", c != null && c.confirmed())
        .put("completedAt", c != null && c.completedAt() > 0 ? Instant.ofEpochMilli(c.completedAt()).toString() : null)
        .put("partial", c == null || !c.confirmed());
    JsonArray redFlags = new JsonArray();
    JsonArray concerns = new JsonArray();
    JsonArray research = new JsonArray();
    JsonArray transcript = new JsonArray();
    JsonObject preferences = new JsonObject().put("decisionRole", null).put("other", new JsonArray());
    s.put("stoppedByPatient", c != null && c.stopped());
    if (c != null) {
      for (RedFlag f : c.redFlags()) {
        redFlags.add(new JsonObject().put("category", f.category()).put("text", f.text()).put("at", iso(f.at())));
      }
      for (Concern x : c.answers().concerns()) {
        concerns.add(new JsonObject().put("title", x.title()).put("text", x.text()).put("duration", x.duration())
            .put("severity", x.severity())
            .put("ideas", x.idea()).put("worries", x.worry()).put("expectations", x.expectation()));
      }
      for (Research r : c.answers().research()) {
        research.add(new JsonObject().put("text", r.text()).put("sources", new JsonArray(r.sources()))
            .put("attachments", new JsonArray(r.attachments())).put("source", r.source()).put("topic", r.topic())
            .put("questions", new JsonArray(r.questions())).put("title", r.title()).put("extractedText", r.extractedText()));
      }
      for (Line l : c.transcript()) {
        transcript.add(new JsonObject().put("from", l.from()).put("text", l.text()).put("at", iso(l.at())));
      }
      preferences.put("decisionRole", c.answers().decisionRole() == null ? null : c.answers().decisionRole().json())
          .put("other", new JsonArray(c.answers().preferences()));
    }
    return s.put("redFlags", redFlags)
        .put("concerns", concerns)
        .put("research", research)
        .put("questions", new JsonArray(c == null ? java.util.List.of() : c.answers().questions()))
        .put("goals", new JsonArray(c == null ? java.util.List.of() : c.answers().goals()))
        .put("preferences", preferences)
        .put("medications", new JsonArray(c == null ? java.util.List.of() : c.answers().medications()))
        .put("alsoMentioned", new JsonArray(c == null ? java.util.List.of() : c.answers().alsoMentioned()))
        .put("transcript", transcript);
  }

  private static String iso(long epochMillis) {
    return Instant.ofEpochMilli(epochMillis).toString();
  }
}
