package app.previsit.telegram;

import app.previsit.dialogue.Reply;
import app.previsit.store.TelegramChat;
import app.previsit.store.TelegramStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import org.telegram.telegrambots.meta.api.methods.ActionType;
import org.telegram.telegrambots.meta.api.methods.ParseMode;
import org.telegram.telegrambots.meta.api.methods.groupadministration.LeaveChat;
import org.telegram.telegrambots.meta.api.methods.send.SendChatAction;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageReplyMarkup;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;

/**
 * Sends the bot's replies to a chat in order: text escaped for HTML parse mode, split below
 * Telegram's limit, buttons as an inline keyboard on the last message that offers them. Only one
 * keyboard per chat is live; the one before it is taken away so an answered question cannot be
 * answered again from an old message.
 */
final class Delivery {
  /** Labels up to this long share a row; longer ones get a row of their own so they stay readable. */
  private static final int SHORT_LABEL = 18;
  /** A reply that takes longer than this (waiting included) shows "typing…" first. */
  private static final long TYPING_AFTER_MS = 300;

  private final TelegramCalls calls;
  private final TelegramStore store;
  private final Vertx vertx;

  Delivery(TelegramCalls calls, TelegramStore store, Vertx vertx) {
    this.calls = calls;
    this.store = store;
    this.vertx = vertx;
  }

  TelegramCalls calls() {
    return calls;
  }

  /** One message of ours without buttons; the chat's live keyboard stays as it was. */
  Future<Void> plain(long chatId, String text) {
    return send(chatId, text, null).mapEmpty();
  }

  /**
   * The turn's replies; then records which keyboard is live and that the update is applied. The old
   * keyboard is recorded dead before anything is sent, so if sending fails half way no press on it
   * can reach the next question.
   */
  Future<Void> replies(TelegramChat before, TelegramChat chat, List<Reply> replies) {
    long chatId = chat.chatId();
    Future<Void> cleared = before.keyboardMessageId() == 0 ? Future.succeededFuture()
        : store.saveChat(before.withKeyboard(0, List.of())).compose(v -> removeKeyboard(chatId, before.keyboardMessageId()));
    Reply withKeyboard = lastWithButtons(replies);
    int[] keyboardMessage = {0};
    Future<Void> sent = cleared;
    for (Reply r : replies) {
      List<String> pieces = TelegramText.splitForHtml(r.text(), TelegramText.MAX_CHARS);
      for (int i = 0; i < pieces.size(); i++) {
        String piece = pieces.get(i);
        boolean keyboardHere = r == withKeyboard && i == pieces.size() - 1;
        sent = sent.compose(v -> send(chatId, piece, keyboardHere ? r.buttons() : null).map(m -> {
          if (keyboardHere && m != null && m.getMessageId() != null) keyboardMessage[0] = m.getMessageId();
          return null;
        }));
      }
    }
    return sent.compose(v -> store.saveChat(withKeyboard == null || keyboardMessage[0] == 0
        ? chat.withKeyboard(0, List.of())
        : chat.withKeyboard(keyboardMessage[0], withKeyboard.buttons())));
  }

  /** A message with one button whose callback data is given (the returning patient's "Begin"). */
  Future<Void> invitation(long chatId, String text, String label, String callbackData) {
    InlineKeyboardMarkup markup = InlineKeyboardMarkup.builder()
        .keyboardRow(new InlineKeyboardRow(InlineKeyboardButton.builder().text(label).callbackData(callbackData).build())).build();
    SendMessage m = SendMessage.builder().chatId(chatId).text(TelegramText.html(text)).parseMode(ParseMode.HTML).replyMarkup(markup).build();
    return calls.call(m).mapEmpty();
  }

  /** Leaves a group or channel the bot was added to. */
  Future<Void> leave(long chatId) {
    return calls.call(LeaveChat.builder().chatId(chatId).build()).<Void>mapEmpty().recover(e -> Future.succeededFuture());
  }

  /** Takes the buttons off one of our messages; a message already without them is fine. */
  Future<Void> removeKeyboard(long chatId, int messageId) {
    EditMessageReplyMarkup edit = EditMessageReplyMarkup.builder().chatId(chatId).messageId(messageId)
        .replyMarkup(InlineKeyboardMarkup.builder().keyboard(List.of()).build()).build();
    // "message is not modified" and "message to edit not found" are 400s: nothing left to remove.
    return calls.call(edit).<Void>mapEmpty().recover(e -> Future.succeededFuture());
  }

  /** Starts a timer that shows "typing…" if the reply is not ready soon; cancel it when it is. */
  long typingAfterAMoment(long chatId) {
    return vertx.setTimer(TYPING_AFTER_MS, t -> calls.call(SendChatAction.builder().chatId(chatId).action(ActionType.TYPING.toString()).build())
        .onFailure(e -> { /* only a courtesy; the reply itself is what matters */ }));
  }

  private Future<Message> send(long chatId, String plainText, List<String> buttons) {
    SendMessage.SendMessageBuilder<?, ?> b = SendMessage.builder().chatId(chatId).text(TelegramText.html(plainText))
        .parseMode(ParseMode.HTML);
    if (buttons != null && !buttons.isEmpty()) b.replyMarkup(keyboard(buttons));
    return calls.call(b.build());
  }

  /** Only the last reply that offers buttons gets a keyboard: it is the question being asked now. */
  private static Reply lastWithButtons(List<Reply> replies) {
    for (int i = replies.size() - 1; i >= 0; i--) if (!replies.get(i).buttons().isEmpty()) return replies.get(i);
    return null;
  }

  static InlineKeyboardMarkup keyboard(List<String> labels) {
    List<InlineKeyboardRow> rows = new ArrayList<>();
    InlineKeyboardRow row = new InlineKeyboardRow();
    for (int i = 0; i < labels.size(); i++) {
      String label = labels.get(i);
      InlineKeyboardButton button = InlineKeyboardButton.builder().text(label).callbackData(UpdateHandler.KEY + i).build();
      boolean wide = label.length() > SHORT_LABEL;
      if (!row.isEmpty() && (wide || row.size() == 2 || row.get(0).getText().length() > SHORT_LABEL)) {
        rows.add(row);
        row = new InlineKeyboardRow();
      }
      row.add(button);
    }
    if (!row.isEmpty()) rows.add(row);
    return InlineKeyboardMarkup.builder().keyboard(rows).build();
  }
}
