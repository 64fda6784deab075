package vn.danvan.fanout;

import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;
import vn.danvan.assignment.AssignmentRecords;
import vn.danvan.platform.Inputs;

/**
 * One body's part of a fan-out ({@code fanoutMember.bpmn}): after the body answers, either it is
 * done, or it continues in a full {@code assignment} (an extension to decide, a result to review
 * or confirm), which starts from the body's answer.
 */
@Component
public class FanoutMembers {

  /** Set on members whose results the fan-out wants reviewed or confirmed. */
  static final String FOLLOW_UP = "followUp";

  private final Fanouts fanouts;
  private final AssignmentRecords records;

  public FanoutMembers(Fanouts fanouts, AssignmentRecords records) {
    this.fanouts = fanouts;
    this.records = records;
  }

  /** {@code ${fanoutMembers.needsFollowUp(execution)}}: more time asked, or a review wanted. */
  public boolean needsFollowUp(VariableScope vars) {
    return Boolean.TRUE.equals(vars.getVariable("requestExtension"))
        || Boolean.TRUE.equals(vars.getVariable(FOLLOW_UP));
  }

  /**
   * Before the full assignment starts: it gets the fan-out's settings (monitoring body, review
   * flags, timings, the chase count so far) and starts from the body's answer.
   */
  public void handedOver(DelegateExecution member) {
    RuntimeService runtime = member.getProcessEngineServices().getRuntimeService();
    Map<String, Object> settings =
        runtime.getVariables((String) member.getVariable("fanoutId"), Fanouts.SETTINGS);
    settings.forEach(member::setVariable);
    member.setVariable("leaderReview",
        Inputs.flag(member, "leaderReview", "Cần lãnh đạo duyệt", true));
    member.setVariable("answeredAhead", true);
    records.answered(member);
  }

  /**
   * The body is done: confirmed now unless its full assignment recorded it; open chase notices
   * of the body in this fan-out end with the work, as in an assignment; counted at commit.
   */
  public void done(DelegateExecution member) {
    records.finished(member);
    String fanoutId = (String) member.getVariable("fanoutId");
    RuntimeService runtime = member.getProcessEngineServices().getRuntimeService();
    // looked for only if the fan-out has chased: the search spans all its members' instances
    if (runtime.getVariable(fanoutId, "chaseCount") != null) {
      runtime.createProcessInstanceQuery().processDefinitionKey(Fanouts.CHASE_NOTICE)
          .processInstanceBusinessKey(member.getBusinessKey())
          .variableValueEquals("fanoutId", fanoutId)
          .variableValueEquals("leadBody", member.getVariable("leadBody"))
          .list()
          .forEach(notice -> runtime.deleteProcessInstance(notice.getId(),
              "Đơn vị đã hoàn thành"));
    }
    fanouts.memberDone(fanoutId, member.getBusinessKey());
  }
}
