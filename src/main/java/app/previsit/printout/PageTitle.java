package app.previsit.printout;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A printed page's title. A browser prints the tab's title in the page's header beside the date (in either
 * order once OCR has merged the line) and sometimes beside the address in the footer; the tab's title carries
 * the site's name and sections ("Overview | Hypertension in adults | Guidance | NICE"). The page's own heading
 * in the body is what the patient saw, so: the body line that matches the tab's title (whole, one of its
 * pieces, or the start of a longer headline) wins; without one, the tab's title with the site's name taken off;
 * without a header (cut off, or a leaflet), the body line that reads most like a heading.
 */
final class PageTitle {
  /** A date and time as browsers print them: "07/12/2026, 14:32", "12/7/26 2:32 PM". */
  static final Pattern DATE_TIME = Pattern.compile(
      "\\b\\d{1,2}\\s?[/.-]\\s?\\d{1,2}\\s?[/.-]\\s?\\d{2,4}\\s?,?\\s+\\d{1,2}\\s?[:.]\\s?\\d{2}(?:\\s?[AaPp]\\.?[Mm]\\.?)?");
  private static final Pattern PAGE_NUMBER = Pattern.compile("(?i)(?:^|\\s)(?:page\\s+)?\\d{1,2}\\s?(?:/|of)\\s?\\d{1,2}(?=\\s|$)");
  /** Separators between a title's pieces in a tab's title. */
  private static final Pattern SEPARATOR = Pattern.compile("\\s+[|–—-]\\s+|\\s+:\\s+(?=r/)|\\s+·\\s+");
  private static final Pattern SITE_WORDS = Pattern.compile("(?i).*\\b(nhs|uk|news|forums?|online|com|org|mumsnet|reddit"
      + "|guardian|mail|times|telegraph|independent|sun|mirror|express|bbc|healthunlocked|patient|wikipedia|clinic|trust"
      + "|community|guidance|overview|nice|r/\\w+)\\b.*");
  /** Navigation and furniture: two or more of these words on a line make it a menu, not a heading. */
  private static final Pattern NAV_WORD = Pattern.compile(
      "(?i)\\b(home|about( us)?|donate|shop|sign in|log in|subscribe|search|menu|contact( us)?|helpline|news|events|"
      + "get involved|research|support us|jobs|share|print|a-z|live well|services|opinion|sport|culture|lifestyle|money|business"
      + "|travel|health advice|campaigns|professionals|online services|nhs app|podcasts?|video|newsletters?|more|quote|report"
      + "|reply|like|basket|store locator|accessibility|translations|save)\\b");
  /** A byline or a dateline between a headline and its text: "By JANE SMITH", "Sarah Boseley Health editor", "Tue 4 Mar 2026 06.00 GMT". */
  private static final Pattern BYLINE = Pattern.compile("(?i)^(by\\s.*|[\\p{L}'’-]+(\\s[\\p{L}'’-]+){1,3}\\s+(health|science|medical|"
      + "political|news)?\\s*(editor|correspondent|reporter|writer)\\b.*|(mon|tue|wed|thu|fri|sat|sun)\\w*,?\\s+(\\d{1,2}|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\\w*\\s.*"
      + "|\\d{1,2}\\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\\w*\\s+\\d{4}.*|(published|updated|posted|reviewed by|written by|medically reviewed|started by)\\b.*"
      + "|.{0,40}\\b(health|science|business|political|consumer|news|medical|education|social affairs)\\s+(editor|reporter|correspondent)\\b.{0,40}"
      + "|(share\\s+)?comm?ents?\\s*\\(?\\d+\\)?|watch live|gift this article.*|.*editorial (guidelines|policy).*|\\d+\\s+min(ute)?s? read"
      + "|.*\\b\\d+\\s+(minutes?|hours?|days?|weeks?|months?|years?)\\s+ago\\b.*|.*\\b(messages|posts|joined|likes received):\\s*\\d.*|\\S*_\\S*\\s+(posted|·).*)$");
  /** The small words every sentence has: a line with them is prose, not a heading or a menu. */
  private static final Pattern PROSE = Pattern.compile("(?i)\\b(the|a|an|of|to|and|is|are|in|for|your|you|it|can|with|that|this|have|be)\\b");
  /** "Anna Fletcher", "Dr Helen Marsh": a name standing alone under a headline is its byline. */
  private static final Pattern PERSON = Pattern.compile("^(Dr\\.? |Prof\\.? )?\\p{Lu}\\p{Ll}+( \\p{Lu}[\\p{Ll}'’-]+){1,2}$");
  private static final Pattern PHONE = Pattern.compile(
      "\\b0\\d{3}\\s?\\d{3}\\s?\\d{3,4}\\b|\\b0\\d{4}\\s?\\d{6}\\b|\\b0\\d{2}\\s?\\d{4}\\s?\\d{4}\\b");
  /** A section's label above the headline or a page's furniture: "Introduction", "Search Reddit", "Menu". */
  private static final Pattern SECTION_LABEL = Pattern.compile("(?i)^(introduction|overview|summary|in this (article|section)|"
      + "search( the)?\\b.{0,30}|menu\\b.{0,10}|support the .*|from wikipedia.*|the free encyclopedia|well-known member|"
      + "(new )?member|rant/vent|question|advice needed|flair:.*|[\\p{L}]+ news)$");

