package app.previsit.cli;

import java.util.List;

/** {@code classify}: placeholder until its issue lands; exits 1 saying so. */
public final class ClassifyCommand implements Command {
  @Override
  public int run(List<String> args) {
    System.err.println("previsit: 'classify' is not built yet");
    return 1;
  }

  @Override
  public String usage() {
    return "classify";
  }
}
