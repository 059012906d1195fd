package app.previsit.dialogue;

/** Where the conversation stands: which question the patient is answering. */
public enum Stage {
  WELCOME,
  /** The NHS 999 symptoms, asked once before anything else. */
  SAFETY,
  AGENDA, CONCERN_DURATION, CONCERN_IMPACT, CONCERN_IDEA, CONCERN_WORRY, CONCERN_EXPECTATION, AGENDA_MORE, PRIORITY,
  RESEARCH, RESEARCH_QUESTION, RESEARCH_MORE,
  /** A printout was read: "This looks like an NHS page about sciatica: is that right?" */
  PRINTOUT_CHECK,
  /** A printout could not be read, or was not what it looked like: what is it, in their words? */
  PRINTOUT_ABOUT,
  QUESTIONS,
  GOALS, GOALS_MORE,
  DECISION,
  PREFERENCES, PREFERENCES_MORE,
  MEDICATIONS, MEDICATIONS_MORE,
  REVIEW, REVIEW_CHANGE,
  DONE,
  /** Holding stages: they remember where to return in {@link Conversation#resume()}. */
  EMERGENCY, STOPPED, CONFIRM_FORGET,
  /** Everything was erased at the patient's request. */
  FORGOTTEN
}
