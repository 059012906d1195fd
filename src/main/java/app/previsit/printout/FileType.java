package app.previsit.printout;

/**
 * What an uploaded file is, by its first bytes (never by its name or the type the browser claims: both are
 * the sender's to choose).
 */
public enum FileType {
  JPEG("image/jpeg", "photo"), PNG("image/png", "photo"), HEIC("image/heic", "photo"), PDF("application/pdf", "document"),
  OTHER("application/octet-stream", "document");

  public final String contentType;
  /** "photo" or "document", as the conversation names what was sent. */
  public final String kind;

  FileType(String contentType, String kind) {
    this.contentType = contentType;
    this.kind = kind;
  }

  public static FileType of(byte[] head) {
    if (head == null || head.length < 12) return OTHER;
    if ((head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xD8 && (head[2] & 0xFF) == 0xFF) return JPEG;
    if ((head[0] & 0xFF) == 0x89 && head[1] == 'P' && head[2] == 'N' && head[3] == 'G') return PNG;
    if (head[0] == '%' && head[1] == 'P' && head[2] == 'D' && head[3] == 'F') return PDF;
    // ISO base media: "....ftypheic" (HEIF from phones: heic, heix, mif1, msf1 brands).
    if (head[4] == 'f' && head[5] == 't' && head[6] == 'y' && head[7] == 'p') {
      String brand = new String(head, 8, 4, java.nio.charset.StandardCharsets.US_ASCII);
      if (brand.matches("heic|heix|heim|heis|hevc|hevx|mif1|msf1|avif")) return HEIC;
    }
    return OTHER;
  }

  /** Whether Previsit keeps a file of this type at all (the others are refused with 415). */
  public boolean accepted() {
    return this != OTHER;
  }
}
