package app.previsit.nlu;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Clinical concepts per emergency category (nlu/concepts.txt, from NHS 999 guidance) matched over
 * the words of a clause and their lemmas, so that wording, tense and number vary freely. Says only
 * that a concept is mentioned; whether the mention stands is the job of {@link Guards}. Immutable.
 */
final class Concepts {
  /** A concept found: its category, the first and last word it covers, and the pattern (for eval). */
  record Match(String category, int start, int end, boolean[] covered, String pattern) {}

  private static final int NEAR = 3;
  private static final int FAR = 8;

  /** One word test: the word or its lemma, a prefix, the word as written ({@code exact}), or a number bound. */
  private record Term(String word, boolean prefix, double below, double above, boolean exact) {
    boolean isNumber() {
      return !Double.isNaN(below) || !Double.isNaN(above);
    }

    boolean test(Words.Word w) {
      if (!Double.isNaN(below) || !Double.isNaN(above)) {
        double v = w.number();
        return !Double.isNaN(v) && (Double.isNaN(below) || v < below) && (Double.isNaN(above) || v > above);
      }
      if (prefix) return w.text().startsWith(word) || w.lemma().startsWith(word);
      if (exact) return w.text().equals(word);
      return w.text().equals(word) || w.lemma().equals(word);
    }
  }

  /** A slot: alternatives, each a run of consecutive terms; gap = how many words may come before it. */
  private record Slot(List<Term[]> alternatives, int gap) {}

  /**
   * A pattern, and per slot the words of which the clause must hold one (as written or as a lemma) for the slot
   * to match anywhere; null where a prefix or a number could match. Most of the ~300 patterns share no word with a
   * given clause: this turns them away with a few hash lookups instead of trying every slot at every word
   * (the safety net's largest cost in Java before, by JFR).
   */
  private record Pattern(String category, List<Slot> slots, String source, List<Set<String>> slotWords) {
    Pattern(String category, List<Slot> slots, String source) {
      this(category, slots, source, slots.stream().map(Pattern::wordsOf).toList());
    }

    private static Set<String> wordsOf(Slot slot) {
      Set<String> words = new HashSet<>();
      for (Term[] alt : slot.alternatives()) {
        if (alt[0].prefix() || alt[0].isNumber()) return null;
        words.add(alt[0].word());
      }
      return Set.copyOf(words);
    }

    boolean mightMatch(Set<String> present) {
      for (Set<String> needed : slotWords) {
        if (needed != null && java.util.Collections.disjoint(needed, present)) return false;
      }
      return true;
    }
  }

  /** Small words that appear in patterns but say nothing clinical on their own. */
  private static final java.util.Set<String> FUNCTION_WORDS = java.util.Set.of("not", "no", "to", "my", "be", "have",
      "can", "will", "i", "it", "on", "up", "of", "in", "a", "the", "and", "so", "off", "out", "this", "that", "with",
      "at", "from", "me", "all", "go", "get", "come", "keep", "make", "he", "she", "his", "her", "any", "one", "like",
      "feel", "want", "going", "ready", "never", "without", "by", "too", "much", "many", "lot", "is", "are", "am",
      "do", "does", "did", "just", "now", "n", "over", "under", "after", "before", "into", "round", "some",
      "same", "left", "right", "side", "still", "again", "every", "say", "see", "look", "thing", "stuff", "use",
      "talk", "speak", "word", "understand", "hold", "work", "move", "walk", "lift", "raise", "write", "note",
      "letter", "plan", "way", "point", "reason", "doctor", "help", "ask", "know", "think", "tell");

  private final List<Pattern> patterns;
  /**
   * For each word, the patterns (by index) whose first slot names it; and the patterns whose first slot has a prefix
   * or a number, which any clause may start. Most patterns share no word with a clause: this finds the few that do.
   */
  private final Map<String, int[]> patternsByFirstWord;
  private final int[] patternsStartingAnywhere;
  /** The clinical terms that test a word or its lemma; those that test the word as written; the rest (prefixes, numbers). */
  private final Set<String> clinicalWords;
  private final Set<String> clinicalWordsAsWritten;
  private final List<Term> otherClinicalTerms;

