package app.previsit.conversation;

import app.previsit.dialogue.Progress;
import app.previsit.dialogue.Reply;
import java.util.List;

/**
 * The outcome of one patient message. {@code duplicate} is true when the message id had been
 * applied already: the state did not change and {@code replies} are the ones sent the first time.
 * {@code progress} is where the conversation now is, or null where there is none (erased, gone).
 */
public record Turn(List<Reply> replies, boolean done, boolean duplicate, Progress progress) {
  public Turn(List<Reply> replies, boolean done, boolean duplicate) {
    this(replies, done, duplicate, null);
  }
}
