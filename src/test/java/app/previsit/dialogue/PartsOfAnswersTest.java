package app.previsit.dialogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.previsit.nlu.OpenNlpUnderstanding;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The text work the dialogue does on an answer, one piece at a time: splitting, titles, sources, medicines. */
class PartsOfAnswersTest {
  @Test
  void questionsAreFoundInsideAnswersAndTheRestKept() {
    Asides.Split s = Asides.of("About 3 months - is that a long time for this sort of thing?");
    assertEquals("About 3 months", s.rest());
    assertEquals(List.of("is that a long time for this sort of thing?"), s.questions());
    s = Asides.of("Some advice on stretches, and will I need an x-ray?");
    assertEquals("Some advice on stretches", s.rest());
    assertEquals(List.of("Will I need an x-ray?"), s.questions());
    s = Asides.of("idk maybe endo??");
    assertTrue(s.questions().isEmpty(), "an unsure answer is not a question");
    s = Asides.of("Do I need an MRI? How long until it gets better?");
    assertEquals(2, s.questions().size());
    assertTrue(s.onlyQuestions());
  }

  @Test
  void oneAgendaMessageIsSplitOnlyWhereItNamesAnotherKindOfProblem() {
    assertEquals(2, ConcernSplitter.split("My back's been killing me and I've also been getting headaches most afternoons").size());
    assertEquals(2, ConcernSplitter.split("Heavy periods and feeling tired all the time").size());
    assertEquals(1, ConcernSplitter.split("Pain in my right wrist and my fingers go numb").size());
    assertEquals(1, ConcernSplitter.split("Feeling depressed and not sleeping").size());
    assertEquals(1, ConcernSplitter.split("my knee & hip have been swollen for 3 weeks").size());
    assertEquals(1, ConcernSplitter.split("I have burning in stomach after eat, also sour taste in mouth").size());
    assertEquals(3, ConcernSplitter.split("1. my knee\n2. a rash on my arm\n3. my sleep").size());
    // A new item marked by "also" right after its subject: the subject is not a problem of its own.
    assertEquals(List.of("He's also been coughing at night for weeks"),
        ConcernSplitter.split("He's also been coughing at night for weeks"));
    assertEquals(List.of("My dad has also got a rash on his legs"), ConcernSplitter.split("My dad has also got a rash on his legs"));
    String story = "Well, where do I begin. It's my right knee really. I've been a keen gardener all my life and kneeling "
        + "has become a real ordeal. My husband had his hip done a few years ago so I know how these things go.";
    assertEquals(1, ConcernSplitter.split(story).size());
  }

  @Test
  void titlesAreShortAndSayWhatAndWhere() {
    assertEquals("Lower back pain", ConcernTitles.of("Well I've had this pain in my lower back for about two mo…"));
    assertEquals("Tingling feet", ConcernTitles.of("My feet have been tingling at night"));
    assertEquals("Headaches", ConcernTitles.of("I get headaches every morning"));
    assertTrue(ConcernTitles.of("Problems down below, it's embarrassing really").length() <= ConcernTitles.MAX_CHARS + 1);
  }

  @Test
  void researchSourcesAreNamedInWords() {
    assertEquals("NHS website", ResearchReader.source("I printed the NHS page on statins: https://www.nhs.uk/conditions/statins/"));
    assertEquals("Diabetes UK", ResearchReader.source("pages from Diabetes UK about low-carb diets"));
    assertEquals("YouTube", ResearchReader.source("a video on youtube"));
    assertEquals("a forum", ResearchReader.source("a thread on a forum where people said"));
    assertEquals("someone they know", ResearchReader.source("My friend Jean says she takes red yeast rice instead"));
    assertNull(ResearchReader.source("statins cause aches"));
    assertEquals("low-carb diets", ResearchReader.topic("pages from Diabetes UK about low-carb diets https://x.org"));
  }

  @Test
  void eachMedicineKeepsItsDoseFormAndFrequency() {
    var nlu = OpenNlpUnderstanding.shared();
    String t = "Amlodipine 5mg once a day for my blood pressure, and I take paracetamol 1g up to four times a day when the knee is bad";
    assertEquals(List.of("Amlodipine 5mg once a day for my blood pressure", "paracetamol 1g up to four times a day when the knee is bad"),
        Medicines.split(t, nlu.analyse(t)));
    t = "salbutamol 100mcg, two puffs when needed";
    assertEquals(List.of("salbutamol 100mcg, two puffs when needed"), Medicines.split(t, nlu.analyse(t)));
    t = "naproxen 500mg twice a day and omeprazole 20mg in the morning";
    assertEquals(List.of("naproxen 500mg twice a day", "omeprazole 20mg in the morning"), Medicines.split(t, null));
  }

  @Test
  void aPriorityIsPickedByPartOfItsTitle() {
    List<String> titles = List.of("Lower back pain", "Tingling feet");
    List<String> texts = List.of("Well I've had this pain in my lower back", "My feet have been tingling");
    assertEquals(0, ButtonMatcher.byWords("the back", titles, texts));
    assertEquals(1, ButtonMatcher.byWords("feet probably", titles, texts));
    assertEquals(-1, ButtonMatcher.byWords("the cough", titles, texts));
  }

  @Test
  void scoresInWordsPreferTheNumberGiven() {
    assertEquals(7, Scores.of("pretty bad tbh, like seven outta ten when I'm lifting", null));
    assertEquals(4, Scores.of("four", null));
  }
}
