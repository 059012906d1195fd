package app.previsit.telegram;

import app.previsit.dialogue.Messages;
import app.previsit.dialogue.PatientInput;
import app.previsit.invitation.Invitation;
import app.previsit.server.Services;
import app.previsit.store.TelegramChat;
import app.previsit.store.TelegramStore;
import io.vertx.core.Future;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;

/**
 * What the bot does with one update of one chat: bind a chat to an invitation by its /start
 * token, turn messages and button presses into patient input for the conversation service, and
 * deliver the replies. Runs on the channel's context, one update per chat at a time.
 */
final class UpdateHandler {
  /** Callback data of a button on the live keyboard: "k:" and the button's index. */
  static final String KEY = "k:";
  /** Callback data of the "Begin" button sent to a returning patient: "begin:" and the invitation id. */
  static final String BEGIN = "begin:";

  private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{16,64}");
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE d MMMM 'at' HH:mm", Locale.UK);

  private final Services services;
  private final TelegramStore store;
  private final Messages messages;
  private final Delivery delivery;
  private final TelegramPrintouts printouts;

  UpdateHandler(Services services, Messages messages, Delivery delivery, TelegramPrintouts printouts) {
    this.services = services;
    this.printouts = printouts;
    this.store = services.stores().telegram();
    this.messages = messages;
    this.delivery = delivery;
  }

  Future<Void> handle(Incoming in) {
    if (in.kind() == Incoming.Kind.IGNORED || in.chatId() == 0 && in.kind() != Incoming.Kind.CALLBACK) {
      return Future.succeededFuture();
    }
    if (in.kind() == Incoming.Kind.CALLBACK && (in.chatId() == 0 || !in.privateChat())) {
      return answerCallback(in, messages.text("telegram.button.gone"));
    }
    if (!in.privateChat()) {
      // Said once, then the bot leaves: it must not sit in a group reading what people write.
      return delivery.plain(in.chatId(), messages.text("telegram.private.only")).compose(v -> delivery.leave(in.chatId()));
    }
    return store.chat(in.chatId()).map(found -> found.orElse(TelegramChat.fresh(in.chatId()))).compose(chat -> {
      // Left in the inbox by a crash after it was applied: done already.
      if (chat.hasApplied(in.updateId())) return Future.<Void>succeededFuture();
      return route(in, chat);
    });
  }

  private Future<Void> route(Incoming in, TelegramChat chat) {
    return switch (in.kind()) {
      case COMMAND -> "start".equals(in.command()) ? start(in, chat) : withInvitation(in, chat,
          inv -> turn(inv, chat, new PatientInput.Command(in.command(), null), in, false));
      case TEXT -> withInvitation(in, chat, inv -> turn(inv, chat, new PatientInput.Text(in.text()), in, true));
      case EDIT -> withInvitation(in, chat, inv -> {
        // Only the latest answer can be reworded; an edit of anything older is read as a new message.
        boolean latest = chat.lastAnswerMessageId() == in.messageId();
        PatientInput input = latest ? new PatientInput.Correction(in.text()) : new PatientInput.Text(in.text());
        return turn(inv, chat, input, in, true);
      });
      case NON_TEXT -> withInvitation(in, chat, inv -> printouts.read(in).compose(input -> turn(inv, chat, input, in, false)));
      case CALLBACK -> callback(in, chat);
      case IGNORED -> Future.succeededFuture();
    };
  }

  /** /start TOKEN binds this chat to the invitation; /start alone resumes or explains. */
  private Future<Void> start(Incoming in, TelegramChat chat) {
    String token = in.argument();
    if (token == null) {
      return services.stores().invitations().byTelegramChat(in.chatId()).compose(found -> {
        if (found.isPresent() && found.get().usableAt(services.clock().instant())) {
          return turn(found.get(), chat, new PatientInput.Command("start", null), in, false);
        }
        return delivery.plain(in.chatId(), messages.text("telegram.start.notoken"));
      });
    }
    if (!TOKEN.matcher(token).matches()) return delivery.plain(in.chatId(), messages.text("telegram.start.unknown"));
    return services.stores().invitations().byToken(token).compose(found -> {
      if (found.isEmpty()) return delivery.plain(in.chatId(), messages.text("telegram.start.unknown"));
      Invitation inv = found.get();
      if (!inv.usableAt(services.clock().instant())) return delivery.plain(in.chatId(), messages.text("telegram.start.expired"));
      return services.stores().invitations().bindTelegramChat(inv.id(), in.chatId()).compose(bound -> {
        if (!bound) return delivery.plain(in.chatId(), messages.text("telegram.start.taken"));
        Future<Void> remembered = inv.reference() == null ? Future.succeededFuture()
            : store.rememberReference(inv.reference(), in.chatId());
        return remembered.compose(v -> turn(inv.withTelegramChat(in.chatId()), chat, new PatientInput.Command("start", null), in, false));
      });
    });
  }

