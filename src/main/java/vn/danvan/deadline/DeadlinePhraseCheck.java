package vn.danvan.deadline;

import static vn.danvan.variable.SharedVariables.CYCLE_PHRASE;
import static vn.danvan.variable.SharedVariables.DEADLINE_PHRASE;
import static vn.danvan.variable.SharedVariables.END_DATE;
import static vn.danvan.variable.SharedVariables.MILESTONE_PHRASE;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
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
 * Refuses to deploy a model whose call activity passes a deadline phrase the product cannot read
 * ({@code <camunda:in target="deadlinePhrase" sourceExpression="…"/>}), quoting it. Expressions
 * (${…}) are checked when they are evaluated, at start.
 */
@Component
public class DeadlinePhraseCheck extends AbstractProcessEnginePlugin {

  static final Set<String> PHRASE_TARGETS =
      Set.of(DEADLINE_PHRASE, CYCLE_PHRASE, MILESTONE_PHRASE, END_DATE);

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
      List<Element> ins = extensions.elementsNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "in");
      for (Element in : ins) {
        String target = in.attribute("target");
        String phrase = in.attribute("sourceExpression");
        if (target != null
            && PHRASE_TARGETS.contains(target)
            && phrase != null
            && !phrase.contains("${")
            && !phrase.contains("#{")
            && !phrase.isBlank()) {
          try {
            DeadlinePhrases.parse(phrase, LocalDate.of(2000, 1, 1));
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
  }
}
