package app.previsit.nlu;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Encoder vectors of every training line, computed at build time ({@link BuildStep}) and shipped as
 * nlu/vectors.bin, so that neither the build's training nor a start-up that must train (see
 * {@link ShippedModels}) encodes four thousand lines (~2.5 ms each); the emergency head keeps them as
 * rows. A line missing from the file (edited since the build) is simply encoded at start-up; a file
 * from another model is ignored.
 */
public final class VectorFile {
  static final String RESOURCE = "/nlu/vectors.bin";
  private static final int MAGIC = 0x50565631; // "PVV1"

  private VectorFile() {}

  /** Every text the start-up training encodes, normalised as training does. */
  static Set<String> trainingTexts() {
    Set<String> out = new LinkedHashSet<>();
    for (TrainingData.Example e : TrainingData.training()) out.add(TextNormaliser.normalise(e.text()));
    for (TrainingData.Labelled e : TrainingData.emergencies()) out.add(TextNormaliser.normalise(e.text()));
    for (String t : TrainingData.nearMisses()) out.add(TextNormaliser.normalise(t));
    return out;
  }

  static void write(OutputStream raw, String model, List<String> texts, float[][] vectors) throws IOException {
    DataOutputStream out = new DataOutputStream(new BufferedOutputStream(raw));
    out.writeInt(MAGIC);
    out.writeUTF(model);
    out.writeInt(vectors.length == 0 ? 0 : vectors[0].length);
    out.writeInt(texts.size());
    for (int i = 0; i < texts.size(); i++) {
      out.writeUTF(texts.get(i));
      for (float f : vectors[i]) out.writeFloat(f);
    }
    out.flush();
  }

  /** Reads the shipped vectors into {@code into}; returns how many, 0 when absent or for another model. */
  static int read(String model, Map<String, float[]> into) {
    InputStream in = VectorFile.class.getResourceAsStream(RESOURCE);
    if (in == null) return 0;
    try (DataInputStream d = new DataInputStream(new BufferedInputStream(in, 1 << 16))) {
      if (d.readInt() != MAGIC || !d.readUTF().equals(model)) return 0;
      int dim = d.readInt();
      int n = d.readInt();
      for (int i = 0; i < n; i++) {
        String text = d.readUTF();
        float[] v = new float[dim];
        for (int k = 0; k < dim; k++) v[k] = d.readFloat();
        into.put(text, v);
      }
      return n;
    } catch (IOException e) {
      return 0;
    }
  }

  /**
   * Build step ({@link BuildStep}): encodes the training lines, writes them to {@code out} and keeps
   * them as the encoder's known vectors for the training that follows.
   */
  static void build(Encoder encoder, Path out) throws IOException {
    List<String> texts = new ArrayList<>(trainingTexts());
    float[][] vectors = encoder.encodeAll(texts);
    Files.createDirectories(out.toAbsolutePath().getParent());
    try (OutputStream o = Files.newOutputStream(out)) {
      write(o, encoder.model().name(), texts, vectors);
    }
    for (int i = 0; i < texts.size(); i++) encoder.remember(texts.get(i), vectors[i]);
    System.out.println("[previsit] encoder vectors of " + texts.size() + " training lines written to " + out);
  }
}
