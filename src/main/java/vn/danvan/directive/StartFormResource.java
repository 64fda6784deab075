package vn.danvan.directive;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.ResourceTypes;
import org.springframework.stereotype.Component;
import vn.danvan.input.DeployedModelCheck;

/**
 * The directive's start form goes with every deployment of a model that asks for it: Tasklist reads
 * an {@code embedded:deployment:} form from the model's own deployment, and a directive deployed on
 * its own (from Camunda Modeler, or drafted from its text) would otherwise have none to start with.
 * The product's own deployment carries the form already.
 */
@Component
public class StartFormResource extends AbstractProcessEnginePlugin {

  /** The start form every directive's start event names (template *Văn bản được ban hành*). */
  static final String FORM = "forms/khoiTaoVanBan.html";

  static final String FORM_KEY = "embedded:deployment:" + FORM;

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPreDeployers() == null) {
      configuration.setCustomPreDeployers(new ArrayList<>());
    }
    configuration.getCustomPreDeployers().add(this::addForm);
  }

  void addForm(DeploymentEntity deployment) {
    if (!deployment.isNew()
        || deployment.getResources() == null
        || DeployedModelCheck.PRODUCT_MODELS.equals(deployment.getSource())
        || deployment.getResource(FORM) != null
        || deployment.getResources().values().stream().noneMatch(StartFormResource::asksForm)) {
      return;
    }
    ResourceEntity form = new ResourceEntity();
    form.setName(FORM);
    form.setBytes(form());
    form.setDeploymentId(deployment.getId());
    form.setType(ResourceTypes.REPOSITORY.getValue());
    form.setCreateTime(ClockUtil.getCurrentTime());
    Context.getCommandContext().getResourceManager().insertResource(form);
    deployment.addResource(form);
  }

  private static boolean asksForm(ResourceEntity resource) {
    String name = resource.getName();
    return (name.endsWith(".bpmn") || name.endsWith(".bpmn20.xml"))
        && resource.getBytes() != null
        && new String(resource.getBytes(), StandardCharsets.UTF_8).contains(FORM_KEY);
  }

  private static byte[] form() {
    try (InputStream in = StartFormResource.class.getClassLoader().getResourceAsStream(FORM)) {
      if (in == null) {
        throw new IllegalStateException("Không tìm thấy biểu mẫu khởi tạo văn bản " + FORM);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
