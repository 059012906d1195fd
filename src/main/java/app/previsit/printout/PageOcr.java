package app.previsit.printout;

import static org.bytedeco.leptonica.global.leptonica.pixBackgroundNormSimple;
import static org.bytedeco.leptonica.global.leptonica.pixDestroy;
import static org.bytedeco.leptonica.global.leptonica.pixReadMem;
import static org.bytedeco.leptonica.global.leptonica.pixScale;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.leptonica.PIX;
import org.bytedeco.tesseract.TessBaseAPI;
import org.bytedeco.tesseract.global.tesseract;

/**
 * Tesseract on one page image, after Leptonica's background normalisation (a phone photo of paper is lit
 * unevenly: dividing by the smoothed background took a simulated one from 84% to 99.8% of characters).
 *
 * <p>A Tesseract engine is not thread-safe and takes ~0.1 s to start: each OCR worker thread keeps its own
 * ({@link #forThisThread()}); the pool that runs them has one thread per core, so there is one engine per core.
 */
final class PageOcr {
  /** Text and Tesseract's mean word confidence (0–100). */
  record Result(String text, int confidence) {}

  private static final ThreadLocal<PageOcr> PER_THREAD = ThreadLocal.withInitial(PageOcr::new);

  static {
    // Leptonica reports "map not made" and the like on stderr for blank photos: our answer says it already.
    org.bytedeco.leptonica.global.leptonica.setMsgSeverity(org.bytedeco.leptonica.global.leptonica.L_SEVERITY_NONE);
  }

  private final TessBaseAPI api = new TessBaseAPI();

  private PageOcr() {
    if (api.Init(TessData.directory().toString(), "eng") != 0) {
      throw new IllegalStateException("Tesseract did not start");
    }
    api.SetPageSegMode(tesseract.PSM_AUTO);
    // Its "Estimating resolution" chatter would go to stderr on every page.
    api.SetVariable("debug_file", "/dev/null");
  }

  static PageOcr forThisThread() {
    return PER_THREAD.get();
  }

  Result read(BufferedImage image) {
    byte[] pgm = grayPgm(image);
    PIX gray = pixReadMem(pgm, pgm.length);
    if (gray == null) return new Result("", 0);
    PIX normalised = pixBackgroundNormSimple(gray, null, null);
    PIX page = normalised == null ? gray : normalised;
    // Small photos (a page far from the camera) read better a little larger.
    PIX scaled = Math.max(image.getWidth(), image.getHeight()) < 1600 ? pixScale(page, 1.5f, 1.5f) : null;
    try {
      api.SetImage(scaled != null ? scaled : page);
      BytePointer text = api.GetUTF8Text();
      try {
        String s = text == null ? "" : text.getString(StandardCharsets.UTF_8);
        return new Result(s, api.MeanTextConf());
      } finally {
        if (text != null) text.deallocate();
        api.Clear();
      }
    } finally {
      if (scaled != null) pixDestroy(scaled);
      if (normalised != null) pixDestroy(normalised);
      pixDestroy(gray);
    }
  }

  /** The image as an 8-bit grey PGM in memory: the simplest format Leptonica reads from bytes. */
  static byte[] grayPgm(BufferedImage image) {
    int w = image.getWidth();
    int h = image.getHeight();
    byte[] header = ("P5\n" + w + " " + h + "\n255\n").getBytes(StandardCharsets.US_ASCII);
    byte[] out = new byte[header.length + w * h];
    System.arraycopy(header, 0, out, 0, header.length);
    int[] row = new int[w];
    int at = header.length;
    for (int y = 0; y < h; y++) {
      image.getRGB(0, y, w, 1, row, 0, w);
      for (int x = 0; x < w; x++) {
        int p = row[x];
        int r = (p >> 16) & 0xFF;
        int g = (p >> 8) & 0xFF;
        int b = p & 0xFF;
        out[at++] = (byte) ((r * 77 + g * 150 + b * 29) >> 8);
      }
    }
    return out;
  }
}
