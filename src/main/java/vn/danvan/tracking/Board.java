package vn.danvan.tracking;

import static vn.danvan.variable.SharedVariables.FANOUT_ID;
import static vn.danvan.variable.SharedVariables.LEAD_BODY;
import static vn.danvan.variable.SharedVariables.PERIOD_LABEL;
import static vn.danvan.variable.SharedVariables.REPORT_FIGURES;
import static vn.danvan.variable.SharedVariables.SUBMITTED_AT;
import static vn.danvan.variable.SharedVariables.TASK_CONTENT;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.springframework.stereotype.Component;
import vn.danvan.deadline.Deadlines;
import vn.danvan.input.Inputs;
import vn.danvan.org.OrgRegistry;

/**
 * The implementation board of one directive ("bảng theo dõi"): every piece of work its blocks gave
 * a body (assignments and fan-out members, a member handed over to a full assignment once), with
 * its derived status; per body the counts of each status, the on-time rate and the chases, for a
 * period; and the overdue list. Read from the engine's history, so finished work counts too.
 */
@Component
public class Board {

  private final Deadlines deadlines;
  private final OrgRegistry registry;
  private final BoardStore store;

  public Board(Deadlines deadlines, OrgRegistry registry, BoardStore store) {
    this.deadlines = deadlines;
    this.registry = registry;
    this.store = store;
  }

  /** One piece of work of one body. */
  public record Item(
      String instanceId,
      String body,
      String bodyName,
      String step,
      LocalDate deadline,
      WorkStatus status,
      String statusLabel,
      long daysOverdue) {}

  /**
   * A body's figures in the period.
   *
   * @param ended the body's last day (dd/mm/yyyy) when it has ended, else null: its rows are its
   *     history, its open work went to {@code successorName}
   */
  public record BodyFigures(
      String body,
      String bodyName,
      Map<WorkStatus, Integer> counts,
      int total,
      Integer onTimeRate,
      int chases,
      String ended,
      String successorName) {

    /** The name to print: an ended body says so and names its successor. */
    public String label() {
      return ended == null
          ? bodyName
          : bodyName
              + " (đã kết thúc "
              + ended
              + (successorName == null ? "" : "; kế thừa: " + successorName)
              + ")";
    }
  }

  /** The board: its steps (columns), items (cells), the bodies' figures and the overdue list. */
  public record View(
      String directive,
      String period,
      String periodLabel,
      Instant at,
      List<String> steps,
      List<Item> items,
      List<BodyFigures> bodies,
      List<Item> overdue,
      List<FigureRound> figures,
      List<QuarterTrend.Quarter> trend) {}

  /**
   * A round of a periodic report that asks for figures: each body's last submitted figures and
   * their totals (of the bodies the reader sees).
   */
  public record FigureRound(
      String periodLabel,
      LocalDate deadline,
      List<ReportFigures.Figure> figures,
      List<ReportFigures.Row> rows,
      Map<String, Long> totals) {}

