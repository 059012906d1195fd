package app.previsit.dialogue;

import java.util.List;

/** The summary in plain words, as the patient sees it before confirming. */
final class ReviewText {
  private final Messages m;

  ReviewText(Messages m) {
    this.m = m;
  }

  String of(Conversation c) {
    Answers a = c.answers();
    if (a.isEmpty() && c.redFlags().isEmpty()) return m.text("summary.empty");
    StringBuilder b = new StringBuilder();
    if (!c.redFlags().isEmpty()) {
      section(b, m.text("summary.redflags"), c.redFlags().stream().map(RedFlag::text).toList());
    }
    if (!a.concerns().isEmpty()) {
      section(b, m.text("summary.concerns"), a.concerns().stream().map(this::concern).toList());
    }
    if (!a.research().isEmpty()) {
      section(b, m.text("summary.research"), a.research().stream().map(this::research).toList());
    }
    section(b, m.text("summary.questions"), a.questions());
    section(b, m.text("summary.goals"), a.goals());
    if (a.decisionRole() != null) section(b, m.text("summary.decision"), List.of(m.text("role." + a.decisionRole().json())));
    section(b, m.text("summary.preferences"), a.preferences());
    section(b, m.text("summary.medications"), a.medications());
    section(b, m.text("summary.also"), a.alsoMentioned());
    return b.toString().trim();
  }

  /** The same summary as items, each with the words a change starts from (see {@link ReviewSheet}). */
  ReviewSheet sheet(Conversation c) {
    Answers a = c.answers();
    List<ReviewSheet.Section> s = new java.util.ArrayList<>();
    List<String> flags = c.redFlags().stream().map(RedFlag::text).toList();
    add(s, ReviewSheet.RED_FLAGS, "summary.redflags", false, List.of(), flags, flags);
    add(s, ReviewSheet.CONCERNS, "summary.concerns", true, List.of(), a.concerns().stream().map(this::concern).toList(),
        a.concerns().stream().map(Concern::text).toList());
    add(s, ReviewSheet.RESEARCH, "summary.research", true, List.of(), a.research().stream().map(this::research).toList(),
        a.research().stream().map(Research::text).toList());
    add(s, ReviewSheet.QUESTIONS, "summary.questions", true, List.of(), a.questions(), a.questions());
    add(s, ReviewSheet.GOALS, "summary.goals", true, List.of(), a.goals(), a.goals());
    if (a.decisionRole() != null) {
      List<String> choices = m.buttons("decision.buttons");
      add(s, ReviewSheet.DECISION, "summary.decision", true, choices, List.of(m.text("role." + a.decisionRole().json())),
          List.of(a.decisionRole().ordinal() < choices.size() ? choices.get(a.decisionRole().ordinal()) : ""));
    }
    add(s, ReviewSheet.PREFERENCES, "summary.preferences", true, List.of(), a.preferences(), a.preferences());
    add(s, ReviewSheet.MEDICATIONS, "summary.medications", true, List.of(), a.medications(), a.medications());
    add(s, ReviewSheet.ALSO_MENTIONED, "summary.also", true, List.of(), a.alsoMentioned(), a.alsoMentioned());
    return new ReviewSheet(m.text("review.intro"), s, m.text("review.ask"));
  }

  private void add(List<ReviewSheet.Section> sections, String key, String title, boolean editable, List<String> choices,
      List<String> lines, List<String> values) {
    if (lines.isEmpty()) return;
    List<ReviewSheet.Item> items = new java.util.ArrayList<>();
    for (int i = 0; i < lines.size(); i++) items.add(new ReviewSheet.Item(i, lines.get(i), values.get(i)));
    sections.add(new ReviewSheet.Section(key, m.text(title), editable, choices, items));
  }

  /** One section as the "old answers" shown when the patient redoes it from the review. */
  String section(Answers a, Stage start) {
    List<String> items = switch (start) {
      case AGENDA -> a.concerns().stream().map(Concern::text).toList();
      case RESEARCH -> a.research().stream().map(Research::text).toList();
      case QUESTIONS -> a.questions();
      case GOALS -> a.goals();
      case DECISION -> a.decisionRole() == null ? a.preferences()
          : java.util.stream.Stream.concat(java.util.stream.Stream.of(m.text("role." + a.decisionRole().json())),
              a.preferences().stream()).toList();
      case MEDICATIONS -> a.medications();
      default -> List.of();
    };
    return items.isEmpty() ? "(none)" : String.join("; ", items);
  }

  private String research(Research r) {
    StringBuilder s = new StringBuilder(r.text());
    if (!r.sources().isEmpty()) s.append(" (").append(String.join(", ", r.sources())).append(')');
    if (!r.questions().isEmpty()) s.append(" — ").append(m.text("summary.asked", "value", String.join(" ", r.questions())));
    return s.toString();
  }

  /** "Lower back pain: Well I've had this pain…", or the words alone when the title is them. */
  private String concern(Concern c) {
    String title = c.title();
    StringBuilder s = new StringBuilder(title.equalsIgnoreCase(c.text().strip()) ? c.text() : title + ": " + c.text());
    StringBuilder details = new StringBuilder();
    detail(details, c.duration() == null ? null : m.text("summary.duration", "value", c.duration()));
    detail(details, c.severity() == null ? null : m.text("summary.impact", "value", c.severity().toString()));
    detail(details, c.idea() == null ? null : m.text("summary.idea", "value", c.idea()));
    detail(details, c.worry() == null ? null : m.text("summary.worry", "value", c.worry()));
    detail(details, c.expectation() == null ? null : m.text("summary.expectation", "value", c.expectation()));
    if (details.length() > 0) s.append(" (").append(details).append(')');
    return s.toString();
  }

  private static void detail(StringBuilder b, String text) {
    if (text == null) return;
    if (b.length() > 0) b.append("; ");
    b.append(text);
  }

  private static void section(StringBuilder b, String title, List<String> items) {
    if (items.isEmpty()) return;
    b.append(title).append(":\n");
    for (String i : items) b.append("• ").append(i).append('\n');
    b.append('\n');
  }
}
