package vn.danvan.deadline;

import static vn.danvan.variable.SharedVariables.CYCLE_PHRASE;
import static vn.danvan.variable.SharedVariables.DEADLINE_PHRASE;
import static vn.danvan.variable.SharedVariables.END_DATE;
import static vn.danvan.variable.SharedVariables.MILESTONE_PHRASE;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.springframework.stereotype.Component;
import vn.danvan.deadline.Schedule.Every;
import vn.danvan.deadline.Schedule.Once;
import vn.danvan.input.CallActivityInputCheck;
import vn.danvan.input.Inputs;
import vn.danvan.input.InvalidInputException;
import vn.danvan.input.ModelFindings;
import vn.danvan.input.ModelUnderCheck;

/**
 * Refuses to deploy a model whose call activity passes a deadline phrase the product cannot read
 * ({@code <camunda:in target="deadlinePhrase" sourceExpression="…"/>}), quoting it. Every input
 * that carries a phrase is read: the shared ones ({@link #PHRASE_TARGETS}) and, by their names,
 * each block's own ({@code selfAssessmentDeadline}, {@code registrationDeadline}, {@code
 * contestCycle}, {@code resultsEndDate}…: {@link #PHRASE_NAMES}). Expressions (${…}) are checked
 * when they are evaluated, at start.
 *
 * <p>Phrases that read but cannot mean what the text wants are warnings, read against the
 * directive's issue date (today when the model names none): a one-off date before it, an end date
 * before a cycle's first period, a review milestone after the directive's last end date, and a
 * block that needs a phrase ({@link #REQUIRED}) given none.
 */
@Component
public class DeadlinePhraseCheck extends CallActivityInputCheck {

  static final Set<String> PHRASE_TARGETS =
      Set.of(DEADLINE_PHRASE, CYCLE_PHRASE, MILESTONE_PHRASE, END_DATE);

  /** A block's own phrase inputs, named as the shared ones are: …Deadline, …Cycle, …EndDate. */
  static final Pattern PHRASE_NAMES = Pattern.compile("[a-z][A-Za-z]*(Deadline|Cycle|EndDate)");

  /** The phrases a block refuses to start without, by the block's process id. */
  static final Map<String, List<String>> REQUIRED =
      Map.of(
          "inspection", List.of(DEADLINE_PHRASE),
          "periodicReport", List.of(CYCLE_PHRASE, END_DATE),
          "reviewMilestone", List.of(MILESTONE_PHRASE));

  private final Deadlines deadlines;

  public DeadlinePhraseCheck(Deadlines deadlines) {
    this.deadlines = deadlines;
  }

  @Override
  protected Set<String> targets() {
    return PHRASE_TARGETS;
  }

  @Override
  protected boolean reads(String target) {
    return carriesPhrase(target);
  }

  /** Whether a call activity's input of this name carries a deadline or cycle phrase. */
  public static boolean carriesPhrase(String target) {
    return PHRASE_TARGETS.contains(target) || PHRASE_NAMES.matcher(target).matches();
  }

  @Override
  protected void check(String target, String phrase) {
    if (phrase != null && !phrase.isBlank()) {
      DeadlinePhrases.parse(phrase, LocalDate.of(2000, 1, 1));
    }
  }

  @Override
  protected void check(Input input, ModelFindings findings) {
    String phrase = input.text();
    if (phrase == null || phrase.isBlank()) {
      return;
    }
    LocalDate from = from(input.model());
    Schedule schedule;
    try {
      schedule = DeadlinePhrases.parse(phrase, from);
    } catch (InvalidInputException e) {
      findings.error(input.call(), input.target(), e.getMessage());
      return;
    }
    if (schedule instanceof Once once && once.due().isBefore(from)) {
      findings.warning(
          input.call(),
          input.target(),
          "\""
              + phrase.trim()
              + "\" là ngày "
              + Inputs.day(once.due())
              + ", trước "
              + since(input.model(), from)
              + ": việc sẽ quá hạn ngay khi bắt đầu");
    }
    if (END_DATE.equals(input.target()) && schedule instanceof Once end) {
      cyclesEndingEarly(input, end.due(), from, findings);
    }
    if (MILESTONE_PHRASE.equals(input.target()) && schedule instanceof Once milestone) {
      lastEnd(input.model(), from)
          .filter(end -> milestone.due().isAfter(end))
          .ifPresent(
              end ->
                  findings.warning(
                      input.call(),
                      input.target(),
                      "mốc \""
                          + phrase.trim()
                          + "\" (hạn "
                          + Inputs.day(milestone.due())
                          + ") sau thời điểm kết thúc của văn bản ("
                          + Inputs.day(end)
                          + ", endDate): các báo cáo, kiểm tra đã dừng trước mốc này"));
    }
  }

