package app.previsit.web.chat;

import app.previsit.dialogue.PatientInput;
import app.previsit.dialogue.ReviewSheet;
import app.previsit.web.HttpErrors;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Set;

/**
 * The review as the chat page reads it, and the one-item edits it sends back:
 * {@code review: {intro, ask, sections: [{key, title, editable, choices?, items: [{index, text, value}]}]}} in the
 * messages and history answers; {@code edit: {section, index, action: "change"|"remove", text}} in a message.
 */
final class ReviewJson {
  private static final Set<String> ACTIONS = Set.of("change", "remove");

  private ReviewJson() {}

  static JsonObject of(ReviewSheet sheet) {
    JsonArray sections = new JsonArray();
    for (ReviewSheet.Section s : sheet.sections()) {
      JsonArray items = new JsonArray();
      for (ReviewSheet.Item i : s.items()) {
        items.add(new JsonObject().put("index", i.index()).put("text", i.text()).put("value", i.value()));
      }
      JsonObject section = new JsonObject().put("key", s.key()).put("title", s.title()).put("editable", s.editable())
          .put("items", items);
      if (!s.choices().isEmpty()) section.put("choices", new JsonArray(s.choices()));
      sections.add(section);
    }
    return new JsonObject().put("intro", sheet.intro()).put("sections", sections).put("ask", sheet.ask());
  }

  /** The edit in a message body; null after answering 400 (malformed) or 413 (too long). */
  static PatientInput edit(RoutingContext ctx, Object value, int maxChars) {
    if (!(value instanceof JsonObject e) || !(e.getValue("section") instanceof String section)
        || !(e.getValue("index") instanceof Integer index) || !(e.getValue("action") instanceof String action)
        || !ACTIONS.contains(action)) {
      HttpErrors.send(ctx, 400, "field 'edit' must be {section, index, action: 'change' or 'remove', text}");
      return null;
    }
    String was = e.getValue("was") instanceof String w ? w : null;
    if (action.equals("remove")) return new PatientInput.ReviewEdit(section, index, null, was);
    if (!(e.getValue("text") instanceof String text) || text.isBlank()) {
      HttpErrors.send(ctx, 400, "a change needs its new words in 'text'");
      return null;
    }
    if (text.length() > maxChars) {
      HttpErrors.send(ctx, 413, "that message is too long; please keep it under 4,000 characters");
      return null;
    }
    return new PatientInput.ReviewEdit(section, index, text, was);
  }
}
