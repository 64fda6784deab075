package vn.danvan.tracking;

import static vn.danvan.variable.SharedVariables.REPORT_FIGURES;

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
 * Refuses to deploy a model whose call activity declares figures the product cannot read ({@code
 * <camunda:in target="reportFigures" sourceExpression="…"/>}), naming the element and the item.
 * Expressions (${…}) are checked when the report starts.
 */
@Component
public class ReportFiguresCheck extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPreBPMNParseListeners() == null) {
      configuration.setCustomPreBPMNParseListeners(new ArrayList<>());
    }
    configuration.getCustomPreBPMNParseListeners().add(new Listener());
  }

  /** The parse listener itself (also usable alone in plain engine configurations). */
  public static class Listener extends AbstractBpmnParseListener {
    @Override
    public void parseCallActivity(Element element, ScopeImpl scope, ActivityImpl activity) {
      Element extensions = element.element("extensionElements");
      if (extensions == null) {
        return;
      }
      for (Element in : extensions.elementsNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "in")) {
        String declared = in.attribute("sourceExpression");
        if (REPORT_FIGURES.equals(in.attribute("target"))
            && declared != null
            && !declared.contains("${")
            && !declared.contains("#{")) {
          try {
            ReportFigures.parse(declared);
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