  private PageTitle() {}

  static String of(List<String> lines, String publisher, List<Pattern> furniture) {
    String tab = tabTitle(lines);
    TabMatch match = tab == null ? null : new TabMatch(tab, publisher);
    java.util.Set<String> vocabulary = OcrRepair.vocabulary(String.join("\n", lines));
    int limit = Math.min(lines.size(), 40);
    int paragraph = firstParagraph(lines, limit, furniture);
    String best = null;
    int bestScore = Integer.MIN_VALUE;
    boolean bestNamedByTab = false;
    for (int i = 0; i < limit; i++) {
      String l = lines.get(i);
      if (DATE_TIME.matcher(OcrRepair.digits(l)).find()) continue;
      // A headline broken over two lines counts when together they are the tab's title.
      if (match != null && i + 1 < limit && match.exactly(l + " " + lines.get(i + 1)) && !match.exactly(l)) {
        return OcrRepair.words(l + " " + lines.get(i + 1), vocabulary);
      }
      if (!headingLike(l, publisher, furniture)) continue;
      // A headline broken by the page's width: "Fish oil pills 'may raise risk" / "of heart rhythm problem'".
      String continued = continuation(lines, i);
      if (continued != null) l = l + " " + continued;
      boolean named = match != null && match.matches(l, publisher);
      int score = score(lines, i, l, continued != null, paragraph) + (named ? 30 : 0);
      if (score > bestScore) {
        bestScore = score;
        best = l;
        bestNamedByTab = named;
      }
    }
    // "What are kidney stones?" just above the text, under the leaflet's title "Kidney stones": the title.
    if (best != null && !bestNamedByTab && best.matches("(?i)^(what|who|why|how) (is|are|does|do|causes?)\\b.*\\?$")) {
      String asked = norm(OcrRepair.words(best));
      for (int i = 0; i < limit && !lines.get(i).equals(best); i++) {
        String l = lines.get(i);
        if (headingLike(l, publisher, furniture) && norm(l).length() >= 4 && asked.contains(norm(OcrRepair.words(l)))) {
          best = l;
          break;
        }
      }
    }
    // A tab's title that names no line near the first paragraph: the tab's title, less the site's name.
    if (tab != null && !bestNamedByTab && (best == null || bestScore < -4)) {
      String stripped = withoutSiteName(tab, publisher).replaceAll("(\\.\\.\\.|…)$", "").strip();
      if (!stripped.isBlank()) return OcrRepair.words(stripped, vocabulary);
    }
    return best == null ? null : OcrRepair.words(best, vocabulary);
  }

  /**
   * Where the page's text begins: the first line of eight words or more that reads as prose (it has the small
   * words of a sentence) and is neither furniture nor a byline. The title is the heading just above it.
   */
  static int firstParagraph(List<String> lines, int limit, List<Pattern> furniture) {
    for (int i = 0; i < limit; i++) {
      String l = lines.get(i);
      if (l.split("\\s+").length < 8 || DATE_TIME.matcher(OcrRepair.digits(l)).find()) continue;
      if (furniture.stream().anyMatch(f -> f.matcher(l).matches()) || BYLINE.matcher(l).matches()) continue;
      if (count(NAV_WORD, l) >= 2 || PageUnderstanding.hasAddress(l) && l.split("\\s+").length < 10) continue;
      // Prose, not a long headline: it ends a sentence, runs on to the next line, or is a full line long.
      String next = i + 1 < lines.size() ? lines.get(i + 1) : "";
      boolean runsOn = !next.isEmpty() && Character.isLowerCase(next.codePointAt(0));
      if (PROSE.matcher(l).find() && (l.matches(".*[.,;]$") || runsOn || l.split("\\s+").length >= 12)) return i;
    }
    return -1;
  }

