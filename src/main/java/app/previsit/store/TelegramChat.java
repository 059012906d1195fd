package app.previsit.store;

import java.util.List;

/**
 * Per-chat state of the Telegram channel; never patient text.
 *
 * @param lastAnswerMessageId the patient's message id of the latest turn if it was typed text (an
 *     edit of it is a correction), else 0
 * @param keyboardMessageId our message carrying the live inline keyboard, or 0 when none is live
 * @param keyboard the labels of that keyboard, in button order (callback data carries the index)
 * @param lastUpdateId the highest update id fully applied in this chat; Telegram's ids only grow, so
 *     anything at or below it found in the inbox later (a crash before it was removed) is done already
 */
public record TelegramChat(long chatId, int lastAnswerMessageId, int keyboardMessageId, List<String> keyboard, long lastUpdateId) {
  public TelegramChat {
    keyboard = keyboard == null ? List.of() : List.copyOf(keyboard);
  }

  public static TelegramChat fresh(long chatId) {
    return new TelegramChat(chatId, 0, 0, List.of(), 0);
  }

  public TelegramChat withKeyboard(int messageId, List<String> labels) {
    return new TelegramChat(chatId, lastAnswerMessageId, messageId, labels, lastUpdateId);
  }

  public TelegramChat withLastAnswer(int messageId) {
    return new TelegramChat(chatId, messageId, keyboardMessageId, keyboard, lastUpdateId);
  }

  public TelegramChat applied(long updateId) {
    return new TelegramChat(chatId, lastAnswerMessageId, keyboardMessageId, keyboard, Math.max(lastUpdateId, updateId));
  }
}
