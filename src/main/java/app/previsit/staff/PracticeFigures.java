package app.previsit.staff;

import app.previsit.invitation.Invitation;
import app.previsit.invitation.InvitationStatus;
import app.previsit.store.Alert;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How the practice's invitations went over a range of days, with no clinical text: the funnel invited
 * → opened → started → completed, the median time from start to completion, where unfinished
 * conversations stopped, and the emergency alerts raised and acknowledged. Pure: it is given the data.
 */
record PracticeFigures(int invited, int opened, int started, int completed, Duration medianToComplete,
    Map<String, Integer> stoppedIn, int stoppedByPatient, int deletedByPatient, int alertsRaised, int alertsAcknowledged,
    Duration medianToAcknowledge) {

  /** Sections in conversation order, for the "stopped in" table. */
  static final List<String> SECTIONS = List.of("welcome", "agenda", "research", "questions", "goals", "decision", "preferences",
      "medicines", "review");

  /**
   * @param invitations every invitation of the range (those the practice cancelled are left out of the figures)
   * @param sectionOf where each unfinished, started conversation is (by invitation id)
   * @param alerts alerts raised since the range began (only those of these invitations count)
   */
  static PracticeFigures of(List<Invitation> invitations, Map<String, String> sectionOf, List<Alert> alerts, Instant now) {
    List<Invitation> counted = invitations.stream()
        .filter(i -> !(i.status() == InvitationStatus.CANCELLED && i.outcome() == Invitation.Outcome.CANCELLED_BY_PRACTICE))
        .toList();
    int opened = 0, started = 0, completed = 0, stopped = 0, deleted = 0;
    List<Duration> toComplete = new ArrayList<>();
    Map<String, Integer> stoppedIn = new LinkedHashMap<>();
    for (String s : SECTIONS) stoppedIn.put(s, 0);
    for (Invitation i : counted) {
      boolean begun = i.startedAt() != null;
      if (begun || i.linkHeld()) opened++;
      if (begun) started++;
      if (i.outcome() == Invitation.Outcome.STOPPED) stopped++;
      if (i.outcome() == Invitation.Outcome.FORGOTTEN) deleted++;
      if (i.status() == InvitationStatus.COMPLETED) {
        completed++;
        if (begun && i.completedAt() != null) toComplete.add(Duration.between(i.startedAt(), i.completedAt()));
      } else if (begun && sectionOf.containsKey(i.id())) {
        stoppedIn.merge(sectionOf.get(i.id()), 1, Integer::sum);
      }
    }
    Set<String> ids = counted.stream().map(Invitation::id).collect(Collectors.toSet());
    List<Alert> mine = alerts.stream().filter(a -> ids.contains(a.invitationId())).toList();
    List<Duration> toAck = mine.stream().filter(a -> !a.open()).map(a -> Duration.between(a.raisedAt(), a.acknowledgedAt())).toList();
    return new PracticeFigures(counted.size(), opened, started, completed, median(toComplete), stoppedIn, stopped, deleted,
        mine.size(), toAck.size(), median(toAck));
  }

  static Duration median(List<Duration> values) {
    if (values.isEmpty()) return null;
    List<Duration> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : sorted.get(n / 2 - 1).plus(sorted.get(n / 2)).dividedBy(2);
  }

  /** "12 min", "1 h 5 min", "40 s"; a dash for none. */
  static String words(Duration d) {
    if (d == null) return "–";
    long s = d.toSeconds();
    if (s < 60) return s + " s";
    long m = s / 60;
    return m < 60 ? m + " min" : (m / 60) + " h " + (m % 60) + " min";
  }

  /**
   * The funnel as a small server-rendered SVG (no chart service, no script): one bar per step, its
   * length the share of those invited. Numbers are in the text too, and in the page's table.
   */
  String funnelSvg() {
    String[] labels = {"Invited", "Opened", "Started", "Completed"};
    int[] values = {invited, opened, started, completed};
    int width = 480, barMax = 300, row = 34;
    StringBuilder svg = new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"" + width
        + "\" height=\"" + (row * 4 + 8) + "\" viewBox=\"0 0 " + width + " " + (row * 4 + 8) + "\" aria-label=\"");
    for (int k = 0; k < 4; k++) svg.append(labels[k]).append(' ').append(values[k]).append(k < 3 ? ", " : "");
    svg.append("\">");
    for (int k = 0; k < 4; k++) {
      int y = 4 + k * row;
      int w = invited == 0 ? 0 : Math.max(values[k] == 0 ? 0 : 2, values[k] * barMax / invited);
      svg.append("<text x=\"0\" y=\"").append(y + 21).append("\" font-size=\"15\" fill=\"#1d2733\">").append(labels[k]).append("</text>");
      svg.append("<rect x=\"100\" y=\"").append(y + 4).append("\" width=\"").append(w).append("\" height=\"24\" fill=\"#005eb8\"/>");
      svg.append("<text x=\"").append(108 + w).append("\" y=\"").append(y + 21).append("\" font-size=\"15\" fill=\"#1d2733\">")
          .append(values[k]).append("</text>");
    }
    return svg.append("</svg>").toString();
  }
}
