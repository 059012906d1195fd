package app.previsit.dialogue;

/**
 * Where a conversation is, in the words a patient reads in the chat's header: "Step 3 of 8:
 * Questions". Steps are the summary's sections, not the stages (the follow-ups about a concern are
 * all step 1). While the chat holds (an emergency, a stop), it is the step it will go back to.
 */
public record Progress(int step, int of, String label) {
  public static final int STEPS = 8;

  public static Progress of(Conversation c) {
    Stage s = Conversation.isHolding(c.stage()) && c.resume() != null ? c.resume() : c.stage();
    return switch (s) {
      case WELCOME, SAFETY -> new Progress(0, STEPS, "Before we start");
      case AGENDA, CONCERN_DURATION, CONCERN_IMPACT, CONCERN_IDEA, CONCERN_WORRY, CONCERN_EXPECTATION, AGENDA_MORE,
          PRIORITY -> new Progress(1, STEPS, "What you'd like to talk about");
      case RESEARCH, RESEARCH_QUESTION, RESEARCH_MORE, PRINTOUT_CHECK, PRINTOUT_ABOUT -> new Progress(2, STEPS, "What you've read or been told");
      case QUESTIONS -> new Progress(3, STEPS, "Your questions");
      case GOALS, GOALS_MORE -> new Progress(4, STEPS, "What matters to you");
      case DECISION -> new Progress(5, STEPS, "Making decisions");
      case PREFERENCES, PREFERENCES_MORE -> new Progress(6, STEPS, "Anything else about your care");
      case MEDICATIONS, MEDICATIONS_MORE -> new Progress(7, STEPS, "Your medicines");
      case REVIEW, REVIEW_CHANGE -> new Progress(8, STEPS, "Check and send");
      case DONE -> new Progress(STEPS, STEPS, "Sent to your GP");
      default -> new Progress(0, STEPS, "Before we start");
    };
  }
}
