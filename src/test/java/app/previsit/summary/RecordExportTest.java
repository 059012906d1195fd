package app.previsit.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.previsit.testing.RunningServer;
import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationResult;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.PrePopulatedValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.r4.model.Questionnaire;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The summary for the record: plain text and FHIR R4, validated with HAPI's validator against base R4 and our Questionnaire. */
class RecordExportTest {
  static RunningServer app;
  static JsonObject summary;
  static String id;

  @BeforeAll
  static void aWholeConversation() throws Exception {
    app = RunningServer.start(Map.of("PREVISIT_PRACTICE_PHONE", "01632 960000"));
    String reception = app.login("reception");
    JsonObject inv = new JsonObject(app.send("POST", "/api/invitations", reception, new JsonObject().put("patientName", "Rhea Record")
        .put("appointmentAt", LocalDate.now().plusDays(1) + "T09:20").put("clinician", "Dr Fhir").put("reference", "R-42")
        .put("nhsNumber", "943 476 5919").put("dateOfBirth", "1961-07-30").encode()).body());
    id = inv.getString("id");
    String link = inv.getString("webLink");
    String chat = "/chat/api/" + link.substring(link.lastIndexOf('/') + 1) + "/messages";
    for (String say : List.of("Let's start", "my right knee has been swollen and stiff", "3 weeks", "6", "I think I twisted it playing football",
        "that it might be arthritis", "an x-ray", "No, that's all",
        "I read on https://www.nhs.uk/conditions/knee-pain/ that rest and ice help", "Nothing about this", "No, that's all", "Do I need physiotherapy?",
        "No more questions", "to walk the dog again", "That's all", "Let's decide together", "No, nothing",
        "naproxen 500mg twice a day", "That's all")) {
      app.send("POST", chat, null, new JsonObject().put("text", say).encode());
    }
    for (int i = 0; i < 10; i++) {
      String r = app.send("POST", chat, null, new JsonObject().put("button", "Confirm and send to my GP").encode()).body();
      if (r.contains("\"done\":true")) break;
      app.send("POST", chat, null, "{\"text\":\"/skip\"}");
    }
    summary = new JsonObject(app.send("GET", "/api/summaries/" + id, app.login("gp"), null).body());
    assertTrue(summary.getBoolean("confirmedByPatient"), summary.encode());
  }

  @AfterAll
  static void stop() throws Exception {
    app.close();
  }

  @Test
  void theTextForTheRecordComesInTheOrderGpsWriteNotes() throws Exception {
    HttpResponse<String> r = app.send("GET", "/api/summaries/" + id + "/text", app.login("gp"), null);
    assertEquals(200, r.statusCode());
    String t = r.body();
    assertTrue(t.contains("Rhea Record, NHS number 943 476 5919, born 30 Jul 1961"), t);
    assertTrue(t.contains("my right knee has been swollen and stiff; for 3 weeks; impact 6/10"), t);
    assertTrue(t.indexOf("Ideas, concerns, expectations:") < t.indexOf("Research brought:")
        && t.indexOf("Research brought:") < t.indexOf("Questions for the GP:")
        && t.indexOf("Questions for the GP:") < t.indexOf("Preferences:") && t.indexOf("Preferences:") < t.indexOf("Medicines"), t);
    assertTrue(t.contains("Decisions: wants to decide together with the GP"));
    assertTrue(t.contains("naproxen"));
  }

  @Test
  void theFhirQuestionnaireResponseAndQuestionnaireValidateWithNoErrors() throws Exception {
    HttpResponse<String> q = app.send("GET", "/fhir/Questionnaire/previsit", null, null);
    assertEquals(200, q.statusCode());
    HttpResponse<String> r = app.send("GET", "/api/summaries/" + id + "/fhir", app.login("gp"), null);
    assertEquals(200, r.statusCode());
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/fhir+json"));
    JsonObject qr = new JsonObject(r.body());
    assertEquals("QuestionnaireResponse", qr.getString("resourceType"));
    assertEquals("completed", qr.getString("status"));
    JsonObject subject = qr.getJsonObject("subject");
    assertEquals("https://fhir.nhs.uk/Id/nhs-number", subject.getJsonObject("identifier").getString("system"));
    assertEquals("9434765919", subject.getJsonObject("identifier").getString("value"));
    List<String> linkIds = qr.getJsonArray("item").stream().map(o -> ((JsonObject) o).getString("linkId")).toList();
    for (String section : List.of("concerns", "questions", "medications", "decision-role")) {
      assertTrue(linkIds.contains(section), section + " in " + linkIds);
    }

    FhirContext ctx = FhirExport.context();
    Questionnaire questionnaire = ctx.newJsonParser().parseResource(Questionnaire.class, q.body());
    PrePopulatedValidationSupport ours = new PrePopulatedValidationSupport(ctx);
    ours.addResource(questionnaire);
    ValidationSupportChain chain = new ValidationSupportChain(new DefaultProfileValidationSupport(ctx),
        new CommonCodeSystemsTerminologyService(ctx), new InMemoryTerminologyServerValidationSupport(ctx),
        new SnapshotGeneratingValidationSupport(ctx), ours);
    FhirValidator validator = ctx.newValidator().registerValidatorModule(new FhirInstanceValidator(chain));
    for (String body : List.of(q.body(), r.body())) {
      ValidationResult result = validator.validateWithResult(body);
      List<SingleValidationMessage> errors = result.getMessages().stream()
          .filter(m -> m.getSeverity() == ResultSeverityEnum.ERROR || m.getSeverity() == ResultSeverityEnum.FATAL).toList();
      assertTrue(errors.isEmpty(), errors.stream().map(m -> m.getLocationString() + " " + m.getMessage()).toList().toString());
      // For the record of what was measured: how many messages of each severity the validator gave.
      System.out.println("FHIR validation " + new JsonObject(body).getString("resourceType") + ": " + result.getMessages().stream()
          .collect(java.util.stream.Collectors.groupingBy(m -> m.getSeverity().name(), java.util.stream.Collectors.counting())));
    }
  }

  @Test
  void receptionNeverGetsClinicalTextThroughTheNewEndpointsAndEveryViewIsAudited() throws Exception {
    String reception = app.login("reception");
    assertEquals(403, app.send("GET", "/api/summaries/" + id + "/text", reception, null).statusCode());
    assertEquals(403, app.send("GET", "/api/summaries/" + id + "/fhir", reception, null).statusCode());
    assertEquals(401, app.send("GET", "/api/summaries/" + id + "/fhir", null, null).statusCode());
    assertEquals(404, app.send("GET", "/api/summaries/nope/fhir", app.login("gp"), null).statusCode());
    app.send("GET", "/api/summaries/" + id + "/fhir", app.login("gp"), null);
    app.send("GET", "/api/summaries/" + id + "/text", app.login("gp"), null);
    JsonArray audit = new JsonArray(app.send("GET", "/api/audit", app.login("admin"), null).body());
    for (String action : List.of("view-summary-fhir", "view-summary-text")) {
      assertTrue(audit.stream().map(JsonObject.class::cast).anyMatch(e -> e.getString("action").equals(action)
          && e.getString("target").equals(id)), action);
    }
    assertFalse(app.send("GET", "/api/invitations?date=" + LocalDate.now().plusDays(1), reception, null).body().contains("knee"));
  }
}
