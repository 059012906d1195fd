package app.previsit.nlu;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import opennlp.tools.doccat.FeatureGenerator;

/**
 * Character 3-grams inside each word: short, misspelled texts ("headach", "dizy") still
 * share most of their grams with the spelling the classifier was trained on.
 */
public final class CharNGramFeatureGenerator implements FeatureGenerator {
  @Override
  public Collection<String> extractFeatures(String[] words, Map<String, Object> extraInformation) {
    List<String> features = new ArrayList<>(words.length * 8);
    for (String word : words) {
      if (word.length() < 3) continue;
      String w = "<" + word + ">";
      for (int i = 0; i + 3 <= w.length(); i++) features.add("c=" + w.substring(i, i + 3));
    }
    return features;
  }
}
