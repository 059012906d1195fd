package app.previsit.dialogue;

import static app.previsit.dialogue.ConversationScript.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Printouts in the conversation: what was read is said back and checked, then what they want to ask about it,
 * then back to where they were. The words read from a page are the page's: an NHS page about stroke that
 * says "call 999" is no emergency of the patient's.
 */
class PrintoutDialogueTest {
  static final PrintedPage SCIATICA = new PrintedPage(true, "Sciatica\nSciatica is when the sciatic nerve…", "nhs",
      "NHS website", "Sciatica", "https://www.nhs.uk/conditions/sciatica/", "Sciatica is when the sciatic nerve…",
      "an NHS web page");
  static final PrintedPage STROKE = new PrintedPage(true,
      "Stroke\nCall 999 immediately if you or someone else has signs of a stroke: face dropped, arm weakness, slurred speech",
      "nhs", "NHS website", "Stroke", "https://www.nhs.uk/conditions/stroke/", "Call 999 immediately…", "an NHS web page");

  static PatientInput.Printout photo(PrintedPage page, String ref) {
    return new PatientInput.Printout("photo", ref, page);
  }

  @Test
  void aPrintoutSentWhileTalkingAboutResearchIsSaidBackCheckedAndAskedAbout() {
    ConversationScript s = given("Ann").presses("Let's start").presses("None of these").skippingTo(Stage.RESEARCH);
    s.apply(photo(SCIATICA, "upload:abc")).expectStage(Stage.PRINTOUT_CHECK)
        .expectSaid("This looks like an NHS web page, “Sciatica”. Is that right?");
    assertEquals(List.of("Yes, that's right", "No, it's something else"), s.lastButtons());
    s.presses("Yes, that's right").expectStage(Stage.RESEARCH_QUESTION);
    s.says("Should I be doing the stretches it shows every day?").expectStage(Stage.RESEARCH_MORE);
    Research r = s.answers().research().get(0);
    assertEquals(List.of("upload:abc"), r.attachments());
    assertEquals("NHS website", r.source());
    assertEquals("Sciatica", r.title());
    assertEquals(List.of("https://www.nhs.uk/conditions/sciatica/"), r.sources());
    assertTrue(r.extractedText().startsWith("Sciatica"));
    assertEquals(1, r.questions().size());
  }

  @Test
  void aPrintoutSentInAnotherSectionReturnsThereAfterItsQuestion() {
    ConversationScript s = given("Bo").presses("Let's start").presses("None of these").skippingTo(Stage.GOALS);
    s.apply(photo(SCIATICA, "upload:1")).expectStage(Stage.PRINTOUT_CHECK);
    s.presses("Yes, that's right").expectStage(Stage.RESEARCH_QUESTION);
    s.says("Is it safe to keep going to the gym?").expectStage(Stage.GOALS).expectSaid("beside it");
    assertNull(s.answers().afterPrintout());
    assertEquals(1, s.answers().research().size());
  }

  @Test
  void whenItIsNotWhatItLooksLikeThePatientsOwnWordsReplaceTheDescription() {
    ConversationScript s = given("Cy").presses("Let's start").presses("None of these").skippingTo(Stage.RESEARCH);
    s.apply(photo(SCIATICA, "tg:file-1")).presses("No, it's something else").expectStage(Stage.PRINTOUT_ABOUT);
    s.says("it's the leaflet the physio gave me about my back").expectStage(Stage.RESEARCH_QUESTION);
    Research r = s.answers().research().get(0);
    assertEquals("it's the leaflet the physio gave me about my back", r.text());
    assertEquals("Sciatica", r.title(), "what was read stays beside their words");
  }

  /** Content words in the patient's own description of a printout are no commands. */
  @Test
  void describingAPrintoutWithStopHelpOrSkipInItIsADescription() {
    ConversationScript s = given("Mo").presses("Let's start").presses("None of these").skippingTo(Stage.RESEARCH);
    s.apply(photo(PrintedPage.unreadable(), "upload:m")).expectStage(Stage.PRINTOUT_ABOUT);
    s.says("a leaflet on how to stop taking statins safely and what help there is if you skip a dose")
        .expectStage(Stage.RESEARCH_QUESTION);
    assertTrue(s.answers().research().get(0).text().contains("stop taking statins"));
    assertTrue(!s.state().stopped());
  }

