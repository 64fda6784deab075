package vn.danvan.review;

import static vn.danvan.review.ReviewVariables.DRAFTING_BODY;
import static vn.danvan.review.ReviewVariables.LEADERSHIP_BODY;
import static vn.danvan.review.ReviewVariables.REVIEW_KIND;
import static vn.danvan.review.ReviewVariables.REVIEW_OPENS;
import static vn.danvan.review.ReviewVariables.REVIEW_TASK;
import static vn.danvan.variable.SharedVariables.LEADER_REVIEW;
import static vn.danvan.variable.SharedVariables.MILESTONE_PHRASE;
import static vn.danvan.variable.SharedVariables.REVIEW_DUE;
import static vn.danvan.variable.SharedVariables.TASK_CONTENT;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;
import vn.danvan.deadline.Deadlines;
import vn.danvan.deadline.Schedule;
import vn.danvan.input.Inputs;
import vn.danvan.input.InvalidInputException;
import vn.danvan.org.BodiesInForce;

/**
 * Review milestones ("sơ kết", "tổng kết", e.g. "tổng kết vào quý III/2020"): when the window
 * opens, the drafting body drafts with the contributing bodies (the assignment block), then the
 * leadership concludes.
 */
@Component("reviews")
public class Reviews {

  private final BodiesInForce inForce;
  private final Deadlines deadlines;

  public Reviews(BodiesInForce inForce, Deadlines deadlines) {
    this.inForce = inForce;
    this.deadlines = deadlines;
  }

  /**
   * milestonePhrase (one-off), issuedDate, draftingBody, leadershipBody, reviewKind, the drafting
   * body leader's review (yes/no).
   */
  public void started(DelegateExecution execution) {
    String phrase = Inputs.text(execution, MILESTONE_PHRASE, "Thời điểm sơ kết, tổng kết");
    if (!(deadlines.read(execution, phrase) instanceof Schedule.Once once)) {
      throw new InvalidInputException(
          "Thời điểm \"" + phrase + "\" phải là một mốc, ví dụ \"quý III/2020\" (milestonePhrase)");
    }
    inForce.body(execution, DRAFTING_BODY, "Đơn vị chủ trì xây dựng báo cáo");
    inForce.body(execution, LEADERSHIP_BODY, "Cấp kết luận");
    Inputs.flag(execution, LEADER_REVIEW, "Cần lãnh đạo duyệt", true);
    String kind = Inputs.text(execution, REVIEW_KIND, "Loại (Sơ kết hoặc Tổng kết)");
    String content = Inputs.text(execution, TASK_CONTENT, "Nội dung sơ kết, tổng kết");
    execution.setVariable(REVIEW_OPENS, once.opens().toString());
    execution.setVariable(REVIEW_DUE, once.due().toString());
    execution.setVariable(REVIEW_TASK, kind + ": " + content);
  }

  /** The drafting starts on the first day of the milestone's window. */
  public Date opensAt(VariableScope vars) {
    return Deadlines.startOf(ReviewVariables.reviewOpens(vars));
  }
}
