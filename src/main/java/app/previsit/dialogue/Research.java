package app.previsit.dialogue;

import java.util.List;

/** Something the patient read, watched or printed; sources are links or site names, attachments file ids. */
public record Research(String text, List<String> sources, List<String> attachments) {
  public Research {
    sources = sources == null ? List.of() : List.copyOf(sources);
    attachments = attachments == null ? List.of() : List.copyOf(attachments);
  }
}
