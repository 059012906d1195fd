package app.previsit.cli;

import java.util.List;

/** One sub-command of {@code java -jar previsit.jar}; returns the process exit status. */
public interface Command {
  int run(List<String> args) throws Exception;

  /** One paragraph shown by {@code COMMAND --help} and on misuse. */
  String usage();
}
