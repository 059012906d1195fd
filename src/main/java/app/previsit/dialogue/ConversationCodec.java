package app.previsit.dialogue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Conversation state to and from JSON, with a schema version so sessions saved by an older
 * release still load. Schema history:
 * 1 — first release (transcript lines without buttons, no review round-trip flag);
 * 2 — transcript lines keep their buttons; answers remember a redo from the review.
 * Fields a version lacks load as empty; unknown fields are ignored.
 */
public final class ConversationCodec {
  public static final int SCHEMA = 2;

  private static final ObjectMapper JSON = new ObjectMapper()
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private ConversationCodec() {}

  public static ObjectNode toTree(Conversation c) {
    ObjectNode n = JSON.createObjectNode();
    n.put("schema", SCHEMA);
    n.set("conversation", JSON.valueToTree(c));
    return n;
  }

  public static Conversation fromTree(JsonNode n) {
    int schema = n.path("schema").asInt(0);
    if (schema < 1 || schema > SCHEMA) throw new IllegalArgumentException("unknown conversation schema " + schema);
    try {
      return JSON.treeToValue(n.get("conversation"), Conversation.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("conversation state does not parse", e);
    }
  }

  public static String toJson(Conversation c) {
    return toTree(c).toString();
  }

  public static Conversation fromJson(String json) {
    try {
      return fromTree(JSON.readTree(json));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("conversation state is not JSON", e);
    }
  }

  public static ObjectMapper mapper() {
    return JSON;
  }
}
