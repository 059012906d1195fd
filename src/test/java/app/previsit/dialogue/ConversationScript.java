package app.previsit.dialogue;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.previsit.nlu.OpenNlpUnderstanding;
import java.time.Instant;
import java.util.List;

/** Given/when/then helper: drives the pure core with the real NLU and keeps the last replies. */
final class ConversationScript {
  static final Dialogue DIALOGUE =
      new Dialogue(OpenNlpUnderstanding.shared(), Messages.defaults(), OpenNlpUnderstanding.CONFIDENCE_THRESHOLD);

  private Dialogue dialogue = DIALOGUE;
  private Conversation state;
  private List<Reply> last;
  private long clock = 1_700_000_000_000L;

  static ConversationScript given(String name) {
    return given(name, DIALOGUE);
  }

  /** A script over another dialogue: the same core with an NLU that misreads on purpose, to test a rule. */
  static ConversationScript given(String name, Dialogue dialogue) {
    ConversationScript s = new ConversationScript();
    s.dialogue = dialogue;
    Next n = dialogue.start(name, s.now());
    s.state = n.conversation();
    s.last = n.replies();
    return s;
  }

  private Instant now() {
    clock += 1000;
    return Instant.ofEpochMilli(clock);
  }

  ConversationScript says(String text) {
    return apply(new PatientInput.Text(text));
  }

  ConversationScript presses(String label) {
    return apply(new PatientInput.Button(label));
  }

  ConversationScript command(String name) {
    return apply(new PatientInput.Command(name, null));
  }

  /** Skips question after question until the conversation stands at the given stage (at most 16 skips). */
  ConversationScript skippingTo(Stage stage) {
    for (int i = 0; i < 16 && state.stage() != stage; i++) command("skip");
    return expectStage(stage);
  }

  ConversationScript apply(PatientInput input) {
    Next n = dialogue.update(state, input, now());
    assertFalse(n.replies().isEmpty(), "no reply to " + input);
    state = n.conversation();
    last = n.replies();
    return this;
  }

  Conversation state() {
    return state;
  }

  Answers answers() {
    return state.answers();
  }

  Stage stage() {
    return state.stage();
  }

  String lastText() {
    return String.join("\n", last.stream().map(Reply::text).toList());
  }

  List<String> lastButtons() {
    return last.get(last.size() - 1).buttons();
  }

  ConversationScript expectStage(Stage s) {
    assertTrue(state.stage() == s, "expected " + s + " but at " + state.stage() + "; bot said: " + lastText());
    return this;
  }

  ConversationScript expectSaid(String fragment) {
    assertTrue(lastText().contains(fragment), "expected the bot to say \"" + fragment + "\" but it said: " + lastText());
    return this;
  }
}
