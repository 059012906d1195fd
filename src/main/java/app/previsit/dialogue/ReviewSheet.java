package app.previsit.dialogue;

import java.util.List;

/**
 * The review as items rather than one block of text, so that a page can give each item its own
 * Change and Remove buttons. The same wording as the review's text ({@link ReviewText}); a section
 * appears only when it has items.
 *
 * @param intro "Here is your summary…", said before the sections
 * @param ask "Is this right?…", said after them
 */
public record ReviewSheet(String intro, List<Section> sections, String ask) {
  public ReviewSheet {
    sections = List.copyOf(sections);
  }

  /**
   * One section: {@code key} names it in a {@link PatientInput.ReviewEdit}; {@code editable} is false for the
   * urgent things the patient told (a red flag is never removed by the patient); {@code choices} are the
   * only answers a change may give (the decision's five positions), empty where any words will do.
   */
  public record Section(String key, String title, boolean editable, List<String> choices, List<Item> items) {
    public Section {
      choices = List.copyOf(choices);
      items = List.copyOf(items);
    }
  }

  /** One item: its place in the section, the line the patient reads, and the words a change starts from. */
  public record Item(int index, String text, String value) {}

  public static final String CONCERNS = "concerns";
  public static final String RESEARCH = "research";
  public static final String QUESTIONS = "questions";
  public static final String GOALS = "goals";
  public static final String DECISION = "decision";
  public static final String PREFERENCES = "preferences";
  public static final String MEDICATIONS = "medications";
  public static final String ALSO_MENTIONED = "alsoMentioned";
  public static final String RED_FLAGS = "redFlags";

  /** A section's key in the patient's words, for the transcript line of a removal ("Remove item 2 of my questions"). */
  static String sectionWords(String key) {
    return switch (key == null ? "" : key) {
      case CONCERNS -> "what I want to talk about";
      case RESEARCH -> "what I've read";
      case QUESTIONS -> "my questions";
      case GOALS -> "what matters to me";
      case DECISION -> "how I'd like decisions made";
      case PREFERENCES -> "my preferences";
      case MEDICATIONS -> "my medicines";
      case ALSO_MENTIONED -> "what I also mentioned";
      default -> "my summary";
    };
  }
}
