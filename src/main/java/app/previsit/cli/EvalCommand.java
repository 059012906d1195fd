package app.previsit.cli;

import app.previsit.nlu.Evaluation;
import app.previsit.nlu.OpenNlpUnderstanding;
import app.previsit.nlu.SafetyEvaluation;
import app.previsit.nlu.TrainingData;
import app.previsit.nlu.Understanding;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * {@code eval}: the NLU report on a TSV, on k folds of intents/, or (default) on the held-out sets:
 * intents/test/ (ours) and intents/test/blind/ (written blind; figures only, never its lines).
 */
public final class EvalCommand implements Command {
  @Override
  public int run(List<String> argv) throws Exception {
    Args args = Args.parse(argv, Set.of("--data", "--folds", "--safety-folds"), Set.of("--compare", "--own-safety"));
    if (args.has("--data") && args.has("--folds")) throw new UsageException("give --data or --folds, not both");
    OpenNlpUnderstanding nlu = OpenNlpUnderstanding.shared();
    System.out.println("eval (start-up training took " + nlu.trainingMillis() + " ms)");
    if (args.has("--data")) {
      Path file = Path.of(args.get("--data", ""));
      System.out.println("== data " + file);
      System.out.print(Evaluation.of(nlu, TrainingData.fromTsv(file), TrainingData.nearMisses()).report());
    } else if (args.has("--folds")) {
      int k = args.intValue("--folds", 5);
      if (k < 2) throw new UsageException("--folds must be at least 2");
      System.out.println("== " + k + "-fold cross-validation over intents/");
      System.out.print(Evaluation.crossValidate(TrainingData.training(), k, TrainingData.nearMisses()).report());
    } else if (args.has("--compare")) {
      for (String mode : List.of("doccat", "encoder", "combined")) {
        Understanding u = nlu.withIntentMode(mode);
        Evaluation own = Evaluation.of(u, TrainingData.heldOut(), List.of());
        Evaluation blind = Evaluation.of(u, TrainingData.blindIntents(), List.of());
        System.out.printf("%-9s intents/test accuracy=%.3f macro_f1=%.3f | blind accuracy=%.3f macro_f1=%.3f (%d)%n",
            mode, own.accuracy(), own.macroF1(), blind.accuracy(), blind.macroF1(), blind.total());
      }
    } else if (args.has("--safety-folds")) {
      int k = args.intValue("--safety-folds", 5);
      if (k < 2) throw new UsageException("--safety-folds must be at least 2");
      System.out.println("== safety net, " + k + "-fold cross-validation of the emergency head over our own lines");
      System.out.print(SafetyEvaluation.crossValidate(k, TrainingData.emergencies(), TrainingData.nearMissesByKind(),
          TrainingData.training()).report(true));
    } else if (args.has("--own-safety")) {
      System.out.println("== safety on our own lines (intents/emergency.txt, intents/near_miss.txt): training data");
      System.out.print(SafetyEvaluation.of(nlu, TrainingData.emergencies(), TrainingData.nearMissesByKind()).report(true));
    } else {
      System.out.println("== held-out set intents/test/ (earlier session, same hand as the rules)");
      System.out.print(Evaluation.of(nlu, TrainingData.heldOut(), TrainingData.nearMisses()).report());
      System.out.println("\n== blind safety set intents/test/blind/ (emergencies.tsv, near_misses.tsv; figures only)");
      System.out.print(SafetyEvaluation.of(nlu, TrainingData.blindEmergencies(), TrainingData.blindNearMisses())
          .report(false));
      System.out.println("\n== second blind safety set intents/test/blind2/ (written 2026-12-07; figures only)");
      System.out.print(SafetyEvaluation.of(nlu, TrainingData.secondBlindEmergencies(), TrainingData.secondBlindNearMisses())
          .report(false));
      System.out.println("\n== third blind set intents/test/blind3/ (ordinary GP talk in the emergencies' words; figures only)");
      System.out.print(SafetyEvaluation.of(nlu, List.of(), TrainingData.thirdBlindOrdinary()).report(false));
      System.out.println("\n== fourth blind set intents/test/blind4/ (ordinary talk about taking medicines; figures only)");
      System.out.print(SafetyEvaluation.of(nlu, List.of(), TrainingData.fourthBlindMedicines()).report(false));
      System.out.println("\n== fifth blind set intents/test/blind5/ (answers to the bot's questions, written 2026-12-08; figures only)");
      System.out.print(SafetyEvaluation.of(nlu, TrainingData.fifthBlindEmergencies(), TrainingData.fifthBlindNearMisses())
          .report(false));
      System.out.println("\n== blind intent set intents/test/blind/heldout.tsv (figures only)");
      System.out.print(Evaluation.of(nlu, TrainingData.blindIntents(), List.of()).report(false));
    }
    return 0;
  }

  @Override
  public String usage() {
    return """
        usage: eval [--data FILE.tsv | --folds K | --safety-folds K | --compare | --own-safety]
          (none)        the held-out set in intents/test/ (accuracy, macro-F1, per-intent P/R/F1, confusion,
                        misclassified lines), then the blind sets in intents/test/blind/ and blind2/ to blind5/:
                        red-flag recall per category, false alarms per near-miss kind and on ordinary talk,
                        intent accuracy and macro-F1 (figures only)
          --data FILE   lines of intent<TAB>text
          --folds K     k-fold cross-validation over intents/
          --safety-folds K  k-fold cross-validation of the emergency head over our own emergencies,
                        near-misses and other intents' lines (for choosing how the encoder is used)
          --compare     doccat alone, encoder alone, and both combined, on intents/test/ and the blind intents
          --own-safety  the safety net on our own training lines, with the lines it misses""";
  }
}
