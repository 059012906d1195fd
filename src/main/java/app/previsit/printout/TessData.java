package app.previsit.printout;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Tesseract reads its trained data from a directory, and ours ships inside the jar (English, LSTM "fast"
 * model, 4 MB, from the tess4j artifact): it is copied once per process to a private temporary directory.
 */
final class TessData {
  static final String RESOURCE = "/tessdata/eng.traineddata";
  private static volatile Path directory;

  private TessData() {}

  static Path directory() {
    Path d = directory;
    if (d != null) return d;
    synchronized (TessData.class) {
      if (directory == null) directory = extract();
      return directory;
    }
  }

  private static Path extract() {
    try (InputStream in = TessData.class.getResourceAsStream(RESOURCE)) {
      if (in == null) throw new IllegalStateException("English trained data missing from the class path: " + RESOURCE);
      Path dir = Files.createTempDirectory("previsit-tessdata");
      Path file = dir.resolve("eng.traineddata");
      Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
      file.toFile().deleteOnExit();
      dir.toFile().deleteOnExit();
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot unpack the OCR trained data", e);
    }
  }
}
