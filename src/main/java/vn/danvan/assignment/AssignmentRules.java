package vn.danvan.assignment;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;
import vn.danvan.org.OrgRegistry;
import vn.danvan.platform.InvalidInputException;

/**
 * Server-side checks of what starts and completes an assignment, whatever the client (Tasklist
 * forms validate in the browser only). Called from {@code assignment.bpmn} through the listener
 * beans of {@link AssignmentChecks}.
 */
@Component("assignmentRules")
public class AssignmentRules {

  private final OrgRegistry registry;

  public AssignmentRules(OrgRegistry registry) {
    this.registry = registry;
  }

  /**
   * leadBody: a body of the registry; taskContent: text; deadline: empty or yyyy-MM-dd (an
   * absent deadline is recorded as empty: no deadline).
   */
  public void checkStart(VariableScope vars) {
    String leadBody = text(vars, "leadBody", "Đơn vị chủ trì");
    if (registry.body(leadBody).isEmpty()) {
      throw new InvalidInputException("Đơn vị chủ trì \"" + leadBody
          + "\" không có trong sổ đăng ký tổ chức (leadBody)");
    }
    text(vars, "taskContent", "Nội dung nhiệm vụ");
    Object deadline = vars.getVariable("deadline");
    if (deadline == null) {
      vars.setVariable("deadline", "");
    } else if (!(deadline instanceof String s && isDateOrBlank(s))) {
      throw new InvalidInputException("Hạn hoàn thành \"" + deadline
          + "\" không hợp lệ: dùng định dạng yyyy-MM-dd hoặc để trống (deadline)");
    }
  }

  /** The staff's report must say something. */
  public void checkResult(VariableScope vars) {
    text(vars, "resultReport", "Báo cáo kết quả thực hiện");
  }

  /** The leader decides explicitly; a return says why. */
  public void checkReview(VariableScope vars) {
    if (!(vars.getVariable("approved") instanceof Boolean approved)) {
      throw new InvalidInputException(
          "Chưa chọn duyệt hay trả lại kết quả (approved phải là true hoặc false)");
    }
    if (!approved) {
      text(vars, "returnReason", "Lý do trả lại");
    }
  }

  private static String text(VariableScope vars, String name, String label) {
    Object value = vars.getVariable(name);
    if (!(value instanceof String s) || s.isBlank()) {
      throw new InvalidInputException(label + " là bắt buộc (" + name + ")");
    }
    return s.trim();
  }

  private static boolean isDateOrBlank(String value) {
    if (value.isBlank()) {
      return true;
    }
    try {
      LocalDate.parse(value.trim());
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }
}
