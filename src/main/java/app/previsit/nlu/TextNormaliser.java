package app.previsit.nlu;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Puts free text into one spelling before features are taken: lower case, straight quotes,
 * no control characters, letters repeated three or more times cut to two ("sooooo" -> "soo"),
 * contractions and common text-speak spelled out. Patterns are compiled once.
 */
final class TextNormaliser {
  private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}\\p{Cf}&&[^\\n\\t]]");
  private static final Pattern REPEATS = Pattern.compile("(\\p{L})\\1{2,}");
  private static final Pattern SPACES = Pattern.compile("\\s+");
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}']+");

  private static final Map<String, String> WORDS = Map.ofEntries(
      Map.entry("i'm", "i am"), Map.entry("im", "i am"), Map.entry("i've", "i have"), Map.entry("ive", "i have"),
      Map.entry("i'd", "i would"), Map.entry("od'd", "overdosed"), Map.entry("oded", "overdosed"),
      Map.entry("od'ed", "overdosed"), Map.entry("i'll", "i will"), Map.entry("can't", "can not"),
      Map.entry("cant", "can not"), Map.entry("cannot", "can not"), Map.entry("won't", "will not"),
      Map.entry("wont", "will not"), Map.entry("don't", "do not"), Map.entry("dont", "do not"),
      Map.entry("doesn't", "does not"), Map.entry("doesnt", "does not"), Map.entry("didn't", "did not"),
      Map.entry("didnt", "did not"), Map.entry("isn't", "is not"), Map.entry("isnt", "is not"),
      Map.entry("aren't", "are not"), Map.entry("wasn't", "was not"), Map.entry("haven't", "have not"),
      Map.entry("havent", "have not"), Map.entry("hasn't", "has not"), Map.entry("hasnt", "has not"),
      Map.entry("wasnt", "was not"), Map.entry("arent", "are not"), Map.entry("weren't", "were not"),
      Map.entry("werent", "were not"), Map.entry("couldnt", "could not"), Map.entry("wouldnt", "would not"),
      Map.entry("shouldnt", "should not"), Map.entry("wouldn't", "would not"),
      Map.entry("couldn't", "could not"), Map.entry("shouldn't", "should not"), Map.entry("it's", "it is"),
      Map.entry("its", "it is"), Map.entry("that's", "that is"), Map.entry("thats", "that is"),
      Map.entry("what's", "what is"), Map.entry("whats", "what is"), Map.entry("there's", "there is"),
      Map.entry("let's", "let us"), Map.entry("lets", "let us"), Map.entry("you're", "you are"),
      Map.entry("ur", "your"), Map.entry("u", "you"), Map.entry("pls", "please"), Map.entry("plz", "please"),
      Map.entry("thx", "thanks"), Map.entry("ty", "thank you"), Map.entry("coz", "because"),
      Map.entry("cos", "because"), Map.entry("dr", "doctor"), Map.entry("docs", "doctor"),
      Map.entry("tummy", "stomach"), Map.entry("tablets", "tablet"), Map.entry("pills", "pill"),
      Map.entry("meds", "medicine"), Map.entry("wanna", "want to"), Map.entry("gonna", "going to"),
      Map.entry("gotta", "got to"), Map.entry("kinda", "kind of"), Map.entry("alot", "a lot"),
      Map.entry("becuase", "because"), Map.entry("beacuse", "because"), Map.entry("headach", "headache"),
      Map.entry("stomache", "stomach"), Map.entry("diarrhea", "diarrhoea"), Map.entry("realy", "really"),
      Map.entry("docter", "doctor"), Map.entry("doctr", "doctor"), Map.entry("breath", "breathe"),
      Map.entry("yeah", "yes"), Map.entry("yep", "yes"), Map.entry("yup", "yes"), Map.entry("ya", "yes"),
      Map.entry("nah", "no"), Map.entry("nope", "no"));

  private TextNormaliser() {}

  static String normalise(String raw) {
    if (raw == null || raw.isEmpty()) return "";
    String s = raw.length() > 2000 ? raw.substring(0, 2000) : raw;
    s = s.replace('\u2019', '\'').replace('\u2018', '\'').replace('\u201c', '"').replace('\u201d', '"');
    s = CONTROL.matcher(s).replaceAll(" ").toLowerCase(java.util.Locale.ROOT);
    s = REPEATS.matcher(s).replaceAll("$1$1");
    Matcher m = WORD.matcher(s);
    StringBuilder out = new StringBuilder(s.length() + 16);
    while (m.find()) {
      String w = m.group();
      String replacement = WORDS.get(w);
      if (replacement == null && w.endsWith("'s")) replacement = w.substring(0, w.length() - 2) + " is";
      m.appendReplacement(out, Matcher.quoteReplacement(replacement == null ? w : replacement));
    }
    m.appendTail(out);
    return SPACES.matcher(out).replaceAll(" ").trim();
  }
}
