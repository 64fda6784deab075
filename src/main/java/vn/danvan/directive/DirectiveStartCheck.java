package vn.danvan.directive;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Set;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import vn.danvan.engine.DirectiveModels;
import vn.danvan.input.DeployedModelCheck;
import vn.danvan.input.ModelFindings;
import vn.danvan.input.ModelUnderCheck;

/**
 * A directive an administrator deploys (Camunda Modeler, {@code POST
 * /engine-rest/deployment/create}) composes the product's blocks; its start must check the number
 * and the issue date every deadline is read against. A process that calls a block and whose start
 * event lacks the start checks ({@code ${directiveStarted}}, the template "Văn bản được ban hành")
 * is refused (REST 400), naming the file, the start event and the listener: without them a start
 * with no number or date would be accepted and every deadline read against nothing.
 */
@Component
class DirectiveStartCheck extends DeployedModelCheck {

  private volatile Set<String> blocks;

  /** Each process of the file that calls a block without the start checks, at its start event. */
  @Override
  public void check(ModelUnderCheck model, ModelFindings findings) {
    for (Process process : model.model().getModelElementsByType(Process.class)) {
      if (blocks().contains(process.getId()) || !callsABlock(process)) {
        continue;
      }
      if (!DirectiveModels.isDirective(process)) {
        ModelElementInstance start =
            process.getChildElementsByType(StartEvent.class).stream()
                .findFirst()
                .<ModelElementInstance>map(event -> event)
                .orElse(process);
        findings.error(
            start,
            "camunda:executionListener",
            "quy trình "
                + process.getId()
                + " gọi các khối của sản phẩm nên sự kiện bắt đầu phải kiểm tra số và"
                + " ngày ban hành (mẫu \"Văn bản được ban hành\", trình nghe "
                + DirectiveModels.START_CHECKS
                + ")");
      }
    }
  }

  private boolean callsABlock(Process process) {
    return process.getModelInstance().getModelElementsByType(CallActivity.class).stream()
        .anyMatch(call -> blocks().contains(call.getCalledElement()));
  }

  /** The product's blocks: the processes of {@code processes/blocks/} on the class path. */
  Set<String> blocks() {
    Set<String> known = blocks;
    if (known == null) {
      known = new HashSet<>();
      try {
        for (Resource file :
            new PathMatchingResourcePatternResolver()
                .getResources("classpath*:processes/blocks/*.bpmn")) {
          try (InputStream in = file.getInputStream()) {
            Bpmn.readModelFromStream(in).getModelElementsByType(Process.class).stream()
                .map(Process::getId)
                .forEach(known::add);
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      blocks = Set.copyOf(known);
    }
    return known;
  }
}
