package app.previsit.nlu;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import opennlp.tools.sentdetect.SentenceDetectorME;
import opennlp.tools.sentdetect.SentenceModel;
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

  Tokenization() {
    TokenizerModel tokenModel = load(TOKENS, TokenizerModel::new);
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
