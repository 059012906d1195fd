package app.previsit.nlu;

import java.util.ArrayList;
import java.util.List;
import opennlp.tools.doccat.DocumentSample;

/**
 * The production NLU: normalise, tokenize with OpenNLP's English model, classify the intent with
 * doccat trained from intents/, extract entities by rule, and run the safety net per sentence.
 * Trained once per JVM ({@link #shared()}); thread-safe.
 */
public final class OpenNlpUnderstanding implements Understanding {
  /** Below this the conversation asks the patient to rephrase instead of guessing. */
  public static final double CONFIDENCE_THRESHOLD = 0.35;

  /** Longer input is cut before analysis: nobody's symptom needs more, and the cost stays bounded. */
  private static final int MAX_ANALYSED_CHARS = 2000;

  private static volatile OpenNlpUnderstanding shared;

  private final Tokenization tokenization;
  private final IntentClassifier classifier;
  private final long trainingMillis;

  private OpenNlpUnderstanding(Tokenization tokenization, List<TrainingData.Example> examples) {
    long start = System.nanoTime();
    this.tokenization = tokenization;
    List<DocumentSample> samples = new ArrayList<>(examples.size());
    for (TrainingData.Example e : examples) samples.add(new DocumentSample(e.intent().label(), features(e.text())));
    this.classifier = IntentClassifier.train(samples);
    this.trainingMillis = (System.nanoTime() - start) / 1_000_000;
  }

  /** The instance trained on intents/, built on first use. */
  public static OpenNlpUnderstanding shared() {
    OpenNlpUnderstanding s = shared;
    if (s == null) {
      synchronized (OpenNlpUnderstanding.class) {
        s = shared;
        if (s == null) shared = s = new OpenNlpUnderstanding(new Tokenization(), TrainingData.training());
      }
    }
    return s;
  }

  /** A separate instance trained on the given examples (cross-validation). */
  public static OpenNlpUnderstanding trainedOn(List<TrainingData.Example> examples) {
    return new OpenNlpUnderstanding(shared().tokenization, examples);
  }

  public long trainingMillis() {
    return trainingMillis;
  }

  @Override
  public Analysis analyse(String text) {
    String original = text == null ? "" : text;
    String clipped = original.length() > MAX_ANALYSED_CHARS ? original.substring(0, MAX_ANALYSED_CHARS) : original;
    String normalised = TextNormaliser.normalise(clipped);
    IntentClassifier.Scored scored = classifier.classify(tokenization.tokens(normalised));
    List<Entity> entities = EntityExtractor.extract(clipped);

    SafetyNet.Hit hit = null;
    for (String sentence : sentences(normalised)) {
      hit = SafetyNet.check(sentence);
      if (hit != null) break;
    }
    Intent intent = scored.intent();
    double confidence = scored.confidence();
    if (hit != null) {
      intent = Intent.EMERGENCY;
      confidence = Math.max(confidence, 0.95);
    } else if (intent == Intent.EMERGENCY) {
      // The classifier alone never raises the alarm: the rules decide. A past, negated or
      // someone-else mention is filed as a concern (or a question) for the GP instead.
      intent = normalised.endsWith("?") ? Intent.QUESTION : Intent.CONCERN;
      confidence = Math.min(confidence, 0.6);
    }
    if (normalised.isEmpty() || !hasLetterOrDigit(normalised)) {
      intent = Intent.CHITCHAT;
      confidence = Math.min(confidence, 0.2);
    }
    return new Analysis(original, intent, confidence, hit != null, hit == null ? null : hit.category(), entities);
  }

  private String[] sentences(String normalised) {
    if (normalised.length() < 60 && normalised.indexOf('.') < 0) return new String[] {normalised};
    String[] s = tokenization.sentences(normalised);
    return s.length == 0 ? new String[] {normalised} : s;
  }

  private String[] features(String text) {
    return tokenization.tokens(TextNormaliser.normalise(text));
  }

  private static boolean hasLetterOrDigit(String s) {
    for (int i = 0; i < s.length(); i++) if (Character.isLetterOrDigit(s.charAt(i))) return true;
    return false;
  }
}
