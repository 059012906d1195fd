package app.previsit.printout;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;

/**
 * Decodes a phone photo or screenshot safely: the size it claims is checked before any pixel is decoded (an
 * "image bomb" of a few KB can claim 50,000 × 50,000 pixels), a large photo is decoded subsampled and scaled so
 * that a 12-megapixel picture never sits in memory whole, the Exif turn is applied, and the copy that is kept
 * is re-encoded from the pixels alone, so that no metadata (Exif, GPS position, camera serial) survives.
 */
final class PhotoDecoder {
  /** More pixels than a 108-megapixel phone camera takes is not a photo of a printout. */
  static final long MAX_CLAIMED_PIXELS = 110_000_000L;
  static final int MAX_CLAIMED_SIDE = 20_000;
  /** Long side for recognition: ~170 dpi over an A4 page, enough for Tesseract (print of 10 pt is ~20 px high) and quick. */
  static final int OCR_LONG_SIDE = 2000;
  /** Long side of the copy the GP sees. */
  static final int KEPT_LONG_SIDE = 2000;
  /** At most this many pixels are decoded, whatever size a picture claims. */
  static final long DECODED_PIXELS = 16_000_000L;

  record Decoded(BufferedImage forReading, byte[] kept, String keptType) {}

  Decoded decode(byte[] bytes, FileType type) throws PrintoutRefused {
    if (type != FileType.JPEG && type != FileType.PNG) {
      throw new PrintoutRefused(PrintoutRefused.Why.UNSUPPORTED, "not a JPEG or PNG photo");
    }
    BufferedImage image = scaledTo(read(bytes), OCR_LONG_SIDE);
    if (type == FileType.JPEG) image = turned(image, ExifOrientation.of(bytes));
    BufferedImage reading = image;
    BufferedImage kept = scaledTo(image, KEPT_LONG_SIDE);
    return new Decoded(reading, encode(kept, type == FileType.PNG ? "png" : "jpg"), type == FileType.PNG ? "image/png" : "image/jpeg");
  }

  private static BufferedImage read(byte[] bytes) throws PrintoutRefused {
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
      Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
      if (!readers.hasNext()) throw new PrintoutRefused(PrintoutRefused.Why.UNREADABLE, "no reader for this image");
      ImageReader reader = readers.next();
      try {
        reader.setInput(in, true, true);
        long w = reader.getWidth(0);
        long h = reader.getHeight(0);
        if (w <= 0 || h <= 0 || w > MAX_CLAIMED_SIDE || h > MAX_CLAIMED_SIDE || w * h > MAX_CLAIMED_PIXELS) {
          throw new PrintoutRefused(PrintoutRefused.Why.TOO_BIG, "image claims " + w + "x" + h + " pixels");
        }
        ImageReadParam param = reader.getDefaultReadParam();
        // Decode every n-th pixel of a picture at least twice the size we read at (a 12-megapixel photo: every
        // second): memory stays bounded and the decode takes a third of the time; what is left is scaled smoothly.
        int step = (int) Math.max(1, Math.max(w, h) / OCR_LONG_SIDE);
        // However it is shaped, what is decoded stays under ~16 megapixels (64 MB as RGB, more for 16-bit PNGs).
        while ((w / step) * (h / step) > DECODED_PIXELS) step++;
        if (step > 1) param.setSourceSubsampling(step, step, 0, 0);
        BufferedImage image = reader.read(0, param);
        if (image == null) throw new PrintoutRefused(PrintoutRefused.Why.UNREADABLE, "empty image");
        return image;
      } finally {
        reader.dispose();
      }
    } catch (IOException | RuntimeException e) {
      throw new PrintoutRefused(PrintoutRefused.Why.UNREADABLE, "image cannot be decoded");
    }
  }

  static BufferedImage scaledTo(BufferedImage image, int longSide) {
    int w = image.getWidth();
    int h = image.getHeight();
    double f = Math.min(1.0, (double) longSide / Math.max(w, h));
    int nw = Math.max(1, (int) Math.round(w * f));
    int nh = Math.max(1, (int) Math.round(h * f));
    BufferedImage out = new BufferedImage(nw, nh, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = out.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
    g.setColor(java.awt.Color.WHITE); // a transparent screenshot reads as black on white, not black on black
    g.fillRect(0, 0, nw, nh);
    g.drawImage(image, 0, 0, nw, nh, null);
    g.dispose();
    return out;
  }

  /** Applies an Exif orientation (1–8) to the pixels: where each source pixel (x, y) lands. */
  static BufferedImage turned(BufferedImage src, int orientation) {
    if (orientation <= 1 || orientation > 8) return src;
    int w = src.getWidth();
    int h = src.getHeight();
    boolean swap = orientation >= 5;
    BufferedImage out = new BufferedImage(swap ? h : w, swap ? w : h, BufferedImage.TYPE_INT_RGB);
    int[] row = new int[w];
    for (int y = 0; y < h; y++) {
      src.getRGB(0, y, w, 1, row, 0, w);
      for (int x = 0; x < w; x++) {
        int dx;
        int dy;
        switch (orientation) {
          case 2 -> { dx = w - 1 - x; dy = y; }
          case 3 -> { dx = w - 1 - x; dy = h - 1 - y; }
          case 4 -> { dx = x; dy = h - 1 - y; }
          case 5 -> { dx = y; dy = x; }
          case 6 -> { dx = h - 1 - y; dy = x; }
          case 7 -> { dx = h - 1 - y; dy = w - 1 - x; }
          default -> { dx = y; dy = w - 1 - x; } // 8
        }
        out.setRGB(dx, dy, row[x]);
      }
    }
    return out;
  }

  /** Pixels only: ImageIO writes a bare JFIF or PNG header, so nothing of the original's metadata is kept. */
  static byte[] encode(BufferedImage image, String format) {
    try (ByteArrayOutputStream bytes = new ByteArrayOutputStream(); ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
      ImageWriter writer = ImageIO.getImageWritersByFormatName(format).next();
      try {
        writer.setOutput(out);
        ImageWriteParam p = writer.getDefaultWriteParam();
        if (format.equals("jpg")) {
          p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
          p.setCompressionQuality(0.85f);
        }
        writer.write(null, new IIOImage(image, null, null), p);
      } finally {
        writer.dispose();
      }
      out.flush();
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