  @Test
  void aQuestionTypedAtTheCheckIsTakenAsTheQuestionAboutIt() {
    ConversationScript s = given("Di").presses("Let's start").presses("None of these").skippingTo(Stage.RESEARCH);
    s.apply(photo(SCIATICA, "upload:2")).says("does this mean I need an MRI?").expectStage(Stage.RESEARCH_MORE);
    assertEquals(List.of("does this mean I need an MRI?"), s.answers().research().get(0).questions());
  }

  @Test
  void anUnreadablePhotoIsKeptAndThePatientIsAskedWhatItIs() {
    ConversationScript s = given("Ed").presses("Let's start").presses("None of these").skippingTo(Stage.RESEARCH);
    s.apply(photo(PrintedPage.unreadable(), "upload:3")).expectStage(Stage.PRINTOUT_ABOUT).expectSaid("couldn't read");
    assertEquals(List.of("upload:3"), s.answers().research().get(0).attachments());
    s.presses("I'd rather not say").expectStage(Stage.RESEARCH_QUESTION);
    s.presses("Nothing about this").expectStage(Stage.RESEARCH_MORE);
    assertEquals(1, s.answers().research().size());
  }

  @Test
  void aPageAboutAnEmergencyIsNoEmergencyOfThePatients() {
    ConversationScript s = given("Flo").presses("Let's start").presses("None of these").skippingTo(Stage.RESEARCH);
    s.apply(photo(STROKE, "upload:4")).expectStage(Stage.PRINTOUT_CHECK);
    assertTrue(s.state().redFlags().isEmpty());
    assertTrue(s.lastText().contains("“Stroke”"));
  }

  @Test
  void anEmergencyTypedAtTheCheckStillGetsTheEmergencyReply() {
    ConversationScript s = given("Gus").presses("Let's start").presses("None of these").skippingTo(Stage.RESEARCH);
    s.apply(photo(SCIATICA, "upload:5")).says("my dad has just collapsed and isn't breathing").expectSaid("999");
    assertEquals(1, s.state().redFlags().size());
  }

  @Test
  void skipAndBackWorkAtTheCheck() {
    ConversationScript s = given("Hal").presses("Let's start").presses("None of these").skippingTo(Stage.QUESTIONS);
    s.apply(photo(SCIATICA, "upload:6")).command("skip").expectStage(Stage.QUESTIONS);
    assertEquals(1, s.answers().research().size(), "skipping the check keeps the printout");
    s.apply(photo(SCIATICA, "upload:7")).command("back").expectStage(Stage.QUESTIONS);
    assertEquals(1, s.answers().research().size(), "going back undoes the second printout");
  }

  @Test
  void aPrintoutDuringTheSafetyQuestionIsKeptButTheSafetyQuestionComesFirst() {
    ConversationScript s = given("Ivy").presses("Let's start").expectStage(Stage.SAFETY);
    s.apply(photo(SCIATICA, "upload:8")).expectStage(Stage.SAFETY).expectSaid("kept");
    assertEquals(1, s.answers().research().size());
  }

  @Test
  void afterTheSummaryIsSentAPrintoutIsNotAddedAndThePatientIsToldWhy() {
    ConversationScript s = given("Jo").presses("Let's start").presses("None of these").skippingTo(Stage.REVIEW);
    s.presses("Confirm and send to my GP").expectStage(Stage.DONE);
    s.apply(photo(SCIATICA, "upload:9")).expectStage(Stage.DONE).expectSaid("bring the printout");
    assertTrue(s.answers().research().isEmpty());
  }

  @Test
  void twoPrintoutsInARowAreBothKeptAndEachIsAskedAbout() {
    ConversationScript s = given("Kit").presses("Let's start").presses("None of these").skippingTo(Stage.RESEARCH);
    s.apply(photo(SCIATICA, "upload:a")).apply(photo(STROKE, "upload:b")).expectStage(Stage.PRINTOUT_CHECK).expectSaid("Stroke");
    s.presses("Yes, that's right").presses("Nothing about this").expectStage(Stage.RESEARCH_MORE);
    assertEquals(2, s.answers().research().size());
  }

  @Test
  void thePrintoutSurvivesTheCodec() {
    ConversationScript s = given("Lu").presses("Let's start").presses("None of these").skippingTo(Stage.GOALS);
    s.apply(photo(SCIATICA, "upload:c"));
    Conversation back = ConversationCodec.fromJson(ConversationCodec.toJson(s.state()));
    assertEquals(s.state(), back);
    assertEquals(Stage.GOALS, back.answers().afterPrintout());
  }
}
