package app.previsit.printout;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * A PDF's first pages: a page saved from a browser or a leaflet downloaded has its text inside, which is
 * exact and costs nothing to read; a scan has none and its first pages are rendered for OCR. What is kept
 * for the GP is a picture of the first page, never the PDF itself: a PDF can carry metadata, a scanner's or
 * camera's GPS position, embedded files and scripts, and none of that should be kept or opened by a GP.
 *
 * <p>A PDF is a program more than a picture, so it is read within bounds: a memory budget for its streams,
 * at most {@link #GLYPHS_PER_PAGE} characters a page (a few kilobytes can draw millions), no image over
 * {@link #MAX_IMAGE_PIXELS}, and pages rendered at a resolution that keeps them under ~30 megapixels.
 */
final class PdfPages {
  /** Patients' PDFs run long (a whole leaflet); the first pages say what it is. */
  static final int PAGES = 3;
  static final int SCAN_PAGES = 2;
  /** A dense printed page has ~5,000 characters; a page with more is not a printout. */
  static final int GLYPHS_PER_PAGE = 20_000;
  static final long MAX_IMAGE_PIXELS = 40_000_000L;
  static final long MAX_CONTENT_BYTES = 8L * 1024 * 1024;
  private static final long STREAM_MEMORY = 64L * 1024 * 1024;
  private static final float RENDER_DPI = 200f;
  private static final float KEPT_DPI = 150f;
  private static final int FORM_DEPTH = 4;

  record Pages(String text, List<BufferedImage> scans, BufferedImage firstPage) {}

  static Pages read(byte[] pdf) throws PrintoutRefused {
    try (PDDocument doc = Loader.loadPDF(pdf, "", null, null, MemoryUsageSetting.setupMainMemoryOnly(STREAM_MEMORY).streamCache)) {
      if (doc.isEncrypted() && !doc.getCurrentAccessPermission().canExtractContent()) {
        throw new PrintoutRefused(PrintoutRefused.Why.UNREADABLE, "the PDF is locked");
      }
      int pages = Math.min(PAGES, doc.getNumberOfPages());
      if (pages == 0) throw new PrintoutRefused(PrintoutRefused.Why.UNREADABLE, "the PDF has no pages");
      for (int p = 0; p < pages; p++) {
        checkContents(doc.getPage(p));
        checkImages(doc.getPage(p).getResources(), 0);
      }
      String text = text(doc, pages);
      PDFRenderer renderer = new PDFRenderer(doc);
      renderer.setSubsamplingAllowed(true);
      BufferedImage first = render(renderer, doc, 0, KEPT_DPI);
      if (text.chars().filter(Character::isLetter).count() >= 40) return new Pages(text, List.of(), first);
      List<BufferedImage> scans = new ArrayList<>();
      for (int p = 0; p < Math.min(SCAN_PAGES, pages); p++) {
        scans.add(PhotoDecoder.scaledTo(render(renderer, doc, p, RENDER_DPI), PhotoDecoder.OCR_LONG_SIDE));
      }
      return new Pages("", scans, first);
    } catch (PrintoutRefused e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw new PrintoutRefused(PrintoutRefused.Why.UNREADABLE, "the PDF cannot be opened");
    }
  }

  /** The text of the first pages, page by page, each stopped past {@link #GLYPHS_PER_PAGE} characters. */
  private static String text(PDDocument doc, int pages) throws IOException, PrintoutRefused {
    StringBuilder all = new StringBuilder();
    for (int p = 1; p <= pages; p++) {
      BoundedStripper stripper = new BoundedStripper();
      stripper.setStartPage(p);
      stripper.setEndPage(p);
      try {
        all.append(stripper.getText(doc));
      } catch (TooMuchText e) {
        throw new PrintoutRefused(PrintoutRefused.Why.UNREADABLE, "more text on a page than any printout has");
      }
      if (all.length() > PrintoutReading.MAX_TEXT_CHARS) break;
    }
    return all.toString();
  }

  private static final class TooMuchText extends RuntimeException {
    TooMuchText() {
      super(null, null, false, false);
    }
  }

  /** Counts characters as the page is read (before its text is put together, which is where memory goes). */
  private static final class BoundedStripper extends PDFTextStripper {
    private int glyphs;

    @Override
    protected void processTextPosition(TextPosition text) {
      if (++glyphs > GLYPHS_PER_PAGE) throw new TooMuchText();
      super.processTextPosition(text);
    }
  }

  /**
   * Refuses a page whose drawing instructions run past {@link #MAX_CONTENT_BYTES} once decompressed (a printed
   * page needs well under a megabyte; a kilobyte of "deflate bomb" can unpack to gigabytes and take seconds).
   */
  private static void checkContents(PDPage page) throws IOException, PrintoutRefused {
    org.apache.pdfbox.cos.COSBase contents = page.getCOSObject().getDictionaryObject(COSName.CONTENTS);
    List<org.apache.pdfbox.cos.COSStream> streams = new ArrayList<>();
    if (contents instanceof org.apache.pdfbox.cos.COSStream one) streams.add(one);
    if (contents instanceof org.apache.pdfbox.cos.COSArray many) {
      for (int i = 0; i < many.size(); i++) {
        if (many.getObject(i) instanceof org.apache.pdfbox.cos.COSStream s) streams.add(s);
      }
    }
    long total = 0;
    for (org.apache.pdfbox.cos.COSStream s : streams) {
      // Inflated here by counting only (PDFBox would unpack it whole into memory first): plain or deflated
      // streams are measured; other filters, rare in a page's content, are left to the other bounds.
      org.apache.pdfbox.cos.COSBase filter = s.getFilters();
      boolean deflated = COSName.FLATE_DECODE.equals(filter)
          || filter instanceof org.apache.pdfbox.cos.COSArray f && f.size() == 1 && COSName.FLATE_DECODE.equals(f.getObject(0));
      if (filter == null) {
        total += s.getLength();
      } else if (deflated) {
        try (java.io.InputStream in = new java.util.zip.InflaterInputStream(s.createRawInputStream())) {
          byte[] buffer = new byte[64 * 1024];
          for (int n = in.read(buffer); n > 0 && total <= MAX_CONTENT_BYTES; n = in.read(buffer)) total += n;
        } catch (java.util.zip.ZipException e) {
          throw new PrintoutRefused(PrintoutRefused.Why.UNREADABLE, "the page's content is damaged");
        }
      }
      if (total > MAX_CONTENT_BYTES) throw new PrintoutRefused(PrintoutRefused.Why.TOO_BIG, "the page's content is too large");
    }
  }

  /** Refuses a page whose images (in forms too, a few levels down) claim more pixels than a photo has. */
  private static void checkImages(PDResources resources, int depth) throws IOException, PrintoutRefused {
    if (resources == null || depth > FORM_DEPTH) return;
    for (COSName name : resources.getXObjectNames()) {
      PDXObject x = resources.getXObject(name);
      if (x instanceof PDImageXObject image) {
        if ((long) image.getWidth() * image.getHeight() > MAX_IMAGE_PIXELS || image.getWidth() <= 0 || image.getHeight() <= 0) {
          throw new PrintoutRefused(PrintoutRefused.Why.TOO_BIG, "an image in the PDF is too large");
        }
      } else if (x instanceof PDFormXObject form) {
        checkImages(form.getResources(), depth + 1);
      }
    }
  }

  private static BufferedImage render(PDFRenderer renderer, PDDocument doc, int page, float maxDpi) throws IOException {
    PDPage p = doc.getPage(page);
    var box = p.getMediaBox();
    // A page may claim to be metres wide: render it at a resolution that keeps it under ~30 megapixels.
    double squareInches = Math.max(1e-3, box.getWidth() / 72.0 * box.getHeight() / 72.0);
    float dpi = (float) Math.max(1, Math.min(maxDpi, Math.sqrt(30_000_000 / squareInches)));
    return renderer.renderImageWithDPI(page, dpi, ImageType.RGB);
  }
}
