package app.previsit.nlu;

import java.util.Locale;

/** The fixed intent labels of DESIGN.md; {@link #label()} is the file name under intents/. */
public enum Intent {
  GREET, AFFIRM, DENY, HELP, SKIP, GO_BACK, FINISH, STOP, FORGET_ME, APPOINTMENT_ADMIN,
  CONCERN, QUESTION, RESEARCH, GOAL, PREFERENCE, MEDICATION, EMERGENCY, CHITCHAT;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Intent fromLabel(String label) {
    return valueOf(label.trim().toUpperCase(Locale.ROOT));
  }
}
