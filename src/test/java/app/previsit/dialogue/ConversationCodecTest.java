package app.previsit.dialogue;

import static app.previsit.dialogue.ConversationScript.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ConversationCodecTest {
  @Test
  void aConversationSurvivesTheRoundTrip() {
    Conversation c = given("Sam").presses("Let's start").says("my knee hurts").says("3 weeks").state();
    assertEquals(c, ConversationCodec.fromJson(ConversationCodec.toJson(c)));
  }

  @Test
  void aSchemaOneSessionStillLoads() {
    // Saved by the first release: no buttons on transcript lines, no returnToReview, no undo.
    String v1 = """
        {"schema":1,"conversation":{"patientName":"Old","answers":{"stage":"CONCERN_IMPACT",
        "concerns":[{"text":"my knee hurts","duration":"3 weeks"}],"questions":["is it serious?"]},
        "transcript":[{"from":"patient","text":"my knee hurts","at":1700000000000}],"redFlags":[],
        "confirmed":false,"stopped":false,"completedAt":0}}""";
    Conversation c = ConversationCodec.fromJson(v1);
    assertEquals(Stage.CONCERN_IMPACT, c.stage());
    assertEquals("3 weeks", c.answers().concerns().get(0).duration());
    assertEquals(0, c.transcript().get(0).buttons().size());
    Next n = ConversationScript.DIALOGUE.update(c, new PatientInput.Text("5"), java.time.Instant.now());
    assertEquals(5, n.conversation().answers().concerns().get(0).severity());
  }
}
