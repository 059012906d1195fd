package app.previsit.printout;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a photo or PDF of a printout: decode safely, recognise the text (or take a PDF's own), and read what
 * the page says about itself. Blocking, CPU-heavy work (~0.2–0.5 s a page): run it on {@link ReadingQueue}'s
 * workers, never on an event loop.
 */
public final class PrintoutReader {
  /** Fewer real words than this and the photo is called unreadable (kept, but not described). */
  static final int MIN_WORDS = 8;
  private static final Pattern WORD = Pattern.compile("\\p{L}{3,}");

  private final PhotoDecoder photos = new PhotoDecoder();
  private final PageUnderstanding understanding;

  public PrintoutReader() {
    this(new PageUnderstanding());
  }

  PrintoutReader(PageUnderstanding understanding) {
    this.understanding = understanding;
  }

  public PrintoutReading read(byte[] bytes) throws PrintoutRefused {
    long start = System.nanoTime();
    FileType type = FileType.of(bytes);
    String text;
    int confidence;
    byte[] kept;
    String keptType;
    switch (type) {
      case JPEG, PNG -> {
        PhotoDecoder.Decoded d = photos.decode(bytes, type);
        PageOcr.Result r = PageOcr.forThisThread().read(d.forReading());
        text = r.text();
        confidence = r.confidence();
        kept = d.kept();
        keptType = d.keptType();
      }
      case PDF -> {
        PdfPages.Pages pages = PdfPages.read(bytes);
        StringBuilder b = new StringBuilder(pages.text());
        int conf = pages.scans().isEmpty() ? 100 : 0;
        for (var scan : pages.scans()) {
          PageOcr.Result r = PageOcr.forThisThread().read(scan);
          b.append(r.text()).append('\n');
          conf = Math.max(conf, r.confidence());
        }
        text = b.toString();
        confidence = conf;
        // A picture of the first page, not the PDF: nothing of its metadata, attachments or scripts is kept.
        kept = PhotoDecoder.encode(PhotoDecoder.scaledTo(pages.firstPage(), PhotoDecoder.KEPT_LONG_SIDE), "jpg");
        keptType = FileType.JPEG.contentType;
      }
      case HEIC -> throw new PrintoutRefused(PrintoutRefused.Why.UNSUPPORTED, "HEIC photos cannot be read here");
      default -> throw new PrintoutRefused(PrintoutRefused.Why.UNSUPPORTED, "not a photo or a PDF");
    }
    text = clean(text);
    boolean readable = words(text) >= MIN_WORDS;
    PageFacts facts = readable ? understanding.read(text) : PageFacts.NOTHING;
    return new PrintoutReading(readable, text, facts, confidence, kept, keptType, (System.nanoTime() - start) / 1_000_000);
  }

  /** Control characters out, runs of blank lines shortened, long text cut. */
  static String clean(String text) {
    String t = text == null ? "" : text.replaceAll("[\\p{Cc}&&[^\\n\\t]]", "").replaceAll("\\n{3,}", "\n\n").strip();
    return t.length() > PrintoutReading.MAX_TEXT_CHARS ? t.substring(0, PrintoutReading.MAX_TEXT_CHARS) : t;
  }

  static int words(String text) {
    Matcher m = WORD.matcher(text);
    int n = 0;
    while (m.find()) n++;
    return n;
  }
}
