package vn.danvan.input;

import java.util.ArrayList;
import java.util.Set;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * Refuses to deploy a model whose call activity passes a block an input the product cannot read
 * ({@code <camunda:in target="…" sourceExpression="…"/>}): the block's own reading of the text
 * refuses it, and the refusal names the step ({@code Bước "…" (CallActivity_…): …}). An expression
 * (${…}, #{…}) is read when it is evaluated, at start. Each block says which inputs it reads and
 * how ({@link #targets()}, {@link #check}).
 */
public abstract class CallActivityInputCheck extends AbstractProcessEnginePlugin {

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

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPreBPMNParseListeners() == null) {
      configuration.setCustomPreBPMNParseListeners(new ArrayList<>());
    }
    configuration
        .getCustomPreBPMNParseListeners()
        .add(
            new AbstractBpmnParseListener() {
              @Override
              public void parseCallActivity(
                  Element element, ScopeImpl scope, ActivityImpl activity) {
                checkInputs(element);
              }
            });
  }

  private void checkInputs(Element element) {
    Element extensions = element.element("extensionElements");
    if (extensions == null) {
      return;
    }
    for (Element in : extensions.elementsNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "in")) {
      String target = in.attribute("target");
      String text = in.attribute("sourceExpression");
      if (target == null
          || !reads(target)
          || text != null && (text.contains("${") || text.contains("#{"))) {
        continue;
      }
      try {
        check(target, text);
      } catch (InvalidInputException e) {
        // a refusal of the model (REST: 400), not a server error
        throw new InvalidInputException(
            "Bước \""
                + element.attribute("name")
                + "\" ("
                + element.attribute("id")
                + "): "
                + e.getMessage());
      }
    }
  }
}
