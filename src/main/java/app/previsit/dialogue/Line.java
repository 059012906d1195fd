package app.previsit.dialogue;

import java.util.List;

/** One transcript line: from "patient" or "bot", the text, the buttons shown, when (epoch ms). */
public record Line(String from, String text, List<String> buttons, long at) {
  public Line {
    buttons = buttons == null ? List.of() : List.copyOf(buttons);
  }
}