  /**
   * How much a line reads like the page's heading: it stands just above the first paragraph (a byline, a date
   * or a standfirst between them allowed), it is short, not in capitals (a masthead), not a person's name, and
   * not the first line of a paragraph itself.
   */
  private static int score(List<String> lines, int i, String l, boolean joined, int paragraph) {
    int words = l.split("\\s+").length;
    int score;
    if (paragraph < 0) score = -i / 2;
    else if (i < paragraph) score = -(paragraph - i);
    else if (i == paragraph) score = -12; // a standfirst that is the paragraph's first line: rarely the title
    else score = -10 - (i - paragraph); // a subheading further down
    if (words >= 2 && words <= 15) score += 2;
    if (words == 1) score -= 2;
    if (words > 12 && !l.contains("?") && !l.contains(":")) score -= (words - 12) * 2;
    if (l.equals(l.toUpperCase(Locale.ROOT)) && l.chars().anyMatch(Character::isLetter)) score -= 8; // a masthead
    if (PERSON.matcher(l).matches()) score -= 6; // a byline
    String after = !joined && i + 1 < lines.size() ? lines.get(i + 1) : "";
    boolean runsOn = words >= 7 && !after.isEmpty() && Character.isLowerCase(after.codePointAt(0))
        && !l.matches(".*[.?!:]$");
    if (runsOn) score -= 25; // the first line of a paragraph, cut by the page's width
    return score;
  }

  /** The next line when it carries on a short heading (starts in lower case, with a dash or a bracket), else null. */
  private static String continuation(List<String> lines, int i) {
    if (i + 1 >= lines.size()) return null;
    String l = lines.get(i);
    String next = lines.get(i + 1);
    if (l.matches(".*[.?!]['’\"”]?$") || l.split("\\s+").length > 12 || next.split("\\s+").length > 10) return null;
    boolean carries = Character.isLowerCase(next.codePointAt(0)) || next.matches("^[-–—(].*")
        || next.matches("^[‘'\"“].*") && l.split("\\s+").length >= 3;
    return carries ? next : null;
  }

  /** A tab's title, whole and in pieces, to find the body line it names. */
  private static final class TabMatch {
    private final String whole;
    private final List<String> pieces = new ArrayList<>();

    TabMatch(String tab, String publisher) {
      this.whole = norm(tab.replaceAll("(\\.\\.\\.|…)$", ""));
      for (String p : SEPARATOR.split(tab)) {
        boolean site = publisher != null && covers(p, publisher) || SITE_WORDS.matcher(p).matches() && p.split("\\s+").length <= 4;
        if (norm(p).length() >= 3 && !site) pieces.add(norm(p.replaceAll("(\\.\\.\\.|…)$", "")));
      }
    }

    boolean exactly(String candidate) {
      String c = norm(OcrRepair.words(candidate));
      return c.length() >= 3 && (c.equals(whole) || pieces.contains(c));
    }

    /** The line is the tab's title, one of its pieces, a longer headline that starts with one, or the start of one. */
    boolean matches(String line, String publisher) {
      if (publisher != null && covers(line, publisher)) return false;
      String c = norm(OcrRepair.words(line));
      if (c.length() < 3) return false;
      if (c.equals(whole) || pieces.contains(c) && !SITE_WORDS.matcher(line).matches()) return true;
      for (String target : pieces.isEmpty() ? List.of(whole) : pieces) {
        if (target.length() >= 8 && c.startsWith(target + " ") && c.length() < target.length() * 3) return true;
        if (c.length() >= 12 && target.startsWith(c + " ")) return true;
      }
      return false;
    }
  }

