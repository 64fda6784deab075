package vn.danvan.skilful;

import static vn.danvan.skilful.SkilfulCommon.JSON;
import static vn.danvan.skilful.SkilfulCommon.at;
import static vn.danvan.skilful.SkilfulCommon.json;
import static vn.danvan.skilful.SkilfulCommon.name;
import static vn.danvan.skilful.SkilfulCommon.quota;
import static vn.danvan.skilful.SkilfulCommon.registrations;
import static vn.danvan.skilful.SkilfulVariables.CUMULATIVE;
import static vn.danvan.skilful.SkilfulVariables.LACKING_COUNT;
import static vn.danvan.skilful.SkilfulVariables.QUOTA_BODIES;
import static vn.danvan.skilful.SkilfulVariables.QUOTA_DUES;
import static vn.danvan.skilful.SkilfulVariables.QUOTA_FROM_YEAR;
import static vn.danvan.skilful.SkilfulVariables.QUOTA_ID;
import static vn.danvan.skilful.SkilfulVariables.QUOTA_INDEX;
import static vn.danvan.skilful.SkilfulVariables.QUOTA_SUMMARY;
import static vn.danvan.skilful.SkilfulVariables.QUOTA_YEAR;
import static vn.danvan.skilful.SkilfulVariables.REGISTRATION_DEADLINE;
import static vn.danvan.variable.SharedVariables.CHASE_COUNT;
import static vn.danvan.variable.SharedVariables.DEADLINE;
import static vn.danvan.variable.SharedVariables.LAST_CHASE_TYPE;
import static vn.danvan.variable.SharedVariables.LEAD_BODY;
import static vn.danvan.variable.SharedVariables.MONITOR_BODY;
import static vn.danvan.variable.SharedVariables.TASK_CONTENT;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.json.SpinJsonNode;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;
import vn.danvan.assignment.ChaseType;
import vn.danvan.deadline.Deadlines;
import vn.danvan.engine.Withdrawals;
import vn.danvan.input.Inputs;
import vn.danvan.input.InvalidInputException;
import vn.danvan.org.BodiesInForce;
import vn.danvan.org.OrgRegistry;

/**
 * A directive's quota of "Dân vận khéo" models ({@code skilfulQuota}): each year the bodies below
 * their minimum are chased.
 */
@Component
public class SkilfulQuotas {

  static final String CHASE_NOTICE = "chaseNotice";

  private final OrgRegistry registry;
  private final BodiesInForce inForce;
  private final Deadlines deadlines;

  public SkilfulQuotas(OrgRegistry registry, BodiesInForce inForce, Deadlines deadlines) {
    this.registry = registry;
    this.inForce = inForce;
    this.deadlines = deadlines;
  }

  /**
   * Start of a directive's quota: the bodies, the monitoring body and the yearly registration
   * deadline ({@code registrationDeadline}, default "trước ngày 30/6 hằng năm") from the issue date
   * to {@code endDate}. With {@code cumulative} true the minimum is for the whole period ("ít nhất
   * một mô hình trong giai đoạn 2016–2020"): a body is chased each year while the models it
   * registered since the first year fall short.
   */
  public void quotaStarted(DelegateExecution execution) {
    List<String> bodies = inForce.bodies(execution);
    inForce.body(execution, MONITOR_BODY, "Đơn vị theo dõi");
    Object given = execution.getVariable(REGISTRATION_DEADLINE);
    String phrase = given instanceof String s && !s.isBlank() ? s : "trước ngày 30/6 hằng năm";
    SkilfulCommon.Cycle quotas =
        SkilfulCommon.cycle(
            deadlines,
            execution,
            phrase,
            "Hạn đăng ký",
            "phải là hạn hằng năm",
            REGISTRATION_DEADLINE);
    ArrayNode dues = quotas.dues();
    if (dues.isEmpty()) {
      throw new InvalidInputException("Không có hạn đăng ký nào trước " + quotas.until());
    }
    execution.setVariable(QUOTA_DUES, SpinValues.jsonValue(dues.toString()).create());
    execution.setVariable(QUOTA_INDEX, 0);
    execution.setVariable(QUOTA_FROM_YEAR, LocalDate.parse(dues.get(0).asText()).getYear());
    execution.setVariable(
        CUMULATIVE, Inputs.flag(execution, CUMULATIVE, "Tính cả giai đoạn", false));
    execution.setVariable(
        QUOTA_BODIES, SpinValues.jsonValue(JSON.valueToTree(bodies).toString()).create());
  }

