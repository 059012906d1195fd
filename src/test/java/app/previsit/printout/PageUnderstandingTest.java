package app.previsit.printout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What a printed page says about itself, over three sets of page texts as OCR gives them (see the README of
 * each): {@code dev} written by the developer, {@code tune} by a helper for tuning (the rules were fitted to
 * it), {@code blind} by another helper who saw neither the code nor the rules, frozen and never tuned on.
 * The floors are the figures measured when each was last changed; a fall fails the build.
 */
class PageUnderstandingTest {
  record Score(int n, int kind, int publisher, int title, int url) {}

  static Score score(String set) throws IOException {
    PageUnderstanding u = new PageUnderstanding();
    List<String> rows = read("/printout/" + set + "/expected.tsv").lines().toList();
    int n = 0, kind = 0, publisher = 0, title = 0, url = 0;
    for (String row : rows.subList(1, rows.size())) {
      String[] f = row.split("\t", -1);
      PageFacts p = u.read(read("/printout/" + set + "/" + f[0]));
      n++;
      if (f[1].equals(p.kind())) kind++;
      if (f[2].isEmpty() ? p.publisher() == null : f[2].equalsIgnoreCase(String.valueOf(p.publisher()))) publisher++;
      if (norm(f[3]).equals(norm(String.valueOf(p.title())))) title++;
      if (f[4].isEmpty() ? p.url() == null : bare(f[4]).equals(bare(String.valueOf(p.url())))) url++;
    }
    Score s = new Score(n, kind, publisher, title, url);
    System.out.println("printouts " + set + ": " + s);
    return s;
  }

  @Test
  void theDevelopersOwnPages() throws IOException {
    Score s = score("dev");
    assertEquals(12, s.n());
    assertEquals(12, s.kind());
    assertEquals(12, s.publisher());
    assertTrue(s.title() >= 11, s.toString());
    assertEquals(12, s.url());
  }

  @Test
  void theTuningSet() throws IOException {
    Score s = score("tune");
    assertEquals(80, s.n());
    assertTrue(s.kind() >= 78 && s.publisher() >= 62 && s.title() >= 61 && s.url() >= 78, s.toString());
  }

  /** Held out: measured, never tuned on. 2026-12-07: kind 55, publisher 49, title 19, URL 58 of 60 on the first rules. */
  @Test
  void theBlindSet() throws IOException {
    Score s = score("blind");
    assertEquals(60, s.n());
    assertTrue(s.kind() >= 58 && s.publisher() >= 50 && s.title() >= 39 && s.url() >= 59, s.toString());
  }

  @Test
  void ocrMisreadingsAreRepairedWhereEnglishAllowsNoOtherReading() {
    assertEquals("overwhelmed worse Osteoarthritis Injections IBS", OcrRepair.words("overwhe1med wor5e 0steoarthritis lnjections lBS"));
    assertEquals("Hospitals shouldn't PRACTICE DAILY pollen capital", OcrRepair.words("HospitaIs shouIdn't PRACTlCE DAlLY poIIen capitaI"));
    assertEquals("Combined Symptoms Pharmacist experiment hypothyroidism main 6mm",
        OcrRepair.words("Cornbined Syrnptoms Pharrnacist experirnent hypothyroidisrn rnain 6rnm"));
    assertEquals("HbA1c 7.5mg B12 government turn modern", OcrRepair.words("HbA1c 7.5mg B12 government turn modern"));
    assertEquals("09/08/2026, 16:01", OcrRepair.digits("O9/O8/2026, 16:O1"));
    Set<String> page = OcrRepair.vocabulary("Menopause is when your periods stop");
    assertEquals("/conditions/menopause/", OcrRepair.path("/conditions/rnenopause/", page));
    assertEquals("/news/30124501", OcrRepair.path("/news/3O1245O1", page));
  }

  @Test
  void anEmailAddressIsNoPageAddressAndALinkInALeafletIsNotItsAddress() {
    PageFacts f = new PageUnderstanding().read("""
        Leeds Teaching Hospitals NHS Trust
        Pelvic floor exercises for women
        This leaflet explains how to do the exercises your physiotherapist showed you.
        Questions? Email physio.enquiries@nhs.net
        More information: www.nhs.uk/conditions/pelvic-floor-exercises""");
    assertEquals("nhs_leaflet", f.kind());
    assertEquals("Leeds Teaching Hospitals NHS Trust", f.publisher());
    assertNull(f.url());
    assertEquals("Pelvic floor exercises for women", f.title());
  }

  @Test
  void nothingToReadGivesNothing() {
    assertEquals(PageFacts.NOTHING, new PageUnderstanding().read("  \n "));
    assertEquals(PageFacts.NOTHING, new PageUnderstanding().read(null));
  }

  private static String read(String resource) throws IOException {
    try (InputStream in = PageUnderstandingTest.class.getResourceAsStream(resource)) {
      if (in == null) throw new IOException("missing test resource " + resource);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static String norm(String s) {
    return s.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
  }

  private static String bare(String url) {
    return url.toLowerCase(Locale.ROOT).replaceFirst("^https?://", "").replaceAll("/$", "");
  }
}
