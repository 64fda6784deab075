package vn.danvan.directive;

import static vn.danvan.variable.SharedVariables.ISSUED_DATE;

import java.time.LocalDate;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.springframework.stereotype.Component;
import vn.danvan.deadline.Deadlines;
import vn.danvan.input.Inputs;
import vn.danvan.input.InvalidInputException;
import vn.danvan.org.IdentitySync;

/**
 * The directives in {@code processes/directives/}: each is started with its number as business key
 * and its issue date, from which every deadline of its wording is derived (the real dates of a
 * historical directive come back when its real issue date is given). The model's start event names
 * the number and date it is started with ({@link DirectiveIdentity}): the text's own, or assumed
 * where the text has none; the start form ({@code forms/khoiTaoVanBan.html}) shows them so. A
 * directive that starts gets its coordinators' Tasklist filter ({@link
 * IdentitySync#ensureDirectiveFilter}).
 */
@Component
public class Directives {

  private final IdentitySync identities;

  Directives(IdentitySync identities) {
    this.identities = identities;
  }

  /**
   * Start: the issue date and number are required; the blocks read their deadlines against the
   * date, written back as yyyy-MM-dd. A replay ({@code replayYears}, see {@link Deadlines#read}) is
   * checked here, before any block starts. A refusal names the values the model gives (assumed ones
   * as such). The rest of the record ({@link DirectiveRecord}) is checked and completed from the
   * model.
   */
  public void started(DelegateExecution execution) {
    Deadlines.replayYears(execution);
    DirectiveIdentity model =
        execution.getBpmnModelElementInstance() instanceof StartEvent start
            ? DirectiveIdentity.of(start)
            : DirectiveIdentity.NONE;
    LocalDate issued = Inputs.date(execution, ISSUED_DATE, "Ngày ban hành");
    if (issued == null) {
      throw new InvalidInputException(
          "Ngày ban hành là bắt buộc (issuedDate, yyyy-MM-dd): mọi"
              + " thời hạn của văn bản được tính từ ngày này"
              + model.dateHint());
    }
    if (!issued.toString().equals(execution.getVariable(ISSUED_DATE))) {
      execution.setVariable(ISSUED_DATE, issued.toString());
    }
    if (execution.getBusinessKey() == null || execution.getBusinessKey().isBlank()) {
      throw new InvalidInputException(
          "Số, ký hiệu văn bản là bắt buộc (businessKey), ví dụ 03/CT-UBND" + model.numberHint());
    }
    model.record().started(execution);
    identities.ensureDirectiveFilter(execution.getBusinessKey());
  }

  /** The number and date a deployed directive model names (the latest version of its key). */
  public static DirectiveIdentity identity(RepositoryService repository, String key) {
    ProcessDefinition definition =
        repository
            .createProcessDefinitionQuery()
            .processDefinitionKey(key)
            .latestVersion()
            .list()
            .stream()
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("Chưa triển khai mô hình " + key));
    return identity(repository.getBpmnModelInstance(definition.getId()), key);
  }

  /** The number and date the process {@code key} of a model names on its start event. */
  public static DirectiveIdentity identity(BpmnModelInstance model, String key) {
    Process process = model.getModelElementById(key);
    return process.getFlowElements().stream()
        .filter(StartEvent.class::isInstance)
        .map(StartEvent.class::cast)
        .map(DirectiveIdentity::of)
        .filter(DirectiveIdentity::named)
        .findFirst()
        .orElse(DirectiveIdentity.NONE);
  }
}
