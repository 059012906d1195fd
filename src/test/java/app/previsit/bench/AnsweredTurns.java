package app.previsit.bench;

import app.previsit.conversation.TranscriptLine;
import app.previsit.invitation.Invitation;
import app.previsit.server.PrevisitServer;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Holds what the bench's patients saw answered against what the service stored: for every
 * conversation, the patient's lines in its transcript must be exactly the messages answered with 200,
 * in order, each once, followed at most by the message its patient had sent and not had answered
 * when the run stopped (it may have been applied, its answer not yet read).
 */
final class AnsweredTurns {
  /** Conversations and answered turns compared, turns missing from a transcript, and lines stored twice or out of order. */
  record Verdict(int conversations, int turns, int lost, int duplicated, List<String> examples) {
    @Override
    public String toString() {
      return "conversations=" + conversations + " answered_turns=" + turns + " lost=" + lost + " duplicated_or_out_of_order="
          + duplicated + (examples.isEmpty() ? "" : " e.g. " + examples);
    }
  }

  private AnsweredTurns() {}

  static Verdict check(PrevisitServer server, LoadBenchmark load) throws Exception {
    Map<String, List<JsonObject>> answered = load.answered();
    int conversations = 0;
    int turns = 0;
    int lost = 0;
    int duplicated = 0;
    List<String> examples = new ArrayList<>();
    for (Map.Entry<String, List<JsonObject>> e : answered.entrySet()) {
      List<String> sent;
      synchronized (e.getValue()) {
        sent = e.getValue().stream().map(b -> b.getString("text", b.getString("button"))).toList();
      }
      Invitation inv = server.services().stores().invitations().byId(e.getKey()).toCompletionStage().toCompletableFuture()
          .get(10, TimeUnit.SECONDS).orElseThrow(() -> new AssertionError("invitation gone: " + e.getKey()));
      List<String> stored = new ArrayList<>();
      for (TranscriptLine l : server.services().conversations().history(inv).toCompletionStage().toCompletableFuture()
          .get(10, TimeUnit.SECONDS)) {
        if ("patient".equals(l.from())) stored.add(l.text());
      }
      conversations++;
      turns += sent.size();
      int same = 0;
      while (same < sent.size() && same < stored.size() && sent.get(same).equals(stored.get(same))) same++;
      if (same < sent.size()) {
        lost += sent.size() - same;
        if (examples.size() < 3) examples.add("answered " + sent.size() + ", stored in order " + same);
      }
      // One more line than answered is allowed only as the message in flight at the stop; else it is a turn applied twice.
      JsonObject inFlight = load.unanswered().get(e.getKey());
      boolean lastInFlight = inFlight != null && stored.size() == sent.size() + 1
          && stored.get(sent.size()).equals(inFlight.getString("text", inFlight.getString("button")));
      if (stored.size() > sent.size() && !lastInFlight) {
        duplicated += stored.size() - sent.size();
        if (examples.size() < 3) examples.add("answered " + sent.size() + ", stored " + stored.size());
      }
    }
    return new Verdict(conversations, turns, lost, duplicated, examples);
  }
}
