package app.previsit.dialogue;

import app.previsit.nlu.Understanding;

import app.previsit.nlu.OpenNlpUnderstanding;

import app.previsit.nlu.Intent;

import app.previsit.nlu.Analysis;

import static app.previsit.dialogue.ConversationScript.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * One test per failure that outside testers found in the first wave's dialogue (issue 13, "Why"), each
 * in the words they used, through the pure core with the real NLU. On the first wave's code (ceb742e)
 * each of these fails: the printout was dropped, the help text came back for ever, the question was
 * stored as the worry, two problems were one concern, the priority buttons were 60 cut characters,
 * there was no safety question and a medicine lost its frequency.
 */
class ListeningDialogueTest {
  /** A patient who has answered one concern's questions and reached the research question. */
  private static ConversationScript atResearch(String name) {
    return given(name).presses("Let's start").presses("None of these").says("my lower back has been aching")
        .says("two months").presses("5").says("lifting at work").says("a slipped disc").says("some physio")
        .presses("No, that's all").expectStage(Stage.RESEARCH);
  }

  @Test
  void aPrintoutAtTheResearchQuestionIsKeptWithItsSourceAndLink() {
    ConversationScript s = atResearch("Rae")
        .says("I printed off some pages from Diabetes UK about low-carb diets https://www.diabetes.org.uk/guide-to-diabetes/enjoy-food/eating-with-diabetes/low-carb")
        .expectSaid("Diabetes UK").expectStage(Stage.RESEARCH_QUESTION)
        .says("Is a low-carb diet safe with my tablets?").expectStage(Stage.RESEARCH_MORE);
    Research r = s.answers().research().get(0);
    assertEquals("Diabetes UK", r.source());
    assertTrue(r.sources().get(0).startsWith("https://www.diabetes.org.uk/"));
    assertEquals(List.of("Is a low-carb diet safe with my tablets?"), r.questions());
    assertTrue(s.answers().questions().isEmpty(), "the question belongs to the printout");
  }

  @Test
  void aPrintoutTypedOneStepEarlyAtThePriorityQuestionIsResearch() {
    ConversationScript s = given("Ola").presses("Let's start").presses("None of these")
        .says("Sciatica down my left leg and also headaches most mornings").expectSaid("2 things");
    s.skippingTo(Stage.PRIORITY)
        .says("I printed off an NHS page about sciatica and one from a forum about stretches")
        .expectStage(Stage.PRIORITY);
    assertEquals(1, s.answers().research().size());
    assertTrue(s.answers().research().get(0).text().contains("NHS page about sciatica"));
  }

  @Test
  void anExpectationWithTheWordHelpIsAnAnswerNotTheHelpText() {
    ConversationScript s = given("Ned").presses("Let's start").presses("None of these").says("my knee hurts")
        .says("a month").presses("4").says("running").says("arthritis").expectStage(Stage.CONCERN_EXPECTATION)
        .says("to talk through what might help").expectStage(Stage.AGENDA_MORE);
    assertEquals("to talk through what might help", s.answers().concerns().get(0).expectation());
  }

  @Test
  void theSameWordsSentAgainAfterAHelpReplyAreTakenAsTheAnswer() {
    ConversationScript s = given("Uma").presses("Let's start").presses("None of these").says("my knee hurts")
        .says("a month").presses("4").expectStage(Stage.CONCERN_IDEA)
        .says("what is this for?").expectSaid("I help you prepare").expectStage(Stage.CONCERN_IDEA)
        .says("what is this for?").expectStage(Stage.CONCERN_WORRY);
    assertEquals("what is this for?", s.answers().concerns().get(0).idea());
  }

  @Test
  void aQuestionWithTheWordHelpIsAQuestionForTheGp() {
    ConversationScript s = atResearch("Gus").presses("No, nothing").expectStage(Stage.QUESTIONS)
        .says("would glucosamine help?").expectStage(Stage.QUESTIONS);
    assertEquals(List.of("would glucosamine help?"), s.answers().questions());
  }

