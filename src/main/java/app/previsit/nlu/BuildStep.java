package app.previsit.nlu;

import java.io.IOException;
import java.nio.file.Path;

/**
 * What the build computes from intents/ so that start-up does not have to (pom.xml: exec at
 * process-classes): {@code BuildStep DIR} writes DIR/vectors.bin ({@link VectorFile}) and then
 * DIR/models.bin ({@link ShippedModels}). One JVM step, because ONNX Runtime's and the tokenizer's
 * natives load once per class loader and Maven gives each exec execution a new one.
 */
public final class BuildStep {
  private BuildStep() {}

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args[0]);
    Encoder encoder = Encoder.load(Encoder.Model.MINILM_L6_Q);
    VectorFile.build(encoder, dir.resolve("vectors.bin"));
    ShippedModels.build(encoder, dir.resolve("models.bin"));
  }
}
