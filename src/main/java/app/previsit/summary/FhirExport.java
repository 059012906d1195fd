package app.previsit.summary;

import app.previsit.alerts.RedFlagWords;
import ca.uhn.fhir.context.FhirContext;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemType;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemComponent;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.UriType;

/**
 * The summary as FHIR R4 for the record: a {@code QuestionnaireResponse} answering the Previsit
 * {@code Questionnaire} (one item per section, linkIds below), the patient named by NHS number
 * ({@code https://fhir.nhs.uk/Id/nhs-number}) when the practice gave it. Built with HAPI FHIR's R4
 * model; its context is made once, when first needed (it takes a second or two).
 */
public final class FhirExport {
  public static final String NHS_NUMBER = "https://fhir.nhs.uk/Id/nhs-number";
  private static volatile FhirContext context;

  private final String base;

  /** {@code base}: the service's public URL, which names the Questionnaire and its code system. */
  public FhirExport(String base) {
    this.base = base;
  }

  public static FhirContext context() {
    FhirContext c = context;
    if (c == null) {
      synchronized (FhirExport.class) {
        if (context == null) context = FhirContext.forR4();
        c = context;
      }
    }
    return c;
  }

  public String questionnaireUrl() {
    return base + "/fhir/Questionnaire/previsit";
  }

  String decisionSystem() {
    return base + "/fhir/CodeSystem/decision-role";
  }

  public String json(org.hl7.fhir.instance.model.api.IBaseResource resource) {
    return context().newJsonParser().setPrettyPrint(false).encodeResourceToString(resource);
  }

  /** The Questionnaire every Previsit summary answers. */
  public Questionnaire questionnaire() {
    Questionnaire q = new Questionnaire();
    q.setId("previsit");
    q.setUrl(questionnaireUrl());
    q.setName("Previsit");
    q.setTitle("Previsit pre-consultation summary");
    q.setStatus(Enumerations.PublicationStatus.ACTIVE);
    q.addSubjectType("Patient");
    var flags = group(q.addItem(), "red-flags", "Emergencies described (the patient was given 999/111 advice)", false);
    item(flags.addItem(), "red-flag", "Emergency", QuestionnaireItemType.STRING, true);
    var concerns = group(q.addItem(), "concerns", "What the patient wants to talk about", false);
    var concern = group(concerns.addItem(), "concern", "A concern", true);
    item(concern.addItem(), "concern-text", "In the patient's words", QuestionnaireItemType.TEXT, false);
    item(concern.addItem(), "concern-duration", "How long", QuestionnaireItemType.STRING, false);
    item(concern.addItem(), "concern-severity", "Impact on daily life (0-10)", QuestionnaireItemType.INTEGER, false);
    item(concern.addItem(), "concern-ideas", "What they think is causing it", QuestionnaireItemType.TEXT, false);
    item(concern.addItem(), "concern-worries", "What worries them most", QuestionnaireItemType.TEXT, false);
    item(concern.addItem(), "concern-expectations", "What they hope the appointment will do", QuestionnaireItemType.TEXT, false);
    var research = group(q.addItem(), "research", "What the patient read, watched or printed", false);
    var ritem = group(research.addItem(), "research-item", "One thing they read or were told", true);
    item(ritem.addItem(), "research-text", "What it said", QuestionnaireItemType.TEXT, false);
    item(ritem.addItem(), "research-source", "Where it came from", QuestionnaireItemType.STRING, false);
    item(ritem.addItem(), "research-link", "Link", QuestionnaireItemType.URL, true);
    item(ritem.addItem(), "research-question", "What they want to ask about it", QuestionnaireItemType.STRING, true);
    item(q.addItem(), "questions", "Questions for the GP", QuestionnaireItemType.STRING, true);
    item(q.addItem(), "goals", "What matters to the patient", QuestionnaireItemType.STRING, true);
    var role = item(q.addItem(), "decision-role", "How involved they want to be in decisions", QuestionnaireItemType.CHOICE, false);
    for (Map.Entry<String, String> e : ROLES) role.addAnswerOption().setValue(new Coding(decisionSystem(), e.getKey(), e.getValue()));
    item(q.addItem(), "preferences", "Other preferences about their care", QuestionnaireItemType.STRING, true);
    item(q.addItem(), "medications", "Medicines, as the patient gave them", QuestionnaireItemType.STRING, true);
    item(q.addItem(), "also-mentioned", "Also mentioned", QuestionnaireItemType.STRING, true);
    return q;
  }

  /** Control Preferences Scale positions, in order. */
  private static final List<Map.Entry<String, String>> ROLES = List.of(
      Map.entry("patient_decides", "Prefers to make decisions themself"),
      Map.entry("patient_after_doctor", "Decides after hearing the GP's views"),
      Map.entry("shared", "Decides together with the GP"),
      Map.entry("doctor_after_patient", "The GP decides, after hearing their views"),
      Map.entry("doctor_decides", "Prefers the GP to decide"));

