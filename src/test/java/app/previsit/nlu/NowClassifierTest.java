package app.previsit.nlu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The framing model ({@link NowClassifier}) and where {@link SafetyNet#toldAsNotNow} lets it calm a concept's
 * find. How well it generalises is measured by `eval --safety-folds 5` and the blind sets (BlindSetTest); these
 * check what it may and may not do.
 */
class NowClassifierTest {
  private static final OpenNlpUnderstanding NLU = OpenNlpUnderstanding.shared();
  private static final Tokenization TOKENS = new Tokenization();

  /** Near-misses written for this test (not in intents/), which a concept flags and no guard pattern calms. */
  @ParameterizedTest
  @ValueSource(strings = {
      "a man at my gym said chest pain in men can go into the arm, what else should I watch for",
      "my brother jokes he will have a heart attack climbing the stairs at work",
      "what sort of bleeding in pregnancy should make me phone the midwife"})
  void aNearMissAConceptFlagsIsCalmedByHowItIsTold(String text) {
    assertTrue(aConceptFlagsAPart(text), "the concepts no longer flag it, so this test shows nothing: " + text);
    Analysis a = NLU.analyse(text);
    assertFalse(a.redFlag(), text + " -> " + a.redFlagCategory());
    assertTrue(a.parts().stream().noneMatch(Part::redFlag), "a calmed message keeps no flagged part: " + text);
  }

  /** Emergencies now that the same kind of words surround: something going on, or recent, keeps the flag. */
  @ParameterizedTest
  @ValueSource(strings = {
      "my dad had a stroke this morning",
      "a man at my gym said chest pain can go into the arm, and now my chest is crushing and my arm is numb",
      "my brother jokes about heart attacks but he has collapsed at work and is not breathing",
      "what sort of bleeding in pregnancy is too much, I am soaking a pad every 20 minutes just now"})
  void somethingGoingOnOrRecentIsNeverCalmed(String text) {
    assertTrue(NLU.analyse(text).redFlag(), text);
  }

  @Test
  void suicideAndOverdoseAreNeverCalmed() {
    SafetyNet net = safetyNet();
    String told = "what sort of thing should i look out for, years ago someone said";
    assertFalse(net.toldAsNotNow(told, TOKENS.tokens(told), List.of("suicide")));
    assertFalse(net.toldAsNotNow(told, TOKENS.tokens(told), List.of("overdose", "cardiac")));
  }

  @Test
  void theModelTellsTheTwoKindsOfLineApartOnTheLinesItLearnt() {
    NowClassifier now = NowClassifier.train(TOKENS, List.of("my husband has crushing chest pain and is sweating"),
        List.of("my husband had chest pain years ago, it was indigestion"));
    String[] emergency = TOKENS.tokens("my husband has crushing chest pain and is sweating");
    String[] nearMiss = TOKENS.tokens("my husband had chest pain years ago, it was indigestion");
    assertTrue(now.now(emergency) > 0.5);
    assertTrue(now.now(nearMiss) < 0.5);
    assertEquals(1.0, now.now(new String[0]), "nothing to read is never calmed");
  }

  private static boolean aConceptFlagsAPart(String text) {
    SafetyNet net = safetyNet();
    for (Parts.Piece p : Parts.split(text, TOKENS)) {
      if (net.check(TextNormaliser.normalise(p.text()), null, 1).redFlag()) return true;
    }
    return false;
  }

  private static SafetyNet safetyNet() {
    return NLU.safetyNet();
  }
}
