package vn.danvan.skilful;

import static vn.danvan.skilful.SkilfulVariables.APPRAISAL_DUE;
import static vn.danvan.skilful.SkilfulVariables.APPRAISAL_NOTE;
import static vn.danvan.skilful.SkilfulVariables.APPRAISAL_SCORE;
import static vn.danvan.skilful.SkilfulVariables.APPRAISING_BODY;
import static vn.danvan.skilful.SkilfulVariables.AREA;
import static vn.danvan.skilful.SkilfulVariables.AWARD_DECISION;
import static vn.danvan.skilful.SkilfulVariables.BODY;
import static vn.danvan.skilful.SkilfulVariables.COMMENDATION_DECISION;
import static vn.danvan.skilful.SkilfulVariables.CONTENT;
import static vn.danvan.skilful.SkilfulVariables.CONTEST_NAME;
import static vn.danvan.skilful.SkilfulVariables.CUMULATIVE;
import static vn.danvan.skilful.SkilfulVariables.ENTRIES;
import static vn.danvan.skilful.SkilfulVariables.GOALS;
import static vn.danvan.skilful.SkilfulVariables.LACKING_COUNT;
import static vn.danvan.skilful.SkilfulVariables.MODEL_NAME;
import static vn.danvan.skilful.SkilfulVariables.MODEL_STATUS;
import static vn.danvan.skilful.SkilfulVariables.ORGANISING_BODY;
import static vn.danvan.skilful.SkilfulVariables.OUTCOME;
import static vn.danvan.skilful.SkilfulVariables.OUTCOME_LABEL;
import static vn.danvan.skilful.SkilfulVariables.OUTPUTS;
import static vn.danvan.skilful.SkilfulVariables.PARTICIPANTS;
import static vn.danvan.skilful.SkilfulVariables.PASS_SCORE;
import static vn.danvan.skilful.SkilfulVariables.QUOTA_BODIES;
import static vn.danvan.skilful.SkilfulVariables.QUOTA_DUES;
import static vn.danvan.skilful.SkilfulVariables.QUOTA_FROM_YEAR;
import static vn.danvan.skilful.SkilfulVariables.QUOTA_ID;
import static vn.danvan.skilful.SkilfulVariables.QUOTA_INDEX;
import static vn.danvan.skilful.SkilfulVariables.QUOTA_SUMMARY;
import static vn.danvan.skilful.SkilfulVariables.QUOTA_YEAR;
import static vn.danvan.skilful.SkilfulVariables.REASON;
import static vn.danvan.skilful.SkilfulVariables.RECOGNISING_BODY;
import static vn.danvan.skilful.SkilfulVariables.RECOGNITION;
import static vn.danvan.skilful.SkilfulVariables.REGISTRANT;
import static vn.danvan.skilful.SkilfulVariables.REGISTRATION_DEADLINE;
import static vn.danvan.skilful.SkilfulVariables.REGISTRATION_YEAR;
import static vn.danvan.skilful.SkilfulVariables.RESOURCES;
import static vn.danvan.skilful.SkilfulVariables.RETIRE_REASON;
import static vn.danvan.skilful.SkilfulVariables.ROUNDS;
import static vn.danvan.skilful.SkilfulVariables.ROUND_ENTRIES;
import static vn.danvan.skilful.SkilfulVariables.ROUND_INDEX;
import static vn.danvan.skilful.SkilfulVariables.ROUND_LOG;
import static vn.danvan.skilful.SkilfulVariables.ROUND_NAME;
import static vn.danvan.skilful.SkilfulVariables.ROUND_NAMES;
import static vn.danvan.skilful.SkilfulVariables.STATUS_LOG;
import static vn.danvan.skilful.SkilfulVariables.STILL_RUNNING;
import static vn.danvan.skilful.SkilfulVariables.SUSTAINABILITY;
import static vn.danvan.skilful.SkilfulVariables.TIMELINE;
import static vn.danvan.skilful.SkilfulVariables.WORK_FIELD;
import static vn.danvan.skilful.SkilfulVariables.WORK_FIELD_LABEL;
import static vn.danvan.skilful.SkilfulVariables.YEARS_RECOGNISED;
import static vn.danvan.variable.SharedVariables.BODY_NAME;
import static vn.danvan.variable.SharedVariables.BODY_TYPE;
import static vn.danvan.variable.SharedVariables.CHASE_COUNT;
import static vn.danvan.variable.SharedVariables.DEADLINE;
import static vn.danvan.variable.SharedVariables.END_DATE;
import static vn.danvan.variable.SharedVariables.LAST_CHASE_TYPE;
import static vn.danvan.variable.SharedVariables.LEAD_BODY;
import static vn.danvan.variable.SharedVariables.MONITOR_BODY;
import static vn.danvan.variable.SharedVariables.TASK_CONTENT;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import vn.danvan.assignment.AssignmentRules;
import vn.danvan.assignment.ChaseType;
import vn.danvan.assignment.JsonLog;
import vn.danvan.deadline.Deadlines;
import vn.danvan.deadline.Schedule;
import vn.danvan.org.OrgRegistry;
import vn.danvan.platform.EngineLocks;
import vn.danvan.platform.Inputs;
import vn.danvan.platform.InvalidInputException;
import vn.danvan.platform.Withdrawals;

