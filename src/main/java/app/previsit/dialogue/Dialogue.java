package app.previsit.dialogue;

import app.previsit.nlu.Analysis;
import app.previsit.nlu.Entity;
import app.previsit.nlu.Intent;
import app.previsit.nlu.Understanding;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The conversation core: a pure function from (state, patient input, time) to (new state,
 * replies). No I/O, no threads, no clock of its own. The NLU it is given is deterministic CPU work.
 *
 * <p>Order of precedence for every input: a patient in a holding stage (emergency, stopped,
 * forget-me question) is answered there; an emergency description always gets the emergency reply
 * first; then commands and global intents (help, skip, back, stop, forget me); then the stage's
 * own handling, where an utterance that belongs to another section is filed there.
 */
public final class Dialogue {
  /** Longer answers are cut to this many characters (and the patient is told). */
  public static final int MAX_ANSWER_CHARS = 4000;

  /** A global intent must be at least this sure before it overrides an answer. */
  private static final double GLOBAL_INTENT_CONFIDENCE = 0.6;

  /** Off-stage filing needs to be at least this sure; below it the text answers the question asked. */
  private static final double FILING_CONFIDENCE = 0.75;

  private static final Set<Intent> FILEABLE =
      Set.of(Intent.QUESTION, Intent.RESEARCH, Intent.GOAL, Intent.PREFERENCE, Intent.MEDICATION, Intent.CONCERN);

  private final Understanding nlu;
  private final Messages m;
  private final Prompts prompts;
  private final double rephraseBelow;

  public Dialogue(Understanding nlu, Messages messages, double rephraseBelow) {
    this.nlu = nlu;
    this.m = messages;
    this.prompts = new Prompts(messages);
    this.rephraseBelow = rephraseBelow;
  }

  /** The greeting of a new conversation. */
  public Next start(String patientName, Instant now) {
    Conversation c = Conversation.begin(patientName);
    return emit(c, List.of(prompts.of(c)), now.toEpochMilli());
  }

  public Next update(Conversation state, PatientInput input, Instant now) {
    long at = now.toEpochMilli();
    Conversation c = state.said(new Line("patient", transcriptText(input), List.of(), at));
    List<Reply> replies = new ArrayList<>(3);
    c = step(c, input, at, replies);
    return emit(c, replies, at);
  }

  /** What a patient hears when their conversation has been deleted (forgotten, or removed by the practice). */
  public List<Reply> erased() {
    return List.of(Reply.of(m.text("forget.done")));
  }

  /** The patient's summary in plain words (what /summary and the review show). */
  public String reviewText(Conversation c) {
    return prompts.review().of(c);
  }

  private Conversation step(Conversation c, PatientInput input, long at, List<Reply> out) {
    if (c.forgotten()) {
      out.add(Reply.of(m.text("forget.done")));
      return c;
    }
    if (input instanceof PatientInput.Command cmd) return command(c, cmd, out);
    if (input instanceof PatientInput.NonText nt) return nonText(c, nt, out);
    if (input instanceof PatientInput.Button b) return button(c, b.label(), at, out);
    if (input instanceof PatientInput.Correction corr) return correction(c, corr.text(), at, out);
    return text(c, ((PatientInput.Text) input).text(), at, out);
  }

  /**
   * An edited latest answer: undo that answer and read the new text in its place. Where there is
   * nothing to undo (holding stages, the end, the first question) it is simply the next answer.
   */
  private Conversation correction(Conversation c, String text, long at, List<Reply> out) {
    if (Conversation.isHolding(c.stage()) || c.stage() == Stage.DONE || c.undo().isEmpty()) return text(c, text, at, out);
    out.add(Reply.of(m.text("edit.ok")));
    return text(c.undone(), text, at, out);
  }