  /** The summary (the JSON of /api/summaries/{id}) as a QuestionnaireResponse. Empty sections are left out. */
  public QuestionnaireResponse response(JsonObject s) {
    QuestionnaireResponse r = new QuestionnaireResponse();
    // No resource id: ours may hold '_', which FHIR ids do not allow; the identifier names the invitation.
    r.setIdentifier(new Identifier().setSystem(base + "/id/invitation").setValue(s.getString("id")));
    r.setQuestionnaire(questionnaireUrl());
    r.setStatus(s.getBoolean("confirmedByPatient", false) ? QuestionnaireResponse.QuestionnaireResponseStatus.COMPLETED
        : QuestionnaireResponse.QuestionnaireResponseStatus.INPROGRESS);
    Reference patient = new Reference().setDisplay(s.getString("patientName"));
    if (s.getString("nhsNumber") != null) patient.setIdentifier(new Identifier().setSystem(NHS_NUMBER).setValue(s.getString("nhsNumber")));
    r.setSubject(patient);
    r.setSource(patient.copy());
    String completed = s.getString("completedAt");
    r.setAuthored(Date.from(completed != null ? Instant.parse(completed) : Instant.now()));

    JsonArray flags = s.getJsonArray("redFlags");
    if (!flags.isEmpty()) {
      var g = r.addItem().setLinkId("red-flags");
      var item = g.addItem().setLinkId("red-flag");
      for (Object o : flags) {
        JsonObject f = (JsonObject) o;
        item.addAnswer().setValue(new StringType(RedFlagWords.of(f.getString("category")) + " (" + f.getString("at") + "): "
            + f.getString("text")));
      }
    }
    JsonArray concerns = s.getJsonArray("concerns");
    if (!concerns.isEmpty()) {
      var g = r.addItem().setLinkId("concerns");
      for (Object o : concerns) {
        JsonObject c = (JsonObject) o;
        var one = g.addItem().setLinkId("concern");
        text(one, "concern-text", c.getString("text"));
        text(one, "concern-duration", c.getString("duration"));
        if (c.getValue("severity") instanceof Number n) one.addItem().setLinkId("concern-severity").addAnswer().setValue(new IntegerType(n.intValue()));
        text(one, "concern-ideas", c.getString("ideas"));
        text(one, "concern-worries", c.getString("worries"));
        text(one, "concern-expectations", c.getString("expectations"));
      }
    }
    JsonArray research = s.getJsonArray("research");
    if (!research.isEmpty()) {
      var g = r.addItem().setLinkId("research");
      for (Object o : research) {
        JsonObject x = (JsonObject) o;
        var one = g.addItem().setLinkId("research-item");
        text(one, "research-text", x.getString("text"));
        text(one, "research-source", x.getString("source"));
        JsonArray links = x.getJsonArray("sources", new JsonArray());
        if (!links.isEmpty()) {
          var li = one.addItem().setLinkId("research-link");
          for (Object u : links) li.addAnswer().setValue(new UriType(String.valueOf(u)));
        }
        strings(one, "research-question", x.getJsonArray("questions", new JsonArray()));
      }
    }
    strings(r, "questions", s.getJsonArray("questions"));
    strings(r, "goals", s.getJsonArray("goals"));
    String role = s.getJsonObject("preferences").getString("decisionRole");
    ROLES.stream().filter(e -> e.getKey().equals(role)).findFirst().ifPresent(e ->
        r.addItem().setLinkId("decision-role").addAnswer().setValue(new Coding(decisionSystem(), e.getKey(), e.getValue())));
    strings(r, "preferences", s.getJsonObject("preferences").getJsonArray("other"));
    strings(r, "medications", s.getJsonArray("medications"));
    strings(r, "also-mentioned", s.getJsonArray("alsoMentioned", new JsonArray()));
    return r;
  }

  private static Questionnaire.QuestionnaireItemComponent group(Questionnaire.QuestionnaireItemComponent i, String linkId,
      String text, boolean repeats) {
    return i.setLinkId(linkId).setText(text).setType(QuestionnaireItemType.GROUP).setRepeats(repeats);
  }

  private static Questionnaire.QuestionnaireItemComponent item(Questionnaire.QuestionnaireItemComponent i, String linkId,
      String text, QuestionnaireItemType type, boolean repeats) {
    return i.setLinkId(linkId).setText(text).setType(type).setRepeats(repeats);
  }

  private static void text(QuestionnaireResponseItemComponent parent, String linkId, String value) {
    if (value != null && !value.isBlank()) parent.addItem().setLinkId(linkId).addAnswer().setValue(new StringType(value));
  }

  private static void strings(QuestionnaireResponseItemComponent parent, String linkId, JsonArray values) {
    if (values == null || values.isEmpty()) return;
    var item = parent.addItem().setLinkId(linkId);
    for (Object v : values) item.addAnswer().setValue(new StringType(String.valueOf(v)));
  }

  private static void strings(QuestionnaireResponse r, String linkId, JsonArray values) {
    if (values == null || values.isEmpty()) return;
    var item = r.addItem().setLinkId(linkId);
    for (Object v : values) item.addAnswer().setValue(new StringType(String.valueOf(v)));
  }
}