  /** A cycle of the same call (cyclePhrase, deadlinePhrase…) with no period before the end. */
  private void cyclesEndingEarly(
      Input input, LocalDate end, LocalDate from, ModelFindings findings) {
    for (Map.Entry<String, String> other : input.inputs().entrySet()) {
      if (other.getKey().equals(END_DATE) || !reads(other.getKey())) {
        continue;
      }
      if (read(other.getValue(), from) instanceof Every cycle
          && cycle.periods(from, end).isEmpty()) {
        findings.warning(
            input.call(),
            END_DATE,
            "thời điểm kết thúc "
                + Inputs.day(end)
                + " trước kỳ đầu tiên của \""
                + other.getValue().trim()
                + "\" ("
                + other.getKey()
                + ") tính từ "
                + since(input.model(), from)
                + ": không có kỳ nào");
      }
    }
  }

  @Override
  protected void checkCall(ModelUnderCheck model, CallActivity call, ModelFindings findings) {
    for (String target : REQUIRED.getOrDefault(call.getCalledElement(), List.of())) {
      if (!ModelUnderCheck.gives(call, target)) {
        findings.warning(
            call,
            target,
            "khối "
                + call.getCalledElement()
                + " cần thời hạn này: không có, việc sẽ bị từ chối khi văn bản bắt đầu");
      }
    }
  }

  /**
   * The last day a call's fixed inputs name: the latest one-off date among its phrases and its end
   * date (a cycle alone names none); empty when it names none or none reads.
   */
  public static Optional<LocalDate> lastDay(Map<String, String> inputs, LocalDate issued) {
    LocalDate last = null;
    for (Map.Entry<String, String> input : inputs.entrySet()) {
      boolean phrase =
          PHRASE_TARGETS.contains(input.getKey()) || PHRASE_NAMES.matcher(input.getKey()).matches();
      if (phrase
          && read(input.getValue(), issued) instanceof Once once
          && (last == null || once.due().isAfter(last))) {
        last = once.due();
      }
    }
    return Optional.ofNullable(last);
  }

  /** The issue date the model's deadlines are read against: its own, or today. */
  public LocalDate from(ModelUnderCheck model) {
    return model.issued() != null ? model.issued() : deadlines.today();
  }

  /** The directive's last end date ({@code endDate} of any of its calls), if it names one. */
  private static Optional<LocalDate> lastEnd(ModelUnderCheck model, LocalDate from) {
    return model.model().getModelElementsByType(CallActivity.class).stream()
        .map(call -> ModelUnderCheck.fixedInputs(call).get(END_DATE))
        .filter(end -> end != null && !end.isBlank())
        .map(end -> read(end, from))
        .filter(Once.class::isInstance)
        .map(once -> ((Once) once).due())
        .max(LocalDate::compareTo);
  }

  private static String since(ModelUnderCheck model, LocalDate from) {
    return model.issued() != null
        ? "ngày ban hành " + Inputs.day(from)
        : "hôm nay " + Inputs.day(from) + " (mô hình không nêu ngày ban hành)";
  }

  /** A phrase's schedule, or null when it does not read (an error reported on its own). */
  private static Schedule read(String phrase, LocalDate issued) {
    if (phrase == null || phrase.isBlank()) {
      return null;
    }
    try {
      return DeadlinePhrases.parse(phrase, issued);
    } catch (InvalidInputException e) {
      return null;
    }
  }
}
