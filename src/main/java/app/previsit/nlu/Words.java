package app.previsit.nlu;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words of a normalised clause, each with a crude lemma, for matching clinical concepts
 * whatever the tense or number: irregular verbs reduced (took, taken -> take; fell -> fall; bled ->
 * bleed) and plurals cut (legs -> leg, babies -> baby). Numbers such as "2.1" stay whole.
 */
final class Words {
  private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}]+(?:[.'][\\p{L}\\p{N}]+)*");
  private static final Map<String, String> IRREGULAR = Map.ofEntries(
      Map.entry("took", "take"), Map.entry("taken", "take"), Map.entry("drank", "drink"), Map.entry("drunk", "drink"),
      Map.entry("ate", "eat"), Map.entry("eaten", "eat"), Map.entry("fell", "fall"), Map.entry("fallen", "fall"),
      Map.entry("bit", "bite"), Map.entry("bitten", "bite"), Map.entry("stung", "sting"), Map.entry("went", "go"),
      Map.entry("gone", "go"), Map.entry("came", "come"), Map.entry("broke", "break"), Map.entry("broken", "break"),
      Map.entry("bled", "bleed"), Map.entry("woke", "wake"), Map.entry("threw", "throw"), Map.entry("thrown", "throw"),
      Map.entry("felt", "feel"), Map.entry("lost", "lose"), Map.entry("found", "find"), Map.entry("said", "say"),
      Map.entry("got", "get"), Map.entry("saw", "see"), Map.entry("seen", "see"), Map.entry("spoke", "speak"),
      Map.entry("began", "begin"), Map.entry("begun", "begin"), Map.entry("ran", "run"), Map.entry("is", "be"),
      Map.entry("are", "be"), Map.entry("was", "be"), Map.entry("were", "be"), Map.entry("am", "be"),
      Map.entry("been", "be"), Map.entry("has", "have"), Map.entry("had", "have"), Map.entry("could", "can"),
      Map.entry("would", "will"), Map.entry("swollen", "swell"), Map.entry("wrote", "write"),
      Map.entry("written", "write"), Map.entry("gave", "give"), Map.entry("given", "give"), Map.entry("hung", "hang"),
      Map.entry("stood", "stand"), Map.entry("knocked", "knock"), Map.entry("dying", "die"), Map.entry("died", "die"),
      Map.entry("lying", "lie"), Map.entry("breathing", "breathe"), Map.entry("breath", "breathe"),
      Map.entry("breathed", "breathe"), Map.entry("cant", "can"), Map.entry("wont", "will"),
      Map.entry("mum's", "mum"), Map.entry("mom", "mum"), Map.entry("mam", "mum"), Map.entry("mummy", "mum"),
      Map.entry("daddy", "dad"), Map.entry("nan", "gran"), Map.entry("nana", "gran"), Map.entry("grandma", "gran"),
      Map.entry("granny", "gran"));

  /**
   * One word: as typed (lower case), its lemma, and its value when it is a number (else NaN), read once here
   * because the concepts' number terms ("a sugar below 4") ask every word of every clause.
   */
  record Word(String text, String lemma, double number) {
    Word(String text, String lemma) {
      this(text, lemma, numberOf(text));
    }
  }

  private Words() {}

  static List<Word> of(String normalised) {
    List<Word> out = new ArrayList<>();
    Matcher m = TOKEN.matcher(normalised);
    while (m.find()) {
      String w = m.group();
      if (w.endsWith("'s")) w = w.substring(0, w.length() - 2);
      out.add(new Word(w, lemma(w)));
    }
    return out;
  }

  /** Where in {@code normalised} the word at {@code index} (as {@link #of} counts) starts; -1 if there is none. */
  static int startOffset(String normalised, int index) {
    Matcher m = TOKEN.matcher(normalised);
    for (int i = 0; m.find(); i++) if (i == index) return m.start();
    return -1;
  }

  private static double numberOf(String w) {
    if (w.isEmpty() || !Character.isDigit(w.charAt(0))) return Double.NaN;
    try {
      return Double.parseDouble(w);
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }

  static String lemma(String w) {
    String irregular = IRREGULAR.get(w);
    if (irregular != null) return irregular;
    int n = w.length();
    if (n > 4 && w.endsWith("ies")) return w.substring(0, n - 3) + "y";
    if (n > 3 && w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is")
        && Character.isLetter(w.charAt(n - 2))) {
      return w.substring(0, n - 1);
    }
    return w;
  }
}
