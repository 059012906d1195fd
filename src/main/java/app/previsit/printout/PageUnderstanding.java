package app.previsit.printout;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what a printed page says about itself from its text (as OCR or a PDF's text layer gives it): the
 * address printed in a browser's header or footer or at the foot of a leaflet, the publisher (by that address,
 * else by a name on the page), the kind of source, the page's title and a short excerpt.
 *
 * <p>Pure and deterministic: no I/O. OCR noise is expected: an address is recognised with its scheme misread
 * ("https:/Iwww…", "hltps//"), a comma for a dot, or a space after the slashes, and is given back repaired.
 */
public final class PageUnderstanding {
  /** A host: labels with at least one dot, ending in a top-level domain patients' pages use. */
  private static final String HOST = "(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?[.,]){1,6}"
      + "(?:uk|com|org|net|info|gov|int|io|ie|eu|scot|wales|health|co|me|tv|news)(?![a-z0-9-])";
  /** An address as OCR leaves it: an optional (misread) scheme, an optional www, a host, an optional path. */
  private static final Pattern ADDRESS = Pattern.compile(
      "(?i)(?<![@\\w.])(?:(h\\s?[tl]{1,2}\\s?p\\s?(s?)\\s?[:;.,]?\\s?[/\\\\|Il1]{1,2}\\s?)|(?=www[.,\\s]))?"
      + "(?<host>(?:www[.,]\\s?|www\\s)?" + HOST + ")"
      + "(?<path>/[^\\s\"'<>()\\[\\]{}]*)?");
  /** Lines that are a site's furniture, never its title. */
  private static final Pattern CLUTTER = Pattern.compile("(?i)^(skip to (main )?content|menu|search|home|log ?in|sign ?in|"
      + "sign up|register|subscribe|share|print|cookies?|accept( all)?( cookies)?|reject( all)?|manage (cookies|settings)"
      + "|close|back to top|advertisement|advert|sponsored|health a-?z|live well|mental health|care and support|"
      + "pregnancy|nhs services|more in .*|contents|on this page|related (articles|topics|content)|home\\s*>.*|"
      + "news|sport|weather|iplayer|sounds|opinion|lifestyle|culture|follow|reply|report|quote|like|"
      + "menu\\s+search|we use cookies.*|cookies on .*|this site uses cookies.*|page last reviewed.*|"
      + "next review due.*|(posted|published|updated|last updated):?\\s.*|by [A-Z][a-z]+ [A-Z][a-z]+.*|\\d+ (comments?|replies|likes)"
      + "|.*\\b(leaflet (ref|number|no)|review date|date of (issue|publication)|version \\d|ref(erence)?:? [A-Z]{2,}\\s?\\d).*"
      + "|patient information( leaflet)?|information for patients( and (carers|visitors))?|patient leaflet|leaflet"
      + "|[\\w&,' ]{0,60}\\b(department|service|team|unit|clinic|directorate)|.*\\s[>›»]\\s.*"
      + "|[\\p{Punct}\\s\\d]*)$");
  /** Words that say a page is a leaflet from an NHS body, a practice or a hospital. */
  private static final Pattern NHS_BODY = Pattern.compile(
      "([A-Z][\\w'’&., ]{2,80}?\\s(?:NHS\\s(?:Foundation\\s)?Trust|University Health Board|Health Board|Health and Social Care Trust"
      + "|Integrated Care Board|Medical Centre|Medical Practice|Health Centre|Surgery))\\b");
  private static final Pattern LEAFLET = Pattern.compile(
      "(?i)\\b(patient information( leaflet)?|information for patients|leaflet (ref|number|no)|PIL\\s?\\d|review date|"
      + "produced by the .* (department|team|service)|if you need this leaflet in)");
  private static final Pattern NHS_WEBSITE = Pattern.compile("(?i)\\b(page last reviewed|next review due|health a(-| to )z)\\b");
  /** A practice's name as its letterhead prints it: "RIVERSIDE MEDICAL PRACTICE". */
  private static final Pattern PRACTICE_IN_CAPITALS = Pattern.compile(
      "(?m)^\\s*([A-Z][A-Z'’& ]{2,40} (?:MEDICAL PRACTICE|MEDICAL CENTRE|HEALTH CENTRE|SURGERY|GROUP PRACTICE))\\s*$");
  private static final Pattern CHARITY = Pattern.compile(
      "(?i)\\b(registered charity|charity (no|number|reg)|a charity registered in|company limited by guarantee)\\b");
  /** A forum's address: forum.…, community.…, /forum/, /talk/, /threads/, /discuss/, reddit's /comments/. */
  private static final Pattern FORUM_ADDRESS = Pattern.compile(
      "(?i)^(forums?|community|talk|boards?)\\.|/(forums?|community|talk|threads?|discuss(ion)?s?|comments|topic)/");
  private static final Pattern FORUM = Pattern.compile(
      "(?i)\\b(replies|reply to|posted by|original poster|\\bop\\b|join the discussion|start a new (thread|discussion)|"
      + "upvotes?|r/[a-z0-9_]+|members?|report post|quote|thread|forum|community)\\b");
  private static final Pattern NEWSPAPER = Pattern.compile(
      "(?i)\\b(health (editor|correspondent|reporter)|science (editor|correspondent)|news (reporter|correspondent)|"
      + "comments? \\(\\d+\\)|\\bexclusive\\b|most read)\\b");