  /**
   * @param directive its number (the business key of all its work)
   * @param period null for every deadline
   * @param visible which bodies' rows the reader may see
   */
  public View of(String directive, ReportPeriod period, Predicate<String> visible) {
    Map<String, String> kinds = new HashMap<>();
    Map<String, Map<String, Object>> vars = new HashMap<>();
    store.read(directive, kinds, vars);
    Instant now = deadlines.now().toInstant();
    LocalDate today = deadlines.today();
    List<Item> items = new ArrayList<>();
    Map<String, Integer> chases = new HashMap<>();
    Map<String, List<String>> figureMembers = new TreeMap<>();
    QuarterTrend trend = new QuarterTrend();
    for (Map.Entry<String, String> instance : kinds.entrySet()) {
      Map<String, Object> v = vars.getOrDefault(instance.getKey(), Map.of());
      String body = (String) v.get(LEAD_BODY);
      LocalDate deadline = WorkVariables.deadline(v);
      if (body == null || !visible.test(body)) {
        continue;
      }
      boolean chase = WorkVariables.CHASE.equals(instance.getValue());
      boolean counted = !chase && !WorkVariables.handedOver(instance.getValue(), v);
      // the trend is of every quarter, whatever the period
      WorkStatus status = counted ? WorkVariables.status(v, deadlines, now) : null;
      if (counted) {
        trend.add(deadline, status);
      }
      if (period != null && !period.contains(deadline)) {
        continue;
      }
      if (chase) {
        chases.merge(body, 1, Integer::sum);
        continue;
      }
      if (v.get(REPORT_FIGURES) != null && v.get(SUBMITTED_AT) != null) {
        figureMembers
            .computeIfAbsent(String.valueOf(v.get(FANOUT_ID)), f -> new ArrayList<>())
            .add(instance.getKey());
      }
      if (!counted) {
        continue;
      }
      Instant submitted = WorkVariables.instant(v.get(SUBMITTED_AT));
      long late = 0;
      if (status == WorkStatus.OPEN_OVERDUE) {
        late = ChronoUnit.DAYS.between(deadline, today);
      } else if (status == WorkStatus.DONE_LATE && submitted != null) {
        late = ChronoUnit.DAYS.between(deadline, submitted.atZone(Deadlines.ZONE).toLocalDate());
      }
      items.add(
          new Item(
              instance.getKey(),
              body,
              name(body),
              String.valueOf(v.get(TASK_CONTENT)),
              deadline,
              status,
              status.label(),
              late));
    }
    items.sort(Comparator.comparing(Item::bodyName).thenComparing(Item::step));
    Set<String> steps = new LinkedHashSet<>();
    items.stream()
        .sorted(
            Comparator.comparing(Item::deadline, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(Item::step))
        .forEach(i -> steps.add(i.step()));
    Map<String, List<Item>> byBody = new TreeMap<>();
    items.forEach(i -> byBody.computeIfAbsent(i.body(), b -> new ArrayList<>()).add(i));
    chases.keySet().forEach(b -> byBody.computeIfAbsent(b, x -> new ArrayList<>()));
    List<BodyFigures> bodies = new ArrayList<>();
    byBody.forEach((body, list) -> bodies.add(figures(body, list, chases.getOrDefault(body, 0))));
    bodies.sort(Comparator.comparing(BodyFigures::bodyName));
    List<Item> overdue =
        items.stream()
            .filter(i -> i.status() == WorkStatus.OPEN_OVERDUE)
            .sorted(Comparator.comparingLong(Item::daysOverdue).reversed())
            .toList();
    return new View(
        directive,
        period == null ? "" : period.code(),
        period == null ? "Mọi thời hạn" : period.label(),
        now,
        List.copyOf(steps),
        items,
        bodies,
        overdue,
        figureRounds(directive, figureMembers, vars),
        trend.quarters());
  }

  /**
   * The overdue work (as on each directive's board: open past its deadline, in the period) of the
   * bodies the reader sees, per directive.
   *
   * @param directives the directives' numbers
   * @param period null for every deadline
   * @return directive → its overdue work, for every directive asked
   */
  public Map<String, Integer> overdueByDirective(
      List<String> directives, ReportPeriod period, Predicate<String> visible) {
    Map<String, Integer> overdue = new HashMap<>();
    directives.forEach(d -> overdue.put(d, 0));
    Map<String, String> kinds = new HashMap<>();
    Map<String, String> keys = new HashMap<>();
    Map<String, Map<String, Object>> vars = new HashMap<>();
    store.readUnsubmitted(directives, kinds, keys, vars);
    Instant now = deadlines.now().toInstant();
    kinds.forEach(
        (instance, kind) -> {
          Map<String, Object> v = vars.get(instance);
          String body = (String) v.get(LEAD_BODY);
          if (body != null
              && visible.test(body)
              && !WorkVariables.handedOver(kind, v)
              && (period == null || period.contains(WorkVariables.deadline(v)))
              && WorkVariables.status(v, deadlines, now) == WorkStatus.OPEN_OVERDUE) {
            overdue.merge(keys.get(instance), 1, Integer::sum);
          }
        });
    return overdue;
  }

  /** Per round with figures: each body's last submitted figures, and the totals. */
  private List<FigureRound> figureRounds(
      String directive, Map<String, List<String>> rounds, Map<String, Map<String, Object>> vars) {
    if (rounds.isEmpty()) {
      return List.of();
    }
    Map<String, String> answers = store.readFigures(directive);
    List<FigureRound> list = new ArrayList<>();
    for (List<String> members : rounds.values()) {
      Map<String, String> latest = new HashMap<>();
      Map<String, Instant> when = new HashMap<>();
      for (String member : members) {
        Map<String, Object> v = vars.get(member);
        String body = (String) v.get(LEAD_BODY);
        Instant submitted = WorkVariables.instant(v.get(SUBMITTED_AT));
        if (answers.containsKey(member)
            && (!when.containsKey(body) || submitted.isAfter(when.get(body)))) {
          when.put(body, submitted);
          latest.put(body, answers.get(member));
        }
      }
      Map<String, Object> first = vars.get(members.get(0));
      List<ReportFigures.Figure> figures;
      try {
        figures = ReportFigures.parse((String) first.get(REPORT_FIGURES));
      } catch (vn.danvan.input.InvalidInputException unreadable) {
        continue; // checked at start: not reached
      }
      List<ReportFigures.Row> rows = new ArrayList<>();
      latest.forEach(
          (body, json) ->
              rows.add(new ReportFigures.Row(body, name(body), ReportFigures.stored(json))));
      rows.sort(Comparator.comparing(ReportFigures.Row::bodyName));
      ReportFigures.Table table = ReportFigures.table(figures, rows);
      list.add(
          new FigureRound(
              String.valueOf(first.get(PERIOD_LABEL)),
              WorkVariables.deadline(first),
              figures,
              table.rows(),
              table.totals()));
    }
    list.sort(
        Comparator.comparing(
            FigureRound::deadline, Comparator.nullsLast(Comparator.naturalOrder())));
    return list;
  }

  private BodyFigures figures(String body, List<Item> items, int chases) {
    Map<WorkStatus, Integer> counts = new EnumMap<>(WorkStatus.class);
    for (WorkStatus status : WorkStatus.values()) {
      counts.put(status, 0);
    }
    items.forEach(i -> counts.merge(i.status(), 1, Integer::sum));
    int onTime = counts.get(WorkStatus.DONE_ON_TIME);
    int judged = onTime + counts.get(WorkStatus.DONE_LATE) + counts.get(WorkStatus.OPEN_OVERDUE);
    OrgRegistry.Body known = registry.body(body).orElse(null);
    boolean ended = known != null && known.hasEndedBy(deadlines.today());
    return new BodyFigures(
        body,
        name(body),
        counts,
        items.size(),
        judged == 0 ? null : Math.round(100f * onTime / judged),
        chases,
        ended ? Inputs.day(known.validTo()) : null,
        ended && known.successor() != null ? name(known.successor()) : null);
  }

  private String name(String body) {
    return registry.body(body).map(OrgRegistry.Body::name).orElse(body);
  }
}
