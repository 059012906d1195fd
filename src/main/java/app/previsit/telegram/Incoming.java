package app.previsit.telegram;

/**
 * One Telegram update reduced to what the channel acts on. Built by {@link UpdateReader};
 * everything here is plain data so the routing is testable without the library.
 *
 * @param messageId the patient's message id (text, edit, non-text) or our message's id (callback)
 */
public record Incoming(
    long updateId,
    Kind kind,
    long chatId,
    boolean privateChat,
    int messageId,
    String text,
    String command,
    String argument,
    String callbackId,
    String callbackData,
    String nonTextKind,
    String fileId) {

  public enum Kind {
    /** Typed text. */
    TEXT,
    /** A slash command: {@code command} without slash or @bot suffix, {@code argument} after a space. */
    COMMAND,
    /** A press of one of our inline buttons. */
    CALLBACK,
    /** The patient edited an earlier text message; {@code text} is the new text. */
    EDIT,
    /** A photo, document, voice note, sticker, location, contact, video… */
    NON_TEXT,
    /** Something we do not answer (channel posts, joins, our own messages, polls, reactions…). */
    IGNORED
  }

  static Incoming ignored(long updateId) {
    return new Incoming(updateId, Kind.IGNORED, 0, false, 0, null, null, null, null, null, null, null);
  }
}
