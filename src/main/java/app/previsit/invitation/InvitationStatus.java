package app.previsit.invitation;

import java.util.Locale;

/** Where an invitation stands; the JSON names are the lower-case names. */
public enum InvitationStatus {
  INVITED, STARTED, COMPLETED, EXPIRED, CANCELLED;

  public String json() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static InvitationStatus fromJson(String s) {
    return valueOf(s.toUpperCase(Locale.ROOT));
  }
}