  private Conversation command(Conversation c, PatientInput.Command cmd, List<Reply> out) {
    String name = cmd.name() == null ? "" : cmd.name().toLowerCase(java.util.Locale.ROOT);
    switch (name) {
      case "start" -> {
        if (c.stage() == Stage.WELCOME) return ask(c.with(c.answers().at(Stage.AGENDA)), out);
        return ask(c, out);
      }
      case "help" -> {
        out.add(Reply.of(m.text("help")));
        return ask(c, out);
      }
      case "back" -> {
        return goBack(c, out);
      }
      case "skip" -> {
        return skip(c, out);
      }
      case "stop" -> {
        return stop(c, out);
      }
      case "forget" -> {
        return ask(c.holding(Stage.CONFIRM_FORGET), out);
      }
      case "summary" -> {
        out.add(Reply.of(prompts.review().of(c)));
        return ask(c, out);
      }
      default -> {
        out.add(Reply.of(m.text("help")));
        return ask(c, out);
      }
    }
  }

  private Conversation nonText(Conversation c, PatientInput.NonText nt, List<Reply> out) {
    boolean printout = ("photo".equals(nt.kind()) || "document".equals(nt.kind())) && nt.fileId() != null;
    if (printout && !Conversation.isHolding(c.stage()) && c.stage() != Stage.DONE) {
      Research r = new Research("(" + nt.kind() + " shared)", List.of(), List.of(nt.fileId()));
      out.add(Reply.of(m.text("research.attachment")));
      return ask(c.answered(c.answers().addResearch(r)), out);
    }
    out.add(Reply.of(m.text("nontext")));
    return ask(c, out);
  }

  private Conversation button(Conversation c, String label, long at, List<Reply> out) {
    List<String> offered = prompts.of(c).buttons();
    int choice = offered.indexOf(label);
    if (choice < 0) return text(c, label, at, out);
    return stage(c, label, null, choice, out);
  }

  private Conversation text(Conversation c, String raw, long at, List<Reply> out) {
    String t = raw == null ? "" : raw.strip();
    if (t.isEmpty()) {
      out.add(Reply.of(m.text("empty")));
      return ask(c, out);
    }
    if (t.length() > MAX_ANSWER_CHARS) {
      t = t.substring(0, MAX_ANSWER_CHARS);
      out.add(Reply.of(m.text("too.long", "max", Integer.toString(MAX_ANSWER_CHARS))));
    }
    Analysis a = nlu.analyse(t);
    if (a.redFlag()) return emergency(c, t, a, at, out);
    int choice = ButtonMatcher.match(t, prompts.of(c).buttons());
    if (choice < 0 && a.confidence() >= GLOBAL_INTENT_CONFIDENCE && !Conversation.isHolding(c.stage())) {
      switch (a.intent()) {
        case HELP -> {
          out.add(Reply.of(m.text("help")));
          return ask(c, out);
        }
        case GO_BACK -> {
          return goBack(c, out);
        }
        case SKIP -> {
          if (c.stage() != Stage.REVIEW && c.stage() != Stage.DONE) return skip(c, out);
        }
        case STOP -> {
          return stop(c, out);
        }
        case FORGET_ME -> {
          return ask(c.holding(Stage.CONFIRM_FORGET), out);
        }
        case APPOINTMENT_ADMIN -> {
          out.add(Reply.of(m.text("appointment.admin")));
          return ask(c, out);
        }
        default -> { }
      }
    }
    return stage(c, t, a, choice, out);
  }

  private Conversation emergency(Conversation c, String t, Analysis a, long at, List<Reply> out) {
    out.add(Reply.of(m.text("emergency")));
    if ("suicide".equals(a.redFlagCategory()) || "overdose".equals(a.redFlagCategory())) {
      out.add(Reply.of(m.text("emergency.suicide")));
    }
    Conversation flagged = c.flagged(new RedFlag(a.redFlagCategory(), t, at)).holding(Stage.EMERGENCY);
    out.add(prompts.of(flagged));
    return flagged;
  }