/**
 * The "Dân vận khéo" (skilful mass mobilisation) movement: a body registers a model (the ten
 * fields used in practice and a field of work) within its yearly quota; the appraising body
 * scores it and the recognition table decides (recognised, not recognised, later exemplary);
 * exemplary models are commended on 15/10 (Ngày truyền thống công tác dân vận); every model is
 * re-evaluated each year until it is retired. Bodies below their quota are chased; contests
 * score recognised models round by round.
 */
@Component("skilfulModels")
public class SkilfulModels {

  static final String MODEL_PROCESS = "skilfulModel";
  static final String QUOTA_DECISION = "chiTieuDanVanKheo";
  static final String CHASE_NOTICE = "chaseNotice";
  static final String NOT_RECOGNISED = "KHONG_CONG_NHAN";
  static final MonthDay COMMENDATION_DAY = MonthDay.of(10, 15);
  static final MonthDay RE_EVALUATION_DAY = MonthDay.of(9, 1);
  /** The jury task's own copy of the round's entries. */
  static final String GIVEN_ENTRIES = ROUND_ENTRIES;
  static final int MAX_TEXT = 4000; // a String variable holds at most 4,000 characters
  private static final ObjectMapper JSON = new ObjectMapper();

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
  private final AssignmentRules rules;
  private final Deadlines deadlines;
  private final String appraisingBody;
  private final String recognisingBody;

  public SkilfulModels(OrgRegistry registry, AssignmentRules rules, Deadlines deadlines,
      @Value("${danvan.skilful.appraising-body:bdvTU}") String appraisingBody,
      @Value("${danvan.skilful.recognising-body:btvTU}") String recognisingBody) {
    this.registry = registry;
    this.rules = rules;
    this.deadlines = deadlines;
    this.appraisingBody = appraisingBody;
    this.recognisingBody = recognisingBody;
  }

  // ---- one model: skilfulModel ----------------------------------------------------------------

