package app.previsit.conversation;

import app.previsit.dialogue.Progress;
import app.previsit.dialogue.Reply;
import app.previsit.dialogue.ReviewSheet;
import java.util.List;

/**
 * The outcome of one patient message. {@code duplicate} is true when the message id had been
 * applied already: the state did not change and {@code replies} are the ones sent the first time.
 * {@code progress} is where the conversation now is, or null where there is none (erased, gone).
 * {@code review} is the summary as items while the conversation is at the review, else null: the web
 * page shows it with a Change and a Remove for each item.
 */
public record Turn(List<Reply> replies, boolean done, boolean duplicate, Progress progress, ReviewSheet review) {
  public Turn(List<Reply> replies, boolean done, boolean duplicate) {
    this(replies, done, duplicate, null, null);
  }

  public Turn(List<Reply> replies, boolean done, boolean duplicate, Progress progress) {
    this(replies, done, duplicate, progress, null);
  }
}