  /** The stage's own handling of an answer. {@code a} is null for a pressed button. */
  private Conversation stage(Conversation c, String t, Analysis a, int choice, List<Reply> out) {
    Answers ans = c.answers();
    Intent intent = a == null ? null : a.intent();
    // "no" / "that's all" close a list, but "no chest pain, just a cough" is an answer with content.
    boolean no = choice < 0 && (intent == Intent.DENY || intent == Intent.FINISH) && words(t) <= 5;
    boolean yes = choice < 0 && intent == Intent.AFFIRM;
    switch (c.stage()) {
      case WELCOME -> {
        if (choice == 1 || intent == Intent.HELP) {
          out.add(Reply.of(m.text("help")));
          return ask(c, out);
        }
        if (no) {
          out.add(new Reply(m.text("welcome.later"), m.buttons("welcome.buttons")));
          return c;
        }
        Conversation agenda = c.with(ans.at(Stage.AGENDA));
        if (choice < 0 && a != null && FILEABLE.contains(intent) && a.confidence() >= rephraseBelow) {
          return stage(agenda, t, a, -1, out);
        }
        return ask(agenda, out);
      }
      case AGENDA -> {
        if (no) {
          if (ans.concerns().isEmpty()) out.add(Reply.of(m.text("agenda.none")));
          return ask(c.answered(afterAgenda(ans)), out);
        }
        if (fileElsewhere(intent, a, Intent.CONCERN)) return file(c, t, a, out);
        if (a != null && a.confidence() < rephraseBelow && intent != Intent.CONCERN && !c.rephraseAsked()
            && t.length() <= 200) {
          out.add(Reply.of(m.text("rephrase")));
          return c.askedToRephrase();
        }
        return ask(c.answered(newConcern(ans, t, a)), out);
      }
      case CONCERN_DURATION -> {
        String d = a == null ? t : a.entities("duration").stream().findFirst().map(e -> durationText(e.text())).orElse(t);
        Answers next = ans.updateLastConcern(x -> x.withDuration(d));
        return ask(c.answered(next.at(followUpAfter(next.lastConcern(), Stage.CONCERN_DURATION))), out);
      }
      case CONCERN_IMPACT -> {
        Integer score = choice >= 0 ? Integer.valueOf(choice) : scoreOf(a);
        if (score == null && !c.rephraseAsked()) {
          out.add(new Reply(m.text("concern.impact.again"), m.buttons("concern.impact.buttons")));
          return c.askedToRephrase();
        }
        Answers next = ans.updateLastConcern(x -> x.withSeverity(score));
        return ask(c.answered(next.at(followUpAfter(next.lastConcern(), Stage.CONCERN_IMPACT))), out);
      }
      case CONCERN_IDEA -> {
        Answers next = ans.updateLastConcern(x -> x.withIdea(t));
        return ask(c.answered(next.at(followUpAfter(next.lastConcern(), Stage.CONCERN_IDEA))), out);
      }
      case CONCERN_WORRY -> {
        Answers next = ans.updateLastConcern(x -> x.withWorry(t));
        return ask(c.answered(next.at(followUpAfter(next.lastConcern(), Stage.CONCERN_WORRY))), out);
      }
      case CONCERN_EXPECTATION -> {
        return ask(c.answered(ans.updateLastConcern(x -> x.withExpectation(t)).at(Stage.AGENDA_MORE)), out);
      }
      case AGENDA_MORE -> {
        if (choice == 0 || yes) return ask(c.with(ans.at(Stage.AGENDA)), out);
        if (choice == 1 || no) return ask(c.answered(afterAgenda(ans)), out);
        return stage(c.with(ans.at(Stage.AGENDA)), t, a, -1, out);
      }
      case PRIORITY -> {
        if (choice >= 0 && choice < ans.concerns().size()) {
          List<Concern> ordered = new ArrayList<>(ans.concerns());
          Concern first = ordered.remove(choice);
          ordered.add(0, first);
          out.add(Reply.of(m.text("priority.done", "item", Prompts.shorten(first.text()))));
          return ask(c.answered(leave(ans.withConcerns(ordered), Stage.RESEARCH)), out);
        }
        if (!c.rephraseAsked()) {
          out.add(Reply.of(m.text("rephrase")));
          return ask(c.askedToRephrase(), out);
        }
        return ask(c.answered(leave(ans, Stage.RESEARCH)), out);
      }
      case RESEARCH, RESEARCH_MORE -> {
        if (choice == 0 || no) return ask(c.answered(leave(ans, Stage.QUESTIONS)), out);
        if (fileElsewhere(intent, a, Intent.RESEARCH)) return file(c, t, a, out);
        return ask(c.answered(ans.addResearch(research(t, a)).at(Stage.RESEARCH_MORE)), out);
      }
      case QUESTIONS -> {
        List<String> offered = prompts.of(c).buttons();
        if (choice == offered.size() - 1 || no) return ask(c.answered(leave(ans, Stage.GOALS)), out);
        if (choice >= 0) return ask(c.answered(ans.addQuestion(offered.get(choice))), out);
        if (fileElsewhere(intent, a, Intent.QUESTION)) return file(c, t, a, out);
        return ask(c.answered(ans.addQuestion(t)), out);
      }
      case GOALS, GOALS_MORE -> {
        if (choice == 0 || no) return ask(c.answered(leave(ans, Stage.DECISION)), out);
        if (fileElsewhere(intent, a, Intent.GOAL)) return file(c, t, a, out);
        return ask(c.answered(ans.addGoal(t).at(Stage.GOALS_MORE)), out);
      }
      case DECISION -> {
        DecisionRole role = choice >= 0 ? DecisionRole.values()[choice] : DecisionRole.fromWords(t);
        if (role == null && !c.rephraseAsked()) {
          out.add(new Reply(m.text("decision.again"), m.buttons("decision.buttons")));
          return c.askedToRephrase();
        }
        Answers next = role == null ? ans.addPreference(t) : ans.withDecisionRole(role);
        return ask(c.answered(next.at(Stage.PREFERENCES)), out);
      }
      case PREFERENCES, PREFERENCES_MORE -> {
        if (choice == 0 || no) return ask(c.answered(leave(ans, Stage.MEDICATIONS)), out);
        if (fileElsewhere(intent, a, Intent.PREFERENCE)) return file(c, t, a, out);
        return ask(c.answered(ans.addPreference(t).at(Stage.PREFERENCES_MORE)), out);
      }
      case MEDICATIONS, MEDICATIONS_MORE -> {
        boolean none = c.stage() == Stage.MEDICATIONS ? choice == 0 || choice == 1 : choice == 0;
        if (none || no) return ask(c.answered(leave(ans, Stage.REVIEW)), out);
        return ask(c.answered(ans.addMedications(medicines(t, a)).at(Stage.MEDICATIONS_MORE)), out);
      }
      case REVIEW -> {
        if (choice == 0 || yes) {
          out.add(Reply.of(m.text("done", "name", c.patientName())));
          return c.confirmedAt(lastAt(c));
        }
        if (choice == 1 || no || intent == Intent.GO_BACK) return ask(c.with(ans.at(Stage.REVIEW_CHANGE)), out);
        if (a != null && FILEABLE.contains(intent) && a.confidence() >= FILING_CONFIDENCE) return file(c, t, a, out);
        return ask(c, out);
      }
      case REVIEW_CHANGE -> {
        Stage[] starts = {Stage.AGENDA, Stage.RESEARCH, Stage.QUESTIONS, Stage.GOALS, Stage.DECISION, Stage.MEDICATIONS};
        if (choice >= 0 && choice < starts.length) {
          Stage start = starts[choice];
          out.add(Reply.of(m.text("review.redo", "old", prompts.review().section(ans, start))));
          return ask(c.answered(cleared(ans, start).reviewing(true).at(start)), out);
        }
        return ask(c.with(ans.at(Stage.REVIEW)), out);
      }
      case DONE -> {
        out.add(Reply.of(m.text("done.after")));
        return c;
      }
      case EMERGENCY -> {
        if (choice == 0 || yes) return ask(c.released(), out);
        if (choice == 1 || intent == Intent.STOP) return stop(c.released(), out);
        return ask(c, out);
      }
      case STOPPED -> {
        if (choice == 0 || yes) return ask(c.released(), out);
        return ask(c, out);
      }
      case CONFIRM_FORGET -> {
        if (choice == 0 || yes) {
          out.add(Reply.of(m.text("forget.done")));
          return c.erased();
        }
        if (choice == 1 || no) {
          out.add(Reply.of(m.text("forget.kept")));
          return ask(c.released(), out);
        }
        return ask(c, out);
      }
      case FORGOTTEN -> {
        out.add(Reply.of(m.text("forget.done")));
        return c;
      }
      default -> throw new IllegalStateException("unhandled stage " + c.stage());
    }
  }

