package app.previsit.nlu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The concepts and the guards without the encoder: each line says which guard, if any, must cancel. */
class GuardsTest {
  private static final Concepts CONCEPTS = Concepts.load();

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "no chest pain at all|NEGATED",
      "my face is not drooping|NEGATED",
      "I don't feel like I'm going to pass out|NEGATED",
      "I had a seizure as a child|PAST",
      "the swelling of my lips went down overnight|RESOLVED",
      "what are the signs of a stroke|HYPOTHETICAL",
      "I read about sepsis on a forum|REPORTED",
      "my dad had a stroke last year|PAST",
      "my grandad had a stroke|OTHER_PAST",
      "I need a repeat prescription for my GTN spray for chest pain|ROUTINE",
      "I get a bit of chest tightness when I have a cold|MILD",
      "I would like to have fewer hypos|HYPOTHETICAL",
      "a nurse please for the coil fitting|IDIOM",
      "can I have a woman doctor at the fitting|IDIOM",
      "please speak slow and clear to me, my English is not good|IDIOM",
      "he snores and stops breathing for a few seconds|MILD",
      "I want to prevent another overdose|HYPOTHETICAL",
      "I worry about a fit at the wheel if I stop my epilepsy tablets|HYPOTHETICAL",
      "I had a nosebleed last week that would not stop|PAST",
      "the fit stopped after two minutes and she is fine now|RESOLVED",
      "I'd rather not answer that, I'm not comfortable|IDIOM",
      "I was bleeding heavily for days after I had my baby last year|PAST",
      "I read about sepsis on a forum, it sounds scary|REPORTED",
      "years ago, my dad's face drooped and his speech went slurred, he recovered well|RESOLVED",
      "Stroke, my brother had one at 60|OTHER_PAST",
      "I'm a bit worried I had a seizure as a child|PAST",
      "sorry, I had a stroke years ago and I'm a bit worried about another|PAST",
      "I worry about my feet, my mother lose her sight|OTHER_PAST",
      // Fifth session of 2026-12-07: tablets taken as meant, tablets hard to swallow, a reason said after a turn.
      "I take all my tablets in the morning|ROUTINE",
      "I took all my antibiotics as prescribed|ROUTINE",
      "it's getting hard to swallow so many big tablets|MILD",
      "I had a stroke in 2015 but today I want to talk about my knee|PAST",
      "I had a fit last year but the chest pain I get now is only a bit|PAST",
      "is it normal to get chest pain after a cold?|HYPOTHETICAL",
      // Ninth session: a denied "again" is no sign of something going on; media nouns in the plural; vaccines.
      "I had a seizure last month and it has not happened again|RESOLVED",
      "my sister keeps sending me videos about strokes|REPORTED",
      "there was a stroke awareness stall at the surgery|REPORTED",
      "can I book the meningitis B vaccine for my son|ROUTINE",
      "he is due his meningitis ACWY jab before uni|ROUTINE",
      "my lip swelled after the sting and it went after an hour|RESOLVED",
      "I had a nosebleed that would not stop, it has gone now|RESOLVED",
      "I had a stroke back in 2015|PAST",
      "the swelling in my lip after the wasp sting, it's gone right down|RESOLVED",
      "saw posts about sepsis in babies, what should I look out for|REPORTED",
      "she had a hypo on monday and she has been fine since|RESOLVED"})
  void aCancelledMentionSaysWhy(String text, Guards.Reason reason) {
    String n = TextNormaliser.normalise(text);
    List<Words.Word> words = Words.of(n);
    List<Concepts.Match> found = CONCEPTS.find(words);
    assertFalse(found.isEmpty(), "no concept in: " + text);
    assertEquals(reason, Guards.check(n, words, found.get(0)), text);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "I can't stop the bleeding|bleeding",
      "he is not breathing|breathing",
      "my son's rescue medicine hasn't stopped the seizure|seizure",
      "my husband's never had a fit before and he's fitting now|seizure",
      "my son has just swallowed some of my pills|overdose",
      "my baby won't feed and is floppy|collapse",
      "I took sixteen co-codamol an hour ago|overdose",
      "my daughter is fitting and if it goes on I don't know what to do|seizure",
      "I can't stop the bleeding if I press on it|bleeding",
      "I took 20 of my 500mg paracetamol|overdose",
      "my son is fitting and it will not stop|seizure",
      "he is having a fit, we were on our way to book the fitting and it will not stop|seizure",
      "she has been fitting for ten minutes|seizure",
      "she can not speak properly and her words are slurred|stroke",
      "his sugar is 2.1 mmol and he is sweaty and confused|diabetic",
      "her words are coming out all wrong and her speech is off|stroke",
      "my toddler has had too much calpol|overdose",
      "the nurse gave him too much insulin by mistake|overdose",
      "my toddler ate some of the dishwasher tablets|overdose",
      "the pain came on all at once and it's the worst headache of my life|headache",
      "the fit has stopped but she is still not waking up|seizure",
      "he's choking on food, maybe try the heimlich|breathing",
      "my son's lips are swelling up, would like to try piriton first|anaphylaxis",
      "my son got too much calpol|overdose",
      "I am bleeding really heavily since I had my baby last week|bleeding",
      "I was discharged after my c-section and now I'm bleeding heavily|bleeding",
      "I've looked up how many tablets it would take to kill me|suicide",
      "my face is swelling and I'm breathless after the jab|anaphylaxis",
      "they sent him home from A&E yesterday and now he's having another seizure|seizure",
      "can you help, my chest pain is crushing and spreading to my arm|cardiac",
      "my mum has gone down in the shop and isn't answering|collapse",
      "he was fine an hour ago, now he's fitting and it won't stop|seizure",
      "They discharged him yesterday, his face is drooping on one side|stroke",
      "she is ok one min next min she is fitting|seizure",
      "i had a stroke yrs ago, my face has dropped again|stroke",
      "can you die from a nut allergy my daughters throat is closing up|anaphylaxis",
      "my nan was watching telly and her face dropped on one side|stroke",
      "done 10 puffs as per his asthma action plan, still struggling to breathe|breathing",
      "my baby had a fit|seizure",
      "I don't think that's normal, he's been fitting for ten minutes|seizure",
      "it does not feel like my usual angina, the pain in my chest is spreading to my jaw|cardiac",
      "I read about FAST, my mum's mouth went lopsided and her left arm went weak|stroke",
      "my dad had a stroke years ago, his face drooped and his speech went slurred at tea, should I ring you?|stroke",
      "my husband had chest pain earlier|cardiac",
      "i had a heart attack 2 years ago and now the same pain|cardiac",
      "asthma attack, inhaler did nothing, struggle to breathe, should i wait for my appointment?|breathing",
      "Stroke, his face dropped ten minutes ago and he had one at 60|stroke",
      "my mum has lost her sight in one eye|stroke",
      "my dad just lost his sight in his left eye|stroke",
      "Overdose, that's what it was meant to be, I took them all|overdose",
      "In the past I had panic attacks but this time there is crushing chest pain going down my arm|cardiac",
      "Dad's face went droopy and his arm went weak, I'm a bit worried|stroke",
      "It doesn't feel like indigestion, my chest pain is crushing and spreading to my jaw|cardiac",
      "sorry to bother you, it's probably nothing, but his face has dropped on one side|stroke",
      "My wife collapsed at keep fit|collapse",
      "lol took like 20 co-codamol|overdose",
      "My son had a meltdown and drank bleach|overdose",
      "Not joking I'm going to end it tonight|suicide",
      "mum lost her eye sight and collapsed in the kitchen|stroke",
      "my dad lost his sight suddenly at breakfast|stroke",
      // Fifth session of 2026-12-07 (from the fourth and fifth reviews' misses): a turn of the story, a question about
      // a state going on now, a witness, someone arriving with it, the heart or the breathing stopped.
      "mum usually naps after lunch but she woke with her face dropped and her arm weak|stroke",
      "My partner is normally fit and well but he's just come in from a run with chest pain going into his jaw|cardiac",
      "He hasn't had a fit in years but today he's had 3 fits one after another|seizure",
      "He's been seizure free for 5 years but had one an hour ago and another just now|seizure",
      "Is it a stroke his face looks droopy|stroke",
      "Is it serious if she's breathing really fast and her ribs are sucking in|breathing",
      "Is it dangerous my 2 year old swallowed a button battery|overdose",
      "I saw that his face had dropped on the left side|stroke",
      "My husband spent the afternoon in the garden and came in with crushing chest pain|cardiac",
      "My dad had a shower and came out grey and clammy with chest pain|cardiac",
      "Never experienced anything like this chest pain, it's spreading into my back|cardiac",
      "I think his heart has stopped|collapse",
      "the instructor is doing CPR on my husband|collapse",
      "Got some bad news today and took all my pills|overdose",
      "took a weeks worth of my epilepsy tablets at once|overdose",
      "my son has had two weeks of his sertraline at the same time|overdose",
      "my 2 year old ate a few of my iron tablets|overdose",
      // Ninth session: what the new cues must not calm.
      "i had a seizure last year and it has started again now|seizure",
      "he had his jabs this morning and now he is floppy and will not wake|collapse",
      "I want a talk with the doctor about my suicidal thoughts, I have the pills ready for tonight|suicide",
      // "It went" and "it's gone" end nothing when a state follows; "back in" is a time only before one.
      "mum's speech, it went slurred a minute ago|stroke",
      "my hernia has gone hard and painful and it won't go back in|abdominal",
      "i'm suicidal rn and scared of what i'll do|suicide",
      // From the ninth session's review: a plural media word beside an emergency is where they were, not a report.
      "was scrolling reels when my husband suddenly slurred his words and his face dropped|stroke",
      "found posts on her phone saying goodbye and she has taken an overdose|overdose",
      "I have been fine since the weekend but right now I am coughing up blood and can't get my breath|breathing",
      "my husband has swallowed all his diazepam|overdose",
      "there's a hosepipe taped to the exhaust and I'm in the driver's seat|suicide",
      "gonna end up like kurt cobain tonight got my uncles gun|suicide",
      "i cant do this anymore, ive written the letters|suicide",
      "I'm passing clots the size of a fist|bleeding",
      "my husband has had too much insulin|overdose",
      // The sixth review (fifth session): a count or a recent time makes it an overdose whatever the habit; someone
      // laughing is where they were; a sudden pain in a testicle is not an idiom.
      "I take my lithium daily and today I took 30 of them|overdose",
      "i downed 2 months of my lithium just now|overdose",
      "my mum was laughing at a joke and suddenly her face went lopsided and her words came out wrong|stroke",
      "my testicle is killing me and it's swollen, it came on suddenly|abdominal",
      "my 2 year old has drunk a full bottle of calpol that he usually has at bedtime|overdose"})
  void aMentionHappeningNowStands(String text, String category) {
    String n = TextNormaliser.normalise(text);
    List<Words.Word> words = Words.of(n);
    Concepts.Match standing = null;
    for (Concepts.Match m : CONCEPTS.find(words)) {
      if (Guards.check(n, words, m) == null) {
        standing = m;
        break;
      }
    }
    assertEquals(category, standing == null ? null : standing.category(), text);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"can I get a fit note for work?", "my legs are dead after the gym",
      // Fifth session of 2026-12-07: a relative's or a child's own medicine, food in amounts, a letter the doctor
      // writes, a time after a number, a question with no state going on.
      "my husband takes his tablets every morning", "my daughter takes the pill", "I ate a whole pizza last night",
      "my son took his tablets this morning", "I take 12 tablets a day",
      "My son needs medicine for a school trip, can the doctor write a letter?",
      "I fill my dad's pill box every Sunday, takes me about 20 minutes",
      "my temperature has been up and down for 3 days", "I have too many tablets to take",
      // The sixth review's ordinary messages (fifth session): the heart as a feeling or a past event, CPR practice,
      // a rope tied to a tree, a weekly dose taken at once, a generic "anything like it".
      "My heart actually stopped when I saw the bill from the dentist",
      "His heart stopped for a few seconds in 2019 which is why he has a pacemaker",
      "My son is doing CPR training with the cadets this month",
      "We tied the tent rope to a tree and I tripped on it",
      "I take 6 methotrexate tablets once a week, all at once, can I get a repeat",
      "Never had chest pains or anything like it, just wondering about a heart check"})
  void everydayWordsAreNotConcepts(String text) {
    String n = TextNormaliser.normalise(text);
    List<Words.Word> words = Words.of(n);
    Concepts.Match standing = null;
    for (Concepts.Match m : CONCEPTS.find(words)) if (Guards.check(n, words, m) == null) standing = m;
    assertNull(standing, text);
  }

  @org.junit.jupiter.api.Test
  void aWorryAboutHowManyTabletsOrComingOffThemIsNoConcept() {
    for (String text : List.of("I'm on too many tablets these days", "way too many pills for one person",
        "I want to talk about coming off the sertraline", "can we talk about weaning me off the codeine",
        // "had" as written, not any form of "have" (a fifth session, 2026-12-07).
        "I have too much insulin left over at home")) {
      String n = TextNormaliser.normalise(text);
      assertEquals(List.of(), CONCEPTS.find(Words.of(n)).stream().map(Concepts.Match::category).toList(), text);
    }
  }

  @org.junit.jupiter.api.Test
  void aMedicinesStrengthIsNotACountOfTablets() {
    for (String text : List.of("he takes tamsulosin 400 micrograms once a day", "I take sertraline 100 mg every morning",
        "I take 2 puffs of ventolin when I need it")) {
      String n = TextNormaliser.normalise(text);
      assertEquals(List.of(), CONCEPTS.find(Words.of(n)).stream().map(Concepts.Match::category).toList(), text);
    }
  }

  /**
   * What the encoder found, read by the guards with no concept to anchor on: an arm that will not go above the
   * writer's head is a shoulder's matter unless anything else is beside it; a fear of ending up like someone is
   * not an event, unless means, a plan or a time are beside it.
   */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "I can't lift my arm above my head|stroke|MILD",
      "she can't get her arm up past shoulder height|stroke|",
      "I can't get my arm up past shoulder height since the summer|stroke|MILD",
      "he suddenly can't lift his arm above his head|stroke|",
      "she can't lift her arm above her head and her face has dropped|stroke|",
      "he can't lift his arm|stroke|",
      "he can't lift his arm above his head and he's all muddled|stroke|",
      "pain round to my back and I can't get my arm above my head|stroke|",
      "her right arm wont go past shoulder height|stroke|",
      "That I'll end up like my mother, not able to get about|suicide|HYPOTHETICAL",
      "I'm scared I'll end up just like my dad|suicide|HYPOTHETICAL",
      "I'll end up killing myself tonight|suicide|",
      "I'll end up like my brother tonight, the pills are lined up|suicide|",
      "i just want to end up like my sister at peace got the razor blades right here|suicide|",
      // Fifth session of 2026-12-07: "it doesn't seem like he can hear me" observes, "I don't think that's normal"
      // worries; a habit is no overdose, unless something says it was one.
      "Doesn't seem like he can hear me, he's stiff and jerking|seizure|",
      "I don't think that's normal bleeding, I've filled the toilet with blood|bleeding|",
      "It doesn't feel like a heart attack|cardiac|NEGATED",
      "my daughter takes the pill|overdose|ROUTINE",
      "I take them all with breakfast because I want it all to stop|overdose|"})
  void theEncodersFindIsCalmedOnlyByWhatIsSaidOfIt(String text, String category, Guards.Reason reason) {
    assertEquals(reason, Guards.encoderReason(TextNormaliser.normalise(text), category), text);
  }
}
