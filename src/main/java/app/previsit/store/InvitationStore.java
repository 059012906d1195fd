package app.previsit.store;

import app.previsit.invitation.Invitation;
import io.vertx.core.Future;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Invitations, found by id, by link token, by appointment date and by bound Telegram chat. */
public interface InvitationStore {
  Future<Invitation> create(Invitation invitation);

  /**
   * Replaces the stored invitation with the same id (indexes follow). Who holds the link (token,
   * browsers, Telegram chat) is kept as stored: only the methods below change it, so a writer holding
   * an older copy (a conversation turn, a cancel) cannot undo a new link or a binding.
   */
  Future<Invitation> update(Invitation invitation);

  Future<Optional<Invitation>> byId(String id);

  Future<Optional<Invitation>> byToken(String token);

  /** Invitations whose appointment falls on this local date, in appointment order. */
  Future<List<Invitation>> byDate(LocalDate date);

  /**
   * Binds a Telegram chat to an invitation, atomically: true when the invitation was unbound or
   * already bound to this chat; false when another chat or a browser holds it (it stays with them).
   */
  Future<Boolean> bindTelegramChat(String invitationId, long chatId);

  /**
   * Makes this browser (a keyed hash of its device cookie) the holder of the link, atomically, when
   * no browser and no Telegram chat holds it yet. True when the browser holds the link now (it
   * already did, or it just took it); false when someone else holds it.
   */
  Future<Boolean> holdLink(String invitationId, String device);

  /**
   * Adds a browser that proved it is the patient's (date of birth) beside the link's holders. False
   * when there is no such invitation, or the link already has {@link Invitation#MAX_DEVICES} (none is
   * pushed out: the patient's own devices keep it; a new link starts again).
   */
  Future<Boolean> addDevice(String invitationId, String device);

  /**
   * Gives the invitation a new link token, atomically: the old link stops working at once, no browser
   * or chat holds the new one, and the conversation so far is kept. Empty when there is no such invitation.
   */
  Future<Optional<Invitation>> newLink(String invitationId, String newToken);

  /** The invitation most recently bound to this chat. */
  Future<Optional<Invitation>> byTelegramChat(long chatId);

  /** Removes the invitation and every index entry that points at it. */
  Future<Void> delete(String id);
}