  private static int words(String t) {
    return t.isBlank() ? 0 : t.strip().split("\\s+").length;
  }

  private static long lastAt(Conversation c) {
    return c.transcript().isEmpty() ? 0 : c.transcript().get(c.transcript().size() - 1).at();
  }

  private boolean fileElsewhere(Intent intent, Analysis a, Intent here) {
    return a != null && intent != here && FILEABLE.contains(intent) && a.confidence() >= FILING_CONFIDENCE;
  }

  /** Files an utterance in the section it belongs to and asks the current question again. */
  private Conversation file(Conversation c, String t, Analysis a, List<Reply> out) {
    Answers ans = c.answers();
    Answers filed = switch (a.intent()) {
      case QUESTION -> ans.addQuestion(t);
      case RESEARCH -> ans.addResearch(research(t, a));
      case GOAL -> ans.addGoal(t);
      case PREFERENCE -> ans.addPreference(t);
      case MEDICATION -> ans.addMedications(medicines(t, a));
      default -> ans.addConcern(concernFrom(t, a));
    };
    out.add(Reply.of(m.text("filed." + a.intent().label())));
    return ask(c.answered(filed), out);
  }

  private Answers newConcern(Answers ans, String t, Analysis a) {
    Concern concern = concernFrom(t, a);
    return ans.addConcern(concern).at(followUpAfter(concern, Stage.AGENDA));
  }

