package app.previsit.printout;

/**
 * The orientation a phone wrote into a JPEG's Exif block (tag 0x0112: 1 upright, 3 upside down, 6 turned a
 * quarter clockwise, 8 a quarter anticlockwise). Phones save the sensor's pixels and this tag rather than
 * turning the picture, and the picture is re-encoded without its metadata, so the turn is applied to the
 * pixels first. Reads only the Exif header; anything unexpected means "upright".
 */
final class ExifOrientation {
  private ExifOrientation() {}

  static int of(byte[] jpeg) {
    try {
      int i = 2;
      while (i + 4 < jpeg.length && (jpeg[i] & 0xFF) == 0xFF) {
        int marker = jpeg[i + 1] & 0xFF;
        int length = ((jpeg[i + 2] & 0xFF) << 8) | (jpeg[i + 3] & 0xFF);
        if (marker == 0xDA || length < 2) return 1; // start of scan: no more headers
        if (marker == 0xE1 && i + 10 < jpeg.length && jpeg[i + 4] == 'E' && jpeg[i + 5] == 'x' && jpeg[i + 6] == 'i'
            && jpeg[i + 7] == 'f') {
          return fromTiff(jpeg, i + 10, Math.min(jpeg.length, i + 2 + length));
        }
        i += 2 + length;
      }
    } catch (RuntimeException e) {
      return 1;
    }
    return 1;
  }

  private static int fromTiff(byte[] b, int tiff, int end) {
    boolean little = b[tiff] == 'I';
    int ifd = tiff + u32(b, tiff + 4, little);
    if (ifd + 2 > end) return 1;
    int entries = u16(b, ifd, little);
    for (int e = 0; e < entries; e++) {
      int at = ifd + 2 + e * 12;
      if (at + 12 > end) return 1;
      if (u16(b, at, little) == 0x0112) {
        int v = u16(b, at + 8, little);
        return v >= 1 && v <= 8 ? v : 1;
      }
    }
    return 1;
  }

  private static int u16(byte[] b, int at, boolean little) {
    int x = b[at] & 0xFF;
    int y = b[at + 1] & 0xFF;
    return little ? x | (y << 8) : (x << 8) | y;
  }

  private static int u32(byte[] b, int at, boolean little) {
    return little ? u16(b, at, true) | (u16(b, at + 2, true) << 16) : (u16(b, at, false) << 16) | u16(b, at + 2, false);
  }
}
