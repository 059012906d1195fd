package app.previsit.dialogue;

import static app.previsit.dialogue.ConversationScript.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class WholeConversationTest {
  @Test
  void aStraightforwardPatientReachesAConfirmedSummaryWithEverySection() {
    ConversationScript s = given("Sam").expectSaid("Hello Sam").expectStage(Stage.WELCOME)
        .presses("Let's start").presses("None of these").expectStage(Stage.AGENDA)
        .says("my knee has been swollen for 3 weeks").expectStage(Stage.CONCERN_IMPACT)
        .presses("7").expectStage(Stage.CONCERN_IDEA)
        .says("maybe arthritis").says("that I'll need an operation").says("a scan")
        .expectStage(Stage.AGENDA_MORE)
        .presses("Yes, something else").says("I get headaches every morning").expectStage(Stage.CONCERN_DURATION)
        .says("since Christmas").says("4").says("stress at work").says("a brain tumour").says("reassurance")
        .presses("No, that's all").expectStage(Stage.PRIORITY)
        .presses("I get headaches every morning").expectStage(Stage.RESEARCH)
        .says("I read on https://www.nhs.uk/conditions/gout/ that it could be gout").expectStage(Stage.RESEARCH_QUESTION)
        .expectSaid("a page from the NHS website").presses("Nothing about this").expectStage(Stage.RESEARCH_MORE)
        .presses("No, that's all").expectStage(Stage.QUESTIONS)
        .presses("What are my options?").says("do I need a blood test?").presses("No more questions")
        .expectStage(Stage.GOALS)
        .says("I want to walk the dog again").presses("That's all").expectStage(Stage.DECISION)
        .presses("Let's decide together").expectStage(Stage.PREFERENCES)
        .says("female doctor please").presses("No, that's all").expectStage(Stage.MEDICATIONS)
        .says("I take ramipril 5mg and metformin").presses("That's all").expectStage(Stage.REVIEW)
        .expectSaid("walk the dog").expectSaid("ramipril")
        .presses("Confirm and send to my GP").expectStage(Stage.DONE);

    Answers a = s.answers();
    assertEquals(2, a.concerns().size());
    assertEquals("I get headaches every morning", a.concerns().get(0).text(), "chosen priority comes first");
    Concern knee = a.concerns().get(1);
    assertEquals("3 weeks", knee.duration());
    assertEquals(7, knee.severity());
    assertEquals("maybe arthritis", knee.idea());
    assertEquals("that I'll need an operation", knee.worry());
    assertEquals("a scan", knee.expectation());
    assertEquals(List.of("https://www.nhs.uk/conditions/gout/"), a.research().get(0).sources());
    assertEquals(List.of("What are my options?", "do I need a blood test?"), a.questions());
    assertEquals(List.of("I want to walk the dog again"), a.goals());
    assertEquals(DecisionRole.SHARED, a.decisionRole());
    assertEquals(List.of("female doctor please"), a.preferences());
    assertEquals(List.of("ramipril 5mg", "metformin"), a.medications());
    assertTrue(s.state().confirmed());
    assertTrue(s.state().completedAt() > 0);
  }

  @Test
  void aRamblingPatientHasOffStageAnswersFiledWhereTheyBelong() {
    ConversationScript s = given("Pat").presses("Let's start").presses("None of these")
        .says("Could it be arthritis?").expectSaid("added that to your questions").expectStage(Stage.AGENDA)
        .says("I read on the NHS website that it might be gout").expectStage(Stage.AGENDA)
        .says("I'm on ramipril 5mg").expectStage(Stage.AGENDA)
        .says("my hip hurts when I walk").expectStage(Stage.CONCERN_DURATION);
    assertEquals(List.of("Could it be arthritis?"), s.answers().questions());
    assertEquals(1, s.answers().research().size());
    assertEquals(List.of("ramipril 5mg"), s.answers().medications(), "a medicine keeps its dose, not the lead-in");
    assertEquals("my hip hurts when I walk", s.answers().concerns().get(0).text());
  }

  @Test
  void typedAnswersWorkWhereButtonsAreOffered() {
    ConversationScript s = given("Lee").says("yes").expectStage(Stage.SAFETY).says("none").expectStage(Stage.AGENDA)
        .says("my back hurts").says("two weeks").says("6").expectStage(Stage.CONCERN_IDEA)
        .command("skip").command("skip").command("skip").expectStage(Stage.AGENDA_MORE)
        .says("no").expectStage(Stage.RESEARCH).says("nope").expectStage(Stage.QUESTIONS)
        .says("the first one").expectStage(Stage.QUESTIONS);
    assertEquals(List.of("What are my options?"), s.answers().questions());
    assertEquals(6, s.answers().concerns().get(0).severity());
    s.command("skip").command("skip").expectStage(Stage.DECISION).says("together").expectStage(Stage.PREFERENCES);
    assertEquals(DecisionRole.SHARED, s.answers().decisionRole());
  }

  @Test
  void goingBackSeveralTimesUndoesAnswersAndReasks() {
    ConversationScript s = given("Jo").presses("Let's start").presses("None of these")
        .says("my knee has been swollen").says("a week").expectStage(Stage.CONCERN_IMPACT)
        .says("wait, I got that wrong").expectSaid("go back").expectStage(Stage.CONCERN_DURATION);
    assertNull(s.answers().lastConcern().duration());
    s.says("a month").expectStage(Stage.CONCERN_IMPACT);
    assertEquals("a month", s.answers().lastConcern().duration());
    s.command("back").command("back").expectStage(Stage.AGENDA);
    assertTrue(s.answers().concerns().isEmpty());
    s.command("back").command("back").expectSaid("nothing to go back");
  }

  @Test
  void aPatientWhoSkipsEverythingStillReachesReviewAndCanConfirm() {
    ConversationScript s = given("Kim").presses("Let's start").presses("None of these");
    for (int i = 0; i < 12 && s.stage() != Stage.REVIEW; i++) s.command("skip");
    s.expectStage(Stage.REVIEW).expectSaid("don't have anything yet").presses("Confirm and send to my GP").expectStage(Stage.DONE);
    assertTrue(s.answers().isEmpty());
  }

  @Test
  void anEmergencyMidwayGetsTheEmergencyReplyAtOnceAndIsRecorded() {
    ConversationScript s = given("Ali").presses("Let's start").presses("None of these").says("my knee hurts")
        .says("I have crushing pain in my chest right now")
        .expectSaid("999").expectSaid("NHS 111").expectStage(Stage.EMERGENCY);
    assertEquals("cardiac", s.state().redFlags().get(0).category());
    s.says("my knee still hurts").expectStage(Stage.EMERGENCY).expectSaid("When you are safe");
    s.presses("I'm safe now, carry on").expectStage(Stage.CONCERN_DURATION);
    assertEquals(1, s.state().redFlags().size());
  }

  @Test
  void suicidalThoughtsAlsoGiveSamaritans() {
    given("Bo").presses("Let's start").presses("None of these").says("I want to end my life").expectSaid("116 123").expectStage(Stage.EMERGENCY);
  }

  @Test
  void negatedEmergenciesAreNotRedFlags() {
    ConversationScript s = given("Cy").presses("Let's start").presses("None of these").says("no chest pain, just a cough for 2 weeks");
    assertTrue(s.state().redFlags().isEmpty());
    assertEquals(Stage.CONCERN_IMPACT, s.stage());
  }

  @Test
  void forgetMeAsksFirstThenErasesEverything() {
    ConversationScript s = given("Di").presses("Let's start").presses("None of these").says("my knee hurts").says("3 weeks")
        .says("delete everything I told you").expectStage(Stage.CONFIRM_FORGET)
        .presses("No, keep it").expectStage(Stage.CONCERN_IMPACT);
    assertEquals(1, s.answers().concerns().size());
    s.command("forget").presses("Yes, delete everything").expectStage(Stage.FORGOTTEN).expectSaid("deleted");
    assertTrue(s.answers().isEmpty());
    assertTrue(s.state().transcript().stream().noneMatch(l -> l.text().contains("knee")));
    s.says("hello?").expectStage(Stage.FORGOTTEN);
  }

  @Test
  void stopEndsTheConversationAndCanBeUndone() {
    ConversationScript s = given("Ed").presses("Let's start").presses("None of these").says("stop messaging me").expectStage(Stage.STOPPED);
    assertTrue(s.state().done());
    s.presses("Carry on after all").expectStage(Stage.AGENDA);
  }

  @Test
  void emojiPhotosAndEmptyMessagesGetPoliteAnswersAndLoseNothing() {
    ConversationScript s = given("Fi").presses("Let's start").presses("None of these").says("my ankle is swollen").expectStage(Stage.CONCERN_DURATION)
        .says("😀😀😀").expectStage(Stage.CONCERN_IMPACT);
    s.apply(new PatientInput.NonText("sticker", null)).expectSaid("only read typed").expectStage(Stage.CONCERN_IMPACT);
    s.says("   ").expectSaid("didn't get any words");
    s.apply(new PatientInput.NonText("photo", "file-123")).expectSaid("kept that");
    assertEquals(List.of("file-123"), s.answers().research().get(0).attachments());
    assertEquals("my ankle is swollen", s.answers().concerns().get(0).text());
  }

  @Test
  void aHugeMessageIsCutAndSaidSo() {
    ConversationScript s = given("Gil").presses("Let's start").presses("None of these").says("my back hurts ".repeat(2000)).expectSaid("first 4000");
    assertEquals(Dialogue.MAX_ANSWER_CHARS, s.answers().concerns().get(0).text().length());
  }

  @Test
  void theReviewCanChangeOneSectionAndComesBack() {
    ConversationScript s = given("Hal").presses("Let's start").presses("None of these").says("my knee hurts");
    for (int i = 0; i < 15 && s.stage() != Stage.REVIEW; i++) s.command("skip");
    s.expectStage(Stage.REVIEW).presses("Change something").presses("My questions").expectStage(Stage.QUESTIONS)
        .says("will I need surgery?").presses("No more questions").expectStage(Stage.REVIEW).expectSaid("will I need surgery?");
    assertEquals("my knee hurts", s.answers().concerns().get(0).text());
  }

  @Test
  void summaryCommandShowsWhatWeHaveAndReasks() {
    given("Ivy").presses("Let's start").presses("None of these").says("my knee hurts").command("summary").expectSaid("my knee hurts")
        .expectStage(Stage.CONCERN_DURATION);
  }

  @Test
  void appointmentQuestionsAreAnsweredWithoutChangingAnything() {
    ConversationScript s = given("Jay").presses("Let's start").presses("None of these").says("can I move my appointment to Friday")
        .expectSaid("reception").expectStage(Stage.AGENDA);
    assertTrue(s.answers().concerns().isEmpty());
  }

  @Test
  void theStartTokenIsNeverKeptInTheTranscript() {
    ConversationScript s = given("Kay");
    s.apply(new PatientInput.Command("start", "SECRET-TOKEN-123"));
    assertFalse(s.state().transcript().stream().anyMatch(l -> l.text().contains("SECRET")));
  }
}
