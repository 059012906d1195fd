package app.previsit.cli;

import app.previsit.nlu.Evaluation;
import app.previsit.nlu.OpenNlpUnderstanding;
import app.previsit.nlu.TrainingData;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/** {@code eval}: the NLU report on a TSV, on k folds of intents/, or (default) on the held-out set. */
public final class EvalCommand implements Command {
  @Override
  public int run(List<String> argv) throws Exception {
    Args args = Args.parse(argv, Set.of("--data", "--folds"), Set.of());
    if (args.has("--data") && args.has("--folds")) throw new UsageException("give --data or --folds, not both");
    Evaluation e;
    String what;
    if (args.has("--data")) {
      Path file = Path.of(args.get("--data", ""));
      e = Evaluation.of(OpenNlpUnderstanding.shared(), TrainingData.fromTsv(file), TrainingData.nearMisses());
      what = "data " + file;
    } else if (args.has("--folds")) {
      int k = args.intValue("--folds", 5);
      if (k < 2) throw new UsageException("--folds must be at least 2");
      e = Evaluation.crossValidate(TrainingData.training(), k, TrainingData.nearMisses());
      what = k + "-fold cross-validation over intents/";
    } else {
      e = Evaluation.of(OpenNlpUnderstanding.shared(), TrainingData.heldOut(), TrainingData.nearMisses());
      what = "held-out set intents/test/";
    }
    System.out.println("eval: " + what + " (training took " + OpenNlpUnderstanding.shared().trainingMillis() + " ms)");
    System.out.print(e.report());
    return 0;
  }

  @Override
  public String usage() {
    return """
        usage: eval [--data FILE.tsv | --folds K]
          Reports accuracy, macro-F1, per-intent precision/recall/F1, the confusion matrix, the
          misclassified lines, emergency recall and the near-miss false-alarm rate.
          --data FILE.tsv  lines of intent<TAB>text
          --folds K        k-fold cross-validation over intents/
          (neither)        the held-out set in intents/test/""";
  }
}
