package app.previsit.printout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Real Tesseract and Leptonica (bytedeco natives, the trained data shipped in the jar) on printouts made in
 * the test: a clean photo, a tilted, shaded and soft one, a phone photo turned by its Exif tag, a screenshot,
 * PDFs with and without text; and the files refused before any pixel is decoded.
 */
class PrintoutReaderTest {
  static final String NHS_PAGE = PrintedPages.NHS_SCIATICA;

  static final String CHARITY_LEAFLET = """
      Diabetes UK
      Know diabetes. Fight diabetes.
      Eating well with type 2 diabetes
      Making healthier food choices can help you manage your blood sugar
      and lower your risk of complications. Here are some simple swaps to try
      at breakfast, lunch and dinner, and what to look for on food labels.
      Call our helpline on 0345 123 2399
      www.diabetes.org.uk/guide-to-diabetes/enjoy-food""";

  static PrintoutReader reader;

  @BeforeAll
  static void warm() throws Exception {
    reader = new PrintoutReader();
    reader.read(PrintedPages.jpeg(PrintedPages.sheet(NHS_PAGE, 1240, 1754), 0.9f));
  }

  @Test
  void aCleanPhotoOfAnNhsPageIsReadWithItsSourceTitleAndAddress() throws Exception {
    PrintoutReading r = reader.read(PrintedPages.jpeg(PrintedPages.sheet(NHS_PAGE, 1240, 1754), 0.9f));
    assertTrue(r.readable());
    assertEquals("nhs", r.facts().kind());
    assertEquals("NHS website", r.facts().publisher());
    assertEquals("Sciatica", r.facts().title());
    assertEquals("https://www.nhs.uk/conditions/sciatica/", r.facts().url());
    assertTrue(r.text().contains("sciatic nerve"), r.text());
    double chars = characterAccuracy(NHS_PAGE, r.text());
    assertTrue(chars >= 0.97, "characters read right: " + chars);
    System.out.printf("clean NHS page photo: %d ms, confidence %d, characters %.3f%n", r.millis(), r.confidence(), chars);
  }

  @Test
  void aTiltedShadedSoftPhoneJpegStillNamesTheCharityAndTitle() throws Exception {
    BufferedImage photo = PrintedPages.photographed(PrintedPages.sheet(CHARITY_LEAFLET, 1240, 1754), 1.5, true, true);
    PrintoutReading r = reader.read(PrintedPages.jpeg(photo, 0.7f));
    assertTrue(r.readable(), r.text());
    assertEquals("charity", r.facts().kind(), r.text());
    assertEquals("Diabetes UK", r.facts().publisher());
    assertEquals("Eating well with type 2 diabetes", r.facts().title(), r.text());
    assertEquals("www.diabetes.org.uk/guide-to-diabetes/enjoy-food", r.facts().url());
    double chars = characterAccuracy(CHARITY_LEAFLET, r.text());
    assertTrue(chars >= 0.95, "characters read right: " + chars);
    System.out.printf("tilted, shaded, soft photo: %d ms, confidence %d, characters %.3f%n", r.millis(), r.confidence(), chars);
  }

  @Test
  void aTwelveMegapixelPhotoTurnedByItsExifTagIsReadUprightAndKeptWithoutMetadata() throws Exception {
    // The camera saved the page lying on its side (pixels turned a quarter anticlockwise) and tag 6 to turn it back.
    BufferedImage sheet = PrintedPages.sheet(NHS_PAGE, 3000, 3800); // photographed: 3450 x 4180, decoded every second pixel
    BufferedImage photo = PrintedPages.photographed(sheet, -0.8, true, false);
    BufferedImage sideways = PhotoDecoder.turned(photo, 8);
    assertTrue(sideways.getWidth() * (long) sideways.getHeight() > 11_000_000L);
    byte[] jpeg = PrintedPages.withExif(PrintedPages.jpeg(sideways, 0.85f), 6);
    assertEquals(6, ExifOrientation.of(jpeg));
    PrintoutReading r = reader.read(jpeg);
    assertEquals("Sciatica", r.facts().title(), r.text());
    assertEquals("https://www.nhs.uk/conditions/sciatica/", r.facts().url());
    String kept = new String(r.kept(), StandardCharsets.ISO_8859_1);
    assertFalse(kept.contains("Exif"), "the kept copy has no Exif block");
    assertEquals(1, ExifOrientation.of(r.kept()));
    BufferedImage keptImage = ImageIO.read(new ByteArrayInputStream(r.kept()));
    assertTrue(keptImage.getHeight() > keptImage.getWidth(), "kept upright, like the page");
    assertTrue(Math.max(keptImage.getWidth(), keptImage.getHeight()) <= PhotoDecoder.KEPT_LONG_SIDE);
    double chars = characterAccuracy(NHS_PAGE, r.text());
    assertTrue(chars >= 0.95, "characters read right: " + chars);
    System.out.printf("12 MP photo with Exif turn: %d ms, kept %d KB, characters %.3f%n", r.millis(), r.kept().length / 1024, chars);
  }

