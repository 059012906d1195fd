package app.previsit.nlu;

import java.util.List;

/**
 * One part of a message (a sentence, or a clause where a sentence carries two things) with its own
 * intent, entities and red-flag verdict. A control intent (help, skip, go back, stop, forget me,
 * finish, deny) is only given to a part with no content of its own.
 */
public record Part(
    String text,
    Intent intent,
    double confidence,
    boolean redFlag,
    String redFlagCategory,
    List<Entity> entities) {}
