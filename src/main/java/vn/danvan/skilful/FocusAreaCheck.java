package vn.danvan.skilful;

import static vn.danvan.skilful.SkilfulVariables.FOCUS_AREAS;

import java.util.Set;
import org.springframework.stereotype.Component;
import vn.danvan.input.CallActivityInputCheck;

/**
 * Refuses to deploy a model whose call activity lists focus areas ({@code <camunda:in
 * target="focusAreas" sourceExpression="…"/>}) the product cannot read, naming the step and the
 * field. Expressions (${…}) are checked at start.
 */
@Component
public class FocusAreaCheck extends CallActivityInputCheck {

  @Override
  protected Set<String> targets() {
    return Set.of(FOCUS_AREAS);
  }

  @Override
  protected void check(String target, String areas) {
    SkilfulFocus.parse(areas);
  }
}
