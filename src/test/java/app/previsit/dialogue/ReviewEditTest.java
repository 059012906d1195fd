package app.previsit.dialogue;

import static app.previsit.dialogue.ConversationScript.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** One review item changed or removed with its own button (the web chat's review), and what the review sheet shows. */
class ReviewEditTest {
  /** At the review with one concern, two questions and a decision position. */
  private static ConversationScript atReview() {
    return given("Ann").presses("Let's start").presses("None of these").says("my knee aches on the stairs")
        .says("3 weeks").skippingTo(Stage.QUESTIONS).says("do I need a scan?").says("will it get worse?")
        .skippingTo(Stage.DECISION).presses("Let's decide together").skippingTo(Stage.REVIEW);
  }

  private static PatientInput.ReviewEdit change(String section, int index, String text) {
    return new PatientInput.ReviewEdit(section, index, text);
  }

  @Test
  void theSheetListsEachItemWithTheWordsAChangeStartsFrom() {
    ConversationScript s = atReview();
    ReviewSheet sheet = ConversationScript.DIALOGUE.reviewSheet(s.state());
    assertEquals(List.of("concerns", "questions", "decision"), sheet.sections().stream().map(ReviewSheet.Section::key).toList());
    ReviewSheet.Item knee = sheet.sections().get(0).items().get(0);
    assertEquals("my knee aches on the stairs", knee.value());
    assertTrue(knee.text().contains("for 3 weeks"), knee.text());
    assertEquals(List.of("do I need a scan?", "will it get worse?"),
        sheet.sections().get(1).items().stream().map(ReviewSheet.Item::text).toList());
    assertEquals(5, sheet.sections().get(2).choices().size());
    assertEquals("Let's decide together", sheet.sections().get(2).items().get(0).value());
  }

  /** Two pages on one review: the second one's Remove names an item the first already took out, and touches nothing. */
  @Test
  void aRemoveFromAPageShowingAnOlderReviewTouchesNothing() {
    ConversationScript s = atReview();
    List<String> before = s.answers().questions();
    s.apply(new PatientInput.ReviewEdit("questions", 0, null, before.get(0))).expectSaid("taken that out");
    s.apply(new PatientInput.ReviewEdit("questions", 0, null, before.get(0))).expectStage(Stage.REVIEW);
    assertEquals(List.of(before.get(1)), s.answers().questions(), "the other question is still there");
  }

  /** A change sent from a page left open (another tab, after the summary went) is still read for an emergency. */
  @Test
  void anEmergencyInAChangeSentAwayFromTheReviewStillGetsTheEmergencyReply() {
    ConversationScript s = given("Ned").presses("Let's start").expectStage(Stage.SAFETY);
    s.apply(change("concerns", 0, "I have crushing chest pain spreading to my left arm and I cannot breathe"));
    s.expectSaid("999");
    assertEquals(1, s.state().redFlags().size());
  }

  @Test
  void changingOneQuestionLeavesTheOtherAndComesBackToTheReview() {
    ConversationScript s = atReview().apply(change("questions", 1, "how long will it take to heal?"));
    s.expectSaid("I've changed that").expectSaid("Is this right?").expectStage(Stage.REVIEW);
    assertEquals(List.of("do I need a scan?", "how long will it take to heal?"), s.answers().questions());
  }

  @Test
  void changingAConcernKeepsItsFollowUpsAndRetitlesIt() {
    ConversationScript s = atReview().apply(change("concerns", 0, "my left hip aches on the stairs"));
    Concern c = s.answers().concerns().get(0);
    assertEquals("my left hip aches on the stairs", c.text());
    assertEquals("3 weeks", c.duration());
    assertTrue(c.title().toLowerCase().contains("hip"), c.title());
  }

  @Test
  void removingAnItemTakesOutThatOneOnlyAndGoBackBringsItBack() {
    ConversationScript s = atReview().apply(change("questions", 0, null));
    s.expectSaid("taken that out").expectStage(Stage.REVIEW);
    assertEquals(List.of("will it get worse?"), s.answers().questions());
    s.command("back").expectStage(Stage.REVIEW);
    assertEquals(2, s.answers().questions().size());
  }

  @Test
  void theDecisionChangesToAnotherPositionOrGoes() {
    ConversationScript s = atReview().apply(change("decision", 0, "I'd rather the GP decides"));
    assertEquals(DecisionRole.DOCTOR_DECIDES, s.answers().decisionRole());
    s.apply(change("decision", 0, null));
    assertNull(s.answers().decisionRole());
  }

  @Test
  void aBadIndexOrSectionChangesNothingAndShowsTheReviewAgain() {
    ConversationScript s = atReview();
    Answers before = s.answers();
    s.apply(change("questions", 2, "a third?")).expectSaid("couldn't find that part").expectStage(Stage.REVIEW);
    s.apply(change("questions", -1, null)).expectSaid("couldn't find that part");
    s.apply(change("redFlags", 0, null)).expectSaid("couldn't find that part");
    s.apply(change("decision", 0, "banana")).expectSaid("couldn't find that part");
    assertEquals(before.questions(), s.answers().questions());
    assertEquals(before.decisionRole(), s.answers().decisionRole());
  }

  @Test
  void beforeTheReviewAnEditChangesNothingAndTheQuestionIsAskedAgain() {
    ConversationScript s = given("Bo").presses("Let's start").presses("None of these").says("my knee aches on the stairs");
    s.apply(change("concerns", 0, "my hip")).expectSaid("when you check it at the end").expectStage(Stage.CONCERN_DURATION);
    assertEquals("my knee aches on the stairs", s.answers().concerns().get(0).text());
    assertNull(ConversationScript.DIALOGUE.reviewSheet(s.state()));
  }

  @Test
  void anEmergencyTypedIntoAChangeGetsTheEmergencyReplyAndChangesNothing() {
    ConversationScript s = atReview().apply(change("questions", 0, "I have crushing chest pain right now"));
    s.expectSaid("999").expectStage(Stage.EMERGENCY);
    assertEquals(1, s.state().redFlags().size());
    assertEquals("do I need a scan?", s.answers().questions().get(0));
  }

  @Test
  void theTranscriptShowsTheNewWordsOrWhichItemWent() {
    ConversationScript s = atReview().apply(change("questions", 1, "is it arthritis?")).apply(change("questions", 0, null));
    List<String> said = s.state().transcript().stream().filter(l -> l.from().equals("patient")).map(Line::text).toList();
    assertEquals(List.of("is it arthritis?", "Remove item 1 of my questions"), said.subList(said.size() - 2, said.size()));
  }
}
