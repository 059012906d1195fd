package app.previsit.dialogue;

import app.previsit.nlu.Analysis;
import app.previsit.nlu.Entity;
import app.previsit.nlu.Intent;
import app.previsit.nlu.Part;
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

  /** The category a red flag raised by the up-front safety question is filed under. */
  static final String SCREEN_CATEGORY = "screen";

  /** "None of these", "no none of those", "NONE OF THESE", "nope": the safety question's no. */
  private static final java.util.regex.Pattern NONE = java.util.regex.Pattern.compile(
      "(?i)^\\W*(none|no|nope|nah|neither|nothing|not? (one|any) of (these|those|them|that))\\b");

  /** How a "that's all" begins. */
  private static final java.util.regex.Pattern CLOSING = java.util.regex.Pattern.compile(
      "(?i)^\\W*(no|nope|nah|none|nothing( else)?|not really|that'?s (all|it|everything)|thats (all|it|everything)|"
      + "i'?m done|done|all done|no more( qs| questions)?|nothing more)\\b[\\s,.!]*");

  private static final java.util.regex.Pattern NEGATED_BEFORE = java.util.regex.Pattern.compile(
      "(?i)(\\b(not|no|never|none)\\b|n't|n’t)");
  private static final java.util.regex.Pattern NO_MORE_OF_SOMETHING = java.util.regex.Pattern.compile(
      "(?i)^\\W*(no|nope|nah)\\W+more\\s+(?!(questions?|qs|things?|to|from|for|thanks|thank|please|than|else|that|i|at|now)\\b)\\p{L}{3,}");

  private static final java.util.regex.Pattern MEASURED = java.util.regex.Pattern.compile(
      "(?i)\\d|\\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a few|a couple of|a|an)\\s+(minutes?"
      + "|hours?|days?|weeks?|months?|years?|fortnights?)|\\bsince\\b");

  /** Words that make a medicine the thing to talk about rather than a list of what they take. */
  private static final java.util.regex.Pattern ABOUT_A_MEDICINE = java.util.regex.Pattern.compile(
      "(?i)\\b(stop|start|chang|coming off|come off|review|side.?effect|reduc|increas|switch|help|work|want|worr|problem"
      + "|swap|wean|dose|why|should|can i|could)");

  private static final Set<Intent> SMALL_TALK = Set.of(Intent.GREET, Intent.AFFIRM, Intent.CHITCHAT);

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

  /** The review as items with their own Change and Remove, while the conversation is at the review; else null. */
  public ReviewSheet reviewSheet(Conversation c) {
    return c.stage() == Stage.REVIEW ? prompts.review().sheet(c) : null;
  }

  private Conversation step(Conversation c, PatientInput input, long at, List<Reply> out) {
    if (c.forgotten()) {
      out.add(Reply.of(m.text("forget.done")));
      return c;
    }
    if (input instanceof PatientInput.Command cmd) return command(c, cmd, out);
    if (input instanceof PatientInput.NonText nt) return nonText(c, nt, out);
    if (input instanceof PatientInput.Printout p) return printout(c, p, out);
    if (input instanceof PatientInput.Button b) return button(c, b.label(), at, out);
    if (input instanceof PatientInput.Correction corr) return correction(c, corr.text(), at, out);
    if (input instanceof PatientInput.ReviewEdit edit) return reviewEdit(c, edit, at, out);
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

  /**
   * One review item changed or removed with its own button. Only at the review, where the page shows
   * those buttons (anywhere else the question asked there is asked again). New words are read by the
   * safety net first, like any typed text: an emergency described in them gets the emergency reply.
   */
  private Conversation reviewEdit(Conversation c, PatientInput.ReviewEdit e, long at, List<Reply> out) {
    Analysis a = null;
    if (!e.removes()) {
      // Read first, wherever the conversation is: a change sent from a page left open (another tab, after the
      // summary was sent) may describe an emergency, and that is never set aside.
      String t = e.text().strip();
      if (t.isEmpty()) return text(c, t, at, out);
      a = nlu.analyse(t);
      if (a.redFlag()) return emergency(c, t, a, a.redFlagCategory(), at, out);
      if (t.length() > MAX_ANSWER_CHARS) {
        out.add(Reply.of(m.text("too.long", "max", Integer.toString(MAX_ANSWER_CHARS))));
        e = new PatientInput.ReviewEdit(e.section(), e.index(), t.substring(0, MAX_ANSWER_CHARS), e.was());
      }
    }
    if (c.stage() != Stage.REVIEW && c.stage() != Stage.REVIEW_CHANGE) {
      out.add(Reply.of(m.text("review.edit.later")));
      return ask(c, out);
    }
    if (e.was() != null && !e.was().equals(itemWords(c, e.section(), e.index()))) {
      // The page showed an older review (another tab changed it since): no item is touched by position alone.
      out.add(Reply.of(m.text("review.edit.missing")));
      return ask(c.with(c.answers().at(Stage.REVIEW)), out);
    }
    Answers next = ReviewEdits.apply(c.answers(), e, a, m.buttons("decision.buttons"));
    if (next == null) {
      out.add(Reply.of(m.text("review.edit.missing")));
      return ask(c.with(c.answers().at(Stage.REVIEW)), out);
    }
    out.add(Reply.of(m.text(e.removes() ? "review.removed" : "review.changed")));
    return ask(c.answered(next.at(Stage.REVIEW)), out);
  }

  /** The words of one item of the review as its sheet shows them, or null when there is no such item. */
  private String itemWords(Conversation c, String section, int index) {
    for (ReviewSheet.Section s : prompts.review().sheet(c).sections()) {
      if (!s.key().equals(section)) continue;
      for (ReviewSheet.Item i : s.items()) if (i.index() == index) return i.value();
    }
    return null;
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
      Answers next = c.answers().addResearch(r);
      boolean researching = c.stage() == Stage.RESEARCH || c.stage() == Stage.RESEARCH_MORE;
      return ask(c.answered(researching ? next.at(Stage.RESEARCH_QUESTION) : next), out);
    }
    out.add(Reply.of(m.text("nontext")));
    return ask(c, out);
  }

  /**
   * A printout that was read: kept as something they read, with what it says about itself. Where the words
   * could be read the bot says what it looks like and asks whether that is right; where not, it asks what it
   * is. Then what they want to ask the GP about it, and back to where they were. The words read from the page
   * are the page's, not the patient's: they never reach the safety net or the intent model.
   */
  private Conversation printout(Conversation c, PatientInput.Printout p, List<Reply> out) {
    PrintedPage page = p.page() == null ? PrintedPage.unreadable() : p.page();
    Research r = printoutResearch(p.kind(), p.attachment(), page);
    if (c.stage() == Stage.DONE) {
      out.add(Reply.of(m.text("printout.after")));
      return c;
    }
    if (Conversation.isHolding(c.stage()) || c.stage() == Stage.WELCOME || c.stage() == Stage.SAFETY) {
      // Kept, but the question asked first (the emergency, the safety question) is still the one to answer.
      out.add(Reply.of(m.text("research.attachment")));
      return ask(c.with(c.answers().addResearch(r)), out);
    }
    Stage back = switch (c.stage()) {
      case RESEARCH, RESEARCH_QUESTION, RESEARCH_MORE -> Stage.RESEARCH_MORE;
      case PRINTOUT_CHECK, PRINTOUT_ABOUT -> c.answers().afterPrintout();
      default -> c.stage();
    };
    Answers next = c.answers().addResearch(r).afterPrintout(back == Stage.RESEARCH_MORE ? null : back);
    return ask(c.answered(next.at(page.readable() ? Stage.PRINTOUT_CHECK : Stage.PRINTOUT_ABOUT)), out);
  }

  private static Research printoutResearch(String kind, String attachment, PrintedPage page) {
    String what = "document".equals(kind) ? "Document" : "Photo";
    List<String> kept = attachment == null ? List.of() : List.of(attachment);
    if (!page.readable()) {
      return new Research(what + " of a printout (the words could not be read)", List.of(), kept, null, null,
          List.of(), null, null);
    }
    String text = what + " of a printout: " + page.described() + (page.title() == null ? "" : ", “" + page.title() + "”");
    String source = page.publisher() != null ? page.publisher() : page.described();
    return new Research(text, page.url() == null ? List.of() : List.of(page.url()), kept, source,
        page.title(), List.of(), page.title(), page.text());
  }

  /** After the questions about a printout: back to the section it was sent in, or on with what they read. */
  private static Answers afterPrintoutQuestions(Answers ans) {
    Stage back = ans.afterPrintout();
    return ans.afterPrintout(null).at(back == null ? Stage.RESEARCH_MORE : back);
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
    if (a.redFlag()) {
      // Typed at the safety question, an emergency answers it: afterwards the chat goes on from the agenda.
      Conversation onward = c.stage() == Stage.SAFETY ? c.with(afterSafety(c.answers())) : c;
      // Typed where the patient says what they want to talk about, it is also what they want to talk
      // about: filed as a concern, so that "I'm safe now, carry on" goes on with its questions.
      if (c.stage() == Stage.AGENDA || c.stage() == Stage.AGENDA_MORE) onward = stage(c, t, a, -1, new ArrayList<>());
      return emergency(onward, t, a, a.redFlagCategory(), at, out);
    }
    int choice = ButtonMatcher.match(t, prompts.of(c).buttons());
    if (choice < 0 && !Conversation.isHolding(c.stage())) {
      Intent command = repeatsAfterHelp(c, t) ? null : Commands.of(a);
      if (command != null) {
        switch (command) {
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
            // Reception answers these; the words are kept so the practice sees what was asked.
            out.add(Reply.of(m.text("appointment.admin")));
            // Asked what matters about their care, "a phone appointment if possible" is also a preference.
            boolean wish = c.stage() == Stage.PREFERENCES || c.stage() == Stage.PREFERENCES_MORE;
            return ask(c.with(wish ? c.answers().addPreference(t) : c.answers().addAlsoMentioned(t)), out);
          }
          default -> { }
        }
      }
    }
    return stage(c, t, a, choice, out);
  }

  /**
   * The patient sends the same words again right after a help reply: they were an answer all along
   * (the help reply shows the question again), so this time they are taken as one.
   */
  private boolean repeatsAfterHelp(Conversation c, String t) {
    if (t.split("\\s+").length < 3) return false;
    String help = m.text("help");
    boolean helpSince = false;
    List<Line> lines = c.transcript();
    for (int i = lines.size() - 2; i >= 0; i--) {
      Line l = lines.get(i);
      if (l.from().equals("bot")) {
        if (l.text().equals(help)) helpSince = true;
      } else {
        return helpSince && l.text().strip().equalsIgnoreCase(t);
      }
    }
    return false;
  }

  /** Words about the emergency itself: kept for the GP, never taken as an answer to the questions. */
  private static final java.util.regex.Pattern ABOUT_THE_EMERGENCY = java.util.regex.Pattern.compile(
      "(?i)\\b(ambulance|999|111|paramedics?|a ?& ?e|hospital|police|emergency|help)\\b");

  /**
   * Whether words typed during an emergency hold answer the question it interrupted: the open
   * questions take any words; how long, how much and how involved only a duration, a score or a
   * position; a choice among the concerns or at the review is made after the hold, not inside it.
   */
  private static boolean answersWhileHeld(Stage pending, String t, Analysis a) {
    if (ABOUT_THE_EMERGENCY.matcher(t).find()) return false;
    return switch (pending) {
      case CONCERN_DURATION -> !a.entities("duration").isEmpty();
      case CONCERN_IMPACT -> Scores.of(t, a) != null;
      case DECISION -> DecisionRole.fromWords(t) != null;
      case AGENDA, AGENDA_MORE, CONCERN_IDEA, CONCERN_WORRY, CONCERN_EXPECTATION, RESEARCH, RESEARCH_QUESTION,
          RESEARCH_MORE, QUESTIONS, GOALS, GOALS_MORE, PREFERENCES, PREFERENCES_MORE, MEDICATIONS, MEDICATIONS_MORE -> true;
      default -> false;
    };
  }

  /** Words that say "I'm safe, carry on" when typed instead of pressed. */
  private static final java.util.regex.Pattern SAYS_SAFE = java.util.regex.Pattern.compile(
      "(?i)\\b(yes|yeah|yep|yup|ok|okay|safe|fine|alright|all right|carry on|continue|go on|sure|better|over)\\b");

  private Conversation emergency(Conversation c, String t, Analysis a, String category, long at, List<Reply> out) {
    out.add(new Reply(m.text("emergency"), List.of(), Reply.Kind.EMERGENCY));
    if ("suicide".equals(category) || "overdose".equals(category)) {
      out.add(new Reply(m.text("emergency.suicide"), List.of(), Reply.Kind.EMERGENCY));
    }
    Conversation flagged = c.flagged(new RedFlag(category, t, at)).holding(Stage.EMERGENCY);
    out.add(prompts.of(flagged));
    return flagged;
  }

  /** The stage's own handling of an answer. {@code a} is null for a pressed button. */
  private Conversation stage(Conversation c, String t, Analysis a, int choice, List<Reply> out) {
    Answers ans = c.answers();
    Intent intent = a == null ? null : a.intent();
    boolean no = choice < 0 && closes(t, intent);
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
        if (choice < 0 && a != null && FILEABLE.contains(intent) && a.confidence() >= rephraseBelow) {
          // They began with their problem: keep it as the first thing to talk about, then the safety question.
          return ask(c.answered(addConcerns(ans, t, a, out).at(Stage.SAFETY)), out);
        }
        return ask(c.with(ans.at(Stage.SAFETY)), out);
      }
      case SAFETY -> {
        if (choice == 1 || yes) {
          Conversation onward = c.with(afterSafety(ans));
          return emergency(onward, t, a, SCREEN_CATEGORY, lastAt(c), out);
        }
        if (choice == 0 || no || NONE.matcher(t).find()) return ask(c.answered(afterSafety(ans)), out);
        if (a != null && intent != Intent.CHITCHAT && intent != Intent.GREET && words(t) >= 2) {
          // Not an emergency (the safety net read it), and already their first answer.
          return stage(c.answered(afterSafety(ans)), t, a, -1, out);
        }
        if (!c.rephraseAsked()) {
          out.add(new Reply(m.text("safety.again"), m.buttons("safety.buttons")));
          return c.askedToRephrase();
        }
        return ask(c.answered(afterSafety(ans)), out);
      }
      case AGENDA -> {
        if (no) {
          if (ans.concerns().isEmpty()) out.add(Reply.of(m.text("agenda.none")));
          return ask(c.answered(afterAgenda(ans)), out);
        }
        if (a != null && ReferenceBack.only(t)) return ask(c, out);
        if (a != null && intent == Intent.RESEARCH && a.confidence() >= FILING_CONFIDENCE && looksLikeResearch(t, a)) {
          return file(c, t, a, out);
        }
        Asides.Split asked = Asides.of(t);
        if (asked.onlyQuestions() && !Asides.opensWithProblem(t)) return askedAside(c, asked, out);
        if (a != null && intent == Intent.MEDICATION && a.confidence() >= FILING_CONFIDENCE && !a.entities("medicine").isEmpty()
            && ConcernTitles.problemOf(t) == null && !ABOUT_A_MEDICINE.matcher(t).find()) {
          // Just their medicines ("I'm on ramipril 5mg"); "I want to stop taking my sertraline" is a concern.
          return file(c, t, a, out);
        }
        if (a != null && SMALL_TALK.contains(intent) && a.confidence() >= Commands.CONFIDENCE && words(t) <= 6
            && !c.rephraseAsked()) {
          out.add(Reply.of(m.text("rephrase")));
          return ask(c.askedToRephrase(), out);
        }
        Answers next = addConcerns(ans, t, a, out);
        return ask(c.answered(next.at(followUpAfter(next.focused(), Stage.AGENDA))), out);
      }
      case CONCERN_DURATION -> {
        Asides.Split sp = Asides.of(t);
        if (sp.onlyQuestions() && (a == null || a.entities("duration").isEmpty())) return askedAside(c, sp, out);
        String rest = sp.rest().isBlank() ? t : sp.rest();
        Answers next = notedQuestions(ans, sp, out);
        next = next.addGoals(goalsInside(a));
        String d = duration(rest, a);
        next = next.updateFocused(x -> x.withDuration(d));
        return ask(c.answered(afterFollowUp(next, Stage.CONCERN_DURATION, out)), out);
      }
      case CONCERN_IMPACT -> {
        Integer score = choice >= 0 ? Integer.valueOf(choice) : Scores.of(t, a);
        Asides.Split sp = choice >= 0 ? new Asides.Split(t, List.of()) : Asides.of(t);
        if (score == null && sp.onlyQuestions()) return askedAside(c, sp, out);
        Answers next = notedQuestions(ans, sp, out);
        // Words that are not a score are still kept ("since I stopped night shifts I can't sleep").
        if (score == null && !sp.rest().isBlank() && words(sp.rest()) >= 2) next = next.addAlsoMentioned(aboutFocused(next) + sp.rest());
        if (score == null && !c.rephraseAsked()) {
          out.add(new Reply(m.text("concern.impact.again"), m.buttons("concern.impact.buttons")));
          return c.answered(next).askedToRephrase();
        }
        next = next.updateFocused(x -> x.withSeverity(score));
        return ask(c.answered(afterFollowUp(next, Stage.CONCERN_IMPACT, out)), out);
      }
      case CONCERN_IDEA, CONCERN_WORRY, CONCERN_EXPECTATION -> {
        Asides.Split sp = Asides.of(t);
        if (sp.onlyQuestions() && Asides.isAside(t)) return askedAside(c, sp, out);
        // "Is it cancer?" as the worry is the worry, and a question for the GP as well.
        String answer = sp.onlyQuestions() ? t : sp.rest().isBlank() ? t : sp.rest();
        Answers next = notedQuestions(ans, sp, out);
        Stage here = c.stage();
        next = next.updateFocused(x -> here == Stage.CONCERN_IDEA ? x.withIdea(answer)
            : here == Stage.CONCERN_WORRY ? x.withWorry(answer) : x.withExpectation(answer));
        return ask(c.answered(afterFollowUp(next, here, out)), out);
      }
      case AGENDA_MORE -> {
        if (choice == 0 || yes) return ask(c.with(ans.at(Stage.AGENDA)), out);
        if (choice == 1 || no || closesOnANotedConcern(t, ans)) return ask(c.answered(afterAgenda(ans)), out);
        Asides.Split sp = Asides.of(t);
        if (sp.onlyQuestions()) return askedAside(c, sp, out);
        return stage(c.with(ans.at(Stage.AGENDA)), t, a, -1, out);
      }
      case PRIORITY -> {
        if (choice < 0) {
          choice = ButtonMatcher.byWords(t, ans.concerns().stream().map(Concern::title).toList(),
              ans.concerns().stream().map(Concern::text).toList());
        }
        if (choice >= 0 && choice < ans.concerns().size()) {
          List<Concern> ordered = new ArrayList<>(ans.concerns());
          Concern first = ordered.remove(choice);
          ordered.add(0, first);
          out.add(Reply.of(m.text("priority.done", "item", first.title())));
          return ask(c.answered(leave(ans.withConcerns(ordered).focusedOn(0), Stage.RESEARCH)), out);
        }
        if (a != null && words(t) > 3 && fileElsewhere(intent, a, null)) return file(c, t, a, out);
        Answers next = words(t) > 3 ? ans.addAlsoMentioned(t) : ans;
        if (!c.rephraseAsked()) {
          out.add(Reply.of(m.text("rephrase")));
          return ask(c.answered(next.at(Stage.PRIORITY)).askedToRephrase(), out);
        }
        return ask(c.answered(leave(next, Stage.RESEARCH)), out);
      }
      case RESEARCH, RESEARCH_MORE -> {
        if (choice == 0 || no) return ask(c.answered(leave(ans, Stage.QUESTIONS)), out);
        if (a != null && ReferenceBack.only(t)) return ask(c, out);
        Asides.Split sp = Asides.of(t);
        if (sp.onlyQuestions() && !looksLikeResearch(t, a)) {
          // A question with nothing read behind it: they have moved on to their questions for the GP.
          out.add(Reply.of(m.text("filed.question")));
          return ask(c.answered(leave(ans.addQuestions(sp.questions()), Stage.QUESTIONS)), out);
        }
        String text = sp.rest().isBlank() ? t : sp.rest();
        Research r = research(text, a, sp.questions());
        out.add(Reply.of(m.text("research.noted", "what", ResearchReader.described(r.source(), r.topic()))));
        Answers next = ans.addResearch(r);
        if (!sp.questions().isEmpty()) {
          out.add(Reply.of(m.text("research.linked")));
          return ask(c.answered(next.at(Stage.RESEARCH_MORE)), out);
        }
        return ask(c.answered(next.at(Stage.RESEARCH_QUESTION)), out);
      }
      case RESEARCH_QUESTION -> {
        if (choice == 0 || no) return ask(c.answered(afterPrintoutQuestions(ans)), out);
        if (a != null && !t.contains("?") && intent == Intent.RESEARCH && looksLikeResearch(t, a)) {
          // Another printout instead of a question about the last one.
          return stage(c.with(afterPrintoutQuestions(ans).at(Stage.RESEARCH_MORE)), t, a, -1, out);
        }
        Asides.Split sp = Asides.of(t);
        List<String> qs = sp.questions().isEmpty() ? List.of(t) : withContext(sp);
        out.add(Reply.of(m.text("research.linked")));
        return ask(c.answered(afterPrintoutQuestions(ans.askAboutLastResearch(qs))), out);
      }
      case PRINTOUT_CHECK -> {
        if (choice == 0 || yes) return ask(c.answered(ans.at(Stage.RESEARCH_QUESTION)), out);
        if (choice == 1 || no) return ask(c.answered(ans.at(Stage.PRINTOUT_ABOUT)), out);
        if (t.contains("?") || intent == Intent.QUESTION) {
          // Straight to what they want to ask about it.
          Asides.Split sp = Asides.of(t);
          out.add(Reply.of(m.text("research.linked")));
          return ask(c.answered(afterPrintoutQuestions(ans.askAboutLastResearch(
              sp.questions().isEmpty() ? List.of(t) : withContext(sp)))), out);
        }
        // Their own words for what it is ("it's from the hospital, about my knee op").
        return ask(c.answered(describeLastPrintout(ans, t).at(Stage.RESEARCH_QUESTION)), out);
      }
      case PRINTOUT_ABOUT -> {
        if (choice == 0 || no) return ask(c.answered(ans.at(Stage.RESEARCH_QUESTION)), out);
        if (t.contains("?")) {
          Asides.Split sp = Asides.of(t);
          out.add(Reply.of(m.text("research.linked")));
          return ask(c.answered(afterPrintoutQuestions(ans.askAboutLastResearch(
              sp.questions().isEmpty() ? List.of(t) : withContext(sp)))), out);
        }
        out.add(Reply.of(m.text("printout.described")));
        return ask(c.answered(describeLastPrintout(ans, t).at(Stage.RESEARCH_QUESTION)), out);
      }
      case QUESTIONS -> {
        List<String> offered = prompts.of(c).buttons();
        if (choice == offered.size() - 1 || no || (a != null && ReferenceBack.only(t))) {
          return ask(c.answered(leave(ans, Stage.GOALS)), out);
        }
        if (choice >= 0) return ask(c.answered(ans.addQuestion(offered.get(choice))), out);
        if (!t.contains("?") && a != null && (intent == Intent.MEDICATION || intent == Intent.RESEARCH)
            && fileElsewhere(intent, a, Intent.QUESTION)) {
          return file(c, t, a, out);
        }
        Asides.Split sp = Asides.of(t);
        List<String> qs = sp.questions().isEmpty() ? List.of(t) : withContext(sp);
        return ask(c.answered(ans.addQuestions(qs)), out);
      }
      case GOALS, GOALS_MORE -> {
        if (choice == 0 || no) return ask(c.answered(leave(ans, Stage.DECISION)), out);
        Asides.Split sp = Asides.of(t);
        if (sp.onlyQuestions()) return askedAside(c, sp, out);
        if (a != null && (intent == Intent.RESEARCH || intent == Intent.MEDICATION) && fileElsewhere(intent, a, Intent.GOAL)) {
          return file(c, t, a, out);
        }
        Answers next = notedQuestions(ans, sp, out);
        return ask(c.answered(next.addGoal(sp.rest()).at(Stage.GOALS_MORE)), out);
      }
      case DECISION -> {
        DecisionRole role = choice >= 0 ? DecisionRole.values()[choice] : DecisionRole.fromWords(t);
        if (role == null && !c.rephraseAsked()) {
          out.add(new Reply(m.text("decision.again"), m.buttons("decision.buttons")));
          // Kept as a preference in their words, even if they now pick a position.
          return (words(t) >= 2 ? c.answered(ans.addPreference(t)) : c).askedToRephrase();
        }
        Answers next = role == null ? (ans.preferences().contains(t) ? ans : ans.addPreference(t)) : ans.withDecisionRole(role);
        // "Together, but please explain things simply": the position, and their words as a preference.
        if (role != null && choice < 0 && words(t) > 4 && !next.preferences().contains(t)) next = next.addPreference(t);
        return ask(c.answered(next.at(Stage.PREFERENCES)), out);
      }
      case PREFERENCES, PREFERENCES_MORE -> {
        // "No more tablets please" is a wish about care here, not "no more to say".
        boolean wish = choice < 0 && NO_MORE_OF_SOMETHING.matcher(t).find();
        if (choice == 0 || (no && !wish)) return ask(c.answered(leave(ans, Stage.MEDICATIONS)), out);
        Asides.Split sp = Asides.of(t);
        if (sp.onlyQuestions() && Asides.isAside(t)) return askedAside(c, sp, out);
        if (a != null && (intent == Intent.RESEARCH || intent == Intent.MEDICATION)
            && fileElsewhere(intent, a, Intent.PREFERENCE)) {
          return file(c, t, a, out);
        }
        String answer = sp.onlyQuestions() ? t : sp.rest();
        Answers next = notedQuestions(ans, sp, out);
        return ask(c.answered(next.addPreference(answer).at(Stage.PREFERENCES_MORE)), out);
      }
      case MEDICATIONS, MEDICATIONS_MORE -> {
        boolean none = c.stage() == Stage.MEDICATIONS ? choice == 0 || choice == 1 : choice == 0;
        if (none || no) return ask(c.answered(leave(ans, Stage.REVIEW)), out);
        Asides.Split sp = Asides.of(t);
        if (sp.onlyQuestions()) return askedAside(c, sp, out);
        Answers next = notedQuestions(ans, sp, out);
        return ask(c.answered(next.addMedications(Medicines.split(sp.rest(), a)).at(Stage.MEDICATIONS_MORE)), out);
      }
      case REVIEW -> {
        if (choice == 0 || yes) {
          out.add(Reply.of(m.text("done", "name", c.patientName())));
          return c.confirmedAt(lastAt(c));
        }
        if (choice == 1 || no || intent == Intent.GO_BACK) return ask(c.with(ans.at(Stage.REVIEW_CHANGE)), out);
        return changed(c, t, a, out);
      }
      case REVIEW_CHANGE -> {
        Stage[] starts = {Stage.AGENDA, Stage.RESEARCH, Stage.QUESTIONS, Stage.GOALS, Stage.DECISION, Stage.MEDICATIONS};
        if (choice >= 0 && choice < starts.length) {
          Stage start = starts[choice];
          out.add(Reply.of(m.text("review.redo", "old", prompts.review().section(ans, start))));
          return ask(c.answered(cleared(ans, start).reviewing(true).at(start)), out);
        }
        if (choice >= 0 || no) return ask(c.with(ans.at(Stage.REVIEW)), out);
        return changed(c, t, a, out);
      }
      case DONE -> {
        out.add(Reply.of(m.text("done.after")));
        return c;
      }
      case EMERGENCY -> {
        // Typed, the release must say so in words: a misread "Years, but worse recently" is not "I'm safe".
        if (choice == 0 || yes && words(t) <= 4 && SAYS_SAFE.matcher(t).find()) return ask(c.released(), out);
        if (choice == 1 || Commands.of(a) == Intent.STOP) return stop(c.released(), out);
        if (a != null && words(t) >= 2) {
          out.add(Reply.of(m.text("emergency.kept")));
          Conversation pending = c.released();
          if (answersWhileHeld(pending.stage(), t, a)) {
            // The patient answered the question the emergency interrupted: filed there, still holding,
            // so that "I'm safe now, carry on" goes on from the next question, not this one again.
            return ask(stage(pending, t, a, -1, new ArrayList<>()).holding(Stage.EMERGENCY), out);
          }
          return ask(c.with(ans.addAlsoMentioned(t)), out);
        }
        return ask(c, out);
      }
      case STOPPED -> {
        if (choice == 0 || yes && words(t) <= 4) return ask(c.released(), out);
        if (a != null && words(t) >= 2 && Commands.of(a) == null) {
          // Typing an answer after stopping is carrying on: the words answer the question they stopped at.
          return stage(c.released(), t, a, -1, out);
        }
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

  /**
   * "No, that's all, the knee is the main thing": a no that goes on only about a problem already noted
   * points back at it; it is not a new one.
   */
  private static boolean closesOnANotedConcern(String t, Answers ans) {
    var m = CLOSING.matcher(t);
    if (!m.find() || t.contains("?") || ans.concerns().isEmpty()) return false;
    String rest = t.substring(m.end());
    // Anything that may add a problem keeps it an agenda answer: "No, the hip, and I get dizzy when I stand".
    if (rest.matches("(?is).*\\b(and|plus|too|but|except|apart from|also|another|as well|new|now|started|starting"
        + "|getting|since)\\b.*")) {
      return false;
    }
    java.util.Set<String> said = new java.util.HashSet<>(List.of(rest.toLowerCase(java.util.Locale.ROOT).split("[^\\p{L}]+")));
    for (Concern noted : ans.concerns()) {
      for (String w : noted.title().toLowerCase(java.util.Locale.ROOT).split("[^\\p{L}]+")) {
        if (w.length() >= 3 && !TITLE_FILLER.contains(w) && said.contains(w)) return true;
      }
    }
    return false;
  }

  /** Words of a concern's title that do not name the problem itself. */
  private static final java.util.Set<String> TITLE_FILLER = java.util.Set.of("problem", "problems", "pain", "right",
      "left", "the", "and", "with", "both", "lower", "upper", "new", "ongoing");

  /**
   * "No", "that's all", "nothing else", and "No, that's all I think, the knee is the main thing": a
   * negative opening followed by nothing new (no question, no problem not already named).
   */
  private static boolean closes(String t, Intent intent) {
    if ((intent == Intent.DENY || intent == Intent.FINISH) && words(t) <= 5) return true;
    var m = CLOSING.matcher(t);
    if (!m.find() || t.contains("?")) return false;
    String rest = t.substring(m.end()).replaceAll("(?i)\\b(i think|thanks|thank you|for now|really|honestly|ta|cheers)\\b", " ");
    if (rest.replaceAll("[^\\p{L}\\p{N}]", "").isEmpty()) return true;
    return words(rest) <= 8 && ConcernTitles.problemOf(rest) == null && !rest.matches("(?i).*\\b(but|except|apart from)\\b.*");
  }

  /** The patient stepped aside to ask something: noted, and the question asked is asked again. */
  private Conversation askedAside(Conversation c, Asides.Split sp, List<Reply> out) {
    out.add(Reply.of(m.text("filed.question")));
    return ask(c.answered(c.answers().addQuestions(sp.questions())), out);
  }

  private Answers notedQuestions(Answers ans, Asides.Split sp, List<Reply> out) {
    if (sp.questions().isEmpty()) return ans;
    out.add(Reply.of(m.text("filed.question")));
    return ans.addQuestions(sp.questions());
  }

  /** A lead-in before the questions ("I'd also like to know:") stays with the first of them. */
  private static List<String> withContext(Asides.Split sp) {
    List<String> qs = new ArrayList<>(sp.questions());
    if (!sp.rest().isBlank()) {
      if (words(sp.rest()) >= 4) qs.add(0, sp.rest());
      else qs.set(0, sp.rest() + " " + qs.get(0));
    }
    return qs;
  }

  /** Goals said inside another answer ("3 months, I just want to sleep again"). */
  private static List<String> goalsInside(Analysis a) {
    if (a == null || a.parts().size() < 2) return List.of();
    List<String> goals = new ArrayList<>();
    for (Part p : a.parts()) {
      if (p.intent() == Intent.GOAL && p.confidence() >= FILING_CONFIDENCE && p.entities().stream()
          .noneMatch(e -> e.type().equals("duration"))) {
        goals.add(p.text());
      }
    }
    return goals;
  }

  /**
   * The duration in an answer: its duration words when the answer is short ("about 6 weeks" reads "6
   * weeks"); a longer answer is kept whole, so that nothing the patient explained is lost.
   */
  private static String duration(String t, Analysis a) {
    if (words(t) > 8 || a == null) return t;
    List<Entity> d = a.entities("duration");
    if (d.isEmpty()) return t;
    Entity pick = d.get(0);
    for (Entity e : d) {
      // "3 weeks, not 3 days": a duration said to be wrong is not the answer.
      if (d.size() > 1 && negatedIn(t, e.text())) continue;
      if (e.text().matches(".*\\d.*|(?i).*\\b(one|two|three|four|five|six|seven|eight|nine|ten|twelve|a few|a couple)\\b.*")) pick = e;
    }
    return durationText(pick.text());
  }

  /** Whether {@code part} appears in {@code t} right after "not", "no" or "isn't" (a correction). */
  private static boolean negatedIn(String t, String part) {
    return java.util.regex.Pattern.compile("(?i)\\b(not|no|isn't|wasn't|never)\\s+(about\\s+|for\\s+)?"
        + java.util.regex.Pattern.quote(part)).matcher(t).find();
  }

  private static boolean looksLikeResearch(String t, Analysis a) {
    return (a != null && !a.entities("url").isEmpty()) || ResearchReader.source(t) != null;
  }

  /** A change typed at the review: applied where it belongs, then the summary is shown again. */
  private Conversation changed(Conversation c, String t, Analysis a, List<Reply> out) {
    Answers ans = c.answers();
    Answers next;
    int concern = ButtonMatcher.byWords(contentWords(t), ans.concerns().stream().map(Concern::title).toList(),
        ans.concerns().stream().map(Concern::text).toList());
    if (concern < 0) concern = concernSharingAWord(ans, t);
    if (a != null && !a.entities("medicine").isEmpty() || intent(a) == Intent.MEDICATION && a.confidence() >= 0.6) {
      next = ans.addMedications(Medicines.split(t, a));
    } else if (concern >= 0 && a != null && !a.entities("duration").isEmpty()) {
      String d = durationText(a.entities("duration").get(0).text());
      next = ans.focusedOn(concern).updateFocused(x -> x.withDuration(d)).focusedOn(ans.focusIndex());
    } else if (a != null && FILEABLE.contains(intent(a)) && a.confidence() >= FILING_CONFIDENCE) {
      next = filed(ans, t, a);
    } else if (t.contains("?")) {
      next = ans.addQuestions(Asides.of(t).questions().isEmpty() ? List.of(t) : Asides.of(t).questions());
    } else {
      next = ans.addAlsoMentioned(t);
    }
    out.add(Reply.of(m.text("review.changed")));
    return ask(c.answered(next.at(Stage.REVIEW)), out);
  }

  private static Intent intent(Analysis a) {
    return a == null ? null : a.intent();
  }

  private static String contentWords(String t) {
    return t.replaceAll("(?i)\\b(the|my|has|have|been|going|on|for|not|it|is|was|its|it's|actually|sorry|change|please"
        + "|that|should|say|be|i|said|wrong|mistake|\\d+|weeks?|months?|years?|days?)\\b", " ").strip();
  }

  /** The concern whose title or text shares a content word (four letters or more) with the change. */
  private static int concernSharingAWord(Answers ans, String t) {
    List<String> words = List.of(contentWords(t).toLowerCase(java.util.Locale.ROOT).split("[^\\p{L}]+"));
    for (int i = 0; i < ans.concerns().size(); i++) {
      Concern x = ans.concerns().get(i);
      String have = (x.title() + " " + x.text()).toLowerCase(java.util.Locale.ROOT);
      for (String w : words) if (w.length() >= 4 && have.contains(w)) return i;
    }
    return -1;
  }

  private static int words(String t) {
    return t.isBlank() ? 0 : t.strip().split("\\s+").length;
  }

  private static long lastAt(Conversation c) {
    return c.transcript().isEmpty() ? 0 : c.transcript().get(c.transcript().size() - 1).at();
  }

  /** Whether an utterance clearly belongs to another section ({@code here} null: to any section). */
  private boolean fileElsewhere(Intent intent, Analysis a, Intent here) {
    return a != null && intent != here && FILEABLE.contains(intent) && a.confidence() >= FILING_CONFIDENCE;
  }

  /** Files an utterance in the section it belongs to and asks the current question again. */
  private Conversation file(Conversation c, String t, Analysis a, List<Reply> out) {
    out.add(Reply.of(m.text("filed." + a.intent().label())));
    return ask(c.answered(filed(c.answers(), t, a)), out);
  }

  private static Answers filed(Answers ans, String t, Analysis a) {
    return switch (a.intent()) {
      case QUESTION -> ans.addQuestion(t);
      case RESEARCH -> ans.addResearch(research(t, a, List.of()));
      case GOAL -> ans.addGoal(t);
      case PREFERENCE -> ans.addPreference(t);
      case MEDICATION -> ans.addMedications(Medicines.split(t, a));
      default -> ans.addConcern(concernFrom(t, a));
    };
  }

  /**
   * Adds the concerns one agenda message names (two problems in one message are two concerns, and the
   * bot says so); a question inside it is also a question for the GP. Follow-ups go to the first new one.
   */
  private Answers addConcerns(Answers ans, String t, Analysis a, List<Reply> out) {
    Asides.Split sp = Asides.of(t);
    Answers next = ans.addQuestions(sp.questions());
    List<String> items = ConcernSplitter.split(sp.rest().isBlank() ? t : sp.rest());
    int first = next.concerns().size();
    for (String item : items) {
      Analysis own = items.size() == 1 ? a : nlu.analyse(item);
      next = next.addConcern(concernFrom(item, own));
    }
    if (items.size() > 1) {
      List<String> titles = next.concerns().subList(first, next.concerns().size()).stream().map(Concern::title).toList();
      out.add(Reply.of(m.text("agenda.several", "count", Integer.toString(items.size()), "items", Prompts.and(titles))));
    }
    return next.focusedOn(first);
  }

  private static Concern concernFrom(String t, Analysis a) {
    Concern concern = Concern.of(t);
    if (a != null) {
      // Only a measured duration answers "how long?" in advance: "for 6 weeks", "since March"; not the
      // "all my life" of a story about gardening.
      String lower = t.toLowerCase(java.util.Locale.ROOT);
      var d = a.entities("duration").stream().filter(e -> MEASURED.matcher(e.text()).find()
          && !lower.contains(e.text().toLowerCase(java.util.Locale.ROOT) + " ago")
          && !sinceLastTime(lower, e.text().toLowerCase(java.util.Locale.ROOT))
          && (words(t) <= 20 || e.text().matches("(?i)^(for|since|over)\\b.*"))).toList();
      if (!d.isEmpty()) concern = concern.withDuration(durationText(d.get(0).text()));
      Integer s = scoreOf(a);
      if (s != null && a.entities("score").get(0).text().contains("/")) concern = concern.withSeverity(s);
    }
    return concern;
  }

  /**
   * "I haven't had a seizure in 3 years": a duration after a denial in its clause is the time since the
   * problem last happened, not how long it has been going on.
   */
  private static boolean sinceLastTime(String lower, String duration) {
    int at = lower.indexOf(duration);
    if (at < 0) return false;
    // "haven't had a fit in 3 years", not "haven't been able to sleep for 3 weeks" (that is how long).
    if (!duration.startsWith("in ") && !lower.substring(0, at).endsWith("in ")) return false;
    String before = lower.substring(Math.max(0, at - 60), at);
    before = before.substring(Math.max(Math.max(before.lastIndexOf(','), before.lastIndexOf('.')), before.lastIndexOf(';')) + 1);
    return NEGATED_BEFORE.matcher(before).find();
  }

  /** "for 3 weeks" reads as "3 weeks" after the summary's own "for". */
  private static String durationText(String entity) {
    return entity.replaceFirst("(?i)^(for|over|about|around)\\s+", "");
  }

  /**
   * After a follow-up answer: the focused concern's next missing question, or the next concern named in
   * the same message, or "anything else?".
   */
  private Answers afterFollowUp(Answers next, Stage after, List<Reply> out) {
    Stage s = followUpAfter(next.focused(), after);
    if (s != Stage.AGENDA_MORE) return next.at(s);
    int i = next.focusIndex();
    if (i >= 0 && i < next.concerns().size() - 1) {
      Answers moved = next.focusedOn(i + 1);
      out.add(Reply.of(m.text("concern.next", "title", moved.focused().title())));
      return moved.at(followUpAfter(moved.focused(), Stage.AGENDA));
    }
    return next.at(Stage.AGENDA_MORE);
  }

  private String aboutFocused(Answers a) {
    return a.focused() == null ? "" : a.focused().title() + ": ";
  }

  /** The next follow-up question this concern still lacks, after the given stage. */
  private static Stage followUpAfter(Concern c, Stage after) {
    if (c == null) return Stage.AGENDA_MORE;
    Stage[] order = {Stage.CONCERN_DURATION, Stage.CONCERN_IMPACT, Stage.CONCERN_IDEA, Stage.CONCERN_WORRY,
        Stage.CONCERN_EXPECTATION};
    boolean passed = after == Stage.AGENDA;
    for (Stage s : order) {
      if (passed) {
        boolean missing = switch (s) {
          case CONCERN_DURATION -> c.duration() == null;
          case CONCERN_IMPACT -> c.severity() == null;
          case CONCERN_IDEA -> c.idea() == null;
          case CONCERN_WORRY -> c.worry() == null;
          default -> c.expectation() == null;
        };
        if (missing) return s;
      }
      if (s == after) passed = true;
    }
    return Stage.AGENDA_MORE;
  }

  /** Where the conversation goes once the safety question is answered. */
  private static Answers afterSafety(Answers ans) {
    if (ans.concerns().isEmpty()) return ans.at(Stage.AGENDA);
    return ans.at(followUpAfter(ans.focused(), Stage.AGENDA));
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

  private static Research research(String t, Analysis a, List<String> questions) {
    List<String> sources = new ArrayList<>();
    if (a != null) {
      for (Entity e : a.entities("url")) sources.add(e.value());
      if (sources.isEmpty()) for (Entity e : a.entities("site")) sources.add(e.value());
    }
    return new Research(t, sources, List.of(), ResearchReader.source(t), ResearchReader.topic(t), questions);
  }

  private static Answers describeLastPrintout(Answers ans, String words) {
    return ans.updateLastResearch(r -> r.describedAs(words, ResearchReader.source(words), ResearchReader.topic(words)));
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
      case SAFETY -> afterSafety(ans);
      case CONCERN_DURATION, CONCERN_IMPACT, CONCERN_IDEA, CONCERN_WORRY, CONCERN_EXPECTATION ->
          afterFollowUp(ans, c.stage(), out);
      case PRIORITY -> leave(ans, Stage.RESEARCH);
      case RESEARCH, RESEARCH_MORE -> leave(ans, Stage.QUESTIONS);
      case RESEARCH_QUESTION, PRINTOUT_CHECK, PRINTOUT_ABOUT -> afterPrintoutQuestions(ans);
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
    for (Reply r : replies) withLines = withLines.said(new Line("bot", r.text(), r.buttons(), at, r.emergency()));
    return new Next(withLines, replies);
  }

  /** What the transcript shows for an input; a /start token is a secret and is never kept. */
  private static String transcriptText(PatientInput input) {
    if (input instanceof PatientInput.Button b) return b.label();
    if (input instanceof PatientInput.Command c) return "/" + c.name();
    if (input instanceof PatientInput.NonText n) return "[" + n.kind() + "]";
    if (input instanceof PatientInput.Printout p) return "[" + p.kind() + " of a printout]";
    if (input instanceof PatientInput.ReviewEdit e) {
      String said = e.said();
      return said.length() > MAX_ANSWER_CHARS ? said.substring(0, MAX_ANSWER_CHARS) : said;
    }
    String t = input instanceof PatientInput.Correction corr ? corr.text() : ((PatientInput.Text) input).text();
    return t == null ? "" : t.length() > MAX_ANSWER_CHARS ? t.substring(0, MAX_ANSWER_CHARS) : t;
  }
}
