package vn.danvan.engine;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.xml.ModelException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import vn.danvan.input.DeployedModelCheck;
import vn.danvan.input.InvalidInputException;
import vn.danvan.input.ModelFinding;
import vn.danvan.input.ModelFindings;
import vn.danvan.input.ModelUnderCheck;

/**
 * Runs every {@link DeployedModelCheck} on the BPMN files of a new deployment before anything of it
 * is stored: any error refuses it (REST 400, every error of every file named), warnings are logged
 * (WARN, with the deployment's name and id) and the deployment goes ahead. The same checks answer
 * {@code POST /api/mo-hinh/kiem-tra} without deploying, and the warnings of a deployment later on.
 * A model is checked against its directive's issue date: the start event's {@code ngayBanHanh},
 * else the date asked for, else today.
 */
@Component
public class ModelChecks extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(ModelChecks.class);

  private final List<DeployedModelCheck> checks;

  public ModelChecks(List<DeployedModelCheck> checks) {
    this.checks = List.copyOf(checks);
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPreDeployers() == null) {
      configuration.setCustomPreDeployers(new ArrayList<>());
    }
    configuration.getCustomPreDeployers().add(this::deployed);
  }

  /** Whether a resource is a BPMN model the checks read. */
  public static boolean isModel(String name) {
    return name.endsWith(".bpmn") || name.endsWith(".bpmn20.xml");
  }

  void deployed(DeploymentEntity deployment) {
    if (!deployment.isNew()
        || deployment.getResources() == null
        || DeployedModelCheck.PRODUCT_MODELS.equals(deployment.getSource())) {
      return;
    }
    List<ModelFinding> errors = new ArrayList<>();
    List<ModelFinding> warnings = new ArrayList<>();
    for (ResourceEntity resource : deployment.getResources().values()) {
      if (!isModel(resource.getName())) {
        continue;
      }
      BpmnModelInstance model;
      try {
        model = Bpmn.readModelFromStream(new ByteArrayInputStream(resource.getBytes()));
      } catch (ModelException unreadable) {
        continue; // ModelFileCheck names the file and the place
      }
      ModelFindings found = check(resource.getName(), model, null);
      errors.addAll(found.errors());
      warnings.addAll(found.warnings());
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(
          String.join("; ", errors.stream().map(ModelFinding::text).toList()));
    }
    for (ModelFinding warning : warnings) {
      LOG.warn(
          "Triển khai \"{}\" ({}): cảnh báo: {}",
          deployment.getName(),
          deployment.getId(),
          warning.text());
    }
  }

  /**
   * Checks one file's bytes as a deployment would, without deploying.
   *
   * @param issued the issue date to read the deadlines against when the model names none; null:
   *     today
   * @throws InvalidInputException when the file is no readable BPMN model
   */
  public ModelFindings check(String file, byte[] content, LocalDate issued) {
    ModelFileCheck.xml(file, content);
    BpmnModelInstance model;
    try {
      model = Bpmn.readModelFromStream(new ByteArrayInputStream(content));
    } catch (ModelException e) {
      throw new InvalidInputException(
          "Tệp " + file + " không phải mô hình BPMN đọc được: " + e.getMessage());
    }
    return check(file, model, issued);
  }

  ModelFindings check(String file, BpmnModelInstance model, LocalDate issued) {
    ModelFindings findings = new ModelFindings(file);
    LocalDate own = issuedOf(model, findings);
    ModelUnderCheck checked = new ModelUnderCheck(file, model, own != null ? own : issued);
    for (DeployedModelCheck check : checks) {
      check.check(checked, findings);
    }
    return findings;
  }

  /** The issue date a directive's start event names ({@code ngayBanHanh}), or null. */
  private static LocalDate issuedOf(BpmnModelInstance model, ModelFindings findings) {
    for (Process process : model.getModelElementsByType(Process.class)) {
      if (!DirectiveModels.isDirective(process)) {
        continue;
      }
      for (StartEvent start : process.getChildElementsByType(StartEvent.class)) {
        String issued = ModelUnderCheck.properties(start).get(ModelUnderCheck.ISSUED_PROPERTY);
        if (issued == null || issued.isBlank()) {
          continue;
        }
        try {
          return LocalDate.parse(issued.trim());
        } catch (DateTimeParseException e) {
          findings.error(
              start,
              ModelUnderCheck.ISSUED_PROPERTY,
              "ngày ban hành \""
                  + issued
                  + "\" không đọc được: viết dạng yyyy-MM-dd, ví dụ 2016-07-25");
        }
      }
    }
    return null;
  }
}
