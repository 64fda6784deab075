package vn.danvan.deadline;

import static vn.danvan.variable.SharedVariables.CYCLE_PHRASE;
import static vn.danvan.variable.SharedVariables.DEADLINE_PHRASE;
import static vn.danvan.variable.SharedVariables.END_DATE;
import static vn.danvan.variable.SharedVariables.MILESTONE_PHRASE;

import java.time.LocalDate;
import java.util.Set;
import org.springframework.stereotype.Component;
import vn.danvan.input.CallActivityInputCheck;

/**
 * Refuses to deploy a model whose call activity passes a deadline phrase the product cannot read
 * ({@code <camunda:in target="deadlinePhrase" sourceExpression="…"/>}), quoting it. Expressions
 * (${…}) are checked when they are evaluated, at start.
 */
@Component
public class DeadlinePhraseCheck extends CallActivityInputCheck {

  static final Set<String> PHRASE_TARGETS =
      Set.of(DEADLINE_PHRASE, CYCLE_PHRASE, MILESTONE_PHRASE, END_DATE);

  @Override
  protected Set<String> targets() {
    return PHRASE_TARGETS;
  }

  @Override
  protected void check(String target, String phrase) {
    if (phrase != null && !phrase.isBlank()) {
      DeadlinePhrases.parse(phrase, LocalDate.of(2000, 1, 1));
    }
  }
}
