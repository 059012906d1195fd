package app.previsit.dialogue;

/** Everything a patient can send, whatever the channel. */
public sealed interface PatientInput {
  /** Typed text, as the patient wrote it. */
  record Text(String text) implements PatientInput {}

  /**
   * The patient changed the wording of their latest answer (Telegram lets them edit a sent message):
   * the new text replaces that answer instead of answering the question asked after it.
   */
  record Correction(String text) implements PatientInput {}

  /** A press of one of the buttons the bot offered; {@code label} is the button's text. */
  record Button(String label) implements PatientInput {}

  /** A slash command: {@code name} without the slash ("start", "help", "back", "skip", "stop", "forget", "summary"). */
  record Command(String name, String argument) implements PatientInput {}

  /** Something that is not text: kind is photo, voice, sticker, document, location, contact, video…; fileId may be null. */
  record NonText(String kind, String fileId) implements PatientInput {}

  /**
   * A photo or PDF of a printout, read before it reached the core (OCR is I/O and seconds of CPU; the core
   * stays pure). {@code kind} is "photo" or "document", {@code attachment} the reference to the kept file.
   */
  record Printout(String kind, String attachment, PrintedPage page) implements PatientInput {}

  /**
   * A change to one item of the review, made with that item's own Change or Remove button, so that
   * changing one line does not mean retyping a whole section. {@code section} is a key of
   * {@link ReviewSheet} (concerns, research, questions, goals, decision, preferences, medications,
   * alsoMentioned), {@code index} the item's place in it, {@code text} its new words, or null to remove it.
   */
  record ReviewEdit(String section, int index, String text, String was) implements PatientInput {
    /** {@code was}: the item's words as the page showed them, or null; a page left open may show an older review. */
    public ReviewEdit(String section, int index, String text) {
      this(section, index, text, null);
    }

    public boolean removes() {
      return text == null;
    }

    /** What the transcript shows the patient sent: the new words, or which item went. */
    public String said() {
      return removes() ? "Remove item " + (index + 1) + " of " + ReviewSheet.sectionWords(section) : text;
    }
  }
}