  @Test
  void stopInsideAnAnswerDoesNotEndTheChat() {
    ConversationScript s = atResearch("Sol").presses("No, nothing")
        .says("Should I stop taking my statins?").expectStage(Stage.QUESTIONS);
    assertFalse(s.state().stopped());
    assertEquals(List.of("Should I stop taking my statins?"), s.answers().questions());
    s.says("stop").expectStage(Stage.STOPPED);
  }

  @Test
  void aQuestionTypedAtTheWorryQuestionIsAQuestionAndTheWorryIsAskedAgain() {
    ConversationScript s = given("Wyn").presses("Let's start").presses("None of these").says("my wrist hurts")
        .says("3 weeks").presses("6").says("typing").expectStage(Stage.CONCERN_WORRY)
        .says("sorry can I just ask, will I need an x-ray?").expectSaid("questions for the GP")
        .expectStage(Stage.CONCERN_WORRY);
    assertEquals(List.of("sorry can I just ask, will I need an x-ray?"), s.answers().questions());
    assertEquals(null, s.answers().concerns().get(0).worry());
    s.says("that it's broken").expectStage(Stage.CONCERN_EXPECTATION);
    assertEquals("that it's broken", s.answers().concerns().get(0).worry());
  }

  @Test
  void aReferenceBackIsNotStoredAgain() {
    ConversationScript s = atResearch("Kit").presses("No, nothing").says("will I need an x-ray?")
        .says("no, just the one I asked earlier").expectStage(Stage.GOALS);
    assertEquals(List.of("will I need an x-ray?"), s.answers().questions());
  }

  @Test
  void twoProblemsInOneMessageAreTwoConcernsAndTheBotSaysSo() {
    ConversationScript s = given("Tam").presses("Let's start").presses("None of these")
        .says("Two things really: headaches every morning for three weeks, and the pharmacy said my blood pressure was 165 over 100")
        .expectSaid("I've noted 2 things");
    List<Concern> c = s.answers().concerns();
    assertEquals(2, c.size());
    assertTrue(c.get(0).text().toLowerCase(Locale.ROOT).contains("headaches"));
    assertEquals("three weeks", c.get(0).duration(), "the first one's duration was in the message");
    assertTrue(c.get(1).text().contains("165 over 100"));
    // Follow-ups for the first, then for the second, then "anything else?".
    s.expectStage(Stage.CONCERN_IMPACT).presses("5").says("stress").says("a tumour").says("reassurance")
        .expectSaid("Now about").expectStage(Stage.CONCERN_DURATION).says("since last week");
    assertEquals("since last week", s.answers().concerns().get(1).duration());
  }

  @Test
  void twoQuestionsInOneMessageAreTwoQuestions() {
    ConversationScript s = atResearch("Viv").presses("No, nothing")
        .says("Do I need an MRI? How long until it gets better?").expectStage(Stage.QUESTIONS);
    assertEquals(List.of("Do I need an MRI?", "How long until it gets better?"), s.answers().questions());
  }

  @Test
  void aQuestionInsideAResearchAnswerIsLinkedToIt() {
    ConversationScript s = atResearch("Ros")
        .says("I printed an NHS page about statins, it says statins cause aches. Should I stop taking mine?")
        .expectStage(Stage.RESEARCH_MORE);
    Research r = s.answers().research().get(0);
    assertEquals("NHS website", r.source());
    assertEquals(List.of("Should I stop taking mine?"), r.questions());
    assertFalse(s.state().stopped());
  }

  @Test
  void priorityButtonsAreShortTitlesAndPartOfATitlePicksIt() {
    ConversationScript s = given("Bea").presses("Let's start").presses("None of these")
        .says("Well I've had this pain in my lower back for about two months and it's getting me down").presses("6")
        .command("skip").command("skip").command("skip").presses("Yes, something else")
        .says("My feet have been tingling at night").command("skip").command("skip").command("skip")
        .command("skip").command("skip").presses("No, that's all").expectStage(Stage.PRIORITY);
    assertEquals(List.of("Lower back pain", "Tingling feet"), s.lastButtons());
    s.says("the back").expectSaid("Lower back pain").expectStage(Stage.RESEARCH);
    assertEquals("Lower back pain", s.answers().concerns().get(0).title());
  }

