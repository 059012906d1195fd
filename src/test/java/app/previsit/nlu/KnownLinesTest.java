package app.previsit.nlu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Short training lines word for word, over made-up examples whose answers can be worked out by hand. */
class KnownLinesTest {
  private static final KnownLines KNOWN = KnownLines.from(List.of(
      new TrainingData.Example(Intent.HELP, "help"),
      new TrainingData.Example(Intent.FORGET_ME, "Forget me"),
      new TrainingData.Example(Intent.AFFIRM, "fine"),
      new TrainingData.Example(Intent.CONCERN, "fine"),
      new TrainingData.Example(Intent.EMERGENCY, "help me"),
      new TrainingData.Example(Intent.STOP, "please stop sending me these messages every day")));

  @Test
  void aShortLineIsKnownWhateverItsCaseAndPunctuation() {
    assertEquals(Intent.HELP, KNOWN.intentOf(TextNormaliser.normalise("Help!")));
    assertEquals(Intent.FORGET_ME, KNOWN.intentOf(TextNormaliser.normalise("forget me")));
  }

  @Test
  void aLineWithTwoLabelsAnEmergencyOrALongLineIsLeftToTheClassifiers() {
    assertNull(KNOWN.intentOf(TextNormaliser.normalise("fine")));
    assertNull(KNOWN.intentOf(TextNormaliser.normalise("help me")));
    assertNull(KNOWN.intentOf(TextNormaliser.normalise("please stop sending me these messages every day")));
    assertNull(KNOWN.intentOf(TextNormaliser.normalise("help me sleep")));
  }

  @Test
  void theTrainedNluReadsItsOwnShortCommandsAsCommands() {
    OpenNlpUnderstanding nlu = OpenNlpUnderstanding.shared();
    for (String command : List.of("help", "forget me", "stop", "skip", "go back")) {
      Analysis a = nlu.analyse(command);
      assertEquals(KnownLines.CONFIDENCE, a.confidence(), 0.1, command);
    }
    // A known line that is also an emergency stays the safety net's.
    assertEquals(Intent.EMERGENCY, nlu.analyse("I can't breathe").intent());
  }
}
