package app.previsit.conversation;

import app.previsit.dialogue.Conversation;
import app.previsit.dialogue.ConversationCodec;
import app.previsit.dialogue.Reply;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What is stored per conversation: the state and the last few applied message ids with the
 * replies they got (so a redelivered message is recognised and answered the same way).
 * Read and written in one Jackson pass each: this is on every turn's path.
 */
record SessionEnvelope(int schema, Conversation conversation, List<Applied> applied) {
  /** Enough to cover any redelivery window of Telegram or a browser retry. */
  static final int REMEMBERED_MESSAGES = 16;

  record Applied(String id, List<Reply> replies) {}

  private static final ObjectMapper JSON = ConversationCodec.mapper();

  SessionEnvelope(Conversation conversation, List<Applied> applied) {
    this(ConversationCodec.SCHEMA, conversation, applied);
  }

  SessionEnvelope {
    applied = applied == null ? List.of() : applied;
  }

  Optional<List<Reply>> repliesFor(String messageId) {
    if (messageId == null) return Optional.empty();
    for (Applied a : applied) if (a.id().equals(messageId)) return Optional.of(a.replies());
    return Optional.empty();
  }

  SessionEnvelope next(Conversation c, String messageId, List<Reply> replies) {
    if (messageId == null) return new SessionEnvelope(c, applied);
    List<Applied> list = new ArrayList<>(applied);
    list.add(new Applied(messageId, replies));
    while (list.size() > REMEMBERED_MESSAGES) list.remove(0);
    return new SessionEnvelope(c, list);
  }

  String toJson() {
    try {
      return JSON.writeValueAsString(new SessionEnvelope(ConversationCodec.SCHEMA, conversation, applied));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("conversation state does not serialise", e);
    }
  }

  static SessionEnvelope parse(String json) {
    try {
      SessionEnvelope e = JSON.readValue(json, SessionEnvelope.class);
      if (e.schema() < 1 || e.schema() > ConversationCodec.SCHEMA || e.conversation() == null) {
        throw new IllegalArgumentException("unknown conversation schema " + e.schema());
      }
      return e;
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("stored conversation does not parse", e);
    }
  }
}
