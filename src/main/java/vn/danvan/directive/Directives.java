package vn.danvan.directive;

import static vn.danvan.variable.SharedVariables.ISSUED_DATE;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import vn.danvan.deadline.Deadlines;
import vn.danvan.input.Inputs;
import vn.danvan.input.InvalidInputException;

/**
 * The directives in {@code processes/directives/}: each is started with its number as business key
 * and its issue date, from which every deadline of its wording is derived (the real dates of a
 * historical directive come back when its real issue date is given).
 */
@Component
public class Directives {

  /**
   * Start: the issue date is required; the blocks read their deadlines against it. A replay ({@code
   * replayYears}, see {@link Deadlines#read}) is checked here, before any block starts.
   */
  public void started(DelegateExecution execution) {
    Deadlines.replayYears(execution);
    if (Inputs.date(execution, ISSUED_DATE, "Ngày ban hành") == null) {
      throw new InvalidInputException(
          "Ngày ban hành là bắt buộc (issuedDate, yyyy-MM-dd): mọi"
              + " thời hạn của văn bản được tính từ ngày này");
    }
    if (execution.getBusinessKey() == null || execution.getBusinessKey().isBlank()) {
      throw new InvalidInputException(
          "Số, ký hiệu văn bản là bắt buộc (businessKey), ví dụ 03/CT-UBND");
    }
  }
}
