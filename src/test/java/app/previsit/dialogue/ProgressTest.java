package app.previsit.dialogue;

import static app.previsit.dialogue.ConversationScript.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The step a patient reads in the chat's header follows the sections, and stays put during a hold. */
class ProgressTest {
  @Test
  void stepsFollowTheSectionsAndAHoldKeepsTheStepItWillGoBackTo() {
    ConversationScript s = given("Pip").presses("Let's start");
    assertEquals(new Progress(0, 8, "Before we start"), Progress.of(s.state()));
    s.presses("None of these").says("my heel hurts in the mornings");
    assertEquals(1, Progress.of(s.state()).step());
    for (int i = 0; i < 12 && s.stage() != Stage.QUESTIONS; i++) s.command("skip");
    s.expectStage(Stage.QUESTIONS);
    assertEquals(new Progress(3, 8, "Your questions"), Progress.of(s.state()));
    s.says("I have crushing pain in my chest right now").expectStage(Stage.EMERGENCY);
    assertEquals(3, Progress.of(s.state()).step(), "the hold is not a step of its own");
    s.presses("I'm safe now, carry on");
    for (int i = 0; i < 12 && s.stage() != Stage.REVIEW; i++) s.command("skip");
    assertEquals(new Progress(8, 8, "Check and send"), Progress.of(s.state()));
    s.presses("Confirm and send to my GP").expectStage(Stage.DONE);
    assertEquals("Sent to your GP", Progress.of(s.state()).label());
  }
}
