package app.previsit.server;

import app.previsit.invitation.Invitation;
import app.previsit.telegram.TelegramChannel;
import io.vertx.core.Future;
import java.util.Optional;

/**
 * What the staff side needs from the patient channels, without depending on them: the Telegram
 * deep link of an invitation (the bot's username comes from configuration or from getMe once the
 * bot has started) and a way to tell channels a new invitation exists (a returning Telegram patient
 * is messaged directly).
 */
public final class PatientChannels {
  private volatile String telegramUsername;
  private volatile TelegramChannel telegram;

  public PatientChannels(Optional<String> telegramUsername) {
    this.telegramUsername = telegramUsername.orElse(null);
  }

  public Optional<String> telegramLink(String token) {
    String u = telegramUsername;
    return u == null ? Optional.empty() : Optional.of("https://t.me/" + u + "?start=" + token);
  }

  /** The bot's username, once known. */
  public Optional<String> telegramUsername() {
    return Optional.ofNullable(telegramUsername);
  }

  public void telegramUsername(String username) {
    if (username != null && !username.isBlank()) telegramUsername = username;
  }

  /** The running Telegram channel, or null when there is none (yet). */
  public TelegramChannel telegram() {
    return telegram;
  }

  public void telegram(TelegramChannel channel) {
    telegram = channel;
  }

  /** True when a channel could remind the patient now (the invitation's chat is bound and Telegram runs). */
  public boolean canRemind(Invitation invitation) {
    return telegram != null && invitation.telegramChatId() != null;
  }

  /** Reminds the patient to finish in their channel; true when sent. Never fails. */
  public Future<Boolean> remind(Invitation invitation) {
    try {
      TelegramChannel t = telegram;
      return t == null ? Future.succeededFuture(false) : t.remind(invitation).recover(e -> Future.succeededFuture(false));
    } catch (RuntimeException e) {
      return Future.succeededFuture(false);
    }
  }

  /** True when a channel messaged the patient about this invitation itself. Never fails. */
  public Future<Boolean> invited(Invitation invitation) {
    try {
      TelegramChannel t = telegram;
      return t == null ? Future.succeededFuture(false) : t.inviteReturning(invitation).recover(e -> Future.succeededFuture(false));
    } catch (RuntimeException e) {
      return Future.succeededFuture(false);
    }
  }
}