  @Test
  void theSafetyQuestionComesFirstAndAYesIsAnEmergencyAtOnce() {
    ConversationScript s = given("Cal").presses("Let's start").expectStage(Stage.SAFETY).expectSaid("chest pain")
        .presses("Yes, one of these").expectSaid("999").expectStage(Stage.EMERGENCY);
    assertEquals(Dialogue.SCREEN_CATEGORY, s.state().redFlags().get(0).category());
    s.presses("I'm safe now, carry on").expectStage(Stage.AGENDA);
  }

  @Test
  void anAnswerTypedDuringAnEmergencyHoldIsFiledWhereItBelongsAndCarryingOnGoesOnFromTheNextQuestion() {
    ConversationScript s = given("Jo").presses("Let's start").presses("None of these").says("my wrist aches when I type")
        .says("I have crushing pain in my chest right now").expectStage(Stage.EMERGENCY);
    s.says("I phoned 111 and they are calling back in 10 minutes").expectStage(Stage.EMERGENCY).expectSaid("kept what you wrote");
    assertNull(s.answers().concerns().get(0).duration(), "words about the emergency are not an answer");
    assertTrue(s.answers().alsoMentioned().stream().anyMatch(x -> x.contains("111")), s.answers().alsoMentioned().toString());
    s.says("about 3 weeks").expectStage(Stage.EMERGENCY);
    assertEquals("3 weeks", s.answers().concerns().get(0).duration());
    s.says("thank you").expectStage(Stage.EMERGENCY);
    s.presses("I'm safe now, carry on").expectStage(Stage.CONCERN_IMPACT);
  }

  @Test
  void aNoThatGoesOnAboutANotedProblemIsNotANewOne() {
    ConversationScript s = given("Al").presses("Let's start").presses("None of these").says("my hip aches when I walk");
    s.skippingTo(Stage.AGENDA_MORE).says("No that's it really, the hip is what bothers me most");
    assertEquals(1, s.answers().concerns().size(), s.answers().concerns().toString());
    s.expectStage(Stage.RESEARCH);
  }

  @Test
  void noMoreQuestionsFromMeEndsTheQuestionsNotTheChat() {
    ConversationScript s = given("Jo").presses("Let's start").presses("None of these").says("my knee hurts");
    s.skippingTo(Stage.QUESTIONS).says("no more questions from me");
    assertTrue(s.stage() != Stage.STOPPED && s.stage() != Stage.QUESTIONS, s.stage().toString());
  }

  @Test
  void aNoThatAddsAProblemBesideANotedOneKeepsIt() {
    ConversationScript s = given("Al").presses("Let's start").presses("None of these").says("my hip aches when I walk");
    s.skippingTo(Stage.AGENDA_MORE).says("No the hip is still bad and now my knee has started swelling");
    assertTrue(s.answers().concerns().stream().anyMatch(c -> c.text().contains("knee")), s.answers().concerns().toString());
  }

  @Test
  void noMoreProblemsAtAnythingElseIsANo() {
    ConversationScript s = given("Al").presses("Let's start").presses("None of these").says("my hip aches when I walk");
    s.skippingTo(Stage.AGENDA_MORE).says("no more problems thanks");
    assertEquals(1, s.answers().concerns().size(), s.answers().concerns().toString());
  }

  @Test
  void aDurationAfterADenialIsStillADurationWhenItSaysHowLong() {
    ConversationScript s = given("Bo").presses("Let's start").presses("None of these")
        .says("I haven't been able to sleep properly for 3 weeks");
    assertEquals("3 weeks", s.answers().concerns().get(0).duration());
  }

  @Test
  void theScoreAfterAVerdictWinsOverTheOnesBeforeIt() {
    ConversationScript s = given("Di").presses("Let's start").presses("None of these").says("my hip aches when I walk")
        .says("about a year").expectStage(Stage.CONCERN_IMPACT)
        .says("good days maybe a 2, bad days an 8, I'd say 5 most weeks");
    assertEquals(Integer.valueOf(5), s.answers().concerns().get(0).severity());
  }

