package app.previsit.nlu;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rules that decide whether an utterance describes an emergency now. A lexicon per category
 * finds the mention; cues in the same sentence before it cancel it when it is negated ("no chest
 * pain"), in the past ("had a stroke in 2015", "as a child") or about someone else ("my dad had a
 * stroke") — unless it is happening now ("my son is having a fit right now"). Missing a real
 * emergency is the worst error, so the lexicon is broad and only those cues cancel it.
 */
final class SafetyNet {
  /** A mention that stands: its category and the words that matched. */
  record Hit(String category, String matched) {}

  private static final Map<String, Pattern> LEXICON = new LinkedHashMap<>();

  static {
    put("suicide", "(kill(ing)?|end(ing)?|take|taking) (my ?self|my own life|my life)|end(ing)? it all"
        + "|want(ed)? to die|wanna die|(do not|don't) want to (be alive|live|wake up)|suicidal|hurt(ing)? my ?self"
        + "|harm(ing)? my ?self|self[- ]?harm|cut(ting)? my ?self|better off dead|no reason to live");
    put("overdose", "overdos(e|ed)|taken (all|a load|loads|lots|too many|a (whole )?(packet|box|bottle))"
        + "|took (all|a load|loads|lots|too many|a (whole )?(packet|box|bottle))|swallowed (a|all|the|loads|lots)"
        + "|too many (sleeping )?(tablets|pills|paracetamol)(?! is)");
    put("cardiac", "(crushing|severe|bad|heavy|tight|tightness|squeezing) (pain )?(in )?(my )?chest|chest pain"
        + "|pain in (my )?chest|chest (is|feels) (really )?(tight|crushed|heavy)|heart attack|cardiac arrest"
        + "|chest.{0,30}(left arm|jaw)|my chest feels crushed");
    put("stroke", "stroke|face (has )?(dropped|drooping|droop)|drooping (face|on one side)|face is drooping"
        + "|slurred|slurring|(can not|cannot|can't) (speak|talk) properly|weak(ness)? (down|on) one side"
        + "|(can not|cannot|can't) (lift|move) my (arm|leg)|words are coming out wrong|arm is weak"
        + "|(can not|cannot|can't) see out of one eye");
    put("breathing", "(can not|cannot|can't|cant|struggling to|unable to|hard to) (breathe|catch my breath)"
        + "|gasping|lips (are )?(going |turning )?blue|choking|inhaler (is not|isn't) working");
    put("anaphylaxis", "anaphyla|throat (is )?(closing|swelling|tight)|(tongue|lips|face) (and (lips|tongue) )?"
        + "(is |are )?swell|allergic reaction|swelling up");
    put("bleeding", "bleeding (heavily|a lot|badly|everywhere)|i am bleeding|(lot of|lots of|so much) blood|blood (and it )?"
        + "(is not|isn't|won't|will not|wont) stop|(won't|will not|can not|cannot|can't) stop (the )?bleeding"
        + "|vomiting blood|(coughing|throwing) up (lots of )?blood|blood in my (poo|stool|sick)");
    put("seizure", "seizure|having a fit|had a fit|fitting|convuls|fits one after another");
    put("sepsis", "sepsis|septic|(rash|spots) (that )?(does not|doesn't|won't|will not) fade|neck is stiff|stiff neck"
        + "|light hurts my eyes|(cold|clammy).{0,20}(confused|clammy)|fever.{0,30}confus|confus.{0,30}fever"
        + "|worst headache|meningitis");
    put("collapse", "collapsed|(going to|about to|might) pass out|(can not|cannot|can't) stay awake|unconscious|passed out|hit by a car|burnt my ?self badly");
  }

  private static final Pattern NEGATION = Pattern.compile(
      "\\b(no|not|never|without|none|nor|denies|free of)\\b[^.,;!?]{0,25}$");
  private static final Pattern PAST = Pattern.compile(
      "\\b(had|used to|years ago|last (year|month|week)|as a (child|kid|teenager)|when i was|in (19|20)\\d\\d"
      + "|once|previous|history of|back in|scare)\\b");
  private static final Pattern RESOLVED = Pattern.compile(
      "\\b(fine now|ok now|okay now|better now|it stopped|has stopped|all clear|recovered)\\b");
  private static final Pattern OTHER_PERSON = Pattern.compile(
      "\\b(my|his|her|our|a) (dad|father|mum|mom|mother|grandad|grandfather|gran|grandma|grandmother|nan|sister"
      + "|brother|friend|uncle|aunt|auntie|cousin|neighbour|husband|wife|partner|son|daughter|child|baby)\\b"
      + "|\\b(runs in the family|family history)\\b");
  private static final Pattern NOW = Pattern.compile(
      "\\b(right now|now|is having|are having|just|currently|at the moment|tonight|today|is not breathing|won't wake)\\b");
  private static final Pattern ASKING_ABOUT = Pattern.compile(
      "\\b(signs of|symptoms of|read about|worried about having|afraid of having|risk of|what (is|are)"
      + "|is .{0,20} a sign)\\b");
  private static final Pattern IDIOM = Pattern.compile(
      "\\b(killing me|dying to|dying for|could murder|nearly died laughing|killed me|broken since|my heart is broken)\\b");

  /**
   * Word stems that every lexicon entry contains; a sentence with none of them cannot match, so the
   * regexes (the costly part of analysis) are skipped for most utterances.
   */
  private static final String[] TRIGGERS = {"chest", "heart", "cardiac", "stroke", "face", "droop", "slur", "speak",
      "talk", "weak", "lift", "move", "words", "see out", "breath", "gasp", "lips", "chok", "inhaler", "anaphyla",
      "throat", "swell", "allergic", "kill", "end", "die", "alive", "live", "suicid", "hurt", "harm", "cut", "dead",
      "overdos", "taken", "took", "swallow", "too many", "bleed", "blood", "seizure", "fit", "convuls", "sepsis",
      "septic", "rash", "spots", "neck", "light", "cold", "clammy", "fever", "confus", "headache", "meningitis",
      "collapse", "awake", "unconscious", "pass", "hit by", "burnt"};

  static boolean mayMatch(String sentence) {
    for (String t : TRIGGERS) if (sentence.contains(t)) return true;
    return false;
  }

  private static void put(String category, String regex) {
    LEXICON.put(category, Pattern.compile("\\b(" + regex + ")"));
  }

  private SafetyNet() {}

  /** The first standing emergency mention in a normalised sentence, or null. */
  static Hit check(String sentence) {
    if (!mayMatch(sentence)) return null;
    for (Map.Entry<String, Pattern> e : LEXICON.entrySet()) {
      Matcher m = e.getValue().matcher(sentence);
      while (m.find()) {
        if (!cancelled(sentence, m.start(), m.end())) {
          return new Hit(e.getKey(), m.group());
        }
      }
    }
    return null;
  }

  /** True when the text speaks of an emergency in a way that is clearly not one now. */
  static boolean mentionsOnlyInThePast(String sentence) {
    return PAST.matcher(sentence).find() || RESOLVED.matcher(sentence).find() || OTHER_PERSON.matcher(sentence).find()
        || IDIOM.matcher(sentence).find() || ASKING_ABOUT.matcher(sentence).find();
  }

  private static boolean cancelled(String s, int start, int end) {
    String before = s.substring(Math.max(0, start - 40), start);
    // "no ..." directly before the mention, or "... ? no" / "... no" right after it.
    if (NEGATION.matcher(before).find()) return true;
    String after = s.substring(end, Math.min(s.length(), end + 25));
    if (after.matches("^\\s*\\??\\s*no\\b.*")) return true;
    if (IDIOM.matcher(s).find() && !s.contains("myself")) return true;
    if (ASKING_ABOUT.matcher(s).find()) return true;
    boolean now = NOW.matcher(s).find();
    if (RESOLVED.matcher(s).find()) return true;
    if (OTHER_PERSON.matcher(s).find() && !now) return true;
    if (PAST.matcher(before + s.substring(start)).find() && !now) {
      // "I've taken an overdose" / "I have taken" is the present perfect: still an emergency.
      return !s.substring(start, end).matches("(taken|took|swallowed|overdos).*") || s.contains("years ago");
    }
    return false;
  }
}
