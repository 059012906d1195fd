package app.previsit.dialogue;

import static app.previsit.dialogue.ConversationScript.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** An edited latest answer (Telegram) replaces that answer; with nothing to replace it is an answer. */
class CorrectionTest {
  @Test
  void aCorrectionReplacesTheLatestAnswerAndAsksTheSameNextQuestion() {
    ConversationScript s = given("Ann").presses("Let's start").presses("None of these").says("my ankle hurts").expectStage(Stage.CONCERN_DURATION);
    s.apply(new PatientInput.Correction("my wrist hurts")).expectSaid("changed your last answer").expectStage(Stage.CONCERN_DURATION);
    assertEquals(1, s.answers().concerns().size());
    assertEquals("my wrist hurts", s.answers().concerns().get(0).text());
  }

  @Test
  void aCorrectionWithNothingToUndoIsReadAsAnAnswer() {
    ConversationScript s = given("Bo");
    s.apply(new PatientInput.Correction("Let's start")).expectStage(Stage.SAFETY);
  }

  @Test
  void anEmergencyInACorrectionStillGetsTheEmergencyReply() {
    ConversationScript s = given("Cy").presses("Let's start").presses("None of these").says("my ankle hurts");
    s.apply(new PatientInput.Correction("crushing pain in my chest right now")).expectSaid("999");
    assertEquals(1, s.state().redFlags().size());
  }
}
