package app.previsit.nlu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import opennlp.tools.tokenize.TokenizerME;
import opennlp.tools.tokenize.TokenizerModel;
import org.junit.jupiter.api.Test;

/**
 * {@link Tokenization} takes a word of letters alone or of digits alone without asking the tokenizer's model: the
 * tokens must stay the model's own, or doccat would read other features than it was trained on.
 */
class TokenizationTest {
  private final Tokenization tokenization = new Tokenization();

  @Test
  void tokensAreTheModelsOwnOnEveryTrainingAndHeldOutLine() throws Exception {
    TokenizerME model;
    try (InputStream in = Tokenization.class.getResourceAsStream("/opennlp-en-ud-ewt-tokens-1.3-2.5.4.bin")) {
      model = new TokenizerME(new TokenizerModel(in));
    }
    List<String> texts = new ArrayList<>();
    TrainingData.training().forEach(e -> texts.add(e.text()));
    TrainingData.heldOut().forEach(e -> texts.add(e.text()));
    TrainingData.nearMisses().forEach(texts::add);
    TrainingData.blindIntents().forEach(e -> texts.add(e.text()));
    // Letters and digits mixed, units, times, odd input: the model still splits them.
    texts.addAll(List.of("I take 5mg of ramipril", "ran a 10k", "at 3pm", "took 2x500mg", "www.nhs.uk/conditions",
        "😀😀", "مرحبا", "co-codamol 30/500", "a&e", "it's", "b12 injections", ""));
    assertTrue(texts.size() > 5000, "too few lines: " + texts.size());
    for (String t : texts) {
      String n = TextNormaliser.normalise(t);
      assertArrayEquals(model.tokenize(n), tokenization.tokens(n), n);
    }
  }
}
