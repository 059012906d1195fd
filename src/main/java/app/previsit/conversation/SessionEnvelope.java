package app.previsit.conversation;

import app.previsit.dialogue.Conversation;
import app.previsit.dialogue.ConversationCodec;
import app.previsit.dialogue.Reply;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What is stored per conversation: the state and the last few applied message ids with the
 * replies they got (so a redelivered message is recognised and answered the same way).
 */
record SessionEnvelope(Conversation conversation, List<Applied> applied) {
  /** Enough to cover any redelivery window of Telegram or a browser retry. */
  static final int REMEMBERED_MESSAGES = 16;

  record Applied(String id, List<Reply> replies) {}

  private static final ObjectMapper JSON = ConversationCodec.mapper();

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
    ObjectNode n = ConversationCodec.toTree(conversation);
    ArrayNode a = n.putArray("applied");
    for (Applied x : applied) a.add(JSON.valueToTree(x));
    return n.toString();
  }

  static SessionEnvelope parse(String json) {
    try {
      JsonNode n = JSON.readTree(json);
      List<Applied> applied = new ArrayList<>();
      for (JsonNode a : n.path("applied")) applied.add(JSON.treeToValue(a, Applied.class));
      return new SessionEnvelope(ConversationCodec.fromTree(n), applied);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException("stored conversation does not parse", e);
    }
  }
}