  @Test
  void noMoreOfATreatmentAtThePreferencesQuestionIsAPreferenceNotAClosing() {
    ConversationScript s = given("Ros").presses("Let's start").presses("None of these").says("my shoulder is stiff");
    s.skippingTo(Stage.PREFERENCES).says("no more injections if I can help it");
    assertTrue(s.answers().preferences().stream().anyMatch(p -> p.contains("injections")),
        s.answers().preferences().toString());
    s.expectStage(Stage.PREFERENCES_MORE).says("no more, thanks").expectStage(Stage.MEDICATIONS);
  }

  @Test
  void aDoseTypedAfterTheMedicineStaysWithIt() {
    ConversationScript s = given("Ivo").presses("Let's start").presses("None of these").says("a review of my diabetes");
    s.skippingTo(Stage.MEDICATIONS).says("Humalog before food, roughly 8 units each time, and Levemir 20 units at bedtime");
    assertEquals(2, s.answers().medications().size(), s.answers().medications().toString());
    assertTrue(s.answers().medications().get(0).contains("8 units"), s.answers().medications().toString());
    s.says("Tresiba, night 14 units").expectStage(Stage.MEDICATIONS_MORE);
    assertEquals(3, s.answers().medications().size(), s.answers().medications().toString());
  }

  @Test
  void aTimeSinceItLastHappenedIsNotHowLongItHasGoneOn() {
    ConversationScript s = given("Bo").presses("Let's start").presses("None of these")
        .says("I want to talk about my asthma treatment, I haven't needed my blue inhaler in 2 years");
    assertNull(s.answers().concerns().get(0).duration(), s.answers().concerns().toString());
    s.expectStage(Stage.CONCERN_DURATION);
  }

  @Test
  void anAppointmentWishAtThePreferencesQuestionIsAlsoAPreference() {
    ConversationScript s = given("Lou").presses("Let's start").presses("None of these").says("my hip aches at night");
    s.skippingTo(Stage.PREFERENCES).says("could I have a video appointment instead please");
    assertTrue(s.answers().preferences().stream().anyMatch(p -> p.contains("video appointment")),
        s.answers().preferences().toString());
  }

  @Test
  void aPositionTypedDuringAnEmergencyHoldAtTheDecisionQuestionIsFiled() {
    ConversationScript s = given("Kit").presses("Let's start").presses("None of these").says("my knee clicks");
    s.skippingTo(Stage.DECISION).says("I have crushing pain in my chest right now").expectStage(Stage.EMERGENCY)
        .says("I'd like us to decide together").expectStage(Stage.EMERGENCY);
    assertEquals(DecisionRole.SHARED, s.answers().decisionRole());
    s.presses("I'm safe now, carry on").expectStage(Stage.PREFERENCES);
  }

  @Test
  void anEmergencyHoldIsReleasedOnlyByWordsThatSaySo() {
    ConversationScript s = given("Hal").presses("Let's start").presses("None of these").says("my knee hurts")
        .says("I have crushing pain in my chest right now").expectStage(Stage.EMERGENCY);
    s.says("Months, but worse lately").expectStage(Stage.EMERGENCY);
    s.says("ok I'm fine now").expectStage(Stage.CONCERN_DURATION);
    // The rule must hold when the NLU misreads an answer as "yes" (it has read "Years, but worse recently" so).
    Understanding real = OpenNlpUnderstanding.shared();
    Understanding misreads = text -> {
      Analysis x = real.analyse(text);
      if (!text.startsWith("Months")) return x;
      return new Analysis(x.text(), Intent.AFFIRM, 0.9, false, null, x.entities(), x.parts());
    };
    ConversationScript m = ConversationScript.given("Ida",
        new Dialogue(misreads, Messages.defaults(), OpenNlpUnderstanding.CONFIDENCE_THRESHOLD));
    m.presses("Let's start").presses("None of these").says("my knee hurts")
        .says("I have crushing pain in my chest right now").expectStage(Stage.EMERGENCY)
        .says("Months, but worse lately").expectStage(Stage.EMERGENCY);
  }

