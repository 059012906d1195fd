package app.previsit.dialogue;

import java.util.ArrayList;
import java.util.List;

/**
 * Something the patient read, watched, printed or was told. {@code sources} are the links or site names
 * found in it, {@code attachments} file ids (a photo of a printout), {@code source} the kind of source in
 * words ("NHS website", "YouTube", "a friend"; null when it says none), {@code topic} what it is about
 * when that could be read, and {@code questions} what the patient wants to ask the GP about it.
 */
public record Research(String text, List<String> sources, List<String> attachments, String source, String topic,
    List<String> questions) {
  public Research {
    sources = sources == null ? List.of() : List.copyOf(sources);
    attachments = attachments == null ? List.of() : List.copyOf(attachments);
    questions = questions == null ? List.of() : List.copyOf(questions);
  }

  public Research(String text, List<String> sources, List<String> attachments) {
    this(text, sources, attachments, null, null, List.of());
  }

  public Research withQuestions(List<String> more) {
    List<String> q = new ArrayList<>(questions);
    for (String s : more) if (!q.contains(s)) q.add(s);
    return new Research(text, sources, attachments, source, topic, q);
  }
}
