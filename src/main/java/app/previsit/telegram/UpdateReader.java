package app.previsit.telegram;

import app.previsit.telegram.Incoming.Kind;
import java.util.Comparator;
import java.util.Locale;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.photo.PhotoSize;

/** Reads a TelegramBots {@link Update} into an {@link Incoming}. Pure: no calls, no state. */
public final class UpdateReader {
  private UpdateReader() {}

  public static Incoming read(Update u) {
    long id = u.getUpdateId() == null ? -1 : u.getUpdateId();
    if (u.hasCallbackQuery()) return callback(id, u.getCallbackQuery());
    if (u.hasEditedMessage()) {
      Message m = u.getEditedMessage();
      if (m.getChat() == null || !m.hasText()) return Incoming.ignored(id);
      return new Incoming(id, Kind.EDIT, m.getChatId(), isPrivate(m), m.getMessageId(), m.getText(), null, null, null, null,
          null, null);
    }
    if (!u.hasMessage()) return Incoming.ignored(id);
    Message m = u.getMessage();
    if (m.getChat() == null || (m.getFrom() != null && Boolean.TRUE.equals(m.getFrom().getIsBot()))) return Incoming.ignored(id);
    boolean priv = isPrivate(m);
    int mid = m.getMessageId() == null ? 0 : m.getMessageId();
    if (m.hasText()) {
      String text = m.getText();
      String s = text.strip();
      if (s.startsWith("/") && s.length() > 1 && !Character.isWhitespace(s.charAt(1))) {
        int space = indexOfWhitespace(s);
        String word = space < 0 ? s.substring(1) : s.substring(1, space);
        int at = word.indexOf('@');
        if (at >= 0) word = word.substring(0, at);
        String arg = space < 0 ? null : s.substring(space).strip();
        return new Incoming(id, Kind.COMMAND, m.getChatId(), priv, mid, text, word.toLowerCase(Locale.ROOT),
            arg == null || arg.isEmpty() ? null : arg, null, null, null, null);
      }
      return new Incoming(id, Kind.TEXT, m.getChatId(), priv, mid, text, null, null, null, null, null, null);
    }
    String kind;
    String fileId = null;
    if (m.getPhoto() != null && !m.getPhoto().isEmpty()) {
      kind = "photo";
      // Telegram sends every size it made; the largest is the one worth showing a GP.
      fileId = m.getPhoto().stream().max(Comparator.comparingInt(UpdateReader::area)).map(PhotoSize::getFileId).orElse(null);
    } else if (m.getDocument() != null) {
      kind = "document";
      fileId = m.getDocument().getFileId();
    } else if (m.getVoice() != null) kind = "voice";
    else if (m.getAudio() != null) kind = "audio";
    else if (m.getVideo() != null) kind = "video";
    else if (m.getVideoNote() != null) kind = "video_note";
    else if (m.getAnimation() != null) kind = "animation";
    else if (m.getSticker() != null) kind = "sticker";
    else if (m.getLocation() != null) kind = "location";
    else if (m.getContact() != null) kind = "contact";
    else return Incoming.ignored(id); // service messages: joins, pins, title changes…
    return new Incoming(id, Kind.NON_TEXT, m.getChatId(), priv, mid, null, null, null, null, null, kind, fileId);
  }

  private static Incoming callback(long id, CallbackQuery q) {
    if (q.getMessage() == null || q.getMessage().getChat() == null) {
      // A button on a message we can no longer see (inline mode or very old): answer it, change nothing.
      return new Incoming(id, Kind.CALLBACK, 0, false, 0, null, null, null, q.getId(), q.getData(), null, null);
    }
    var m = q.getMessage();
    boolean priv = "private".equals(m.getChat().getType());
    return new Incoming(id, Kind.CALLBACK, m.getChatId(), priv, m.getMessageId() == null ? 0 : m.getMessageId(), null, null, null,
        q.getId(), q.getData(), null, null);
  }

  private static boolean isPrivate(Message m) {
    return "private".equals(m.getChat().getType());
  }

  private static int area(PhotoSize p) {
    return (p.getWidth() == null ? 0 : p.getWidth()) * (p.getHeight() == null ? 0 : p.getHeight());
  }

  private static int indexOfWhitespace(String s) {
    for (int i = 0; i < s.length(); i++) if (Character.isWhitespace(s.charAt(i))) return i;
    return -1;
  }
}
