package app.previsit.conversation;

import app.previsit.dialogue.RedFlag;
import app.previsit.invitation.Invitation;
import io.vertx.core.Future;

/**
 * Told of each red flag a turn raised, once the turn is saved, so that the practice hears of an
 * emergency at once. {@code index} is the flag's place in the conversation's list: with the
 * invitation it names the flag for good, so telling twice (a retried turn) raises nothing new.
 */
public interface RedFlagAlarm {
  RedFlagAlarm NONE = (invitation, flag, index) -> Future.succeededFuture();

  Future<Void> raised(Invitation invitation, RedFlag flag, int index);
}