  @Test
  void aCorrectedDurationKeepsTheOneThePatientMeansNotTheOneTheySayIsWrong() {
    ConversationScript s = given("Fay").presses("Let's start").presses("None of these").says("my ankle clicks on stairs")
        .says("2 months").command("back").says("it's 5 months, not 2 months");
    assertEquals("5 months", s.answers().concerns().get(0).duration());
    ConversationScript t = given("Gus").presses("Let's start").presses("None of these").says("my elbow aches after tennis")
        .says("not 4 days but 4 weeks");
    assertEquals("4 weeks", t.answers().concerns().get(0).duration());
  }

  @Test
  void anEmergencyTypedAsTheFirstThingToTalkAboutIsAlsoAConcernAndCarryingOnAsksAboutIt() {
    ConversationScript s = given("Eli").presses("Let's start").presses("None of these")
        .says("I have crushing pain in my chest right now").expectSaid("999").expectStage(Stage.EMERGENCY);
    assertEquals("cardiac", s.state().redFlags().get(0).category());
    assertEquals("I have crushing pain in my chest right now", s.answers().concerns().get(0).text());
    s.presses("I'm safe now, carry on").expectStage(Stage.CONCERN_DURATION);
  }

  @Test
  void anEmergencyTypedAtTheSafetyQuestionKeepsItsCategory() {
    ConversationScript s = given("Dee").presses("Let's start")
        .says("my husband's face has dropped on one side and his speech is slurred").expectSaid("999");
    assertEquals("stroke", s.state().redFlags().get(0).category());
  }

  @Test
  void medicinesKeepTheirDoseAndFrequency() {
    ConversationScript s = atResearch("Max").presses("No, nothing").presses("No more questions").presses("That's all")
        .presses("Let's decide together").presses("No, nothing").expectStage(Stage.MEDICATIONS)
        .says("naproxen 500mg twice a day").expectStage(Stage.MEDICATIONS_MORE);
    assertEquals(List.of("naproxen 500mg twice a day"), s.answers().medications());
  }

  /**
   * Nothing a patient says is lost: at every question, an answer with content that holds a command
   * word ends up in the summary, and the chat goes on.
   */
  @Test
  void contentWithCommandWordsIsKeptAtEveryStage() {
    List<String> answers = List.of("since I stopped night shifts I can't sleep", "my back pain keeps me awake",
        "I skip breakfast most days", "I forget my tablets sometimes", "my daughter helps me with the shopping",
        "I'm done with feeling tired all the time");
    for (String answer : answers) {
      for (int depth = 0; depth < 16; depth++) {
        ConversationScript s = given("Ari").presses("Let's start").presses("None of these");
        Stage reached = drive(s, depth);
        if (reached == Stage.REVIEW || reached == Stage.DONE) break;
        s.says(answer);
        assertFalse(s.state().stopped(), answer + " at " + reached + " stopped the chat");
        assertFalse(s.stage() == Stage.CONFIRM_FORGET, answer + " at " + reached + " asked to forget");
        String kept = SummaryOf.text(s.state());
        String key = answer.substring(0, 12);
        assertTrue(kept.contains(key), "\"" + answer + "\" at " + reached + " is not in the summary: " + kept);
      }
    }
  }

  /** Walks {@code depth} ordinary answers into a conversation; the stage reached. */
  private static Stage drive(ConversationScript s, int depth) {
    String[] steps = {"my ankle is swollen", "2 weeks", "4", "a sprain", "a fracture", "an x-ray", "No, that's all",
        "I read about sprains on the NHS website", "Nothing about this", "No, that's all", "What are my options?",
        "No more questions", "to walk without pain", "That's all", "Let's decide together", "No, nothing"};
    for (int i = 0; i < depth; i++) {
      String step = steps[i];
      if (s.lastButtons().contains(step)) s.presses(step);
      else s.says(step);
    }
    return s.stage();
  }
}
