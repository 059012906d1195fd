package app.previsit.dialogue;

import java.util.List;

/**
 * One bot message: plain text (channels escape it), the buttons offered with it, maybe none, and its
 * kind: channels show an emergency reply as an alert, not as one more bubble.
 */
public record Reply(String text, List<String> buttons, Kind kind) {
  public enum Kind { NORMAL, EMERGENCY }

  public Reply {
    buttons = List.copyOf(buttons);
    kind = kind == null ? Kind.NORMAL : kind;
  }

  public Reply(String text, List<String> buttons) {
    this(text, buttons, Kind.NORMAL);
  }

  public static Reply of(String text) {
    return new Reply(text, List.of());
  }

  public boolean emergency() {
    return kind == Kind.EMERGENCY;
  }
}
