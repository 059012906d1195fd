package app.previsit.nlu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Emergencies written on 2026-12-07 by a reviewer who read the guards and tried to get past them: a
 * calming word or a question beside a new emergency ("they discharged him yesterday, his face is
 * drooping"; "how quickly can someone get here, my husband is not breathing"). On the build before that
 * review 25 of the 171 were missed, and the guards added that day missed more; now 8 are (the
 * reviewer's harder ones: a plan split over two clauses, a dose the concepts do not count, a rope bought). Not blind:
 * the reviewer saw the rules, which is the point. The floor keeps those guards from coming back.
 */
class ReviewedEmergenciesTest {
  @Test
  void aCalmingWordBesideAnEmergencyDoesNotCancelIt() throws Exception {
    List<String> missed = missed("/nlu/reviewed-emergencies.txt", 171);
    // 6 since the third session of 2026-12-07; 5 since the fourth (averaged heads, cut sentences read whole).
    assertTrue(missed.size() <= 5, missed.size() + " missed: " + missed);
  }

  /**
   * A second review the same day, against the guards as the first one left them: 65 new emergencies
   * ("i do not think he is breathing", "dad aged 70 crushing chest pain and grey", "could the doctor speak
   * to me, my husband collapsed and is grey"), of which the build at the start of the day caught 3. 46 are
   * caught once every guard stands aside beside something going on, the widest old cues are narrowed and a
   * nearly certain encoder is no longer cancelled by the guards it overrules.
   */
  @Test
  void theSecondReviewsEmergenciesStayCaught() throws Exception {
    List<String> missed = missed("/nlu/reviewed-emergencies-2.txt", 65);
    // 10 once the guards' reasons are read by stretch between commas (third session of 2026-12-07); 8 in the fourth;
    // 6 in the fifth (a question about a state going on now is not a hypothetical).
    assertTrue(missed.size() <= 6, missed.size() + " missed: " + missed);
  }

  /**
   * A third review (third session of 2026-12-07), against the guards and a framing model tried that day: 538
   * emergencies, of which that build missed 128, 53 of them by the framing model (it had learnt from our
   * near-misses that a patient's question, "…, should I take him to the GP?", means not now; it was taken
   * out) and 75 by the older guards: a past, read-about or hypothetical clause beside emergency symptoms told
   * in the same breath ("I read about FAST, my mum's mouth went lopsided and her left arm went weak"; "my dad
   * had a seizure, never had one before, he hasnt woken up"). With the framing model gone, "hasnt" read as
   * "has not" and a few more going-on words ("has not woken", "struggles to breathe", "lips bluish", "blood
   * pouring") 61 were caught; 111 once the past, reported, hypothetical, routine and someone-else reasons calm
   * only the stretch between commas they are said in. The 17 left are the known gap of the guards; the ceiling
   * holds today's figure so that it can only shrink.
   */
  @Test
  void theThirdReviewsEmergenciesAreMissedNoMoreThanToday() throws Exception {
    List<String> missed = missed("/nlu/reviewed-emergencies-3.txt", 128);
    assertTrue(missed.size() <= CEILING_3, missed.size() + " missed: " + missed);
  }

  /**
   * A fourth review, the same session, against the guards as the third left them: 866 emergencies written, 130
   * missed (`reviewed-emergencies-4.txt`). Its report names the guards' structural weaknesses (a denial or a
   * hedge anywhere in the clause cancels all of it; a time word dates every event in the clause; the same
   * lexical guards overrule the encoder; long messages are cut). Only two small fixes went in that session
   * ("I don't think that's normal" and anything going on no longer deny; a mild word never calms the encoder's
   * suicide or overdose): 12 of the 130 caught. The fourth session caught 27 (averaged heads, 210 more
   * near-misses, cut sentences read whole by the encoder); the rest is still the guards' structural work, and the
   * ceiling holds the latest figure so that it can only shrink.
   */
  @Test
  void theFourthReviewsEmergenciesAreMissedNoMoreThanToday() throws Exception {
    List<String> missed = missed("/nlu/reviewed-emergencies-4.txt", 130);
    // 103 in the fourth session, 85 once a denial and the guards' reasons reach only their own stretch and the
    // writer's hedges ("I'm a bit worried") are not read as the symptom's; 75 once a laugh never calms an overdose
    // or a plan ("lol took like 20 co-codamol") and "keep fit" calms only a fit ("my wife collapsed at keep fit").
    // 33 in the fifth session: a reason said before a turn of the story ("but", "and now", "this time") stays there,
    // a question about a state going on now is no hypothetical, "doesn't seem like he can hear me" observes, a
    // pattern found twice is read at each place, and new concepts (a supply taken at once, the heart stopped, CPR).
    // 31 in the eighth session: what a clause says after it turns is also read alone by the encoder ("I get
    // migraines but | this came on like being hit on the back of the head").
    assertTrue(missed.size() <= 31, missed.size() + " missed: " + missed);
  }

  /**
   * A fifth review (fourth session of 2026-12-07) against that session's new guards: 313 emergencies, 86 missed by
   * the build it reviewed (its guards for an arm that will not go above the head, "end up like", a relative's
   * lost sight and a bare heading each cancelled real ones; they were narrowed). The build at the session's start
   * missed 32, that session's end 26, the fifth session's 13 (the same changes as for the fourth review), the eighth
   * session's 12 (a turn's stretch read alone: "… because I wanted it all to go away | and now I can't keep my eyes
   * open"): the ceiling holds it.
   */
  @Test
  void theFifthReviewsEmergenciesAreMissedNoMoreThanToday() throws Exception {
    List<String> missed = missed("/nlu/reviewed-emergencies-5.txt", 313);
    assertTrue(missed.size() <= 12, missed.size() + " missed: " + missed);
  }

  /**
   * A sixth review (fifth session of 2026-12-07) against that session's new calming guards (tablets taken as meant,
   * tablets hard to swallow, narrower overdose and note concepts, numbers followed by a time): 578 emergencies, 173
   * missed by the build it reviewed ("I take my lithium daily and today I took 30 of them", "i downed 2 months of
   * my lithium just now", "mum was laughing at a joke and suddenly her face went lopsided"). 10 are missed once
   * those guards were narrowed (a count, a recent time, a full bottle make it an overdose whatever the habit; a
   * laugh is someone's, not the writer's tone, and never calms anything sudden or going on).
   */
  @Test
  void theSixthReviewsEmergenciesAreMissedNoMoreThanToday() throws Exception {
    List<String> missed = missed("/nlu/reviewed-emergencies-6.txt", 173);
    assertTrue(missed.size() <= 10, missed.size() + " missed: " + missed);
  }

  /**
   * The same review's ordinary messages against the widened side of that session's changes: 288 written, 160 flagged
   * by the build it reviewed ("My heart actually stopped when I saw the bill", "My son is doing CPR training with
   * the cadets", "We tied the tent rope to a tree"); 61 still are, once the new concepts and going-on words were
   * narrowed. The start of that session flagged 58 of the 288, its end 58 + 31 more: the price of 23 more of the
   * review's 578 emergencies caught. The ceiling holds the figure so that it can only shrink.
   */
  @Test
  void theSixthReviewsOrdinaryMessagesAlarmNoMoreThanToday() throws Exception {
    List<String> alarmed = withVerdict("/nlu/reviewed-false-alarms-6.tsv", 160, true);
    assertTrue(alarmed.size() <= 61, alarmed.size() + " alarmed: " + alarmed);
  }

  /**
   * A review of the turn look (eighth session of 2026-12-07: what a clause says after "but", "and now", "tonight" is
   * also read alone by the encoder), by a helper that read nothing under /work: ordinary messages shaped like the
   * look's weak spot, a past event or history and then a short clinical-sounding stretch. 356 written first, then
   * 91 aimed at what the first showed; the build before the look flagged 68 and 39 of them, the look as reviewed
   * 69 and 40 ("… coughed it out straight away and now he's fine, just shaken": seizure), so a stretch that
   * reassures is no longer read alone: 68 and 40. The ceiling holds the figure so that it can only shrink; 24% of
   * such messages raising the alarm is the guards' known weakness, not the look's. 109 since the ninth session:
   * "it went" and "it's gone" no longer read as "it went away" before a state ("it went slurred", "it's gone hard",
   * emergencies the misreading had cancelled), and "a little lump where it went in" after a sting had been calmed
   * only by that misreading.
   */
  @Test
  void theTurnReviewsOrdinaryMessagesAlarmNoMoreThanToday() throws Exception {
    List<String> alarmed = withVerdict("/nlu/reviewed-turns-ordinary-8.txt", 447, true);
    assertTrue(alarmed.size() <= 109, alarmed.size() + " alarmed: " + alarmed);
  }

  /**
   * The same review's emergencies told after a long unrelated start and a turn (218, all categories): the build
   * before the look already caught 217; the one missed is a catheter patient's sepsis ("… but now he's very hot and
   * then cold, can barely talk and hasn't passed any urine in 12 hours").
   */
  @Test
  void theTurnReviewsEmergenciesAreMissedNoMoreThanToday() throws Exception {
    List<String> missed = missed("/nlu/reviewed-turns-emergencies-8.txt", 218);
    assertTrue(missed.size() <= 1, missed.size() + " missed: " + missed);
  }

  /**
   * A review of the ninth session's guard changes (2026-12-08), by a helper that read only the diff: 150 emergencies
   * told beside the new cancelling cues (plural media words, jabs and vaccines, "not … again") or the narrowed ones,
   * and 150 ordinary messages aimed at the narrowed cues. The build it reviewed missed 6 and flagged 37; mended
   * (plural media words only before "about", more endings for "it went", "back in" only after go/push/put/pop, no
   * "atm", fear of what one will do only said of the act), the session ends at 0 and 21 (the session's start: 8, 28).
   */
  @Test
  void theNinthReviewsEmergenciesAreAllCaught() throws Exception {
    List<String> missed = missed("/nlu/reviewed-emergencies-9.txt", 150);
    assertTrue(missed.isEmpty(), missed.size() + " missed: " + missed);
  }

  @Test
  void theNinthReviewsOrdinaryMessagesAlarmNoMoreThanToday() throws Exception {
    List<String> alarmed = withVerdict("/nlu/reviewed-ordinary-9.txt", 150, true);
    assertTrue(alarmed.size() <= 21, alarmed.size() + " alarmed: " + alarmed);
  }

  /**
   * Answers to the bot's own questions written as training lines (ninth session) and kept out of training: 208
   * emergencies, often after an ordinary start, and 323 near-misses that tell the signs in full but past, elsewhere,
   * denied, supposed or reported. The session's start caught 203 and flagged 133; its end 207 and 132.
   */
  @Test
  void answersToTheBotsQuestionsAreCaught() throws Exception {
    List<String> missed = missed("/nlu/answers-emergencies-9.tsv", 208);
    assertTrue(missed.size() <= 1, missed.size() + " missed: " + missed);
  }

  @Test
  void answersThatAreNearMissesAlarmNoMoreThanToday() throws Exception {
    List<String> alarmed = withVerdict("/nlu/answers-near-misses-9.tsv", 323, true);
    assertTrue(alarmed.size() <= 132, alarmed.size() + " alarmed: " + alarmed);
  }

  /** The third review's misses on the build that closed its session (17), since the fourth session 13, the fifth 10. */
  private static final int CEILING_3 = 10;

  /** The lines of the file (there must be {@code expected}) that raise no red flag. */
  private List<String> missed(String resource, int expected) throws Exception {
    return withVerdict(resource, expected, false);
  }

  /** The lines of the file (there must be {@code expected}) whose red flag is {@code flagged}. */
  private List<String> withVerdict(String resource, int expected, boolean flagged) throws Exception {
    List<String> lines = read(resource);
    assertEquals(expected, lines.size());
    OpenNlpUnderstanding nlu = OpenNlpUnderstanding.shared();
    List<String> out = new ArrayList<>();
    for (String l : lines) if (nlu.analyse(l).redFlag() == flagged) out.add(l);
    return out;
  }

  private List<String> read(String resource) throws Exception {
    List<String> lines = new ArrayList<>();
    try (InputStream in = getClass().getResourceAsStream(resource)) {
      for (String l : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (l.isBlank() || l.startsWith("#")) continue;
        // The third and later reviews' files give each line's category (or kind) first.
        lines.add(l.indexOf('\t') >= 0 ? l.substring(l.indexOf('\t') + 1) : l);
      }
    }
    return lines;
  }
}