  private static Concern concernFrom(String t, Analysis a) {
    Concern concern = Concern.of(t);
    if (a != null) {
      var d = a.entities("duration");
      if (!d.isEmpty()) concern = concern.withDuration(durationText(d.get(0).text()));
      Integer s = scoreOf(a);
      if (s != null && a.entities("score").get(0).text().contains("/")) concern = concern.withSeverity(s);
    }
    return concern;
  }

  /** "for 3 weeks" reads as "3 weeks" after the summary's own "for". */
  private static String durationText(String entity) {
    return entity.replaceFirst("(?i)^(for|over|about|around)\\s+", "");
  }

  /** The next follow-up question this concern still lacks, after the given stage. */
  private static Stage followUpAfter(Concern c, Stage after) {
    Stage[] order = {Stage.CONCERN_DURATION, Stage.CONCERN_IMPACT, Stage.CONCERN_IDEA, Stage.CONCERN_WORRY,
        Stage.CONCERN_EXPECTATION};
    boolean passed = after == Stage.AGENDA;
    for (Stage s : order) {
      if (passed) {
        boolean missing = switch (s) {
          case CONCERN_DURATION -> c.duration() == null;
          case CONCERN_IMPACT -> c.severity() == null;
          default -> true;
        };
        if (missing) return s;
      }
      if (s == after) passed = true;
    }
    return Stage.AGENDA_MORE;
  }

  private static Answers afterAgenda(Answers ans) {
    if (ans.returnToReview()) return ans.reviewing(false).at(Stage.REVIEW);
    return ans.at(ans.concerns().size() > 1 ? Stage.PRIORITY : Stage.RESEARCH);
  }

  private static Answers leave(Answers ans, Stage next) {
    return ans.returnToReview() ? ans.reviewing(false).at(Stage.REVIEW) : ans.at(next);
  }

  private static Answers cleared(Answers a, Stage start) {
    return switch (start) {
      case AGENDA -> a.withConcerns(List.of());
      case RESEARCH -> a.withResearch(List.of());
      case QUESTIONS -> a.withQuestions(List.of());
      case GOALS -> a.withGoals(List.of());
      case DECISION -> a.withDecisionRole(null).withPreferences(List.of());
      case MEDICATIONS -> a.withMedications(List.of());
      default -> a;
    };
  }

