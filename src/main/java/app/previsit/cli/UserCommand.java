package app.previsit.cli;

import app.previsit.staff.FileUserStore;
import app.previsit.staff.Passwords;
import app.previsit.store.StaffUser;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/** {@code user add --file F --username U --role R}: reads the password from stdin, stores its bcrypt hash. */
public final class UserCommand implements Command {
  @Override
  public int run(List<String> argv) throws Exception {
    Args args = Args.parse(argv, Set.of("--file", "--username", "--role"), Set.of());
    if (args.positional().size() != 1 || !args.positional().get(0).equals("add")) throw new UsageException("expected 'user add'");
    String file = args.get("--file", null);
    String username = args.get("--username", null);
    String role = args.get("--role", null);
    if (file == null || username == null || role == null) throw new UsageException("--file, --username and --role are required");
    if (!username.matches("[A-Za-z0-9._-]{1,64}")) throw new UsageException("--username may use letters, digits, . _ - (max 64)");
    StaffUser.Role r;
    try {
      r = StaffUser.Role.fromJson(role);
    } catch (IllegalArgumentException e) {
      throw new UsageException("--role must be gp, reception or admin");
    }
    String password = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
    if (password == null || password.length() < 4) {
      System.err.println("previsit user: give a password of at least 4 characters on stdin");
      return 2;
    }
    new FileUserStore(Path.of(file)).put(new StaffUser(username, Passwords.hash(password), r))
        .toCompletionStage().toCompletableFuture().get();
    System.err.println("previsit user: " + username + " (" + r.json() + ") saved in " + file);
    return 0;
  }

  @Override
  public String usage() {
    return """
        usage: user add --file F --username U --role gp|reception|admin
          Reads the password from stdin and stores its bcrypt hash in the users file F
          (the file PREVISIT_USERS_FILE points at).""";
  }
}