  @Test
  void aScreenshotPngIsRead() throws Exception {
    PrintoutReading r = reader.read(PrintedPages.png(PrintedPages.sheet(NHS_PAGE, 1080, 1700)));
    assertEquals("image/png", r.keptType());
    assertEquals("Sciatica", r.facts().title());
  }

  @Test
  void aPdfSavedFromABrowserGivesItsTextWithoutOcr() throws Exception {
    byte[] pdf = PrintedPages.pdfWithText(NHS_PAGE);
    PrintoutReading r = reader.read(pdf);
    assertEquals("nhs", r.facts().kind());
    assertEquals("Sciatica", r.facts().title());
    assertEquals("https://www.nhs.uk/conditions/sciatica/", r.facts().url());
    assertEquals("image/jpeg", r.keptType(), "a picture of the first page is kept, never the PDF");
    assertTrue(javax.imageio.ImageIO.read(new ByteArrayInputStream(r.kept())).getHeight() > 1000);
    assertEquals(100, r.confidence(), "a text layer is exact");
  }

  @Test
  void aScannedPdfIsRecognised() throws Exception {
    PrintoutReading r = reader.read(PrintedPages.scannedPdf(PrintedPages.sheet(CHARITY_LEAFLET, 1240, 1754)));
    assertEquals("Diabetes UK", r.facts().publisher(), r.text());
    assertEquals("Eating well with type 2 diabetes", r.facts().title());
  }

  @Test
  void aPhotoOfNoTextIsKeptButCalledUnreadable() throws Exception {
    BufferedImage blank = new BufferedImage(800, 600, BufferedImage.TYPE_INT_RGB);
    PrintoutReading r = reader.read(PrintedPages.jpeg(blank, 0.8f));
    assertFalse(r.readable());
    assertNotNull(r.kept());
    assertEquals(PageFacts.NOTHING, r.facts());
  }

  @Test
  void anImageBombIsRefusedBeforeItIsDecoded() {
    byte[] bomb = PrintedPages.pngClaiming(50_000, 50_000);
    assertTrue(bomb.length < 100);
    long start = System.nanoTime();
    PrintoutRefused e = assertThrows(PrintoutRefused.class, () -> reader.read(bomb));
    assertEquals(PrintoutRefused.Why.TOO_BIG, e.why());
    assertTrue(System.nanoTime() - start < 2_000_000_000L);
  }

  @Test
  void filesThatAreNotPhotosOrPdfsAreRefusedByTheirBytesNotTheirNames() throws Exception {
    assertEquals(PrintoutRefused.Why.UNSUPPORTED,
        assertThrows(PrintoutRefused.class, () -> reader.read("GIF89a............".getBytes(StandardCharsets.US_ASCII))).why());
    byte[] heic = new byte[64];
    System.arraycopy("\0\0\0\u0018ftypheic".getBytes(StandardCharsets.ISO_8859_1), 0, heic, 0, 12);
    assertEquals(FileType.HEIC, FileType.of(heic));
    assertEquals(PrintoutRefused.Why.UNSUPPORTED, assertThrows(PrintoutRefused.class, () -> reader.read(heic)).why());
    byte[] brokenJpeg = java.util.Arrays.copyOf(PrintedPages.jpeg(PrintedPages.sheet("x", 200, 200), 0.8f), 40);
    assertEquals(PrintoutRefused.Why.UNREADABLE, assertThrows(PrintoutRefused.class, () -> reader.read(brokenJpeg)).why());
    byte[] notPdf = "%PDF-1.7 this is not really a pdf at all".getBytes(StandardCharsets.US_ASCII);
    assertEquals(PrintoutRefused.Why.UNREADABLE, assertThrows(PrintoutRefused.class, () -> reader.read(notPdf)).why());
  }