  private static Integer scoreOf(Analysis a) {
    if (a == null) return null;
    var s = a.entities("score");
    if (s.isEmpty()) return null;
    try {
      return Integer.valueOf(s.get(0).value());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static Research research(String t, Analysis a) {
    List<String> sources = new ArrayList<>();
    if (a != null) {
      for (Entity e : a.entities("url")) sources.add(e.value());
      if (sources.isEmpty()) for (Entity e : a.entities("site")) sources.add(e.value());
    }
    return new Research(t, sources, List.of());
  }

  private static List<String> medicines(String t, Analysis a) {
    if (a != null && a.entities("medicine").size() > 1) {
      return a.entities("medicine").stream().map(Entity::text).toList();
    }
    return List.of(t);
  }

  private Conversation goBack(Conversation c, List<Reply> out) {
    if (Conversation.isHolding(c.stage())) return ask(c.released(), out);
    if (c.stage() == Stage.DONE) {
      out.add(Reply.of(m.text("done.after")));
      return c;
    }
    if (c.undo().isEmpty()) {
      out.add(Reply.of(m.text("back.nothing")));
      return ask(c, out);
    }
    out.add(Reply.of(m.text("back.ok")));
    return ask(c.undone(), out);
  }

  private Conversation skip(Conversation c, List<Reply> out) {
    Answers ans = c.answers();
    Answers next = switch (c.stage()) {
      case WELCOME -> ans.at(Stage.AGENDA);
      case AGENDA, AGENDA_MORE -> afterAgenda(ans);
      case CONCERN_DURATION, CONCERN_IMPACT, CONCERN_IDEA, CONCERN_WORRY -> ans.at(followUpAfter(ans.lastConcern(), c.stage()));
      case CONCERN_EXPECTATION -> ans.at(Stage.AGENDA_MORE);
      case PRIORITY -> leave(ans, Stage.RESEARCH);
      case RESEARCH, RESEARCH_MORE -> leave(ans, Stage.QUESTIONS);
      case QUESTIONS -> leave(ans, Stage.GOALS);
      case GOALS, GOALS_MORE -> leave(ans, Stage.DECISION);
      case DECISION -> ans.at(Stage.PREFERENCES);
      case PREFERENCES, PREFERENCES_MORE -> leave(ans, Stage.MEDICATIONS);
      case MEDICATIONS, MEDICATIONS_MORE -> leave(ans, Stage.REVIEW);
      case REVIEW_CHANGE -> ans.at(Stage.REVIEW);
      default -> null;
    };
    if (next == null) return ask(c, out);
    out.add(Reply.of(m.text("skip.ok")));
    return ask(c.answered(next), out);
  }

  private Conversation stop(Conversation c, List<Reply> out) {
    out.add(Reply.of(m.text("stop")));
    return c.holding(Stage.STOPPED);
  }

  private Conversation ask(Conversation c, List<Reply> out) {
    out.add(prompts.of(c));
    return c;
  }

  private static Next emit(Conversation c, List<Reply> replies, long at) {
    Conversation withLines = c;
    for (Reply r : replies) withLines = withLines.said(new Line("bot", r.text(), r.buttons(), at));
    return new Next(withLines, replies);
  }

  /** What the transcript shows for an input; a /start token is a secret and is never kept. */
  private static String transcriptText(PatientInput input) {
    if (input instanceof PatientInput.Button b) return b.label();
    if (input instanceof PatientInput.Command c) return "/" + c.name();
    if (input instanceof PatientInput.NonText n) return "[" + n.kind() + "]";
    String t = input instanceof PatientInput.Correction corr ? corr.text() : ((PatientInput.Text) input).text();
    return t == null ? "" : t.length() > MAX_ANSWER_CHARS ? t.substring(0, MAX_ANSWER_CHARS) : t;
  }
}
