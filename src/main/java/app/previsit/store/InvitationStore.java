package app.previsit.store;

import app.previsit.invitation.Invitation;
import io.vertx.core.Future;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Invitations, found by id, by link token, by appointment date and by bound Telegram chat. */
public interface InvitationStore {
  Future<Invitation> create(Invitation invitation);

  /** Replaces the stored invitation with the same id (indexes follow). */
  Future<Invitation> update(Invitation invitation);

  Future<Optional<Invitation>> byId(String id);

  Future<Optional<Invitation>> byToken(String token);

  /** Invitations whose appointment falls on this local date, in appointment order. */
  Future<List<Invitation>> byDate(LocalDate date);

  /**
   * Binds a Telegram chat to an invitation, atomically: true when the invitation was unbound or
   * already bound to this chat; false when another chat holds it (it stays with that chat).
   */
  Future<Boolean> bindTelegramChat(String invitationId, long chatId);

  /** The invitation most recently bound to this chat. */
  Future<Optional<Invitation>> byTelegramChat(long chatId);

  /** Removes the invitation and every index entry that points at it. */
  Future<Void> delete(String id);
}
