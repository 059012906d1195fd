package app.previsit.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.previsit.telegram.Incoming.Kind;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.objects.Update;

class UpdateReaderTest {
  private static Incoming read(String json) throws Exception {
    return UpdateReader.read(TelegramChannel.mapper().readValue(json, Update.class));
  }

  private static String message(String chatType, String body) {
    return "{\"update_id\":7,\"message\":{\"message_id\":3,\"date\":1,\"from\":{\"id\":9,\"is_bot\":false,\"first_name\":\"A\"},"
        + "\"chat\":{\"id\":9,\"type\":\"" + chatType + "\"}," + body + "}}";
  }

  @Test
  void startWithATokenIsACommandWithItsArgument() throws Exception {
    Incoming in = read(message("private", "\"text\":\"/start abcDEF_123-xyz0000\""));
    assertEquals(Kind.COMMAND, in.kind());
    assertEquals("start", in.command());
    assertEquals("abcDEF_123-xyz0000", in.argument());
    assertTrue(in.privateChat());
    assertEquals(7, in.updateId());
    assertEquals(9, in.chatId());
  }

  @Test
  void aCommandAddressedToTheBotLosesItsSuffix() throws Exception {
    Incoming in = read(message("private", "\"text\":\"/Help@previsit_bot\""));
    assertEquals("help", in.command());
    assertNull(in.argument());
  }

  @Test
  void plainTextAndGroupsAreTold() throws Exception {
    Incoming text = read(message("private", "\"text\":\"/ not a command\""));
    assertEquals(Kind.TEXT, text.kind());
    Incoming group = read(message("group", "\"text\":\"hi\""));
    assertFalse(group.privateChat());
  }

  @Test
  void theLargestPhotoIsKeptAndOtherMediaAreNamed() throws Exception {
    Incoming photo = read(message("private", "\"photo\":[{\"file_id\":\"small\",\"file_unique_id\":\"s\",\"width\":90,\"height\":90},"
        + "{\"file_id\":\"big\",\"file_unique_id\":\"b\",\"width\":1280,\"height\":960}]"));
    assertEquals(Kind.NON_TEXT, photo.kind());
    assertEquals("photo", photo.nonTextKind());
    assertEquals("big", photo.fileId());
    Incoming voice = read(message("private", "\"voice\":{\"file_id\":\"v\",\"file_unique_id\":\"v\",\"duration\":3}"));
    assertEquals("voice", voice.nonTextKind());
    Incoming location = read(message("private", "\"location\":{\"latitude\":51.5,\"longitude\":-0.1}"));
    assertEquals("location", location.nonTextKind());
  }

  @Test
  void callbacksAndEditsCarryTheirMessage() throws Exception {
    Incoming cb = read("{\"update_id\":8,\"callback_query\":{\"id\":\"q1\",\"from\":{\"id\":9,\"is_bot\":false,\"first_name\":\"A\"},"
        + "\"chat_instance\":\"x\",\"data\":\"k:2\",\"message\":{\"message_id\":44,\"date\":1,\"chat\":{\"id\":9,\"type\":\"private\"},"
        + "\"text\":\"Q?\"}}}");
    assertEquals(Kind.CALLBACK, cb.kind());
    assertEquals(44, cb.messageId());
    assertEquals("k:2", cb.callbackData());
    assertEquals("q1", cb.callbackId());
    Incoming edit = read("{\"update_id\":9,\"edited_message\":{\"message_id\":3,\"date\":1,\"edit_date\":2,"
        + "\"chat\":{\"id\":9,\"type\":\"private\"},\"text\":\"new words\"}}");
    assertEquals(Kind.EDIT, edit.kind());
    assertEquals("new words", edit.text());
    assertEquals(3, edit.messageId());
  }

  @Test
  void serviceMessagesAndOtherUpdatesAreIgnored() throws Exception {
    assertEquals(Kind.IGNORED, read(message("private", "\"new_chat_title\":\"x\"")).kind());
    assertEquals(Kind.IGNORED, read("{\"update_id\":10}").kind());
  }
}
