package app.previsit.conversation;

import app.previsit.dialogue.Conversation;
import app.previsit.dialogue.ConversationCodec;
import app.previsit.dialogue.Line;
import app.previsit.dialogue.Reply;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What is stored per conversation: the state and the last few applied message ids with the
 * replies they got (so a redelivered message is recognised and answered the same way).
 * Read and written in one Jackson pass each: this is on every turn's path.
 *
 * <p>Schema 3 keeps the transcript out of the envelope: it lives in the session store's
 * append-only log (one JSON line per entry, appended in the same atomic write), and the
 * envelope's conversation holds only the lines of the last turn (the core needs the last line's
 * time and whether the patient has spoken). So a turn reads and writes a few KB, not the whole
 * transcript. Schemas 1 and 2 carried the whole transcript inside; they still load, and their
 * next write moves the transcript to the log.
 */
record SessionEnvelope(int schema, Conversation conversation, List<Applied> applied, int logSize) {
  /** Enough to cover any redelivery window of Telegram or a browser retry. */
  static final int REMEMBERED_MESSAGES = 16;

  /** The envelope schema written now: the transcript is in the log. */
  static final int SCHEMA = 3;

  /**
   * A message id applied earlier and what it was answered: inline {@code replies}, or (when they
   * are the last lines the turn wrote to the log, the usual case) null and the {@code n} log
   * entries from index {@code from}, so the state does not carry every reply twice.
   */
  record Applied(String id, @JsonInclude(JsonInclude.Include.NON_NULL) List<Reply> replies,
      @JsonInclude(JsonInclude.Include.NON_DEFAULT) int from, @JsonInclude(JsonInclude.Include.NON_DEFAULT) int n) {
    Applied(String id, List<Reply> replies) {
      this(id, replies, 0, 0);
    }

    boolean inLog() {
      return replies == null;
    }
  }

  private static final ObjectMapper JSON = ConversationCodec.mapper();
  private static final ObjectReader READER = JSON.readerFor(SessionEnvelope.class);
  private static final ObjectWriter WRITER = JSON.writerFor(SessionEnvelope.class);
  private static final ObjectReader LINE_READER = JSON.readerFor(Line.class);
  private static final ObjectWriter LINE_WRITER = JSON.writerFor(Line.class);

  SessionEnvelope(Conversation conversation, List<Applied> applied, int logSize) {
    this(SCHEMA, conversation, applied, logSize);
  }

  SessionEnvelope {
    applied = applied == null ? List.of() : applied;
  }

  /** True for an envelope of schema 1 or 2: its conversation holds the whole transcript and the log is unused. */
  boolean transcriptInside() {
    return schema < 3;
  }

  Optional<Applied> earlier(String messageId) {
    if (messageId == null) return Optional.empty();
    for (Applied a : applied) if (a.id().equals(messageId)) return Optional.of(a);
    return Optional.empty();
  }

  /**
   * The next envelope: conversation {@code c} (its transcript already cut to the last turn's
   * lines), the log now {@code logSize} long, and {@code messageId} remembered with {@code a}. When
   * the log was {@code reset}, earlier answers that pointed into it are gone with it: their ids are
   * still recognised (not applied twice) and answered with nothing new.
   */
  SessionEnvelope next(Conversation c, String messageId, Applied a, boolean reset, int logSize) {
    List<Applied> list = new ArrayList<>(applied.size() + 1);
    for (Applied old : applied) list.add(reset && old.inLog() ? new Applied(old.id(), List.of()) : old);
    if (messageId != null) list.add(a);
    while (list.size() > REMEMBERED_MESSAGES) list.remove(0);
    return new SessionEnvelope(c, list, logSize);
  }

  String toJson() {
    try {
      return WRITER.writeValueAsString(new SessionEnvelope(SCHEMA, conversation, applied, logSize));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("conversation state does not serialise", e);
    }
  }

  static SessionEnvelope parse(String json) {
    try {
      SessionEnvelope e = READER.readValue(json);
      if (e.schema() < 1 || e.schema() > SCHEMA || e.conversation() == null) {
        throw new IllegalArgumentException("unknown conversation schema " + e.schema());
      }
      return e;
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("stored conversation does not parse", e);
    }
  }

  /** {@code c} with {@code transcript} in place of its own. */
  static Conversation withTranscript(Conversation c, List<Line> transcript) {
    return new Conversation(c.patientName(), c.answers(), c.undo(), c.redFlags(), transcript, c.resume(),
        c.rephraseAsked(), c.confirmed(), c.stopped(), c.completedAt());
  }

  static String lineJson(Line l) {
    try {
      return LINE_WRITER.writeValueAsString(l);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("transcript line does not serialise", e);
    }
  }

  static Line parseLine(String json) {
    try {
      return LINE_READER.readValue(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("stored transcript line does not parse", e);
    }
  }
}
