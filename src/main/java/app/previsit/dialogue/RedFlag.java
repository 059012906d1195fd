package app.previsit.dialogue;

/** An emergency the patient described: category from the safety net, their words, when (epoch ms). */
public record RedFlag(String category, String text, long at) {}
