package vn.danvan.input;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.xml.ModelException;

/**
 * A check of the BPMN models an administrator deploys (Camunda Modeler, {@code POST
 * /engine-rest/deployment/create}), before anything of the deployment is stored: every problem of
 * every model is named, and the deployment refused (REST 400). The product's own models ({@code
 * danvan-models}, deployed at start-up) are the demo province's samples: they are checked when they
 * are started, so that a province with its own registry still starts.
 */
public abstract class DeployedModelCheck extends AbstractProcessEnginePlugin {

  /** The source of the product's own deployment (ModelDeployer). */
  public static final String PRODUCT_MODELS = "danvan-models";

  /** The problems of one model, each naming the file and the place; none: an empty list. */
  protected abstract List<String> problems(String file, BpmnModelInstance model);

  /** The refusal's message for the problems found. */
  protected String refusal(List<String> problems) {
    return String.join("; ", problems);
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPreDeployers() == null) {
      configuration.setCustomPreDeployers(new ArrayList<>());
    }
    configuration.getCustomPreDeployers().add(this::check);
  }

  void check(DeploymentEntity deployment) {
    if (!deployment.isNew()
        || deployment.getResources() == null
        || PRODUCT_MODELS.equals(deployment.getSource())) {
      return;
    }
    List<String> problems = new ArrayList<>();
    for (ResourceEntity resource : deployment.getResources().values()) {
      if (resource.getName().endsWith(".bpmn") || resource.getName().endsWith(".bpmn20.xml")) {
        problems.addAll(problems(resource.getName(), resource.getBytes()));
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(refusal(problems));
    }
  }

  /** The problems of one file's bytes (none when it is no readable model: ModelFileCheck says). */
  public List<String> problems(String file, byte[] content) {
    BpmnModelInstance model;
    try {
      model = Bpmn.readModelFromStream(new ByteArrayInputStream(content));
    } catch (ModelException unreadable) {
      return List.of(); // ModelFileCheck names the file and the place
    }
    return problems(file, model);
  }
}
