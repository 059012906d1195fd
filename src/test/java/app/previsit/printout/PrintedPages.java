package app.previsit.printout;

import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.ConvolveOp;
import java.awt.image.Kernel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.CRC32;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;

/**
 * Printouts made in the test: a page's text rendered as a sheet of paper, then photographed the way a
 * patient does it (uneven light, a slight tilt, softness, JPEG), or saved as a PDF. Nothing comes from disk.
 */
public final class PrintedPages {
  /** An NHS web page printed from a browser: header with date and tab title, footer with the address. */
  public static final String NHS_SCIATICA = """
      07/12/2026, 14:32 Sciatica - NHS
      Skip to main content
      Health A-Z
      Sciatica
      Sciatica is when the sciatic nerve, which runs from your lower back
      to your feet, is irritated or compressed. It usually gets better in
      4 to 6 weeks but can last longer.
      Check if you have sciatica
      The main symptom of sciatica is pain, tingling or numbness that
      spreads from your bottom down the back of your leg.
      Page last reviewed: 21 March 2024
      https://www.nhs.uk/conditions/sciatica/ 1/3""";

  private PrintedPages() {}

  /** The NHS page as a patient photographs it: a phone JPEG, slightly tilted and shaded. */
  public static byte[] sciaticaPhoto() {
    return jpeg(photographed(sheet(NHS_SCIATICA, 1240, 1754), 1.0, true, false), 0.8f);
  }

