package app.previsit.nlu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class PartsTest {
  private final Understanding nlu = OpenNlpUnderstanding.shared();

  @Test
  void twoSentencesAreTwoPartsEachWithItsOwnIntent() {
    Analysis a = nlu.analyse("I printed an NHS page about statins. Should I stop taking mine?");
    assertEquals(2, a.parts().size());
    assertEquals(Intent.RESEARCH, a.parts().get(0).intent());
    assertEquals(Intent.QUESTION, a.parts().get(1).intent());
  }

  @Test
  void aClauseCarryingASecondThingIsItsOwnPart() {
    Analysis a = nlu.analyse("my knee has been sore for weeks, and my blood pressure was 165 over 100");
    List<String> texts = a.parts().stream().map(Part::text).toList();
    assertEquals(List.of("my knee has been sore for weeks", "my blood pressure was 165 over 100"), texts);
    Analysis also = nlu.analyse("can I ask about my pills? Also my back hurts");
    assertEquals(2, also.parts().size());
    assertEquals(Intent.CONCERN, also.parts().get(1).intent());
  }

  @Test
  void anyPartCanRaiseTheRedFlag() {
    Analysis a = nlu.analyse("I wanted to ask about my repeat prescription. Also my dad has collapsed and isn't responding");
    assertTrue(a.redFlag());
    assertEquals(Intent.EMERGENCY, a.intent());
    assertTrue(a.parts().get(1).redFlag());
    assertEquals(false, a.parts().get(0).redFlag());
  }

  @Test
  void aCommandIsOnlyAPartWithNoContentOfItsOwn() {
    Analysis stop = nlu.analyse("stop");
    assertEquals(Intent.STOP, stop.parts().get(0).intent());
    Analysis sleep = nlu.analyse("help to sleep better");
    assertNotEquals(Intent.HELP, sleep.parts().get(0).intent());
  }

  @Test
  void aSimpleMessageIsOnePartThatIsTheWholeMessage() {
    Analysis a = nlu.analyse("my knee has been swollen for 3 weeks");
    assertEquals(1, a.parts().size());
    assertEquals(a.text(), a.parts().get(0).text());
    assertEquals(a.intent(), a.parts().get(0).intent());
  }
}
