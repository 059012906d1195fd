package app.previsit.nlu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The models trained at build time and shipped in nlu/models.bin: they are there, they are the
 * models start-up would train from today's intents/, and any other file is ignored.
 */
class ShippedModelsTest {
  private static Encoder encoder;
  private static String fingerprint;

  @BeforeAll
  static void load() {
    encoder = Encoder.shared();
    fingerprint = ShippedModels.fingerprint(encoder.model().name(), TrainingData.training(),
        TrainingData.emergencies(), TrainingData.nearMisses());
  }

  @Test
  void theBuildShipsModelsForTodaysTrainingLines() {
    assertTrue(ShippedModels.read(fingerprint).isPresent(),
        "nlu/models.bin is missing or was trained on other lines: the build step (BuildStep) did not run");
  }

  @Test
  void theShippedModelsAreTheOnesStartUpWouldTrain() {
    ShippedModels.Models shipped = ShippedModels.read(fingerprint).orElseThrow();
    ShippedModels.Models fresh = OpenNlpUnderstanding.trainModels(new Tokenization(), encoder,
        TrainingData.training(), TrainingData.emergencies(), TrainingData.nearMisses());
    Tokenization tokenization = new Tokenization();
    List<String> lines = new ArrayList<>();
    for (TrainingData.Example e : TrainingData.heldOut()) lines.add(e.text());
    lines.addAll(List.of("would glucosamine help?", "stop", "my dad's face has dropped on one side", "7"));
    for (String line : lines) {
      String n = TextNormaliser.normalise(line);
      String[] tokens = tokenization.tokens(n);
      float[] v = encoder.encode(n);
      assertArrayEquals(fresh.doccat().distribution(tokens), shipped.doccat().distribution(tokens), 1e-12, line);
      assertArrayEquals(fresh.intentHead().probabilities(v), shipped.intentHead().probabilities(v), 1e-12, line);
      assertArrayEquals(fresh.emergencyHead().probabilities(v), shipped.emergencyHead().probabilities(v), 1e-12,
          line);
    }
  }

  @Test
  void oneChangedTrainingLineChangesTheFingerprint() {
    List<TrainingData.Example> edited = new ArrayList<>(TrainingData.training());
    TrainingData.Example first = edited.get(0);
    edited.set(0, new TrainingData.Example(first.intent(), first.text() + "!"));
    String other = ShippedModels.fingerprint(encoder.model().name(), edited, TrainingData.emergencies(),
        TrainingData.nearMisses());
    assertNotEquals(fingerprint, other);
    assertTrue(ShippedModels.read(other).isEmpty(), "models trained on other lines must not be used");
  }

  @Test
  void aDamagedFileIsIgnoredNotFatal() throws Exception {
    ShippedModels.Models shipped = ShippedModels.read(fingerprint).orElseThrow();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ShippedModels.write(out, fingerprint, shipped);
    byte[] whole = out.toByteArray();
    assertTrue(ShippedModels.read(new ByteArrayInputStream(whole), fingerprint).isPresent());
    byte[] cut = java.util.Arrays.copyOf(whole, whole.length / 2);
    assertTrue(ShippedModels.read(new ByteArrayInputStream(cut), fingerprint).isEmpty());
    assertTrue(ShippedModels.read(new ByteArrayInputStream(new byte[0]), fingerprint).isEmpty());
    assertEquals(shipped.emergencyHead().classes(),
        ShippedModels.read(new ByteArrayInputStream(whole), fingerprint).orElseThrow().emergencyHead().classes());
  }
}
