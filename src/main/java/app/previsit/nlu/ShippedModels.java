package app.previsit.nlu;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import opennlp.tools.doccat.DoccatModel;

/**
 * The classifiers trained from intents/ at build time ({@link BuildStep}), shipped as nlu/models.bin,
 * so that start-up loads them in a third of a second instead of training for five (start-up is a bar). The file carries a fingerprint of every training line and
 * of the training settings: when intents/ on the class path differ from what the file was trained on,
 * it is ignored and start-up trains as before, so the models always match intents/.
 */
final class ShippedModels {
  static final String RESOURCE = "/nlu/models.bin";
  private static final int MAGIC = 0x50564d31; // "PVM1"
  /** Raise when training code changes in a way the settings below do not show. */
  private static final int FORMAT = 2;

  /** What the file holds. */
  record Models(IntentClassifier doccat, VectorClassifier intentHead, VectorClassifier emergencyHead) {}

  private ShippedModels() {}

  /** SHA-256 over the training settings and every training line with its label, in order. */
  static String fingerprint(String encoderModel, List<TrainingData.Example> examples,
      List<TrainingData.Labelled> emergencies, List<String> nearMisses) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      update(sha, "format " + FORMAT + "; encoder " + encoderModel
          + "; doccat " + IntentClassifier.ITERATIONS + "/" + IntentClassifier.CUTOFF
          + "; intents " + IntentModel.SETTINGS
          + "; emergencies " + EmergencyHead.SETTINGS + " x" + EmergencyHead.MEMBERS);
      for (TrainingData.Example e : examples) update(sha, "x\t" + e.intent().label() + "\t" + e.text());
      for (TrainingData.Labelled e : emergencies) update(sha, "e\t" + e.label() + "\t" + e.text());
      for (String t : nearMisses) update(sha, "n\t" + t);
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  private static void update(MessageDigest sha, String line) {
    sha.update(line.getBytes(StandardCharsets.UTF_8));
    sha.update((byte) '\n');
  }

  static void write(OutputStream raw, String fingerprint, Models models) throws IOException {
    ByteArrayOutputStream doccat = new ByteArrayOutputStream();
    models.doccat().model().serialize(doccat);
    DataOutputStream out = new DataOutputStream(new BufferedOutputStream(raw));
    out.writeInt(MAGIC);
    out.writeUTF(fingerprint);
    out.writeInt(doccat.size());
    doccat.writeTo(out);
    models.intentHead().write(out);
    models.emergencyHead().write(out);
    out.flush();
  }

  /** The shipped models when they were trained on exactly these lines and settings; empty otherwise. */
  static Optional<Models> read(String fingerprint) {
    InputStream in = ShippedModels.class.getResourceAsStream(RESOURCE);
    if (in == null) return Optional.empty();
    return read(in, fingerprint);
  }

  static Optional<Models> read(InputStream raw, String fingerprint) {
    try (DataInputStream in = new DataInputStream(new BufferedInputStream(raw, 1 << 16))) {
      if (in.readInt() != MAGIC || !in.readUTF().equals(fingerprint)) return Optional.empty();
      int length = in.readInt();
      if (length <= 0 || length > (64 << 20)) return Optional.empty();
      byte[] doccat = in.readNBytes(length);
      if (doccat.length != length) return Optional.empty();
      IntentClassifier classifier = IntentClassifier.of(new DoccatModel(new ByteArrayInputStream(doccat)));
      return Optional.of(new Models(classifier, VectorClassifier.read(in), VectorClassifier.read(in)));
    } catch (IOException | RuntimeException e) {
      // A damaged or foreign file costs only the start-up time: the caller trains instead.
      return Optional.empty();
    }
  }

  /** Build step ({@link BuildStep}): trains on intents/ with the encoder's known vectors and writes the models. */
  static void build(Encoder encoder, Path out) throws IOException {
    long start = System.nanoTime();
    String fingerprint = fingerprint(encoder.model().name(), TrainingData.training(), TrainingData.emergencies(),
        TrainingData.nearMisses());
    Models models = OpenNlpUnderstanding.trainModels(new Tokenization(), encoder, TrainingData.training(),
        TrainingData.emergencies(), TrainingData.nearMisses());
    Files.createDirectories(out.toAbsolutePath().getParent());
    try (OutputStream o = Files.newOutputStream(out)) {
      write(o, fingerprint, models);
    }
    System.out.printf("[previsit] intent and emergency models trained in %d ms, written to %s%n",
        (System.nanoTime() - start) / 1_000_000, out);
  }
}
