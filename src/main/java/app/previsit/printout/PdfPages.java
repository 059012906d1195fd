package app.previsit.printout;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * A PDF's first pages: a page saved from a browser or a leaflet downloaded has its text inside, which is
 * exact and costs nothing to read; a scan has none and its first pages are rendered for OCR.
 */
final class PdfPages {
  /** Patients' PDFs run long (a whole leaflet); the first pages say what it is. */
  static final int PAGES = 3;
  static final int SCAN_PAGES = 2;
  private static final float RENDER_DPI = 200f;

  record Pages(String text, List<BufferedImage> scans) {}

  static Pages read(byte[] pdf) throws PrintoutRefused {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      if (doc.isEncrypted() && !doc.getCurrentAccessPermission().canExtractContent()) {
        throw new PrintoutRefused(PrintoutRefused.Why.UNREADABLE, "the PDF is locked");
      }
      PDFTextStripper stripper = new PDFTextStripper();
      stripper.setStartPage(1);
      stripper.setEndPage(Math.min(PAGES, doc.getNumberOfPages()));
      String text = stripper.getText(doc);
      if (text.chars().filter(Character::isLetter).count() >= 40) return new Pages(text, List.of());
      List<BufferedImage> scans = new ArrayList<>();
      PDFRenderer renderer = new PDFRenderer(doc);
      for (int p = 0; p < Math.min(SCAN_PAGES, doc.getNumberOfPages()); p++) {
        var box = doc.getPage(p).getMediaBox();
        // A page may claim to be metres wide: render it at a resolution that keeps it under ~30 megapixels.
        double squareInches = Math.max(1e-3, box.getWidth() / 72.0 * box.getHeight() / 72.0);
        float dpi = (float) Math.min(RENDER_DPI, Math.sqrt(30_000_000 / squareInches));
        BufferedImage page = renderer.renderImageWithDPI(p, dpi, ImageType.RGB);
        scans.add(PhotoDecoder.scaledTo(page, PhotoDecoder.OCR_LONG_SIDE));
      }
      return new Pages("", scans);
    } catch (IOException | RuntimeException e) {
      throw new PrintoutRefused(PrintoutRefused.Why.UNREADABLE, "the PDF cannot be opened");
    }
  }
}
