package app.previsit.printout;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Repairs the misreadings OCR makes in printed words before a title or an address is shown to anyone: a digit
 * standing among letters ("overwhe1med", "wor5e", "0steoarthritis"), a lower-case l for a capital I ("lBS",
 * "lnjections"), a letter O among digits of a date ("O9/O8/2026"). "rn" for "m" cannot be told from a real "rn"
 * by the word alone, so it is repaired only where the page itself spells the word with an m elsewhere.
 * Measures that mix digits and letters on purpose ("HbA1c", "7.5mg", "B12") are left as they are.
 */
final class OcrRepair {
  private static final Pattern DIGIT_AMONG_LOWER = Pattern.compile("(?<=\\p{Ll})([015])(?=\\p{Ll})");
  private static final Pattern ZERO_STARTS_WORD = Pattern.compile("(?<![\\p{L}\\p{N}])0(?=\\p{Ll}{3,})");
  private static final Pattern L_FOR_I_BEFORE_CAPITALS = Pattern.compile("(?<![\\p{L}\\p{N}])l(?=\\p{Lu}{2,})");
  private static final Pattern L_FOR_I_BEFORE_N = Pattern.compile("(?<![\\p{L}\\p{N}])l(?=n\\p{Ll}{2,})");
  /** Capital I between lower-case letters is an l ("HospitaIs", "shouIdn't"); l between capitals an I ("PRACTlCE"). */
  private static final Pattern I_AMONG_LOWER = Pattern.compile("(?<=\\p{Ll})I{1,2}(?=\\p{Ll})|(?<=\\p{Ll}{2})I(?![\\p{L}\\p{N}])");
  private static final Pattern L_AMONG_CAPITALS = Pattern.compile("(?<=\\p{Lu})l(?=\\p{Lu})");
  /** "ls" is no English word: an "Is" misread ("What ls Psoriasis?"). */
  private static final Pattern LS_WORD = Pattern.compile("(?<![\\p{L}\\p{N}])ls(?![\\p{L}\\p{N}])");
  /**
   * Places where "rn" can only be an "m" misread, because English never spells them so: before b or p
   * ("Cornbined", "Syrnptoms"), after r ("Pharrnacist"), in "-rnent" ("experirnent"), in a final
   * "-isrn", at the start of a word ("rnain"), after a digit.
   */
  private static final Pattern RN_FOR_M = Pattern.compile(
      "rn(?=[bp])|(?<=r)rn|rn(?=ents?\\b)|(?<=is)rn\\b|(?<![\\p{L}])rn(?=[aeiouy])|(?<=\\d)rn");
  private static final Pattern O_AMONG_DIGITS = Pattern.compile("(?<=\\d)[Oo]|[Oo](?=\\d)");
  private static final Pattern WORD = Pattern.compile("\\p{L}+");

  private OcrRepair() {}

  /** A line of printed words as it was most likely printed. */
  static String words(String s) {
    if (s == null) return null;
    String t = replace(DIGIT_AMONG_LOWER, s, g -> switch (g) {
      case "0" -> "o";
      case "1" -> "l";
      default -> "s";
    });
    t = ZERO_STARTS_WORD.matcher(t).replaceAll("O");
    t = L_FOR_I_BEFORE_CAPITALS.matcher(t).replaceAll("I");
    t = L_FOR_I_BEFORE_N.matcher(t).replaceAll("I");
    t = I_AMONG_LOWER.matcher(t).replaceAll(r -> "l".repeat(r.group().length()));
    t = L_AMONG_CAPITALS.matcher(t).replaceAll("I");
    t = LS_WORD.matcher(t).replaceAll("is");
    return RN_FOR_M.matcher(t).replaceAll("m");
  }

  /** {@link #words(String)}, then "rn" read as "m" in each word whose m-spelling the page uses elsewhere. */
  static String words(String s, Set<String> vocabulary) {
    String t = words(s);
    if (t == null || !t.contains("rn")) return t;
    Matcher m = WORD.matcher(t);
    StringBuilder b = new StringBuilder();
    while (m.find()) {
      String w = m.group();
      String lower = w.toLowerCase(Locale.ROOT);
      String fixed = w;
      if (lower.contains("rn")) {
        String withM = lower.replace("rn", "m");
        if (vocabulary.contains(withM)) fixed = w.replace("rn", "m");
      }
      m.appendReplacement(b, Matcher.quoteReplacement(fixed));
    }
    m.appendTail(b);
    return b.toString();
  }

  /** Digits of a date or time as printed: "O9/O8/2026, 16:O1" reads 09/08/2026, 16:01. */
  static String digits(String s) {
    return O_AMONG_DIGITS.matcher(s).replaceAll("0");
  }

  /** The page's own vocabulary: every word of three letters or more, lower-cased. */
  static Set<String> vocabulary(String text) {
    Set<String> v = new HashSet<>();
    Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
    while (m.find()) if (m.group().length() >= 3) v.add(m.group());
    return v;
  }

  /**
   * An address's path with "rn" read as "m" in each piece whose m-spelling the page uses elsewhere
   * ("/conditions/rnenopause/" on a page about menopause) and never as printed.
   */
  static String path(String path, Set<String> vocabulary) {
    if (path == null) return null;
    path = O_AMONG_DIGITS.matcher(path).replaceAll("0");
    if (!path.contains("rn")) return path;
    path = RN_FOR_M.matcher(path).replaceAll("m");
    StringBuilder out = new StringBuilder();
    Matcher m = Pattern.compile("[a-z]+|[^a-z]+").matcher(path);
    while (m.find()) {
      String piece = m.group();
      if (piece.contains("rn") && !vocabulary.contains(piece)) {
        String fixed = piece.replace("rn", "m");
        if (vocabulary.contains(fixed)) piece = fixed;
      }
      out.append(piece);
    }
    return out.toString();
  }

  private static String replace(Pattern p, String s, java.util.function.UnaryOperator<String> f) {
    Matcher m = p.matcher(s);
    StringBuilder b = new StringBuilder();
    while (m.find()) m.appendReplacement(b, Matcher.quoteReplacement(f.apply(m.group(1))));
    m.appendTail(b);
    return b.toString();
  }
}
