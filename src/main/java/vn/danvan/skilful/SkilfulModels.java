package vn.danvan.skilful;

import static vn.danvan.skilful.SkilfulCommon.at;
import static vn.danvan.skilful.SkilfulCommon.name;
import static vn.danvan.skilful.SkilfulCommon.quota;
import static vn.danvan.skilful.SkilfulCommon.registrations;
import static vn.danvan.skilful.SkilfulCommon.score;
import static vn.danvan.skilful.SkilfulVariables.APPRAISAL_DUE;
import static vn.danvan.skilful.SkilfulVariables.APPRAISAL_NOTE;
import static vn.danvan.skilful.SkilfulVariables.APPRAISAL_SCORE;
import static vn.danvan.skilful.SkilfulVariables.APPRAISING_BODY;
import static vn.danvan.skilful.SkilfulVariables.AREA;
import static vn.danvan.skilful.SkilfulVariables.BODY;
import static vn.danvan.skilful.SkilfulVariables.COMMENDATION_DECISION;
import static vn.danvan.skilful.SkilfulVariables.CONTENT;
import static vn.danvan.skilful.SkilfulVariables.GOALS;
import static vn.danvan.skilful.SkilfulVariables.MODEL_NAME;
import static vn.danvan.skilful.SkilfulVariables.MODEL_STATUS;
import static vn.danvan.skilful.SkilfulVariables.OUTCOME;
import static vn.danvan.skilful.SkilfulVariables.OUTCOME_LABEL;
import static vn.danvan.skilful.SkilfulVariables.OUTPUTS;
import static vn.danvan.skilful.SkilfulVariables.PARTICIPANTS;
import static vn.danvan.skilful.SkilfulVariables.REASON;
import static vn.danvan.skilful.SkilfulVariables.RECOGNISING_BODY;
import static vn.danvan.skilful.SkilfulVariables.RECOGNITION;
import static vn.danvan.skilful.SkilfulVariables.REGISTRANT;
import static vn.danvan.skilful.SkilfulVariables.REGISTRATION_YEAR;
import static vn.danvan.skilful.SkilfulVariables.RESOURCES;
import static vn.danvan.skilful.SkilfulVariables.RETIRE_REASON;
import static vn.danvan.skilful.SkilfulVariables.STATUS_LOG;
import static vn.danvan.skilful.SkilfulVariables.STILL_RUNNING;
import static vn.danvan.skilful.SkilfulVariables.SUSTAINABILITY;
import static vn.danvan.skilful.SkilfulVariables.TIMELINE;
import static vn.danvan.skilful.SkilfulVariables.WORK_FIELD;
import static vn.danvan.skilful.SkilfulVariables.WORK_FIELD_LABEL;
import static vn.danvan.skilful.SkilfulVariables.YEARS_RECOGNISED;
import static vn.danvan.variable.SharedVariables.BODY_NAME;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import vn.danvan.deadline.Deadlines;
import vn.danvan.engine.EngineLocks;
import vn.danvan.input.Inputs;
import vn.danvan.input.InvalidInputException;
import vn.danvan.org.BodiesInForce;
import vn.danvan.org.OrgRegistry;
import vn.danvan.tracking.JsonLog;

/**
 * One "Dân vận khéo" (skilful mass mobilisation) model ({@code skilfulModel}): a body registers it
 * (the ten fields used in practice and a field of work) within its yearly quota; the appraising
 * body scores it and the recognition table decides (recognised, not recognised, later exemplary);
 * exemplary models are commended on 15/10 (Ngày truyền thống công tác dân vận); every model is
 * re-evaluated each year until it is retired. The quotas are {@link SkilfulQuotas}, the contests
 * {@link SkilfulContests}.
 */
@Component("skilfulModels")
public class SkilfulModels {

  static final String NOT_RECOGNISED = "KHONG_CONG_NHAN";
  static final MonthDay COMMENDATION_DAY = MonthDay.of(10, 15);
  static final MonthDay RE_EVALUATION_DAY = MonthDay.of(9, 1);
  static final int MAX_TEXT = 4000; // a String variable holds at most 4,000 characters

