package app.previsit;

import app.previsit.cli.BenchCommand;
import app.previsit.cli.ChatCommand;
import app.previsit.cli.ClassifyCommand;
import app.previsit.cli.Command;
import app.previsit.cli.EvalCommand;
import app.previsit.cli.ServeCommand;
import app.previsit.cli.UsageException;
import app.previsit.cli.UserCommand;
import app.previsit.config.ConfigException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** {@code java -jar previsit.jar COMMAND [options]}: dispatches to one command. */
public final class Main {
  static final String USAGE = """
      usage: java -jar previsit.jar COMMAND [options]
        serve [--demo]          HTTP server, web chat, staff pages, API (Telegram when TELEGRAM_BOT_TOKEN is set)
        chat [--name NAME]      one patient conversation in this terminal
        classify                utterances on stdin, one JSON line each on stdout
        eval [--data F.tsv] [--folds K]   NLU report
        user add --file F --username U --role gp|reception|admin   password from stdin
        bench --conversations N --seconds S [--redis-url URL]     load benchmark
        migrate-keys            moves Redis data of an earlier release into this release's key layout
      COMMAND --help shows a command's options. With no command, serve runs.""";

  private static final Map<String, Supplier<Command>> COMMANDS = new LinkedHashMap<>();

  static {
    COMMANDS.put("serve", ServeCommand::new);
    COMMANDS.put("chat", ChatCommand::new);
    COMMANDS.put("classify", ClassifyCommand::new);
    COMMANDS.put("eval", EvalCommand::new);
    COMMANDS.put("user", UserCommand::new);
    COMMANDS.put("bench", BenchCommand::new);
    COMMANDS.put("migrate-keys", app.previsit.cli.MigrateKeysCommand::new);
  }

  private Main() {}

  public static void main(String[] argv) {
    System.exit(run(Arrays.asList(argv)));
  }

  /** Runs one command and returns its exit status; never lets an exception reach the user as a trace. */
  public static int run(List<String> argv) {
    List<String> args = new ArrayList<>(argv);
    String name = args.isEmpty() || args.get(0).startsWith("--") && !isHelp(args.get(0)) ? "serve" : args.remove(0);
    if (isHelp(name)) {
      System.out.println(USAGE);
      return 0;
    }
    Supplier<Command> factory = COMMANDS.get(name);
    if (factory == null) {
      System.err.println("previsit: unknown command '" + name + "'");
      System.err.println(USAGE);
      return 2;
    }
    Command command = factory.get();
    if (args.stream().anyMatch(Main::isHelp)) {
      System.out.println(command.usage());
      return 0;
    }
    try {
      try {
        return command.run(args);
      } catch (java.util.concurrent.ExecutionException | java.util.concurrent.CompletionException e) {
        // Start-up futures wrap the real reason; show that one.
        if (e.getCause() instanceof Exception cause) throw cause;
        throw e;
      }
    } catch (UsageException e) {
      System.err.println("previsit " + name + ": " + e.getMessage());
      System.err.println(command.usage());
      return 2;
    } catch (ConfigException e) {
      System.err.println("previsit: " + e.getMessage());
      return 2;
    } catch (Exception e) {
      System.err.println("previsit " + name + ": failed: " + e.getClass().getSimpleName()
          + (e.getMessage() == null ? "" : ": " + e.getMessage()));
      return 1;
    }
  }

  private static boolean isHelp(String s) {
    return s.equals("--help") || s.equals("-h") || s.equals("help");
  }
}
