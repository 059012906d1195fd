package app.previsit.store;

/** A member of practice staff; {@code passwordHash} is a bcrypt hash, never a password. */
public record StaffUser(String username, String passwordHash, Role role) {
  public enum Role {
    GP, RECEPTION, ADMIN;

    public String json() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Role fromJson(String s) {
      return valueOf(s.toUpperCase(java.util.Locale.ROOT));
    }
  }
}