  private final Publishers publishers;

  public PageUnderstanding() {
    this(Publishers.shipped());
  }

  PageUnderstanding(Publishers publishers) {
    this.publishers = publishers;
  }

  public PageFacts read(String text) {
    if (text == null || text.isBlank()) return PageFacts.NOTHING;
    List<String> lines = lines(text);
    text = bounded(text); // every pattern below reads lines of at most LINE_CHARS
    // Names are looked for in the repaired words ("DAlLY MAIL", "HospitaIs"); titles and addresses repair their own.
    String words = OcrRepair.words(text);
    Address address = address(lines);
    if (address != null && !address.schemed() && address.host().endsWith("nhs.uk") && address.host().matches("(www\\.)?nhs\\.uk")
        && NHS_BODY.matcher(words).find()) {
      address = null; // a hospital's leaflet pointing to the NHS website: the link is not the leaflet's address
    }
    String kind = "other";
    String publisher = null;
    if (address != null) {
      Publishers.Publisher p = publishers.byAddress(address.host(), address.path());
      boolean nhsBody = address.host().endsWith(".nhs.uk") && !address.host().equals("www.nhs.uk")
          && (p == null || p.domain().equals("nhs.uk"));
      if (nhsBody) {
        kind = "nhs_leaflet";
        publisher = nhsBodyName(words, address.host());
      } else if (p != null) {
        kind = p.kind();
        publisher = p.name();
      } else {
        publisher = address.host().startsWith("www.") ? address.host().substring(4) : address.host();
      }
    }
    if (address == null || publisher == null) {
      String[] byText = byText(words);
      kind = byText[0];
      publisher = byText[1];
    } else if (kind.equals("other") && publishers.byAddress(address.host(), address.path()) == null) {
      // An address nobody listed: the page's own words may still say it is a leaflet, a charity or a forum.
      String[] byText = byText(words);
      if (!byText[0].equals("other")) kind = byText[0];
      if (byText[1] != null && !byText[0].equals("other")) publisher = byText[1];
    }
    if (address != null && !kind.equals("forum") && FORUM_ADDRESS.matcher(address.host() + address.path()).find()) {
      kind = "forum"; // a charity's or a paper's own forum is a forum
    }
    String title = PageTitle.of(lines, publisher, List.of(CLUTTER));
    String excerpt = excerpt(lines, titleLine(lines, title));
    String url = address == null ? null : address.url();
    if (url != null) {
      String path = OcrRepair.path(address.path(), OcrRepair.vocabulary(withoutAddresses(text)));
      url = url.substring(0, url.length() - address.path().length()) + path;
    }
    return new PageFacts(kind, publisher, title, url, excerpt);
  }

  static boolean hasAddress(String line) {
    return ADDRESS.matcher(line).find();
  }

  static String withoutAddresses(String text) {
    return ADDRESS.matcher(text).replaceAll(" ");
  }

  private static int titleLine(List<String> lines, String title) {
    if (title == null) return -1;
    for (int i = 0; i < lines.size(); i++) if (lines.get(i).contains(title) || OcrRepair.words(lines.get(i)).equals(title)) return i;
    return -1;
  }

  /** Kind and publisher from the page's words alone: a listed name, an NHS body, a leaflet, a forum, a paper. */
  private String[] byText(String text) {
    Publishers.Publisher named = publishers.byName(text);
    Matcher body = NHS_BODY.matcher(text);
    if (body.find()) return new String[] {"nhs_leaflet", tidy(body.group(1))};
    Matcher practice = PRACTICE_IN_CAPITALS.matcher(text);
    if (practice.find()) return new String[] {"nhs_leaflet", titleCase(practice.group(1))};
    if (named != null) return new String[] {named.kind(), named.name()};
    if (NHS_WEBSITE.matcher(text).find() && text.contains("NHS")) return new String[] {"nhs", "NHS website"};
    if (CHARITY.matcher(text).find()) return new String[] {"charity", null};
    if (LEAFLET.matcher(text).find()) return new String[] {text.contains("NHS") ? "nhs_leaflet" : "other", null};
    if (count(FORUM, text) >= 2) return new String[] {"forum", null};
    if (NEWSPAPER.matcher(text).find()) return new String[] {"newspaper", null};
    return new String[] {"other", null};
  }

  private static String nhsBodyName(String text, String host) {
    Matcher body = NHS_BODY.matcher(text);
    return body.find() ? tidy(body.group(1)) : host.startsWith("www.") ? host.substring(4) : host;
  }

