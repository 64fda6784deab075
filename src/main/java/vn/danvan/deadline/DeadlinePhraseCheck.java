package vn.danvan.deadline;

import static vn.danvan.variable.SharedVariables.CYCLE_PHRASE;
import static vn.danvan.variable.SharedVariables.DEADLINE_PHRASE;
import static vn.danvan.variable.SharedVariables.END_DATE;
import static vn.danvan.variable.SharedVariables.MILESTONE_PHRASE;

import java.time.LocalDate;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import vn.danvan.input.CallActivityInputCheck;

/**
 * Refuses to deploy a model whose call activity passes a deadline phrase the product cannot read
 * ({@code <camunda:in target="deadlinePhrase" sourceExpression="…"/>}), quoting it. Every input
 * that carries a phrase is read: the shared ones ({@link #PHRASE_TARGETS}) and, by their names,
 * each block's own ({@code selfAssessmentDeadline}, {@code registrationDeadline}, {@code
 * contestCycle}, {@code resultsEndDate}…: {@link #PHRASE_NAMES}). Expressions (${…}) are checked
 * when they are evaluated, at start.
 */
@Component
public class DeadlinePhraseCheck extends CallActivityInputCheck {

  static final Set<String> PHRASE_TARGETS =
      Set.of(DEADLINE_PHRASE, CYCLE_PHRASE, MILESTONE_PHRASE, END_DATE);

  /** A block's own phrase inputs, named as the shared ones are: …Deadline, …Cycle, …EndDate. */
  static final Pattern PHRASE_NAMES = Pattern.compile("[a-z][A-Za-z]*(Deadline|Cycle|EndDate)");

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
}