  private Concepts(List<Pattern> patterns) {
    this.patterns = patterns;
    Map<String, List<Integer>> byWord = new HashMap<>();
    List<Integer> anywhere = new ArrayList<>();
    for (int i = 0; i < patterns.size(); i++) {
      Set<String> first = patterns.get(i).slotWords().get(0);
      if (first == null) anywhere.add(i);
      else for (String w : first) byWord.computeIfAbsent(w, k -> new ArrayList<>()).add(i);
    }
    Map<String, int[]> index = new HashMap<>();
    byWord.forEach((w, list) -> index.put(w, list.stream().mapToInt(Integer::intValue).toArray()));
    this.patternsByFirstWord = Map.copyOf(index);
    this.patternsStartingAnywhere = anywhere.stream().mapToInt(Integer::intValue).toArray();
    List<Term> terms = new ArrayList<>();
    for (Pattern p : patterns) {
      for (Slot s : p.slots()) {
        for (Term[] alt : s.alternatives()) {
          for (Term t : alt) {
            if (!FUNCTION_WORDS.contains(t.word()) && t.word().length() > 2 && !terms.contains(t)) terms.add(t);
          }
        }
      }
    }
    Set<String> words = new HashSet<>();
    Set<String> asWritten = new HashSet<>();
    List<Term> others = new ArrayList<>();
    for (Term t : terms) {
      if (t.prefix() || t.isNumber()) others.add(t);
      else if (t.exact()) asWritten.add(t.word());
      else words.add(t.word());
    }
    this.clinicalWords = Set.copyOf(words);
    this.clinicalWordsAsWritten = Set.copyOf(asWritten);
    this.otherClinicalTerms = List.copyOf(others);
  }

  /**
   * Whether any word is one the concepts use (chest, fit, bleach, breathe, …): the encoder may find an
   * emergency in new combinations of such words, but not in "I'll just talk to the doctor".
   */
  boolean mentionsClinicalWord(List<Words.Word> words) {
    for (Words.Word w : words) {
      if (clinicalWords.contains(w.text()) || clinicalWords.contains(w.lemma()) || clinicalWordsAsWritten.contains(w.text())) {
        return true;
      }
      for (Term t : otherClinicalTerms) if (t.test(w)) return true;
    }
    return false;
  }