  private Future<Void> callback(Incoming in, TelegramChat chat) {
    String data = in.callbackData() == null ? "" : in.callbackData();
    if (data.startsWith(BEGIN)) return begin(in, chat, data.substring(BEGIN.length()));
    int index = parseIndex(data);
    boolean live = chat.keyboardMessageId() != 0 && chat.keyboardMessageId() == in.messageId()
        && index >= 0 && index < chat.keyboard().size();
    if (!live) {
      // An old keyboard (an answered question): say so and take its buttons away.
      return answerCallback(in, messages.text("telegram.button.old"))
          .compose(v -> delivery.removeKeyboard(in.chatId(), in.messageId()));
    }
    String label = chat.keyboard().get(index);
    return answerCallback(in, null).compose(v -> withInvitation(in, chat, inv -> turn(inv, chat, new PatientInput.Button(label), in, false)));
  }

  /**
   * "Begin" on a returning patient's new invitation: only now is the chat bound to it, and only if
   * this chat is still the one known for the invitation's reference.
   */
  private Future<Void> begin(Incoming in, TelegramChat chat, String invitationId) {
    return answerCallback(in, null).compose(v -> services.stores().invitations().byId(invitationId)).compose(found -> {
      Invitation inv = found.orElse(null);
      if (inv == null || inv.reference() == null) return delivery.plain(in.chatId(), messages.text("telegram.button.gone"));
      if (!inv.usableAt(services.clock().instant())) return delivery.plain(in.chatId(), messages.text("telegram.start.expired"));
      return store.chatOfReference(inv.reference()).compose(known -> {
        if (known.isEmpty() || known.get() != in.chatId()) return delivery.plain(in.chatId(), messages.text("telegram.button.gone"));
        return services.stores().invitations().bindTelegramChat(inv.id(), in.chatId()).compose(bound -> bound
            ? turn(inv.withTelegramChat(in.chatId()), chat, new PatientInput.Command("start", null), in, false)
            : delivery.plain(in.chatId(), messages.text("telegram.start.taken")));
      });
    });
  }

  private Future<Void> withInvitation(Incoming in, TelegramChat chat, Function<Invitation, Future<Void>> then) {
    return services.stores().invitations().byTelegramChat(in.chatId()).compose(found -> {
      if (found.isEmpty()) return delivery.plain(in.chatId(), messages.text("telegram.unknown.chat"));
      if (!found.get().usableAt(services.clock().instant())) {
        return delivery.plain(in.chatId(), messages.text("telegram.start.expired"));
      }
      return then.apply(found.get());
    });
  }

  /** One conversation turn: apply (idempotent per update id), then deliver the replies. */
  private Future<Void> turn(Invitation inv, TelegramChat chat, PatientInput input, Incoming in, boolean answer) {
    return services.conversations().handle(inv, input, "tg:" + in.updateId()).compose(t -> {
      // Only a typed answer can later be reworded by editing it; any other turn ends that chance.
      TelegramChat after = (answer ? chat.withLastAnswer(in.messageId()) : chat.withLastAnswer(0)).applied(in.updateId());
      return delivery.replies(chat, after, t.replies()).compose(v -> t.done() ? forgetIfErased(inv) : Future.succeededFuture());
    });
  }

  /** A patient who asked to be forgotten is not recognised as a returning patient either. */
  private Future<Void> forgetIfErased(Invitation inv) {
    if (inv.reference() == null) return Future.succeededFuture();
    return services.stores().invitations().byId(inv.id()).compose(found -> found.isPresent()
        && found.get().status() == app.previsit.invitation.InvitationStatus.CANCELLED
        ? store.forgetReference(inv.reference()) : Future.succeededFuture());
  }

  /**
   * Tells a returning patient (known by reference) about a new invitation, with a button to begin.
   * Nothing is bound yet, so a conversation in progress in this chat goes on undisturbed; and the
   * message names no one, in case the phone is not the patient's any more.
   */
  Future<Boolean> inviteReturning(Invitation inv) {
    if (inv.reference() == null) return Future.succeededFuture(false);
    return store.chatOfReference(inv.reference()).compose(chatId -> {
      if (chatId.isEmpty()) return Future.succeededFuture(false);
      String text = messages.text("telegram.invite.returning", "when", inv.appointmentAt().format(WHEN));
      return delivery.invitation(chatId.get(), text, messages.text("telegram.invite.begin"), BEGIN + inv.id()).map(true);
    });
  }

  /** Reminds the patient whose chat holds this invitation to finish; true when messaged. */
  Future<Boolean> remind(Invitation inv) {
    if (inv.telegramChatId() == null) return Future.succeededFuture(false);
    String text = messages.text("telegram.remind", "when", inv.appointmentAt().format(WHEN));
    return delivery.plain(inv.telegramChatId(), text).map(true);
  }

  private Future<Void> answerCallback(Incoming in, String text) {
    if (in.callbackId() == null) return Future.succeededFuture();
    AnswerCallbackQuery answer = AnswerCallbackQuery.builder().callbackQueryId(in.callbackId()).text(text).build();
    return delivery.calls().call(answer).<Void>mapEmpty().recover(e -> Future.succeededFuture());
  }

  private static int parseIndex(String data) {
    if (!data.startsWith(KEY)) return -1;
    try {
      return Integer.parseInt(data.substring(KEY.length()));
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
