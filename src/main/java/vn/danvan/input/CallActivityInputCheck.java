package vn.danvan.input;

import java.util.Map;
import java.util.Set;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaIn;

/**
 * Checks what a call activity passes a block ({@code <camunda:in target="…"
 * sourceExpression="…"/>}): the block's own reading of the text refuses what it cannot read, and
 * the refusal names the file, the step and the field. An expression (${…}, #{…}) is read when it is
 * evaluated, at start. Each block says which inputs it reads and how ({@link #targets()}, {@link
 * #check(String, String)}); a check that also warns reads the whole call ({@link #check(Input,
 * ModelFindings)}).
 */
public abstract class CallActivityInputCheck extends DeployedModelCheck {

  /** The inputs ({@code target}) this check reads. */
  protected abstract Set<String> targets();

  /** Whether this check reads the input {@code target} (by default: one of {@link #targets()}). */
  protected boolean reads(String target) {
    return targets().contains(target);
  }

  /**
   * Reads one input's text (null when the call activity gives none) as its block will; throws
   * {@link InvalidInputException} when it cannot.
   */
  protected abstract void check(String target, String text);

  /**
   * One input of a call activity.
   *
   * @param inputs every input of the same call given as fixed text, target → text
   */
  public record Input(
      ModelUnderCheck model,
      CallActivity call,
      String target,
      String text,
      Map<String, String> inputs) {}

  /** Reads one input; by default an error when {@link #check(String, String)} refuses it. */
  protected void check(Input input, ModelFindings findings) {
    try {
      check(input.target(), input.text());
    } catch (InvalidInputException e) {
      findings.error(input.call(), input.target(), e.getMessage());
    }
  }

  /** Checks a call as a whole, once, before its inputs (by default: nothing). */
  protected void checkCall(ModelUnderCheck model, CallActivity call, ModelFindings findings) {}

  @Override
  public void check(ModelUnderCheck model, ModelFindings findings) {
    for (CallActivity call : model.model().getModelElementsByType(CallActivity.class)) {
      checkCall(model, call, findings);
      Map<String, String> inputs = ModelUnderCheck.fixedInputs(call);
      for (CamundaIn in : ModelUnderCheck.ins(call)) {
        String target = in.getCamundaTarget();
        String text = in.getCamundaSourceExpression();
        if (target == null || !reads(target) || ModelUnderCheck.isExpression(text)) {
          continue;
        }
        check(new Input(model, call, target, text, inputs), findings);
      }
    }
  }
}