  /** A sheet of A4 at ~150 dpi with the text on it: black on white. */
  public static BufferedImage sheet(String text, int width, int height) {
    BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, width, height);
    g.setColor(new Color(25, 25, 25));
    int size = Math.max(14, width / 52);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, size));
    int y = size * 3;
    for (String line : text.split("\n")) {
      g.drawString(line, size * 2, y);
      y += (int) (size * 1.6);
    }
    g.dispose();
    return img;
  }

  /** The sheet as a phone sees it: on a desk, tilted by {@code degrees}, lit from one side, a little soft. */
  public static BufferedImage photographed(BufferedImage sheet, double degrees, boolean shaded, boolean blurred) {
    int w = (int) (sheet.getWidth() * 1.15);
    int h = (int) (sheet.getHeight() * 1.1);
    BufferedImage photo = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = photo.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    g.setColor(new Color(92, 74, 60)); // the desk
    g.fillRect(0, 0, w, h);
    g.rotate(Math.toRadians(degrees), w / 2.0, h / 2.0);
    g.drawImage(sheet, (w - sheet.getWidth()) / 2, (h - sheet.getHeight()) / 2, null);
    g.dispose();
    if (shaded) {
      // A lamp on the left: the right of the page falls into shadow (multiplied, so the text stays dark).
      BufferedImage light = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
      Graphics2D lg = light.createGraphics();
      lg.setPaint(new GradientPaint(0, 0, new Color(255, 250, 240), w, h, new Color(120, 112, 100)));
      lg.fillRect(0, 0, w, h);
      lg.dispose();
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          int p = photo.getRGB(x, y);
          int l = light.getRGB(x, y);
          int r = ((p >> 16) & 0xFF) * ((l >> 16) & 0xFF) / 255;
          int gg = ((p >> 8) & 0xFF) * ((l >> 8) & 0xFF) / 255;
          int b = (p & 0xFF) * (l & 0xFF) / 255;
          photo.setRGB(x, y, (r << 16) | (gg << 8) | b);
        }
      }
    }
    if (blurred) {
      float[] k = new float[9];
      java.util.Arrays.fill(k, 1f / 9);
      photo = new ConvolveOp(new Kernel(3, 3, k), ConvolveOp.EDGE_NO_OP, null).filter(photo, null);
    }
    return photo;
  }

  public static byte[] jpeg(BufferedImage image, float quality) {
    try (ByteArrayOutputStream bytes = new ByteArrayOutputStream(); ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
      ImageWriter writer = ImageIO.getImageWritersByFormatName("jpg").next();
      writer.setOutput(out);
      ImageWriteParam p = writer.getDefaultWriteParam();
      p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      p.setCompressionQuality(quality);
      writer.write(null, new IIOImage(image, null, null), p);
      writer.dispose();
      out.flush();
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static byte[] png(BufferedImage image) {
    try (ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
      ImageIO.write(image, "png", bytes);
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A JPEG with an Exif block as a phone writes it: the orientation tag, a GPS position (tag 0x8825 pointing
   * at a GPS directory holding a latitude reference) and a camera make, right after the start of image.
   */
  public static byte[] withExif(byte[] jpeg, int orientation) {
    ByteArrayOutputStream tiff = new ByteArrayOutputStream();
    le(tiff, 'I' | ('I' << 8), 2);
    le(tiff, 42, 2);
    le(tiff, 8, 4); // first directory at offset 8
    le(tiff, 3, 2); // three entries
    entry(tiff, 0x010F, 2, 4, 'G' | ('P' << 8) | ('S' << 16)); // Make "GPS" in place (ASCII, 4 bytes)
    entry(tiff, 0x0112, 3, 1, orientation);
    entry(tiff, 0x8825, 4, 1, 8 + 2 + 3 * 12 + 4); // GPS directory after this one
    le(tiff, 0, 4);
    le(tiff, 1, 2); // GPS directory: one entry, latitude ref "N"
    entry(tiff, 0x0001, 2, 2, 'N');
    le(tiff, 0, 4);
    byte[] t = tiff.toByteArray();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(0xFF);
    out.write(0xD8);
    out.write(0xFF);
    out.write(0xE1);
    int length = 2 + 6 + t.length;
    out.write(length >> 8);
    out.write(length & 0xFF);
    out.writeBytes("Exif\0\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    out.writeBytes(t);
    out.write(jpeg, 2, jpeg.length - 2);
    return out.toByteArray();
  }

  private static void entry(ByteArrayOutputStream o, int tag, int type, int count, int value) {
    le(o, tag, 2);
    le(o, type, 2);
    le(o, count, 4);
    le(o, value, 4);
  }

  private static void le(ByteArrayOutputStream o, int v, int bytes) {
    for (int i = 0; i < bytes; i++) o.write((v >> (8 * i)) & 0xFF);
  }

  /** A PNG of a few bytes whose header claims {@code w} × {@code h} pixels: an image bomb. */
  public static byte[] pngClaiming(int w, int h) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
    ByteArrayOutputStream ihdr = new ByteArrayOutputStream();
    be(ihdr, w);
    be(ihdr, h);
    ihdr.writeBytes(new byte[] {8, 2, 0, 0, 0});
    chunk(out, "IHDR", ihdr.toByteArray());
    chunk(out, "IDAT", new byte[] {0x78, (byte) 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01});
    chunk(out, "IEND", new byte[0]);
    return out.toByteArray();
  }

  private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
    be(out, data.length);
    byte[] t = type.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    out.writeBytes(t);
    out.writeBytes(data);
    CRC32 crc = new CRC32();
    crc.update(t);
    crc.update(data);
    be(out, (int) crc.getValue());
  }

  private static void be(ByteArrayOutputStream o, int v) {
    o.write(v >>> 24);
    o.write((v >>> 16) & 0xFF);
    o.write((v >>> 8) & 0xFF);
    o.write(v & 0xFF);
  }

  /** A PDF as a browser saves a page: the text is in it. */
  public static byte[] pdfWithText(String text) throws IOException {
    try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      PDPage page = new PDPage(PDRectangle.A4);
      doc.addPage(page);
      try (PDPageContentStream s = new PDPageContentStream(doc, page)) {
        s.beginText();
        s.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 11);
        s.setLeading(15);
        s.newLineAtOffset(50, 780);
        for (String line : text.split("\n")) {
          s.showText(line);
          s.newLine();
        }
        s.endText();
      }
      doc.save(out);
      return out.toByteArray();
    }
  }

  /** A PDF of a few kilobytes whose one page draws {@code glyphs} characters (a "text bomb"). */
  public static byte[] pdfDrawing(int glyphs) throws IOException {
    try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      PDPage page = new PDPage(PDRectangle.A4);
      doc.addPage(page);
      try (PDPageContentStream s = new PDPageContentStream(doc, page)) {
        s.beginText();
        s.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 2);
        s.newLineAtOffset(10, 800);
        String run = "A".repeat(1000);
        for (int i = 0; i < glyphs / 1000; i++) s.showText(run);
        s.endText();
      }
      doc.save(out);
      return out.toByteArray();
    }
  }

  /** A PDF whose page's drawing instructions unpack from a few kilobytes to {@code megabytes} MB (a "deflate bomb"). */
  public static byte[] pdfUnpackingTo(int megabytes) throws IOException {
    try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      PDPage page = new PDPage(PDRectangle.A4);
      doc.addPage(page);
      try (PDPageContentStream s = new PDPageContentStream(doc, page, PDPageContentStream.AppendMode.OVERWRITE, true)) {
        String filler = "q Q ".repeat(256 * 1024); // 1 MB of drawing that draws nothing
        for (int i = 0; i < megabytes; i++) s.appendRawCommands(filler);
      }
      doc.save(out);
      return out.toByteArray();
    }
  }

  /** A PDF whose page shows an image that claims {@code side} x {@code side} pixels, with almost no data behind it. */
  public static byte[] pdfWithImageClaiming(int side) throws IOException {
    try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      PDPage page = new PDPage(PDRectangle.A4);
      doc.addPage(page);
      var stream = new org.apache.pdfbox.pdmodel.common.PDStream(doc, new java.io.ByteArrayInputStream(new byte[16]));
      var image = new org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject(stream, null);
      image.setWidth(side);
      image.setHeight(side);
      image.setBitsPerComponent(8);
      image.setColorSpace(org.apache.pdfbox.pdmodel.graphics.color.PDDeviceGray.INSTANCE);
      try (PDPageContentStream s = new PDPageContentStream(doc, page)) {
        s.drawImage(image, 0, 0, 500, 500);
      }
      doc.save(out);
      return out.toByteArray();
    }
  }

  /** A browser's PDF that also carries an author, a GPS note in its metadata and an attached file. */
  public static byte[] pdfWithMetadata(String text, String secret) throws IOException {
    try (PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdfWithText(text)); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      doc.getDocumentInformation().setAuthor(secret);
      doc.getDocumentInformation().setKeywords("GPS " + secret);
      var xmp = new org.apache.pdfbox.pdmodel.common.PDMetadata(doc);
      xmp.importXMPMetadata(("<x:xmpmeta xmlns:x='adobe:ns:meta/'><GPS>" + secret + "</GPS></x:xmpmeta>")
          .getBytes(java.nio.charset.StandardCharsets.UTF_8));
      doc.getDocumentCatalog().setMetadata(xmp);
      doc.save(out);
      return out.toByteArray();
    }
  }

  /** A PDF from a scanner: one picture of the page, no text. */
  public static byte[] scannedPdf(BufferedImage sheet) throws IOException {
    try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      PDPage page = new PDPage(PDRectangle.A4);
      doc.addPage(page);
      var image = LosslessFactory.createFromImage(doc, sheet);
      try (PDPageContentStream s = new PDPageContentStream(doc, page)) {
        s.drawImage(image, 0, 0, PDRectangle.A4.getWidth(), PDRectangle.A4.getHeight());
      }
      doc.save(out);
      return out.toByteArray();
    }
  }
}
