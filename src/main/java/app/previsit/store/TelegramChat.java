package app.previsit.store;

import java.util.ArrayList;
import java.util.List;

/**
 * Per-chat state of the Telegram channel; never patient text.
 *
 * @param lastAnswerMessageId the patient's message id of the latest turn if it was typed text (an
 *     edit of it is a correction), else 0
 * @param keyboardMessageId our message carrying the live inline keyboard, or 0 when none is live
 * @param keyboard the labels of that keyboard, in button order (callback data carries the index)
 * @param appliedUpdates the ids of the last updates fully applied in this chat, oldest first: one found
 *     in the inbox again (a crash before it was removed) is done already. A set, not a high-water mark,
 *     because an update stuck in the inbox may be applied after later ones and must not be skipped.
 */
public record TelegramChat(long chatId, int lastAnswerMessageId, int keyboardMessageId, List<String> keyboard,
    List<Long> appliedUpdates) {
  /** Far more turns than can pass between a crash and the next start or inbox sweep. */
  public static final int REMEMBERED_UPDATES = 64;

  public TelegramChat {
    keyboard = keyboard == null ? List.of() : List.copyOf(keyboard);
    appliedUpdates = appliedUpdates == null ? List.of() : List.copyOf(appliedUpdates);
  }

  public static TelegramChat fresh(long chatId) {
    return new TelegramChat(chatId, 0, 0, List.of(), List.of());
  }

  public TelegramChat withKeyboard(int messageId, List<String> labels) {
    return new TelegramChat(chatId, lastAnswerMessageId, messageId, labels, appliedUpdates);
  }

  public TelegramChat withLastAnswer(int messageId) {
    return new TelegramChat(chatId, messageId, keyboardMessageId, keyboard, appliedUpdates);
  }

  public TelegramChat applied(long updateId) {
    if (appliedUpdates.contains(updateId)) return this;
    List<Long> ids = new ArrayList<>(appliedUpdates);
    ids.add(updateId);
    while (ids.size() > REMEMBERED_UPDATES) ids.remove(0);
    return new TelegramChat(chatId, lastAnswerMessageId, keyboardMessageId, keyboard, ids);
  }

  public boolean hasApplied(long updateId) {
    return appliedUpdates.contains(updateId);
  }
}