  @Test
  void aPdfIsReadWithinBoundsAndKeptAsAPictureWithoutItsMetadata() throws Exception {
    // A few kilobytes drawing 400,000 characters on one page: refused quickly, memory untouched.
    byte[] textBomb = PrintedPages.pdfDrawing(400_000);
    assertTrue(textBomb.length < 100_000, "small on the wire: " + textBomb.length);
    long start = System.nanoTime();
    assertEquals(PrintoutRefused.Why.UNREADABLE, assertThrows(PrintoutRefused.class, () -> reader.read(textBomb)).why());
    assertTrue(System.nanoTime() - start < 5_000_000_000L);
    // Drawing instructions that unpack from a few kilobytes to 40 MB are measured, never unpacked whole.
    byte[] deflateBomb = PrintedPages.pdfUnpackingTo(40);
    assertTrue(deflateBomb.length < 500_000, "small on the wire: " + deflateBomb.length);
    assertEquals(PrintoutRefused.Why.TOO_BIG, assertThrows(PrintoutRefused.class, () -> reader.read(deflateBomb)).why());
    // An image claiming 30,000 x 30,000 pixels is never decoded.
    assertEquals(PrintoutRefused.Why.TOO_BIG,
        assertThrows(PrintoutRefused.class, () -> reader.read(PrintedPages.pdfWithImageClaiming(30_000))).why());
    // What is kept of a PDF is a picture of its first page: no author, no XMP, no GPS note.
    PrintoutReading r = reader.read(PrintedPages.pdfWithMetadata(NHS_PAGE, "GPS-SECRET-51.5"));
    assertEquals("Sciatica", r.facts().title());
    assertEquals("image/jpeg", r.keptType());
    assertFalse(new String(r.kept(), StandardCharsets.ISO_8859_1).contains("GPS-SECRET"), "no metadata kept");
  }

  @Test
  void aLineOfThousandsOfHostLabelsNeitherOverflowsNorStalls() {
    String text = "Sciatica\nhttps://" + "a.".repeat(4000) + "nhs.uk/x\n" + "-".repeat(19_000) + "\nSome words of a page";
    long start = System.nanoTime();
    new PageUnderstanding().read(text);
    assertTrue(System.nanoTime() - start < 2_000_000_000L);
  }

  @Test
  void everyExifTurnPutsTheTopLeftCornerBackInPlace() {
    BufferedImage marked = new BufferedImage(30, 20, BufferedImage.TYPE_INT_RGB);
    marked.setRGB(0, 0, 0xFF0000);
    // What a camera stores for each tag, turned back by the decoder, must have red at the top left again.
    for (int tag = 1; tag <= 8; tag++) {
      BufferedImage stored = stored(marked, tag);
      BufferedImage upright = PhotoDecoder.turned(stored, tag);
      assertEquals(30, upright.getWidth(), "tag " + tag);
      assertEquals(0xFF0000, upright.getRGB(0, 0) & 0xFFFFFF, "tag " + tag);
    }
  }

  /**
   * The share of the printed characters read right: one less the edit distance between what was printed and
   * what was read, over the printed length (spaces and line breaks counted as one space).
   */
  static double characterAccuracy(String printed, String read) {
    String a = printed.replaceAll("\\s+", " ").strip();
    String b = read.replaceAll("\\s+", " ").strip();
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) prev[j] = j;
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return 1.0 - (double) prev[b.length()] / a.length();
  }

  /** The inverse of each Exif turn, written out independently of the decoder. */
  private static BufferedImage stored(BufferedImage up, int tag) {
    int w = up.getWidth();
    int h = up.getHeight();
    boolean swap = tag >= 5;
    BufferedImage s = new BufferedImage(swap ? h : w, swap ? w : h, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int sx;
        int sy;
        switch (tag) {
          case 1 -> { sx = x; sy = y; }
          case 2 -> { sx = w - 1 - x; sy = y; }
          case 3 -> { sx = w - 1 - x; sy = h - 1 - y; }
          case 4 -> { sx = x; sy = h - 1 - y; }
          case 5 -> { sx = y; sy = x; }
          case 6 -> { sx = y; sy = w - 1 - x; }   // stored turned anticlockwise; tag 6 turns it clockwise
          case 7 -> { sx = h - 1 - y; sy = w - 1 - x; }
          default -> { sx = h - 1 - y; sy = x; }  // 8: stored turned clockwise
        }
        s.setRGB(sx, sy, up.getRGB(x, y));
      }
    }
    return s;
  }
}
