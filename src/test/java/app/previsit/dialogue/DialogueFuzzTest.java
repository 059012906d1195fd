package app.previsit.dialogue;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Thousands of random inputs in random order: the core never throws, always answers, and never
 * loses a captured answer except through go back, forget me, or redoing a section from the review.
 */
class DialogueFuzzTest {
  private static final List<String> TEXTS = List.of("my knee hurts", "yes", "no", "skip", "3 weeks", "7", "help",
      "could it be arthritis?", "I read on nhs.uk about it", "I want to walk again", "together", "I take ramipril",
      "that's all", "", "😀", "\u0000\u202e", "stop", "carry on", "the second one", "1", "go back", "x".repeat(5000),
      "I have crushing chest pain", "delete my data", "I'm safe now, carry on", "what?", "<script>alert(1)</script>");
  private static final List<String> COMMANDS = List.of("help", "back", "skip", "stop", "forget", "summary", "start", "nonsense");

  @Test
  void randomInputsNeverBreakTheConversation() {
    Random random = new Random(7);
    for (int run = 0; run < 40; run++) {
      Next n = ConversationScript.DIALOGUE.start("Fuzz", Instant.ofEpochMilli(0));
      Conversation c = n.conversation();
      for (int step = 0; step < 120; step++) {
        PatientInput input = randomInput(random, n.replies());
        Next next = ConversationScript.DIALOGUE.update(c, input, Instant.ofEpochMilli(step * 1000L));
        assertFalse(next.replies().isEmpty(), "no reply to " + input + " at " + c.stage());
        if (!mayDropAnswers(c, input, next.conversation())) {
          assertTrue(count(next.conversation()) >= count(c),
              "answers lost at " + c.stage() + " after " + input + " -> " + next.conversation().stage());
        }
        c = next.conversation();
        n = next;
      }
    }
  }

  private static boolean mayDropAnswers(Conversation before, PatientInput input, Conversation after) {
    return after.forgotten() || after.undo().size() < before.undo().size() || before.stage() == Stage.REVIEW_CHANGE
        || (input instanceof PatientInput.Command c && c.name().equals("back"));
  }

  private static int count(Conversation c) {
    Answers a = c.answers();
    int n = a.research().size() + a.questions().size() + a.goals().size() + a.preferences().size() + a.medications().size()
        + (a.decisionRole() == null ? 0 : 1);
    for (Concern x : a.concerns()) {
      n += 1 + (x.duration() == null ? 0 : 1) + (x.severity() == null ? 0 : 1) + (x.idea() == null ? 0 : 1)
          + (x.worry() == null ? 0 : 1) + (x.expectation() == null ? 0 : 1);
    }
    return n + c.redFlags().size();
  }

  private static PatientInput randomInput(Random r, List<Reply> last) {
    int kind = r.nextInt(10);
    List<String> buttons = last.isEmpty() ? List.of() : last.get(last.size() - 1).buttons();
    if (kind < 4 && !buttons.isEmpty()) return new PatientInput.Button(buttons.get(r.nextInt(buttons.size())));
    if (kind == 4) return new PatientInput.Command(COMMANDS.get(r.nextInt(COMMANDS.size())), null);
    if (kind == 5) return new PatientInput.NonText(r.nextBoolean() ? "photo" : "voice", r.nextBoolean() ? "f" + r.nextInt() : null);
    if (kind == 6) return new PatientInput.Button("stale button " + r.nextInt(3));
    if (kind == 7) {
      StringBuilder b = new StringBuilder();
      for (int i = 0; i < r.nextInt(40); i++) b.appendCodePoint(r.nextInt(0x2FFFF));
      return new PatientInput.Text(b.toString());
    }
    return new PatientInput.Text(TEXTS.get(r.nextInt(TEXTS.size())));
  }
}