  /** The registration form's fields, as users name them. */
  static final Map<String, String> FIELDS = new LinkedHashMap<>();

  /** Fields of work ("lĩnh vực"). */
  static final Map<String, String> AREAS = new LinkedHashMap<>();

  static {
    FIELDS.put(MODEL_NAME, "Tên mô hình");
    FIELDS.put(REASON, "Lý do, sự cần thiết");
    FIELDS.put(GOALS, "Mục tiêu, tiêu chí");
    FIELDS.put(CONTENT, "Nội dung, phương pháp, cách làm");
    FIELDS.put(AREA, "Địa bàn, đối tượng");
    FIELDS.put(PARTICIPANTS, "Chủ trì, phối hợp, người tham gia");
    FIELDS.put(RESOURCES, "Nguồn lực");
    FIELDS.put(TIMELINE, "Thời gian thực hiện");
    FIELDS.put(OUTPUTS, "Sản phẩm, kết quả kiểm chứng được");
    FIELDS.put(SUSTAINABILITY, "Tính bền vững, khả năng nhân rộng");
    AREAS.put("kinhTe", "Kinh tế");
    AREAS.put("vanHoaXaHoi", "Văn hóa – xã hội");
    AREAS.put("quocPhongAnNinh", "Quốc phòng – an ninh");
    AREAS.put("xayDungHeThongChinhTri", "Xây dựng hệ thống chính trị");
  }

  private final OrgRegistry registry;
  private final BodiesInForce inForce;
  private final Deadlines deadlines;
  private final String appraisingBody;
  private final String recognisingBody;
  private final SkilfulFocus focus;

  public SkilfulModels(
      OrgRegistry registry,
      BodiesInForce inForce,
      Deadlines deadlines,
      @Value("${danvan.skilful.appraising-body:bdvTU}") String appraisingBody,
      @Value("${danvan.skilful.recognising-body:btvTU}") String recognisingBody,
      SkilfulFocus focus) {
    this.focus = focus;
    this.registry = registry;
    this.inForce = inForce;
    this.deadlines = deadlines;
    this.appraisingBody = appraisingBody;
    this.recognisingBody = recognisingBody;
  }

  /**
   * Registration: the ten fields and the field of work, for the registrant's own body, within the
   * body's yearly maximum (decision {@code chiTieuDanVanKheo}).
   */
  public void registered(DelegateExecution execution) {
    for (Map.Entry<String, String> field : FIELDS.entrySet()) {
      String text = Inputs.text(execution, field.getKey(), field.getValue());
      if (text.length() > MAX_TEXT) {
        throw new InvalidInputException(
            field.getValue()
                + " dài "
                + text.length()
                + " ký tự, tối đa "
                + MAX_TEXT
                + " ("
                + field.getKey()
                + ")");
      }
    }
    Object area = execution.getVariable(WORK_FIELD);
    if (!AREAS.containsKey(area)) {
      throw new InvalidInputException(
          "Lĩnh vực \""
              + area
              + "\" không hợp lệ: chọn "
              + String.join(", ", AREAS.keySet())
              + " (workField)");
    }
    String body =
        inForce.ownBody(
            execution,
            REGISTRANT,
            BODY,
            "Đơn vị đăng ký",
            "Chỉ được đăng ký mô hình cho đơn vị của mình");
    int year = deadlines.today().getYear();
    SkilfulCommon.Quota quota = quota(registry, execution.getProcessEngineServices(), body);
    // two registrations of one body at once: the second counts after the first has committed
    EngineLocks.lock("danVanKheo:" + body);
    long registered =
        registrations(
            execution.getProcessEngineServices(),
            body,
            year,
            year,
            execution.getProcessInstanceId());
    if (quota.max() != null && registered >= quota.max()) {
      throw new InvalidInputException(
          name(registry, body)
              + " đã đăng ký "
              + registered
              + " mô hình \"Dân vận khéo\" năm "
              + year
              + ", tối đa "
              + quota.max()
              + " mô hình mỗi năm");
    }
    execution.setVariable(REGISTRATION_YEAR, year);
    execution.setVariable(BODY_NAME, name(registry, body));
    execution.setVariable(WORK_FIELD_LABEL, AREAS.get(area));
    execution.setVariable(APPRAISING_BODY, appraisingBody);
    execution.setVariable(RECOGNISING_BODY, recognisingBody);
    execution.setVariable(APPRAISAL_DUE, deadlines.today().plusDays(30).toString());
    execution.setVariable(YEARS_RECOGNISED, 0);
    focus.offer(execution);
    status(execution, "Đã đăng ký, chờ thẩm định");
  }

