package app.previsit.nlu;

import java.util.List;

/**
 * What the NLU made of one utterance. {@code redFlag} is true exactly when the bot must give
 * its emergency reply; {@code redFlagCategory} then names it (cardiac, stroke, breathing,
 * anaphylaxis, suicide, overdose, bleeding, seizure, sepsis, collapse, diabetic, headache, abdominal —
 * collapse also covers unconsciousness and serious injury), else null. {@code intent} is the whole
 * message's; {@code parts} are its sentences and clauses, each with its own intent, entities and
 * verdict (one part for a simple message). Any part can raise the red flag.
 */
public record Analysis(
    String text,
    Intent intent,
    double confidence,
    boolean redFlag,
    String redFlagCategory,
    List<Entity> entities,
    List<Part> parts) {

  public List<Entity> entities(String type) {
    return entities.stream().filter(e -> e.type().equals(type)).toList();
  }
}
