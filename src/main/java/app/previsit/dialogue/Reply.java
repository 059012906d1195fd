package app.previsit.dialogue;

import java.util.List;

/** One bot message: plain text (channels escape it) and the buttons offered with it, maybe none. */
public record Reply(String text, List<String> buttons) {
  public Reply {
    buttons = List.copyOf(buttons);
  }

  public static Reply of(String text) {
    return new Reply(text, List.of());
  }
}
