package vn.danvan.tracking;

import static vn.danvan.variable.SharedVariables.REPORT_FIGURES;

import java.util.Set;
import org.springframework.stereotype.Component;
import vn.danvan.input.CallActivityInputCheck;

/**
 * Refuses to deploy a model whose call activity declares figures the product cannot read ({@code
 * <camunda:in target="reportFigures" sourceExpression="…"/>}), naming the element and the item.
 * Expressions (${…}) are checked when the report starts.
 */
@Component
public class ReportFiguresCheck extends CallActivityInputCheck {

  @Override
  protected Set<String> targets() {
    return Set.of(REPORT_FIGURES);
  }

  @Override
  protected void check(String target, String declared) {
    if (declared != null) {
      ReportFigures.parse(declared);
    }
  }
}
