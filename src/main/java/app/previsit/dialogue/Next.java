package app.previsit.dialogue;

import java.util.List;

/** The result of one step of the dialogue: the new state and what the bot says. */
public record Next(Conversation conversation, List<Reply> replies) {
  public Next {
    replies = List.copyOf(replies);
  }
}
