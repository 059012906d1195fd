package app.previsit.staff;

import app.previsit.invitation.Invitation;
import app.previsit.server.Services;
import app.previsit.store.StaffUser;
import io.vertx.core.Future;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

/** {@code serve --demo}: staff users reception, gp and admin (password "demo") and one sample appointment. */
public final class DemoData {
  public static final String PASSWORD = "demo";

  private DemoData() {}

  /** Seeds the demo and returns the sample invitation. */
  public static Future<Invitation> seed(Services services) {
    String hash = Passwords.hash(PASSWORD);
    var users = services.stores().users();
    InvitationDesk desk = new InvitationDesk(services.stores().invitations(), services.config(), services.clock(), services.channels());
    LocalDate today = LocalDate.now(services.clock().withZone(services.config().timeZone()));
    LocalDateTime at = LocalDateTime.of(today.plusDays(1), LocalTime.of(9, 30));
    // Never write demo accounts into a real users file.
    Future<Void> seeded = services.config().usersFile().isPresent() ? Future.succeededFuture()
        : users.put(new StaffUser("reception", hash, StaffUser.Role.RECEPTION))
            .compose(v -> users.put(new StaffUser("gp", hash, StaffUser.Role.GP)))
            .compose(v -> users.put(new StaffUser("admin", hash, StaffUser.Role.ADMIN)));
    return seeded.compose(v -> desk.create("Sam Sample", at.toString(), "Dr Jones", "DEMO-1"));
  }
}