  /** Appraisal and yearly re-evaluation: a score from 0 to 100 and a comment. */
  public void appraised(DelegateTask task) {
    score(task.getVariable(APPRAISAL_SCORE));
    Inputs.text(task, APPRAISAL_NOTE, "Nhận xét thẩm định");
  }

  /** Re-evaluation: the model still runs (then scored again) or stops, with a reason. */
  public void reEvaluated(DelegateTask task) {
    if (Inputs.decision(task, STILL_RUNNING, "Chưa chọn mô hình còn duy trì hay không")) {
      appraised(task);
    } else {
      Inputs.text(task, RETIRE_REASON, "Lý do dừng mô hình");
    }
  }

  /** The recognition table's answer; a recognised year counts towards "exemplary". */
  public void judged(DelegateExecution execution) {
    if (!(execution.getVariable(RECOGNITION) instanceof Map<?, ?> result)) {
      throw new InvalidInputException(
          "Bảng công nhận không xếp được điểm " + execution.getVariable(APPRAISAL_SCORE));
    }
    String outcome = (String) result.get(OUTCOME);
    execution.setVariable(OUTCOME, outcome);
    execution.setVariable(OUTCOME_LABEL, result.get(OUTCOME_LABEL));
    execution.removeVariable(RECOGNITION);
    if (!NOT_RECOGNISED.equals(outcome)) {
      execution.setVariable(
          YEARS_RECOGNISED, (Integer) execution.getVariable(YEARS_RECOGNISED) + 1);
    }
    status(execution, (String) result.get(OUTCOME_LABEL));
  }

  /** The next 15/10 (Ngày truyền thống công tác dân vận), 8:00, from today on. */
  public Date commendationAt(VariableScope vars) {
    return at(commendationDay(deadlines.today()));
  }

  /** The commendation day from a day on: this year's 15/10, or next year's once it is past. */
  static LocalDate commendationDay(LocalDate today) {
    LocalDate day = COMMENDATION_DAY.atYear(today.getYear());
    return day.isBefore(today) ? day.plusYears(1) : day;
  }

  /** Re-evaluation on 1/9 of the next year. */
  public Date reEvaluationAt(VariableScope vars) {
    return at(reEvaluationDay(deadlines.today()));
  }

  /** The re-evaluation day of a model judged on a day: 1/9 of the next year. */
  static LocalDate reEvaluationDay(LocalDate today) {
    return RE_EVALUATION_DAY.atYear(today.getYear() + 1);
  }

  public void commended(DelegateTask task) {
    Inputs.text(task, COMMENDATION_DECISION, "Số, ngày quyết định khen thưởng");
    status(task, "Mô hình điển hình, đã được khen thưởng");
  }

  public void retired(DelegateExecution execution) {
    status(execution, "Đã dừng");
  }

  // ---- the expressions of skilfulQuota.bpmn and skilfulContest.bpmn, which name this bean

  public boolean hasNextQuota(VariableScope vars) {
    return SkilfulQuotas.hasNextQuota(vars);
  }

  public Date quotaCheckAt(VariableScope vars) {
    return SkilfulQuotas.quotaCheckAt(vars);
  }

  public boolean hasNextRound(VariableScope vars) {
    return SkilfulContests.hasNextRound(vars);
  }

  private void status(VariableScope vars, String status) {
    vars.setVariable(MODEL_STATUS, status);
    JsonLog.append(
        vars, STATUS_LOG, "status", status, "at", deadlines.now().toOffsetDateTime().toString());
  }
}