  static boolean hasNextQuota(VariableScope vars) {
    return (Integer) vars.getVariable(QUOTA_INDEX) < json(vars, QUOTA_DUES).elements().size();
  }

  /** The year's registration deadline; checked the day after. */
  public void quotaOpened(DelegateExecution execution) {
    String due =
        json(execution, QUOTA_DUES)
            .elements()
            .get((Integer) execution.getVariable(QUOTA_INDEX))
            .stringValue();
    execution.setVariable(DEADLINE, due);
    execution.setVariable(QUOTA_YEAR, LocalDate.parse(due).getYear());
  }

  static Date quotaCheckAt(VariableScope vars) {
    return at(LocalDate.parse((String) vars.getVariable(DEADLINE)).plusDays(1));
  }

  /**
   * The bodies below their minimum this year are chased (a "Nhắc nhở" their leaders acknowledge, on
   * its own: the yearly cycle does not wait for it); the summary is for the monitoring body.
   */
  public void quotaChecked(DelegateExecution execution) {
    int year = (Integer) execution.getVariable(QUOTA_YEAR);
    int from =
        Boolean.TRUE.equals(execution.getVariable(CUMULATIVE))
            ? (Integer) execution.getVariable(QUOTA_FROM_YEAR)
            : year;
    String task =
        "Đăng ký mô hình \"Dân vận khéo\" "
            + (from == year ? "năm " + year : "giai đoạn " + from + "–" + year)
            + " theo chỉ tiêu";
    List<String> lacking = new ArrayList<>();
    StringBuilder summary = new StringBuilder();
    ProcessEngineServices engine = execution.getProcessEngineServices();
    for (SpinJsonNode id : json(execution, QUOTA_BODIES).elements()) {
      String body = id.stringValue();
      int min = quota(registry, engine, body).min();
      long registered = registrations(engine, body, from, year, null);
      if (registered < min) {
        lacking.add(body);
        summary
            .append(name(registry, body))
            .append(": ")
            .append(registered)
            .append('/')
            .append(min)
            .append("; ");
        engine
            .getRuntimeService()
            .startProcessInstanceByKey(
                CHASE_NOTICE,
                execution.getProcessBusinessKey(),
                Variables.putValue(LEAD_BODY, body)
                    .putValue(TASK_CONTENT, task)
                    .putValue(DEADLINE, execution.getVariable(DEADLINE))
                    .putValue(CHASE_COUNT, 1)
                    .putValue(LAST_CHASE_TYPE, ChaseType.forCount(1).label())
                    .putValue(QUOTA_ID, execution.getProcessInstanceId()));
      }
    }
    execution.setVariable(LACKING_COUNT, lacking.size());
    execution.setVariable(
        QUOTA_SUMMARY,
        lacking.isEmpty()
            ? "Năm " + year + ": mọi đơn vị đã đăng ký đủ chỉ tiêu"
            : "Năm "
                + year
                + ", chưa đủ chỉ tiêu"
                + (from == year ? "" : " (từ năm " + from + ")")
                + ": "
                + summary.substring(0, summary.length() - 2));
    execution.setVariable(QUOTA_INDEX, (Integer) execution.getVariable(QUOTA_INDEX) + 1);
  }

  /**
   * The quota ended. Its notices outlive it when it ends at its last year (the leaders still
   * acknowledge them); cancelled (its directive withdrawn), they end with it ({@link Withdrawals}).
   */
  public void quotaEnded(DelegateExecution execution) {
    if (execution.isCanceled()) {
      Withdrawals.endStartedBy(
          execution, QUOTA_ID, "Chỉ tiêu mô hình \"Dân vận khéo\" đã bị hủy", CHASE_NOTICE);
    }
  }
}
