package app.previsit.cli;

import app.previsit.config.Config;
import app.previsit.conversation.StoredConversationService;
import app.previsit.dialogue.Conversation;
import app.previsit.dialogue.Dialogue;
import app.previsit.dialogue.Next;
import app.previsit.dialogue.PatientInput;
import app.previsit.dialogue.Reply;
import app.previsit.invitation.Invitation;
import app.previsit.invitation.InvitationStatus;
import app.previsit.nlu.OpenNlpUnderstanding;
import app.previsit.summary.SummaryBuilder;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;

/** {@code chat}: one patient conversation in the terminal, with the real NLU; prints the summary at the end. */
public final class ChatCommand implements Command {
  @Override
  public int run(List<String> argv) throws Exception {
    Args args = Args.parse(argv, Set.of("--name", "--summary-out"), Set.of());
    Config config = Config.fromEnvironment();
    String name = args.get("--name", "there");
    Dialogue dialogue = StoredConversationService.dialogueFor(config, OpenNlpUnderstanding.shared());
    Clock clock = Clock.systemUTC();
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));

    Next next = dialogue.start(name, clock.instant());
    Conversation c = next.conversation();
    List<Reply> shown = next.replies();
    print(out, shown);
    while (!c.done()) {
      out.print("> ");
      out.flush();
      String line = in.readLine();
      if (line == null) break;
      next = dialogue.update(c, input(line, shown), clock.instant());
      c = next.conversation();
      shown = next.replies();
      print(out, shown);
    }
    LocalDateTime appointment = LocalDateTime.now(config.timeZone()).plusDays(1).withHour(9).withMinute(0);
    Invitation inv = new Invitation("console", "console", name, appointment.withSecond(0).withNano(0), "your GP", null,
        c.confirmed() ? InvitationStatus.COMPLETED : InvitationStatus.STARTED, clock.instant(),
        clock.instant().plus(config.invitationLifetime()), null, clock.instant(), null);
    String summary = SummaryBuilder.build(inv, c.forgotten() ? null : c, config.timeZone(), clock.instant()).encodePrettily();
    if (args.has("--summary-out")) {
      Files.writeString(Path.of(args.get("--summary-out", "")), summary + "\n", StandardCharsets.UTF_8);
      out.println("(summary written to " + args.get("--summary-out", "") + ")");
    } else {
      out.println(summary);
    }
    return 0;
  }

  /** A number picks the numbered button; "/x" is a command; anything else is typed text. */
  static PatientInput input(String line, List<Reply> shown) {
    String t = line.strip();
    if (t.startsWith("/") && t.length() > 1) {
      String[] parts = t.substring(1).split("\\s+", 2);
      return new PatientInput.Command(parts[0], parts.length > 1 ? parts[1] : null);
    }
    List<String> buttons = shown.isEmpty() ? List.of() : shown.get(shown.size() - 1).buttons();
    if (t.matches("\\d{1,2}")) {
      int n = Integer.parseInt(t);
      if (n >= 1 && n <= buttons.size()) return new PatientInput.Button(buttons.get(n - 1));
    }
    return new PatientInput.Text(line);
  }

  private static void print(PrintStream out, List<Reply> replies) {
    for (Reply r : replies) {
      out.println();
      out.println(r.text());
      for (int i = 0; i < r.buttons().size(); i++) out.println("  [" + (i + 1) + "] " + r.buttons().get(i));
    }
  }

  @Override
  public String usage() {
    return """
        usage: chat [--name NAME] [--summary-out FILE]
          One patient conversation in this terminal, with the real NLU. Numbers pick the numbered
          buttons; /help, /back, /skip, /summary, /stop and /forget work as in Telegram. At the end
          the summary JSON is printed (or written to FILE).""";
  }
}
