package app.previsit.nlu;

import java.util.List;

/**
 * What the NLU made of one utterance. {@code redFlag} is true exactly when the bot must give
 * its emergency reply; {@code redFlagCategory} then names it (cardiac, stroke, breathing,
 * anaphylaxis, suicide, overdose, bleeding, seizure, sepsis, collapse — collapse also covers serious
 * injury), else null.
 */
public record Analysis(
    String text,
    Intent intent,
    double confidence,
    boolean redFlag,
    String redFlagCategory,
    List<Entity> entities) {

  public List<Entity> entities(String type) {
    return entities.stream().filter(e -> e.type().equals(type)).toList();
  }
}
