package app.previsit.cli;

import java.util.List;

/** {@code chat}: placeholder until its issue lands; exits 1 saying so. */
public final class ChatCommand implements Command {
  @Override
  public int run(List<String> args) {
    System.err.println("previsit: 'chat' is not built yet");
    return 1;
  }

  @Override
  public String usage() {
    return "chat";
  }
}
