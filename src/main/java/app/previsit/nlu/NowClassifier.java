package app.previsit.nlu;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import opennlp.tools.doccat.BagOfWordsFeatureGenerator;
import opennlp.tools.doccat.DoccatFactory;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.DocumentCategorizerME;
import opennlp.tools.doccat.DocumentSample;
import opennlp.tools.doccat.FeatureGenerator;
import opennlp.tools.doccat.NGramFeatureGenerator;
import opennlp.tools.util.CollectionObjectStream;
import opennlp.tools.util.TrainingParameters;

/**
 * How much a message is told as an emergency happening now rather than as a near-miss (past, settled,
 * negated, asked about, read about, someone else's history): OpenNLP doccat (maximum entropy) over words,
 * word bigrams and trigrams, trained on intents/emergency.txt against intents/near_miss.txt. The guards'
 * patterns read one clause and know the wordings their authors thought of; this model has read 1,381
 * near-misses and 1,981 emergencies, most written blind by helpers, and learns the framing words from them
 * ("my dad had a stroke years ago, they said", "just wondering whether"). It only ever calms a concept's
 * find (see {@link SafetyNet#toldAsNotNow}). One categorizer per thread (DocumentCategorizerME is not
 * thread-safe); the model is immutable.
 */
final class NowClassifier {
  private static final String NOW = "now";
  private static final String NOT_NOW = "not_now";

  /** The training settings (part of the shipped models' fingerprint). */
  static final int ITERATIONS = 150;
  static final int CUTOFF = 1;
  static final String SETTINGS = "words+2+3-grams/" + ITERATIONS + "/" + CUTOFF;

  private final DoccatModel model;
  private final ThreadLocal<DocumentCategorizerME> categorizer;
  private final int nowIndex;

  private NowClassifier(DoccatModel model) {
    this.model = model;
    this.categorizer = ThreadLocal.withInitial(() -> new DocumentCategorizerME(model));
    this.nowIndex = new DocumentCategorizerME(model).getIndex(NOW);
    if (nowIndex < 0) throw new IllegalArgumentException("not a now/not-now model");
  }

  /** Trains on the emergencies (now) against the near-misses (not now), each normalised and tokenized. */
  static NowClassifier train(Tokenization tokenization, List<String> emergencies, List<String> nearMisses) {
    List<DocumentSample> samples = new ArrayList<>(emergencies.size() + nearMisses.size());
    for (String e : emergencies) samples.add(new DocumentSample(NOW, tokenization.tokens(TextNormaliser.normalise(e))));
    for (String n : nearMisses) samples.add(new DocumentSample(NOT_NOW, tokenization.tokens(TextNormaliser.normalise(n))));
    TrainingParameters params = TrainingParameters.defaultParams();
    params.put(TrainingParameters.ITERATIONS_PARAM, ITERATIONS);
    params.put(TrainingParameters.CUTOFF_PARAM, CUTOFF);
    try {
      FeatureGenerator[] features = {
        new BagOfWordsFeatureGenerator(), new NGramFeatureGenerator(2, 2), new NGramFeatureGenerator(3, 3)
      };
      return new NowClassifier(DocumentCategorizerME.train("en", new CollectionObjectStream<>(samples), params,
          new DoccatFactory(features)));
    } catch (IOException e) {
      throw new UncheckedIOException("now/not-now training failed", e);
    }
  }

  /** A classifier from a model trained before (shipped in the jar). */
  static NowClassifier of(DoccatModel model) {
    return new NowClassifier(model);
  }

  DoccatModel model() {
    return model;
  }

  /** The probability that these tokens (a normalised message) tell of an emergency now. */
  double now(String[] tokens) {
    if (tokens.length == 0) return 1;
    return categorizer.get().categorize(tokens)[nowIndex];
  }
}
