package app.previsit.dialogue;

import app.previsit.nlu.Analysis;
import app.previsit.nlu.Intent;
import app.previsit.nlu.Part;
import java.util.Set;

/**
 * Decides when typed words are a command (help, skip, go back, stop, forget me, an appointment
 * question for reception) rather than an answer. A command is the whole message: every part of it is a
 * command or small talk ("ok, skip"), and at least one part is this command. The NLU already refuses a
 * command intent to a part with content of its own ("help to sleep better", "since I stopped night
 * shifts"), so "would glucosamine help?" and "my back pain keeps me awake" stay answers.
 */
final class Commands {
  static final Set<Intent> COMMANDS = Set.of(Intent.HELP, Intent.SKIP, Intent.GO_BACK, Intent.STOP, Intent.FORGET_ME,
      Intent.APPOINTMENT_ADMIN);
  private static final Set<Intent> NEUTRAL = Set.of(Intent.GREET, Intent.AFFIRM, Intent.DENY, Intent.FINISH,
      Intent.CHITCHAT);

  private static final java.util.regex.Pattern APPOINTMENT = java.util.regex.Pattern.compile("(?i)\\b(appointment|appt"
      + "|book|booking|cancel|reschedul|rearrang|move it|change it to|what time|which time|when is|what day|date|phone call"
      + "|telephone|video call|face to face|in person|running late|be late|parking|where do i go|which surgery|which doctor"
      + "|who will i see|how long will it take|waiting room)");

  /** "No more questions from me", "that's all": an answer to the question asked, never "stop the chat". */
  private static final java.util.regex.Pattern ENDS_A_LIST = java.util.regex.Pattern.compile("(?i)^\\W*((no|nope|nah)\\W+)?"
      + "(more (questions?|qs|to (add|say|ask))|nothing (else|more)|that'?s (all|it|everything))\\b");

  /** A command must be at least this sure. */
  static final double CONFIDENCE = 0.6;

  /** Longer messages are answers, whatever their words: nobody types forty words to say "skip". */
  static final int MAX_WORDS = 14;

  private Commands() {}

  /** The command the whole message gives, or null when it is an answer. */
  static Intent of(Analysis a) {
    if (a == null || !COMMANDS.contains(a.intent()) || a.confidence() < CONFIDENCE) return null;
    if (words(a.text()) > MAX_WORDS) return null;
    if (a.intent() == Intent.STOP && ENDS_A_LIST.matcher(a.text()).find()) return null;
    // Reception's questions ("what time is my appointment again? I can't find the text") only get a
    // pointer to reception and the words are kept, so the whole message's intent is enough.
    // "Can I get the tablets on prescription?" is a question for the GP: only the appointment itself is reception's.
    if (a.intent() == Intent.APPOINTMENT_ADMIN) return APPOINTMENT.matcher(a.text()).find() ? a.intent() : null;
    boolean seen = false;
    for (Part p : a.parts()) {
      if (p.intent() == a.intent()) seen = true;
      else if (!NEUTRAL.contains(p.intent()) && !COMMANDS.contains(p.intent())) return null;
    }
    return seen || a.parts().isEmpty() ? a.intent() : null;
  }

  private static int words(String t) {
    return t == null || t.isBlank() ? 0 : t.strip().split("\\s+").length;
  }
}
