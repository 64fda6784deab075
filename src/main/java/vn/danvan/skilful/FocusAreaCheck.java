package vn.danvan.skilful;

import static vn.danvan.skilful.SkilfulVariables.FOCUS_AREAS;

import java.util.ArrayList;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;
import vn.danvan.input.InvalidInputException;

/**
 * Refuses to deploy a model whose call activity lists focus areas ({@code <camunda:in
 * target="focusAreas" sourceExpression="…"/>}) the product cannot read, naming the step and the
 * field. Expressions (${…}) are checked at start.
 */
@Component
public class FocusAreaCheck extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPreBPMNParseListeners() == null) {
      configuration.setCustomPreBPMNParseListeners(new ArrayList<>());
    }
    configuration.getCustomPreBPMNParseListeners().add(new Listener());
  }

  /** The parse listener itself. */
  public static class Listener extends AbstractBpmnParseListener {
    @Override
    public void parseCallActivity(Element element, ScopeImpl scope, ActivityImpl activity) {
      Element extensions = element.element("extensionElements");
      if (extensions == null) {
        return;
      }
      for (Element in : extensions.elementsNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "in")) {
        String text = in.attribute("sourceExpression");
        if (FOCUS_AREAS.equals(in.attribute("target"))
            && (text == null || (!text.contains("${") && !text.contains("#{")))) {
          try {
            SkilfulFocus.parse(text);
          } catch (InvalidInputException e) {
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
  }
}
