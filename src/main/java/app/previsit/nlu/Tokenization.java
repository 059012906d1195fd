package app.previsit.nlu;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.regex.Pattern;
import opennlp.tools.sentdetect.SentenceDetectorME;
import opennlp.tools.sentdetect.SentenceModel;
import opennlp.tools.tokenize.TokenizerFactory;
import opennlp.tools.tokenize.TokenizerME;
import opennlp.tools.tokenize.TokenizerModel;

/**
 * OpenNLP's pretrained English tokenizer and sentence detector, loaded once from the model
 * jars on the class path (never downloaded). The ME classes are not thread-safe, so each
 * thread gets its own instance over the shared model.
 */
final class Tokenization {
  private static final String TOKENS = "/opennlp-en-ud-ewt-tokens-1.3-2.5.4.bin";
  private static final String SENTENCES = "/opennlp-en-ud-ewt-sentence-1.3-2.5.4.bin";

  private final ThreadLocal<TokenizerME> tokenizer;
  private final ThreadLocal<SentenceDetectorME> sentences;

  /**
   * A run of letters alone or of digits alone is taken as one token without asking the model (OpenNLP's alphanumeric
   * optimisation, off in the shipped model): most of a normalised message is such words, and the model's maximum
   * entropy decision (StrictMath.exp per character) cost more than doccat itself. Letters and digits mixed ("5mg",
   * "10k") still go to the model, which splits them. The tokens were the model's own on all 12,055 lines of
   * intents/, its held-out sets and the reviews (measured once, 2026-12-08); {@code TokenizationTest} keeps checking
   * the training, held-out and blind intent lines. ~5 times faster (28 -> 6 µs a line).
   */
  private static final Pattern LETTERS_OR_DIGITS = Pattern.compile("^(?:[a-z]+|[0-9]+)$");

  Tokenization() {
    TokenizerModel shipped = load(TOKENS, TokenizerModel::new);
    TokenizerModel tokenModel = new TokenizerModel(shipped.getMaxentModel(), Map.of(),
        new TokenizerFactory(shipped.getLanguage(), shipped.getAbbreviations(), true, LETTERS_OR_DIGITS));
    SentenceModel sentenceModel = load(SENTENCES, SentenceModel::new);
    tokenizer = ThreadLocal.withInitial(() -> new TokenizerME(tokenModel));
    sentences = ThreadLocal.withInitial(() -> new SentenceDetectorME(sentenceModel));
  }

  String[] tokens(String text) {
    return tokenizer.get().tokenize(text);
  }

  String[] sentences(String text) {
    return sentences.get().sentDetect(text);
  }

  private interface ModelReader<M> {
    M read(InputStream in) throws IOException;
  }

  private static <M> M load(String resource, ModelReader<M> reader) {
    try (InputStream in = Tokenization.class.getResourceAsStream(resource)) {
      if (in == null) throw new IllegalStateException("OpenNLP model missing from the class path: " + resource);
      return reader.read(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read OpenNLP model " + resource, e);
    }
  }
}