  /** The title a browser printed at the top (or in the footer) of the page, with the date, address and page number taken out. */
  static String tabTitle(List<String> lines) {
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < Math.min(3, lines.size()); i++) order.add(i);
    for (int i = Math.max(3, lines.size() - 3); i < lines.size(); i++) order.add(i);
    for (int i : order) {
      String l = OcrRepair.digits(lines.get(i));
      Matcher date = DATE_TIME.matcher(l);
      boolean dated = date.find();
      boolean addressed = PageUnderstanding.hasAddress(l);
      if (!dated && !(addressed && i >= 3)) continue;
      String rest = dated ? l.substring(0, date.start()) + " " + l.substring(date.end()) : l;
      rest = PageUnderstanding.withoutAddresses(rest);
      rest = PAGE_NUMBER.matcher(rest).replaceAll(" ").replaceAll("\\s+", " ").strip();
      rest = rest.replaceAll("^[,;:|\\s-]+|[,;:|\\s-]+$", "");
      // A footer's leftovers are no title: a title beside the address has a few words.
      if (!dated && rest.split("\\s+").length < 2) continue;
      if (rest.chars().filter(Character::isLetter).count() >= 3) return rest;
    }
    return null;
  }

  /** "Sciatica - NHS" → "Sciatica"; "Overview | Hypertension in adults | Guidance | NICE" → its longest piece. */
  static String withoutSiteName(String tab, String publisher) {
    String[] pieces = SEPARATOR.split(tab);
    if (pieces.length == 1) return tab.strip();
    List<String> kept = new ArrayList<>();
    for (int i = 0; i < pieces.length; i++) {
      String p = pieces[i].strip();
      boolean site = i > 0 && (publisher != null && norm(publisher).contains(norm(p)) && !norm(p).isEmpty()
          || SITE_WORDS.matcher(p).matches() && p.split("\\s+").length <= 4);
      if (!site) kept.add(p);
    }
    if (kept.isEmpty()) return pieces[0].strip();
    if (kept.size() == 1) return kept.get(0);
    // Several pieces left: "Gout | Causes, symptoms, treatments" keeps the first; a section name first ("Overview |
    // Hypertension…") gives way to the longest.
    String first = kept.get(0);
    String longest = kept.stream().max((a, b) -> Integer.compare(a.length(), b.length())).orElse(first);
    return first.split("\\s+").length == 1 && longest.split("\\s+").length >= 3 && SITE_WORDS.matcher(first).matches()
        ? longest : String.join(" - ", kept.subList(0, 1));
  }

  static boolean headingLike(String l, String publisher, List<Pattern> furniture) {
    String s = OcrRepair.words(l.strip());
    if (s.length() < 3 || s.length() > 140) return false;
    for (Pattern f : furniture) if (f.matcher(s).matches()) return false;
    if (BYLINE.matcher(s).matches() || SECTION_LABEL.matcher(s).matches()) return false;
    // A headline may open with a quotation: "'Could my thyroid be making me so tired?'".
    String opening = s.replaceFirst("^['‘’\"“”(]+", "");
    if (opening.isEmpty() || !Character.isUpperCase(opening.codePointAt(0)) && !Character.isDigit(opening.codePointAt(0))) return false;
    if (s.matches("^\\d{1,2}[.)]\\s.*")) return false; // "5. Living with": a numbered section
    if (DATE_TIME.matcher(OcrRepair.digits(s)).find() || PageUnderstanding.hasAddress(s)) return false;
    int words = s.split("\\s+").length;
    if (words > 18) return false;
    if (s.endsWith(".") && words > 6) return false;
    // Two sentences on one line are a slogan or a paragraph, not a heading ("Know diabetes. Fight diabetes.").
    if (s.matches(".*\\p{L}[.!,]\\s+\\p{Lu}.*[.!,]$")) return false;
    if (s.matches("(?i).*\\b(cookies?|javascript|browser|newsletter|privacy)\\b.*")) return false;
    if (PHONE.matcher(s).find()) return false;
    if (count(NAV_WORD, s) >= 2 || menuBar(s)) return false;
    if (s.matches("(?i)^(dr|mr|mrs|ms|prof)\\.? .*|.*&\\s*partners\\b.*")) return false; // a practice's partners
    if (s.matches(".*\\b(NHS|University|Hospitals?|Trust|Health Board|Foundation|Council|Surgery|Practice)\\b.*")
        && words <= 6 && !s.contains("?") && !s.contains(":")) return false; // an organisation's name, not a topic
    if (publisher != null && covers(s, publisher)) return false;
    long letters = s.chars().filter(Character::isLetter).count();
    return letters >= Math.max(3, s.length() / 2);
  }

  /**
   * A menu printed as one line: five words or more, most of them capitalised, hardly any of a sentence's small
   * words, no punctuation ("Treatments Our doctors Fees Testimonials Blog Contact").
   */
  static boolean menuBar(String s) {
    if (s.matches(".*[:?!.,;'‘’\"“”].*")) return false;
    String[] w = s.split("\\s+");
    if (w.length < 5) return false;
    int capitals = 0;
    int small = 0;
    for (String x : w) {
      if (!x.isEmpty() && Character.isUpperCase(x.codePointAt(0))) capitals++;
      if (x.matches("the|of|to|and|a|an|in|for|with|your|you|is|are|on|by|be|can|how|what|why")) small++;
    }
    return capitals * 10 >= w.length * 6 && small * 5 < w.length;
  }

  /** Whether a line is mostly the publisher's name (a masthead, a logo's words). */
  private static boolean covers(String line, String publisher) {
    String l = norm(line);
    String p = norm(publisher);
    if (l.equals(p) || p.contains(l)) return true;
    String[] lw = l.split(" ");
    int inName = 0;
    int counted = 0;
    for (String w : lw) {
      if (w.matches("the|and|of|for|a")) continue;
      counted++;
      if ((" " + p + " ").contains(" " + w + " ")) inName++;
    }
    return lw.length <= 4 && counted > 0 && inName * 2 > counted;
  }

  private static int count(Pattern p, String s) {
    Matcher m = p.matcher(s);
    int n = 0;
    while (m.find()) n++;
    return n;
  }

  static String norm(String s) {
    return s.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
  }
}