  /** Keeps the trust's name, not the sentence it stands in ("Leaflet produced by Guy's and St Thomas' NHS…"). */
  private static String tidy(String name) {
    String n = name.strip().replaceAll("\\s+", " ");
    Matcher lead = Pattern.compile("(?i)^.*\\b(?:by|from|at|of|the|contact|©|copyright)\\s+(?=[A-Z])").matcher(n);
    if (lead.find() && lead.end() < n.length() - 8) n = n.substring(lead.end());
    return n;
  }

  private static String titleCase(String caps) {
    StringBuilder b = new StringBuilder();
    for (String w : caps.toLowerCase(Locale.ROOT).split(" ")) {
      if (b.length() > 0) b.append(' ');
      b.append(w.isEmpty() ? w : Character.toUpperCase(w.charAt(0)) + w.substring(1));
    }
    return b.toString();
  }

  private static int count(Pattern p, String text) {
    Matcher m = p.matcher(text);
    int n = 0;
    while (m.find()) n++;
    return n;
  }

  record Address(String url, String host, String path, boolean schemed, int line) {}

  /**
   * The page's address: one with a scheme (a browser's footer) before a bare one (a leaflet's foot), then the
   * one with the longest path; an e-mail address is none.
   */
  static Address address(List<String> lines) {
    Address best = null;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      // A long address wrapped onto the next line: that line is one piece of path ("…-therapy-hrt/").
      if (i + 1 < lines.size() && lines.get(i + 1).matches("[\\w./%?=&#~+-]*[-/_][\\w./%?=&#~+-]*/?")
          && line.matches(".*/\\S*[-_]$|.*/[\\w-]{12,}$") && !lines.get(i + 1).matches("\\d{1,2}\\s?/\\s?\\d{1,2}")) {
        line = line + lines.get(i + 1);
      }
      Matcher m = ADDRESS.matcher(line);
      while (m.find()) {
        String host = m.group("host").toLowerCase(Locale.ROOT).replace(',', '.').replaceFirst("^www\\.?\\s", "www.");
        if (!host.contains(".") || host.length() < 5) continue;
        String path = m.group("path") == null ? "" : m.group("path");
        path = path.replaceAll("[.,;:!?)]+$", "");
        boolean schemed = m.group(1) != null;
        String scheme = schemed ? (m.group(2) != null && !m.group(2).isEmpty() ? "https://" : "http://") : "";
        // OCR drops the s of https rarely, a printed http:// page is rarer still: a misread scheme is https.
        if (schemed && !m.group(1).toLowerCase(Locale.ROOT).replaceAll("\\s", "").startsWith("http:")) scheme = "https://";
        String url = scheme + host + path;
        Address a = new Address(url, host, path, schemed, i);
        if (best == null || better(a, best)) best = a;
      }
    }
    return best;
  }

  private static boolean better(Address a, Address b) {
    if (a.schemed() != b.schemed()) return a.schemed();
    return a.path().length() > b.path().length();
  }

  /** The first sentences of the body after the title: what the GP reads before opening the photo. */
  private static String excerpt(List<String> lines, int titleLine) {
    StringBuilder b = new StringBuilder();
    for (int i = Math.max(0, titleLine + 1); i < lines.size() && b.length() < 240; i++) {
      String l = lines.get(i).strip();
      if (CLUTTER.matcher(l).matches() || PageTitle.DATE_TIME.matcher(OcrRepair.digits(l)).find() || l.split("\\s+").length < 4) {
        if (b.length() > 0 && l.isEmpty()) break;
        continue;
      }
      if (ADDRESS.matcher(l).find() && l.split("\\s+").length <= 4) continue;
      if (b.length() > 0) b.append(' ');
      b.append(l);
    }
    if (b.length() == 0) return null;
    String s = b.toString();
    if (s.length() <= 240) return s;
    int stop = s.lastIndexOf(". ", 240);
    return stop > 80 ? s.substring(0, stop + 1) : s.substring(0, 237).strip() + "…";
  }

  /**
   * The page's lines, each cut at {@link #LINE_CHARS}: a printed line is shorter, and the patterns above must
   * never meet a line of thousands of characters (a PDF's text layer can hold one).
   */
  private static List<String> lines(String text) {
    List<String> out = new ArrayList<>();
    for (String l : text.split("\\R")) {
      String s = l.replace('\u00A0', ' ').replaceAll("[\\t ]+", " ").strip();
      if (s.length() > LINE_CHARS) s = s.substring(0, LINE_CHARS);
      if (!s.isEmpty()) out.add(s);
    }
    return out;
  }

  static final int LINE_CHARS = 300;

  /** The text as printed, each line cut at {@link #LINE_CHARS}. */
  private static String bounded(String text) {
    StringBuilder b = new StringBuilder(text.length());
    for (String l : text.split("\\R", -1)) {
      if (b.length() > 0) b.append('\n');
      b.append(l.length() > LINE_CHARS ? l.substring(0, LINE_CHARS) : l);
    }
    return b.toString();
  }
}
