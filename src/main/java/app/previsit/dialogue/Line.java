package app.previsit.dialogue;

import java.util.List;

/**
 * One transcript line: from "patient" or "bot", the text, the buttons shown, when (epoch ms), and
 * whether it was an emergency reply (so that a retried message gets the same alert-styled reply).
 */
public record Line(String from, String text, List<String> buttons, long at, boolean emergency) {
  public Line {
    buttons = buttons == null ? List.of() : List.copyOf(buttons);
  }

  public Line(String from, String text, List<String> buttons, long at) {
    this(from, text, buttons, at, false);
  }
}