  /**
   * Registration: the ten fields and the field of work, for the registrant's own body, within the
   * body's yearly maximum (decision {@code chiTieuDanVanKheo}).
   */
  public void registered(DelegateExecution execution) {
    for (Map.Entry<String, String> field : FIELDS.entrySet()) {
      String text = Inputs.text(execution, field.getKey(), field.getValue());
      if (text.length() > MAX_TEXT) {
        throw new InvalidInputException(field.getValue() + " dài " + text.length()
            + " ký tự, tối đa " + MAX_TEXT + " (" + field.getKey() + ")");
      }
    }
    Object area = execution.getVariable(WORK_FIELD);
    if (!AREAS.containsKey(area)) {
      throw new InvalidInputException("Lĩnh vực \"" + area + "\" không hợp lệ: chọn "
          + String.join(", ", AREAS.keySet()) + " (workField)");
    }
    String body = rules.ownBody(execution, REGISTRANT, BODY, "Đơn vị đăng ký",
        "Chỉ được đăng ký mô hình cho đơn vị của mình");
    int year = deadlines.today().getYear();
    Quota quota = quota(execution.getProcessEngineServices(), body);
    // two registrations of one body at once: the second counts after the first has committed
    EngineLocks.lock("danVanKheo:" + body);
    long registered = registrations(execution.getProcessEngineServices(), body, year, year,
        execution.getProcessInstanceId());
    if (quota.max() != null && registered >= quota.max()) {
      throw new InvalidInputException(name(body) + " đã đăng ký " + registered
          + " mô hình \"Dân vận khéo\" năm " + year + ", tối đa " + quota.max()
          + " mô hình mỗi năm");
    }
    execution.setVariable(REGISTRATION_YEAR, year);
    execution.setVariable(BODY_NAME, name(body));
    execution.setVariable(WORK_FIELD_LABEL, AREAS.get(area));
    execution.setVariable(APPRAISING_BODY, appraisingBody);
    execution.setVariable(RECOGNISING_BODY, recognisingBody);
    execution.setVariable(APPRAISAL_DUE, deadlines.today().plusDays(30).toString());
    execution.setVariable(YEARS_RECOGNISED, 0);
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
      throw new InvalidInputException("Bảng công nhận không xếp được điểm "
          + execution.getVariable(APPRAISAL_SCORE));
    }
    String outcome = (String) result.get(OUTCOME);
    execution.setVariable(OUTCOME, outcome);
    execution.setVariable(OUTCOME_LABEL, result.get(OUTCOME_LABEL));
    execution.removeVariable(RECOGNITION);
    if (!NOT_RECOGNISED.equals(outcome)) {
      execution.setVariable(YEARS_RECOGNISED,
          (Integer) execution.getVariable(YEARS_RECOGNISED) + 1);
    }
    status(execution, (String) result.get(OUTCOME_LABEL));
  }

  /** The next 15/10 (Ngày truyền thống công tác dân vận), 8:00, from today on. */
  public Date commendationAt(VariableScope vars) {
    LocalDate today = deadlines.today();
    LocalDate day = COMMENDATION_DAY.atYear(today.getYear());
    return at(day.isBefore(today) ? day.plusYears(1) : day);
  }

  /** Re-evaluation on 1/9 of the next year. */
  public Date reEvaluationAt(VariableScope vars) {
    return at(RE_EVALUATION_DAY.atYear(deadlines.today().getYear() + 1));
  }

  public void commended(DelegateTask task) {
    Inputs.text(task, COMMENDATION_DECISION, "Số, ngày quyết định khen thưởng");
    status(task, "Mô hình điển hình, đã được khen thưởng");
  }

  public void retired(DelegateExecution execution) {
    status(execution, "Đã dừng");
  }

  // ---- quota: skilfulQuota --------------------------------------------------------------------

  /**
   * Start of a directive's quota: the bodies, the monitoring body and the yearly registration
   * deadline ({@code registrationDeadline}, default "trước ngày 30/6 hằng năm") from the issue
   * date to {@code endDate}. With {@code cumulative} true the minimum is for the whole period
   * ("ít nhất một mô hình trong giai đoạn 2016–2020"): a body is chased each year while the
   * models it registered since the first year fall short.
   */
  public void quotaStarted(DelegateExecution execution) {
    List<String> bodies = rules.bodies(execution);
    rules.body(execution, MONITOR_BODY, "Đơn vị theo dõi");
    Object given = execution.getVariable(REGISTRATION_DEADLINE);
    String phrase = given instanceof String s && !s.isBlank() ? s : "trước ngày 30/6 hằng năm";
    String end = Inputs.text(execution, END_DATE, "Thời điểm kết thúc");
    if (!(deadlines.read(execution, phrase) instanceof Schedule.Every every)
        || !(deadlines.read(execution, end) instanceof Schedule.Once until)) {
      throw new InvalidInputException("Hạn đăng ký \"" + phrase
          + "\" phải là hạn hằng năm (registrationDeadline) và thời điểm kết thúc \"" + end
          + "\" một ngày (endDate)");
    }
    ArrayNode dues = JSON.createArrayNode();
    every.periods(deadlines.issuedDate(execution), until.due())
        .forEach(p -> dues.add(p.due().toString()));
    if (dues.isEmpty()) {
      throw new InvalidInputException("Không có hạn đăng ký nào trước " + until.due());
    }
    execution.setVariable(QUOTA_DUES, SpinValues.jsonValue(dues.toString()).create());
    execution.setVariable(QUOTA_INDEX, 0);
    execution.setVariable(QUOTA_FROM_YEAR, LocalDate.parse(dues.get(0).asText()).getYear());
    execution.setVariable(CUMULATIVE,
        Inputs.flag(execution, CUMULATIVE, "Tính cả giai đoạn", false));
    execution.setVariable(QUOTA_BODIES,
        SpinValues.jsonValue(JSON.valueToTree(bodies).toString()).create());
  }

  public boolean hasNextQuota(VariableScope vars) {
    return (Integer) vars.getVariable(QUOTA_INDEX) < json(vars, QUOTA_DUES).elements().size();
  }

  /** The year's registration deadline; checked the day after. */
  public void quotaOpened(DelegateExecution execution) {
    String due = json(execution, QUOTA_DUES).elements()
        .get((Integer) execution.getVariable(QUOTA_INDEX)).stringValue();
    execution.setVariable(DEADLINE, due);
    execution.setVariable(QUOTA_YEAR, LocalDate.parse(due).getYear());
  }

  public Date quotaCheckAt(VariableScope vars) {
    return at(LocalDate.parse((String) vars.getVariable(DEADLINE)).plusDays(1));
  }

  /**
   * The bodies below their minimum this year are chased (a "Nhắc nhở" their leaders acknowledge,
   * on its own: the yearly cycle does not wait for it); the summary is for the monitoring body.
   */
  public void quotaChecked(DelegateExecution execution) {
    int year = (Integer) execution.getVariable(QUOTA_YEAR);
    int from = Boolean.TRUE.equals(execution.getVariable(CUMULATIVE))
        ? (Integer) execution.getVariable(QUOTA_FROM_YEAR) : year;
    String task = "Đăng ký mô hình \"Dân vận khéo\" " + (from == year ? "năm " + year
        : "giai đoạn " + from + "–" + year) + " theo chỉ tiêu";
    List<String> lacking = new ArrayList<>();
    StringBuilder summary = new StringBuilder();
    ProcessEngineServices engine = execution.getProcessEngineServices();
    for (SpinJsonNode id : json(execution, QUOTA_BODIES).elements()) {
      String body = id.stringValue();
      int min = quota(engine, body).min();
      long registered = registrations(engine, body, from, year, null);
      if (registered < min) {
        lacking.add(body);
        summary.append(name(body)).append(": ").append(registered).append('/').append(min)
            .append("; ");
        engine.getRuntimeService().startProcessInstanceByKey(CHASE_NOTICE,
            execution.getProcessBusinessKey(), Variables.putValue(LEAD_BODY, body)
                .putValue(TASK_CONTENT, task).putValue(DEADLINE, execution.getVariable(DEADLINE))
                .putValue(CHASE_COUNT, 1).putValue(LAST_CHASE_TYPE, ChaseType.forCount(1).label())
                .putValue(QUOTA_ID, execution.getProcessInstanceId()));
      }
    }
    execution.setVariable(LACKING_COUNT, lacking.size());
    execution.setVariable(QUOTA_SUMMARY, lacking.isEmpty()
        ? "Năm " + year + ": mọi đơn vị đã đăng ký đủ chỉ tiêu"
        : "Năm " + year + ", chưa đủ chỉ tiêu" + (from == year ? "" : " (từ năm " + from + ")")
            + ": " + summary.substring(0, summary.length() - 2));
    execution.setVariable(QUOTA_INDEX, (Integer) execution.getVariable(QUOTA_INDEX) + 1);
  }

  /**
   * The quota ended. Its notices outlive it when it ends at its last year (the leaders still
   * acknowledge them); cancelled (its directive withdrawn), they end with it ({@link Withdrawals}).
   */
  public void quotaEnded(DelegateExecution execution) {
    if (execution.isCanceled()) {
      Withdrawals.endStartedBy(execution, QUOTA_ID, "Chỉ tiêu mô hình \"Dân vận khéo\" đã bị hủy",
          CHASE_NOTICE);
    }
  }

  // ---- contest: skilfulContest ----------------------------------------------------------------

  /**
   * A contest (Hội thi): its name, organising body, rounds ("Sơ khảo, Chung khảo") and pass mark;
   * the entries are the models recognised now.
   */
  public void contestStarted(DelegateExecution execution) {
    Inputs.text(execution, CONTEST_NAME, "Tên hội thi");
    rules.body(execution, ORGANISING_BODY, "Đơn vị tổ chức");
    Object given = execution.getVariable(ROUNDS);
    String rounds = given instanceof String s && !s.isBlank() ? s : "Sơ khảo, Chung khảo";
    ArrayNode names = JSON.createArrayNode();
    for (String round : rounds.split(",")) {
      if (!round.isBlank()) {
        names.add(round.trim());
      }
    }
    execution.setVariable(ROUND_NAMES, SpinValues.jsonValue(names.toString()).create());
    execution.setVariable(ROUND_INDEX, 0);
    execution.setVariable(PASS_SCORE, score(execution.getVariable(PASS_SCORE) == null
        ? 75 : execution.getVariable(PASS_SCORE)).doubleValue());
    ArrayNode entries = JSON.createArrayNode();
    execution.getProcessEngineServices().getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(MODEL_PROCESS).variableValueGreaterThan(YEARS_RECOGNISED, 0)
        .list().forEach(model -> {
          Map<String, Object> v = execution.getProcessEngineServices().getRuntimeService()
              .getVariables(model.getId(), List.of(MODEL_NAME, BODY_NAME, WORK_FIELD_LABEL));
          entries.addObject().put("modelId", model.getId())
              .put(MODEL_NAME, (String) v.get(MODEL_NAME))
              .put(BODY_NAME, (String) v.get(BODY_NAME))
              .put(WORK_FIELD_LABEL, (String) v.get(WORK_FIELD_LABEL));
        });
    if (entries.isEmpty()) {
      throw new InvalidInputException("Chưa có mô hình \"Dân vận khéo\" nào được công nhận để dự thi");
    }
    execution.setVariable(ENTRIES, SpinValues.jsonValue(entries.toString()).create());
  }

  public boolean hasNextRound(VariableScope vars) {
    return (Integer) vars.getVariable(ROUND_INDEX) < json(vars, ROUND_NAMES).elements().size()
        && !json(vars, ENTRIES).elements().isEmpty();
  }

  public void roundOpened(DelegateExecution execution) {
    execution.setVariable(ROUND_NAME, json(execution, ROUND_NAMES).elements()
        .get((Integer) execution.getVariable(ROUND_INDEX)).stringValue());
  }

  /**
   * The round's entries as the engine gave them, kept on the jury's task itself: what the jury
   * sends back on completion goes to the process and cannot change them.
   */
  public void roundGiven(DelegateTask task) {
    task.setVariableLocal(GIVEN_ENTRIES,
        SpinValues.jsonValue(json(task, ENTRIES).toString()).create());
  }

  /**
   * The jury's scores for every entry of the round (0–100); the entries at or above the pass
   * mark go on, best first; the last round's order is the result. Only the scores are the
   * jury's: the rows are the ones the round gave (by {@code modelId}), each scored once; an entry
   * left out, added or repeated is refused.
   */
  public void roundScored(DelegateTask task) {
    Map<String, BigDecimal> scores = new LinkedHashMap<>();
    for (SpinJsonNode entry : json(task, ENTRIES).elements()) {
      JsonNode row = readTree(entry.toString());
      String id = row.path("modelId").asText("");
      BigDecimal score = score(row.path("score").isMissingNode() || row.get("score").isNull()
          ? null : row.get("score").asText());
      if (scores.put(id, score) != null) {
        throw new InvalidInputException("Mô hình " + id + " được chấm hai lần (entries)");
      }
    }
    List<ObjectNode> scored = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    // a jury task created before its model had roundGiven has no copy: its entries as sent
    String given = task.hasVariableLocal(GIVEN_ENTRIES) ? GIVEN_ENTRIES : ENTRIES;
    for (SpinJsonNode entry : json(task, given).elements()) {
      ObjectNode row = (ObjectNode) readTree(entry.toString());
      BigDecimal score = scores.remove(row.path("modelId").asText());
      if (score == null) {
        missing.add(row.path(MODEL_NAME).asText());
      } else {
        scored.add(row.put("score", score));
      }
    }
    if (!missing.isEmpty() || !scores.isEmpty()) {
      throw new InvalidInputException("Bảng điểm phải gồm đúng các mô hình của vòng thi"
          + (missing.isEmpty() ? "" : "; chưa chấm: " + String.join(", ", missing))
          + (scores.isEmpty() ? "" : "; không dự thi: " + String.join(", ", scores.keySet()))
          + " (entries)");
    }
    double pass = ((Number) task.getVariable(PASS_SCORE)).doubleValue();
    scored.sort((a, b) -> Double.compare(b.get("score").asDouble(), a.get("score").asDouble()));
    ArrayNode next = JSON.createArrayNode();
    scored.stream().filter(r -> r.get("score").asDouble() >= pass).forEach(next::add);
    JsonLog.append(task, ROUND_LOG, "round", task.getVariable(ROUND_NAME), ENTRIES,
        scored.size(), "passed", next.size());
    task.setVariable(ENTRIES, SpinValues.jsonValue(next.toString()).create());
    task.setVariable(ROUND_INDEX, (Integer) task.getVariable(ROUND_INDEX) + 1);
  }

  public void awarded(DelegateTask task) {
    Inputs.text(task, AWARD_DECISION, "Quyết định công nhận kết quả, trao giải");
  }

  // ---- helpers --------------------------------------------------------------------------------

  record Quota(int min, Integer max) {}

  Quota quota(ProcessEngineServices engine, String body) {
    String type = registry.body(body).map(OrgRegistry.Body::type).orElse("");
    DmnDecisionRuleResult result = engine.getDecisionService()
        .evaluateDecisionTableByKey(QUOTA_DECISION)
        .variables(Variables.putValue(BODY_TYPE, type)).evaluate().getSingleResult();
    Object min = result.getEntryMap().get("minModels");
    Object max = result.getEntryMap().get("maxModels");
    return new Quota(min instanceof Number n ? n.intValue() : 0,
        max instanceof Number n ? n.intValue() : null);
  }

  /** Models a body registered in the years {@code from}–{@code to} (any outcome), but {@code except}. */
  static long registrations(ProcessEngineServices engine, String body, int from, int to,
      String except) {
    return engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processDefinitionKey(MODEL_PROCESS).variableValueEquals(BODY, body)
        .variableValueGreaterThanOrEqual(REGISTRATION_YEAR, from)
        .variableValueLessThanOrEqual(REGISTRATION_YEAR, to).list().stream()
        .filter(p -> !p.getId().equals(except)).count();
  }

  private static BigDecimal score(Object value) {
    BigDecimal score;
    try {
      score = value instanceof Number n ? new BigDecimal(n.toString())
          : new BigDecimal(String.valueOf(value).trim().replace(',', '.'));
    } catch (NumberFormatException e) {
      throw new InvalidInputException("Điểm \"" + value + "\" phải là một số từ 0 đến 100 (score)");
    }
    if (score.signum() < 0 || score.compareTo(BigDecimal.valueOf(100)) > 0) {
      throw new InvalidInputException("Điểm " + score.stripTrailingZeros().toPlainString()
          + " ngoài khoảng 0–100 (score)");
    }
    return score;
  }

  private void status(VariableScope vars, String status) {
    vars.setVariable(MODEL_STATUS, status);
    JsonLog.append(vars, STATUS_LOG, "status", status, "at",
        deadlines.now().toOffsetDateTime().toString());
  }

  private static Date at(LocalDate day) {
    return Date.from(day.atTime(8, 0).atZone(Deadlines.ZONE).toInstant());
  }

  private String name(String body) {
    return registry.body(body).map(OrgRegistry.Body::name).orElse(body);
  }

  private static SpinJsonNode json(VariableScope vars, String name) {
    Object value = vars.getVariable(name);
    if (value instanceof SpinJsonNode node) {
      return node;
    }
    if (value instanceof String text) {
      return Spin.JSON(text);
    }
    throw new InvalidInputException("Danh sách " + name + " phải là JSON (" + name + ")");
  }

  private static JsonNode readTree(String text) {
    try {
      return JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw new InvalidInputException("Dữ liệu chấm điểm không đọc được (entries)");
    }
  }
}