  static Concepts load() {
    InputStream in = Concepts.class.getResourceAsStream("/nlu/concepts.txt");
    if (in == null) throw new IllegalStateException("nlu/concepts.txt missing from the class path");
    List<Pattern> out = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      int n = 0;
      for (String line; (line = r.readLine()) != null; ) {
        n++;
        String t = line.strip();
        if (t.isEmpty() || t.startsWith("#")) continue;
        int colon = t.indexOf(':');
        if (colon < 0) throw new IllegalStateException("nlu/concepts.txt line " + n + ": expected category: pattern");
        out.add(parse(t.substring(0, colon).strip(), t.substring(colon + 1).strip(), n));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Concepts(List.copyOf(out));
  }

  private static Pattern parse(String category, String body, int line) {
    List<Slot> slots = new ArrayList<>();
    int gap = NEAR;
    for (String part : body.split("\\s+")) {
      if (part.equals("..")) {
        gap = FAR;
        continue;
      }
      if (part.equals("+")) {
        gap = 0;
        continue;
      }
      List<Term[]> alternatives = new ArrayList<>();
      for (String alt : part.split("\\|")) {
        if (alt.isEmpty()) throw new IllegalStateException("nlu/concepts.txt line " + line + ": empty alternative");
        String[] words = alt.split("_");
        Term[] terms = new Term[words.length];
        for (int i = 0; i < words.length; i++) terms[i] = term(words[i]);
        alternatives.add(terms);
      }
      slots.add(new Slot(alternatives, slots.isEmpty() ? Integer.MAX_VALUE : gap));
      gap = NEAR;
    }
    return new Pattern(category, slots, body);
  }

  private static Term term(String w) {
    if (w.startsWith("#lt")) return new Term(w, false, Double.parseDouble(w.substring(3)), Double.NaN, false);
    if (w.startsWith("#gt")) return new Term(w, false, Double.NaN, Double.parseDouble(w.substring(3)), false);
    if (w.startsWith("=")) return new Term(w.substring(1), false, Double.NaN, Double.NaN, true);
    if (w.endsWith("*")) return new Term(w.substring(0, w.length() - 1), true, Double.NaN, Double.NaN, false);
    return new Term(Words.lemma(w), false, Double.NaN, Double.NaN, false);
  }

  /**
   * Every concept mentioned in the words, in file order; a pattern found more than once is listed at each place
   * (up to {@link #MATCHES_PER_PATTERN}), since the guards may calm one mention and not another: "he hasn't had
   * a fit in years but today he's had 3 fits".
   */
  List<Match> find(List<Words.Word> words) {
    List<Match> out = new ArrayList<>();
    Set<String> present = new HashSet<>();
    for (Words.Word w : words) {
      present.add(w.text());
      present.add(w.lemma());
    }
    // In file order, as before: the candidates are marked, then visited in order.
    boolean[] candidate = new boolean[patterns.size()];
    for (int i : patternsStartingAnywhere) candidate[i] = true;
    for (String w : present) {
      int[] starting = patternsByFirstWord.get(w);
      if (starting != null) for (int i : starting) candidate[i] = true;
    }
    for (int i = 0; i < candidate.length; i++) {
      if (!candidate[i]) continue;
      Pattern p = patterns.get(i);
      if (!p.mightMatch(present)) continue;
      int from = 0;
      for (int k = 0; k < MATCHES_PER_PATTERN; k++) {
        Match m = match(p, words, from);
        if (m == null) break;
        out.add(m);
        // The next may start inside this one: "i would not take an overdose again but i have just taken 40
        // paracetamol" is denied from "take" on and stands from "taken" (a review, ninth session).
        from = m.start() + 1;
      }
    }
    return out;
  }

  private static final int MATCHES_PER_PATTERN = 3;

  int size() {
    return patterns.size();
  }

  /**
   * Units after a number that make it a medicine's strength, not a count of tablets: "tamsulosin 400
   * micrograms". Not readings (a sugar of 2.6 mmol is the symptom) and not insulin units (50 units
   * instead of 5 is an overdose).
   */
  private static final java.util.Set<String> DOSE_UNITS = java.util.Set.of("mg", "mgs", "milligram", "milligrams",
      "mcg", "microgram", "micrograms", "ug", "ml", "mls", "puff", "puffs",
      // Nor a time or an age: "takes me about 20 minutes", "took 30 years".
      "minutes", "minute", "mins", "min", "hours", "hour", "hrs", "seconds", "secs", "days", "weeks", "months",
      "years", "yrs", "o'clock", "am", "pm");

  private static boolean isDose(List<Words.Word> words, int i) {
    return i + 1 < words.size() && DOSE_UNITS.contains(words.get(i + 1).text());
  }

  private static Match match(Pattern p, List<Words.Word> words, int from) {
    boolean[] covered = new boolean[words.size()];
    for (int start = from; start < words.size(); start++) {
      int end = matchFrom(p.slots(), 0, words, start, start, covered);
      if (end >= 0) return new Match(p.category(), start, end, covered, p.source());
    }
    return null;
  }

  /**
   * Tries slot {@code s} at positions from {@code from} on (within its gap); returns the index of the
   * last word matched, or -1. Marks the words the slots cover.
   */
  private static int matchFrom(List<Slot> slots, int s, List<Words.Word> words, int from, int first, boolean[] covered) {
    Slot slot = slots.get(s);
    int last = s == 0 ? from : (int) Math.min(words.size() - 1L, (long) from + slot.gap());
    for (int pos = from; pos <= last && pos < words.size(); pos++) {
      for (Term[] alt : slot.alternatives()) {
        if (pos + alt.length > words.size()) continue;
        boolean ok = true;
        for (int k = 0; k < alt.length && ok; k++) {
          ok = alt[k].test(words.get(pos + k)) && !(alt[k].isNumber() && isDose(words, pos + k));
        }
        if (!ok) continue;
        int end = pos + alt.length - 1;
        int result = s + 1 == slots.size() ? end : matchFrom(slots, s + 1, words, end + 1, first, covered);
        if (result >= 0) {
          for (int k = pos; k <= end; k++) covered[k] = true;
          return result;
        }
      }
    }
    return -1;
  }
}
