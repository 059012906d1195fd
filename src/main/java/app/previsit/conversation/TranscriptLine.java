package app.previsit.conversation;

import java.time.Instant;
import java.util.List;

/** One line of a conversation as the patient saw it; {@code from} is "patient" or "bot". */
public record TranscriptLine(String from, String text, List<String> buttons, Instant at, boolean emergency) {}
