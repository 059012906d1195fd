package app.previsit.store;

import java.util.List;

/**
 * Per-chat state of the Telegram channel; never patient text.
 *
 * @param lastAnswerMessageId the patient's message id of the latest text turn (an edit of it is a correction)
 * @param keyboardMessageId our message carrying the live inline keyboard, or 0 when none is live
 * @param keyboard the labels of that keyboard, in button order (callback data carries the index)
 */
public record TelegramChat(long chatId, int lastAnswerMessageId, int keyboardMessageId, List<String> keyboard) {
  public TelegramChat {
    keyboard = keyboard == null ? List.of() : List.copyOf(keyboard);
  }

  public static TelegramChat fresh(long chatId) {
    return new TelegramChat(chatId, 0, 0, List.of());
  }

  public TelegramChat withKeyboard(int messageId, List<String> labels) {
    return new TelegramChat(chatId, lastAnswerMessageId, messageId, labels);
  }

  public TelegramChat withLastAnswer(int messageId) {
    return new TelegramChat(chatId, messageId, keyboardMessageId, keyboard);
  }
}
