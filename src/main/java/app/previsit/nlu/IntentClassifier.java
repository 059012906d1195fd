package app.previsit.nlu;

import java.io.IOException;
import java.io.UncheckedIOException;
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
import opennlp.tools.util.ext.ExtensionLoader;

/**
 * OpenNLP doccat (maximum entropy) over words, word bigrams and character n-grams of the
 * normalised, tokenized text. Trained in memory from the examples given; one categorizer per
 * thread because DocumentCategorizerME is not thread-safe.
 */
final class IntentClassifier {
  /** One classification: the best label and its probability. */
  record Scored(Intent intent, double confidence) {}

  static {
    // OpenNLP only instantiates feature generators from packages it is told to trust.
    ExtensionLoader.registerAllowedPackage("app.previsit.nlu");
  }

  private final DoccatModel model;
  private final ThreadLocal<DocumentCategorizerME> categorizer;
  private final Intent[] intentByOutcome;

  private IntentClassifier(DoccatModel model) {
    this.model = model;
    this.categorizer = ThreadLocal.withInitial(() -> new DocumentCategorizerME(model));
    DocumentCategorizerME probe = new DocumentCategorizerME(model);
    intentByOutcome = new Intent[probe.getNumberOfCategories()];
    for (int i = 0; i < intentByOutcome.length; i++) intentByOutcome[i] = Intent.fromLabel(probe.getCategory(i));
  }

  /** The training settings (part of the shipped models' fingerprint). */
  static final int ITERATIONS = 150;
  static final int CUTOFF = 1;

  /** Trains on examples whose text is already tokenized and normalised (tokens joined by spaces). */
  static IntentClassifier train(List<DocumentSample> samples) {
    TrainingParameters params = TrainingParameters.defaultParams();
    params.put(TrainingParameters.ITERATIONS_PARAM, ITERATIONS);
    params.put(TrainingParameters.CUTOFF_PARAM, CUTOFF);
    try {
      FeatureGenerator[] features = {
        new BagOfWordsFeatureGenerator(), new NGramFeatureGenerator(2, 2), new CharNGramFeatureGenerator()
      };
      DoccatModel model = DocumentCategorizerME.train("en", new CollectionObjectStream<>(samples), params,
          new DoccatFactory(features));
      return new IntentClassifier(model);
    } catch (IOException e) {
      throw new UncheckedIOException("doccat training failed", e);
    }
  }

  Scored classify(String[] tokens) {
    if (tokens.length == 0) return new Scored(Intent.CHITCHAT, 0.0);
    double[] p = categorizer.get().categorize(tokens);
    int best = 0;
    for (int i = 1; i < p.length; i++) if (p[i] > p[best]) best = i;
    return new Scored(intentByOutcome[best], p[best]);
  }

  /** Probabilities indexed by {@link Intent#ordinal()} (labels absent from training get 0). */
  double[] distribution(String[] tokens) {
    double[] out = new double[Intent.values().length];
    if (tokens.length == 0) {
      out[Intent.CHITCHAT.ordinal()] = 1;
      return out;
    }
    double[] p = categorizer.get().categorize(tokens);
    for (int i = 0; i < p.length; i++) out[intentByOutcome[i].ordinal()] = p[i];
    return out;
  }

  DoccatModel model() {
    return model;
  }

  /** A classifier from a model trained before (shipped in the jar). */
  static IntentClassifier of(DoccatModel model) {
    return new IntentClassifier(model);
  }
}
