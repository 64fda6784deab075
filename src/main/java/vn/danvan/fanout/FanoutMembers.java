package vn.danvan.fanout;

import static vn.danvan.variable.SharedVariables.ANSWERED_AHEAD;
import static vn.danvan.variable.SharedVariables.CHASE_LOG;
import static vn.danvan.variable.SharedVariables.FANOUT_ID;
import static vn.danvan.variable.SharedVariables.FOLLOW_UP;
import static vn.danvan.variable.SharedVariables.LEADER_REVIEW;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.VariableMap;
import org.springframework.stereotype.Component;
import vn.danvan.assignment.AssignmentRecords;
import vn.danvan.tracking.FigureTables;
import vn.danvan.tracking.ReportFigures;
import vn.danvan.variable.SharedVariables;

/**
 * One body's part of a fan-out ({@code fanoutMember.bpmn}): after the body answers, either it is
 * done, or its leader reviews the result in the member, or it continues in a full {@code
 * assignment} (an extension to decide, a result to confirm: from the body's answer; work the leader
 * returned: from the rework).
 */
@Component
public class FanoutMembers {

  private final Fanouts fanouts;
  private final AssignmentRecords records;
  private final FanoutStore store;
  private final FigureTables figureTables;

  public FanoutMembers(
      Fanouts fanouts, AssignmentRecords records, FanoutStore store, FigureTables figureTables) {
    this.fanouts = fanouts;
    this.records = records;
    this.store = store;
    this.figureTables = figureTables;
  }

  /** Whether the body's report asks for figures (then its task is the figures form). */
  public boolean withFigures(VariableScope vars) {
    return ReportFigures.asked(vars);
  }

  /**
   * {@code ${fanoutMembers.needsFollowUp(execution)}}: more time asked, or a confirmation wanted;
   * the full assignment takes over.
   */
  public boolean needsFollowUp(VariableScope vars) {
    return SharedVariables.requestExtension(vars)
        || Boolean.TRUE.equals(vars.getVariable(FOLLOW_UP));
  }

  /**
   * {@code ${fanoutMembers.leaderOnly(execution)}}: the body's leader reviews the result and
   * nothing else is wanted, so the member asks the leader itself: a full assignment would cost a
   * second instance per body.
   */
  public boolean leaderOnly(VariableScope vars) {
    return !needsFollowUp(vars) && Boolean.TRUE.equals(vars.getVariable(LEADER_REVIEW));
  }

  /**
   * What the full assignment starts with: the member's variables (the body's answer among them),
   * the fan-out's settings (monitoring body, review flags, timings, the chase count so far) and
   * that the body has answered; the assignment takes the answer up as it starts, unless the body's
   * leader returned it in the member (a round of rework: the assignment asks for the work again).
   * Written to the assignment only: copied into the member first, every one would be written twice
   * more.
   */
  public void handOver(DelegateExecution member, VariableMap assignment) {
    assignment.putAll(member.getVariablesTyped());
    assignment.remove(FOLLOW_UP);
    assignment.putAll(settings(member));
    assignment.putValue(ANSWERED_AHEAD, true);
  }

  /**
   * For members started before the hand-over was mapped in code: their version of the model still
   * calls this listener, then copies every variable in and out. The fan-out's settings and the mark
   * that the body has answered go through the member; the assignment takes up the answer.
   */
  public void handedOverByCopy(DelegateExecution member) {
    settings(member).forEach(member::setVariable);
    member.setVariable(ANSWERED_AHEAD, true);
  }

  /** The fan-out's settings that a full assignment needs ({@link Fanouts#SETTINGS}). */
  private static VariableMap settings(DelegateExecution member) {
    return member
        .getProcessEngineServices()
        .getRuntimeService()
        .getVariablesTyped((String) member.getVariable(FANOUT_ID), Fanouts.SETTINGS, true);
  }

  /**
   * The assignment ended: the member keeps its record of the work (submission, confirmation,
   * deadline, returns, chases), each variable written only if the assignment changed it. The chase
   * count it was handed is the fan-out's; the member keeps one only if the assignment chased the
   * body itself (it then has a chase log).
   */
  public void takeBack(DelegateExecution member, VariableScope assignment) {
    boolean chased = assignment.getVariable(CHASE_LOG) != null;
    for (String name : AssignmentRecords.RECORD) {
      Object value = assignment.getVariable(name);
      if (value != null
          && !value.equals(member.getVariable(name))
          && (chased || !AssignmentRecords.CHASES.contains(name))) {
        member.setVariable(name, assignment.getVariableTyped(name));
      }
    }
  }

  /**
   * The body is done: confirmed now unless its full assignment recorded it; open chase notices of
   * the body in this fan-out end with the work, as in an assignment; counted at commit.
   */
  public void done(DelegateExecution member) {
    records.finished(member);
    // a period's compile task, when open, follows the answers
    figureTables.answered(member);
    String fanoutId = (String) member.getVariable(FANOUT_ID);
    // after a chase's chunk that is starting a notice for the body has committed it
    store.lockMembers(List.of(member.getProcessInstanceId()));
    // by their ids, kept when the chase started them: a search by the business key and two
    // variables read every instance started under the directive's number, thousands per body at
    // national scale. Deleted by id (a read by primary key each): PostgreSQL without statistics
    // planned a process-instance query by ids through the index of every top-level execution
    List<String> notices = store.takeNotices(fanoutId, SharedVariables.leadBody(member));
    if (!notices.isEmpty()) {
      // those the leaders have not acknowledged yet; listeners run, as for any ended instance
      member
          .getProcessEngineServices()
          .getRuntimeService()
          .deleteProcessInstancesIfExists(notices, "Đơn vị đã hoàn thành", false, true, false);
    }
    fanouts.memberDone(fanoutId, member.getBusinessKey());
  }
}
