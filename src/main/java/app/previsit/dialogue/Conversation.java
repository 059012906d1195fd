package app.previsit.dialogue;

import java.util.ArrayList;
import java.util.List;

/**
 * The whole state of one patient's conversation: the answers, the snapshots "go back" can return
 * to, the transcript, red flags, and the status flags the summary needs. Immutable.
 *
 * @param resume the stage to return to after a holding stage (emergency, stopped, forget-me question)
 * @param rephraseAsked true after the bot asked to rephrase once at this stage (next time it accepts)
 * @param completedAt epoch ms when the patient confirmed the summary, or 0
 */
public record Conversation(
    String patientName,
    Answers answers,
    List<Answers> undo,
    List<RedFlag> redFlags,
    List<Line> transcript,
    Stage resume,
    boolean rephraseAsked,
    boolean confirmed,
    boolean stopped,
    long completedAt) {

  /** Go back reaches this many answers back; older snapshots are dropped to keep the state small. */
  static final int UNDO_DEPTH = 6;

  public Conversation {
    patientName = patientName == null ? "" : patientName;
    answers = answers == null ? Answers.empty() : answers;
    undo = undo == null ? List.of() : List.copyOf(undo);
    redFlags = redFlags == null ? List.of() : List.copyOf(redFlags);
    transcript = transcript == null ? List.of() : List.copyOf(transcript);
  }

  public static Conversation begin(String patientName) {
    return new Conversation(patientName, Answers.empty(), List.of(), List.of(), List.of(), null, false, false, false, 0);
  }

  public Stage stage() {
    return answers.stage();
  }

  public boolean done() {
    return stage() == Stage.DONE || stage() == Stage.FORGOTTEN || stage() == Stage.STOPPED;
  }

  public boolean forgotten() {
    return stage() == Stage.FORGOTTEN;
  }

  /** Started = the patient has said anything at all. */
  public boolean started() {
    return transcript.stream().anyMatch(l -> l.from().equals("patient"));
  }

  Conversation with(Answers a) {
    return new Conversation(patientName, a, undo, redFlags, transcript, resume, false, confirmed, stopped, completedAt);
  }

  /** Records an answer: the current answers become a "go back" point. */
  Conversation answered(Answers a) {
    List<Answers> u = new ArrayList<>(undo);
    u.add(answers);
    if (u.size() > UNDO_DEPTH) u.remove(0);
    return new Conversation(patientName, a, u, redFlags, transcript, resume, false, confirmed, stopped, completedAt);
  }

  Conversation undone() {
    if (undo.isEmpty()) return this;
    Answers previous = undo.get(undo.size() - 1);
    return new Conversation(patientName, previous, undo.subList(0, undo.size() - 1), redFlags, transcript, resume,
        false, confirmed, stopped, completedAt);
  }

  Conversation holding(Stage holdingStage) {
    Stage back = isHolding(stage()) ? resume : stage();
    return new Conversation(patientName, answers.at(holdingStage), undo, redFlags, transcript, back, false, confirmed,
        holdingStage == Stage.STOPPED || stopped, completedAt);
  }

  Conversation released() {
    Stage back = resume == null ? Stage.AGENDA : resume;
    return new Conversation(patientName, answers.at(back), undo, redFlags, transcript, null, false, confirmed, false,
        completedAt);
  }

  Conversation flagged(RedFlag f) {
    List<RedFlag> r = new ArrayList<>(redFlags);
    r.add(f);
    return new Conversation(patientName, answers, undo, r, transcript, resume, rephraseAsked, confirmed, stopped,
        completedAt);
  }

  Conversation said(Line line) {
    List<Line> t = new ArrayList<>(transcript.size() + 1);
    t.addAll(transcript);
    t.add(line);
    return new Conversation(patientName, answers, undo, redFlags, t, resume, rephraseAsked, confirmed, stopped,
        completedAt);
  }

  Conversation askedToRephrase() {
    return new Conversation(patientName, answers, undo, redFlags, transcript, resume, true, confirmed, stopped,
        completedAt);
  }

  Conversation confirmedAt(long at) {
    return new Conversation(patientName, answers.at(Stage.DONE), undo, redFlags, transcript, null, false, true, false, at);
  }

  /** Everything the patient said is gone; only the fact that it was erased remains. */
  Conversation erased() {
    return new Conversation("", Answers.empty().at(Stage.FORGOTTEN), List.of(), List.of(), List.of(), null, false,
        false, false, 0);
  }

  static boolean isHolding(Stage s) {
    return s == Stage.EMERGENCY || s == Stage.STOPPED || s == Stage.CONFIRM_FORGET;
  }
}
