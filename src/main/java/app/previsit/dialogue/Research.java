package app.previsit.dialogue;

import java.util.ArrayList;
import java.util.List;

/**
 * Something the patient read, watched, printed or was told. {@code sources} are the links or site names
 * found in it, {@code attachments} references to the files they sent (a Telegram file id, or "upload:ID" for a
 * photo or PDF sent in the web chat), {@code source} who it is from in words ("NHS website", "YouTube", "a
 * friend"; null when it says none), {@code topic} what it is about when that could be read, {@code questions}
 * what the patient wants to ask the GP about it. For a printout read by OCR, {@code title} is the page's own
 * title and {@code extractedText} the words read from it (null otherwise).
 */
public record Research(String text, List<String> sources, List<String> attachments, String source, String topic,
    List<String> questions, String title, String extractedText) {
  public Research {
    sources = sources == null ? List.of() : List.copyOf(sources);
    attachments = attachments == null ? List.of() : List.copyOf(attachments);
    questions = questions == null ? List.of() : List.copyOf(questions);
  }

  public Research(String text, List<String> sources, List<String> attachments) {
    this(text, sources, attachments, null, null, List.of(), null, null);
  }

  public Research(String text, List<String> sources, List<String> attachments, String source, String topic,
      List<String> questions) {
    this(text, sources, attachments, source, topic, questions, null, null);
  }

  public Research withQuestions(List<String> more) {
    List<String> q = new ArrayList<>(questions);
    for (String s : more) if (!q.contains(s)) q.add(s);
    return new Research(text, sources, attachments, source, topic, q, title, extractedText);
  }

  /** The patient's own words for what it is, in place of what was read from it (which is kept). */
  public Research describedAs(String words, String source, String topic) {
    return new Research(words, sources, attachments, source, topic, questions, title, extractedText);
  }
}
