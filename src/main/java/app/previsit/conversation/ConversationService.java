package app.previsit.conversation;

import app.previsit.dialogue.PatientInput;
import app.previsit.invitation.Invitation;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Optional;

/**
 * The one entry point every channel (web chat, Telegram, bench) uses: load the invitation's
 * conversation, apply the pure dialogue core, save with compare-and-set, and answer.
 * Failures of the store come back as failed futures of StoreUnavailableException.
 */
public interface ConversationService {
  /** Starts the conversation if it has not started (the greeting), else returns nothing new. */
  Future<Turn> open(Invitation invitation);

  /**
   * Applies one patient message. {@code messageId} (channel-unique, e.g. "tg:123" for a Telegram
   * update id; null when the channel has none) makes the turn idempotent: a repeat is not applied twice.
   */
  Future<Turn> handle(Invitation invitation, PatientInput input, String messageId);

  /** The transcript so far, oldest first; empty when nothing has started. */
  Future<List<TranscriptLine>> history(Invitation invitation);

  /** The summary JSON of DESIGN.md for this invitation (partial when not completed). */
  Future<Optional<JsonObject>> summary(Invitation invitation);

  /**
   * Where the conversation stands, as a section name (welcome, agenda, research, questions, goals,
   * decision, preferences, medicines, review, done); for one that stopped, the section it stopped in.
   * Empty when there is none. No patient text: the practice's dashboard reads it.
   */
  Future<Optional<String>> section(Invitation invitation);

  /** How long this invitation's conversation (and anything kept with it, such as a printout's photo) is kept. */
  java.time.Duration retention(Invitation invitation);
}
