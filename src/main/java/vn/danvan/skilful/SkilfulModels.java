package vn.danvan.skilful;

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
import vn.danvan.assignment.ChaseType;
import vn.danvan.deadline.Deadlines;
import vn.danvan.deadline.Schedule;
import vn.danvan.engine.EngineLocks;
import vn.danvan.engine.Withdrawals;
import vn.danvan.input.Inputs;
import vn.danvan.input.InvalidInputException;
import vn.danvan.org.BodiesInForce;
import vn.danvan.org.OrgRegistry;
import vn.danvan.tracking.JsonLog;

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
  static final String GIVEN_ENTRIES = "roundEntries";
  static final int MAX_TEXT = 4000; // a String variable holds at most 4,000 characters
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The registration form's fields, as users name them. */
  static final Map<String, String> FIELDS = new LinkedHashMap<>();
  /** Fields of work ("lĩnh vực"). */
  static final Map<String, String> AREAS = new LinkedHashMap<>();

  static {
    FIELDS.put("modelName", "Tên mô hình");
    FIELDS.put("reason", "Lý do, sự cần thiết");
    FIELDS.put("goals", "Mục tiêu, tiêu chí");
    FIELDS.put("content", "Nội dung, phương pháp, cách làm");
    FIELDS.put("area", "Địa bàn, đối tượng");
    FIELDS.put("participants", "Chủ trì, phối hợp, người tham gia");
    FIELDS.put("resources", "Nguồn lực");
    FIELDS.put("timeline", "Thời gian thực hiện");
    FIELDS.put("outputs", "Sản phẩm, kết quả kiểm chứng được");
    FIELDS.put("sustainability", "Tính bền vững, khả năng nhân rộng");
    AREAS.put("kinhTe", "Kinh tế");
    AREAS.put("vanHoaXaHoi", "Văn hóa – xã hội");
    AREAS.put("quocPhongAnNinh", "Quốc phòng – an ninh");
    AREAS.put("xayDungHeThongChinhTri", "Xây dựng hệ thống chính trị");
  }

  private final OrgRegistry registry;
  private final BodiesInForce rules;
  private final Deadlines deadlines;
  private final String appraisingBody;
  private final String recognisingBody;

  public SkilfulModels(OrgRegistry registry, BodiesInForce rules, Deadlines deadlines,
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
    Object area = execution.getVariable("workField");
    if (!AREAS.containsKey(area)) {
      throw new InvalidInputException("Lĩnh vực \"" + area + "\" không hợp lệ: chọn "
          + String.join(", ", AREAS.keySet()) + " (workField)");
    }
    String body = rules.ownBody(execution, "registrant", "body", "Đơn vị đăng ký",
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
    execution.setVariable("registrationYear", year);
    execution.setVariable("bodyName", name(body));
    execution.setVariable("workFieldLabel", AREAS.get(area));
    execution.setVariable("appraisingBody", appraisingBody);
    execution.setVariable("recognisingBody", recognisingBody);
    execution.setVariable("appraisalDue", deadlines.today().plusDays(30).toString());
    execution.setVariable("yearsRecognised", 0);
    status(execution, "Đã đăng ký, chờ thẩm định");
  }

  /** Appraisal and yearly re-evaluation: a score from 0 to 100 and a comment. */
  public void appraised(DelegateTask task) {
    score(task.getVariable("appraisalScore"));
    Inputs.text(task, "appraisalNote", "Nhận xét thẩm định");
  }

  /** Re-evaluation: the model still runs (then scored again) or stops, with a reason. */
  public void reEvaluated(DelegateTask task) {
    if (Inputs.decision(task, "stillRunning", "Chưa chọn mô hình còn duy trì hay không")) {
      appraised(task);
    } else {
      Inputs.text(task, "retireReason", "Lý do dừng mô hình");
    }
  }

  /** The recognition table's answer; a recognised year counts towards "exemplary". */
  public void judged(DelegateExecution execution) {
    if (!(execution.getVariable("recognition") instanceof Map<?, ?> result)) {
      throw new InvalidInputException("Bảng công nhận không xếp được điểm "
          + execution.getVariable("appraisalScore"));
    }
    String outcome = (String) result.get("outcome");
    execution.setVariable("outcome", outcome);
    execution.setVariable("outcomeLabel", result.get("outcomeLabel"));
    execution.removeVariable("recognition");
    if (!NOT_RECOGNISED.equals(outcome)) {
      execution.setVariable("yearsRecognised", (Integer) execution.getVariable("yearsRecognised") + 1);
    }
    status(execution, (String) result.get("outcomeLabel"));
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
    Inputs.text(task, "commendationDecision", "Số, ngày quyết định khen thưởng");
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
    rules.body(execution, "monitorBody", "Đơn vị theo dõi");
    Object given = execution.getVariable("registrationDeadline");
    String phrase = given instanceof String s && !s.isBlank() ? s : "trước ngày 30/6 hằng năm";
    String end = Inputs.text(execution, "endDate", "Thời điểm kết thúc");
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
    execution.setVariable("quotaDues", SpinValues.jsonValue(dues.toString()).create());
    execution.setVariable("quotaIndex", 0);
    execution.setVariable("quotaFromYear", LocalDate.parse(dues.get(0).asText()).getYear());
    execution.setVariable("cumulative", Inputs.flag(execution, "cumulative", "Tính cả giai đoạn", false));
    execution.setVariable("quotaBodies",
        SpinValues.jsonValue(JSON.valueToTree(bodies).toString()).create());
  }

  public boolean hasNextQuota(VariableScope vars) {
    return (Integer) vars.getVariable("quotaIndex") < json(vars, "quotaDues").elements().size();
  }

  /** The year's registration deadline; checked the day after. */
  public void quotaOpened(DelegateExecution execution) {
    String due = json(execution, "quotaDues").elements()
        .get((Integer) execution.getVariable("quotaIndex")).stringValue();
    execution.setVariable("deadline", due);
    execution.setVariable("quotaYear", LocalDate.parse(due).getYear());
  }

  public Date quotaCheckAt(VariableScope vars) {
    return at(LocalDate.parse((String) vars.getVariable("deadline")).plusDays(1));
  }

  /**
   * The bodies below their minimum this year are chased (a "Nhắc nhở" their leaders acknowledge,
   * on its own: the yearly cycle does not wait for it); the summary is for the monitoring body.
   */
  public void quotaChecked(DelegateExecution execution) {
    int year = (Integer) execution.getVariable("quotaYear");
    int from = Boolean.TRUE.equals(execution.getVariable("cumulative"))
        ? (Integer) execution.getVariable("quotaFromYear") : year;
    String task = "Đăng ký mô hình \"Dân vận khéo\" " + (from == year ? "năm " + year
        : "giai đoạn " + from + "–" + year) + " theo chỉ tiêu";
    List<String> lacking = new ArrayList<>();
    StringBuilder summary = new StringBuilder();
    ProcessEngineServices engine = execution.getProcessEngineServices();
    for (SpinJsonNode id : json(execution, "quotaBodies").elements()) {
      String body = id.stringValue();
      int min = quota(engine, body).min();
      long registered = registrations(engine, body, from, year, null);
      if (registered < min) {
        lacking.add(body);
        summary.append(name(body)).append(": ").append(registered).append('/').append(min)
            .append("; ");
        engine.getRuntimeService().startProcessInstanceByKey(CHASE_NOTICE,
            execution.getProcessBusinessKey(), Variables.putValue("leadBody", body)
                .putValue("taskContent", task).putValue("deadline", execution.getVariable("deadline"))
                .putValue("chaseCount", 1).putValue("lastChaseType", ChaseType.forCount(1).label())
                .putValue("quotaId", execution.getProcessInstanceId()));
      }
    }
    execution.setVariable("lackingCount", lacking.size());
    execution.setVariable("quotaSummary", lacking.isEmpty()
        ? "Năm " + year + ": mọi đơn vị đã đăng ký đủ chỉ tiêu"
        : "Năm " + year + ", chưa đủ chỉ tiêu" + (from == year ? "" : " (từ năm " + from + ")")
            + ": " + summary.substring(0, summary.length() - 2));
    execution.setVariable("quotaIndex", (Integer) execution.getVariable("quotaIndex") + 1);
  }

  /**
   * The quota ended. Its notices outlive it when it ends at its last year (the leaders still
   * acknowledge them); cancelled (its directive withdrawn), they end with it ({@link Withdrawals}).
   */
  public void quotaEnded(DelegateExecution execution) {
    if (execution.isCanceled()) {
      Withdrawals.endStartedBy(execution, "quotaId", "Chỉ tiêu mô hình \"Dân vận khéo\" đã bị hủy",
          CHASE_NOTICE);
    }
  }

  // ---- contest: skilfulContest ----------------------------------------------------------------

  /**
   * A contest (Hội thi): its name, organising body, rounds ("Sơ khảo, Chung khảo") and pass mark;
   * the entries are the models recognised now.
   */
  public void contestStarted(DelegateExecution execution) {
    Inputs.text(execution, "contestName", "Tên hội thi");
    rules.body(execution, "organisingBody", "Đơn vị tổ chức");
    Object given = execution.getVariable("rounds");
    String rounds = given instanceof String s && !s.isBlank() ? s : "Sơ khảo, Chung khảo";
    ArrayNode names = JSON.createArrayNode();
    for (String round : rounds.split(",")) {
      if (!round.isBlank()) {
        names.add(round.trim());
      }
    }
    execution.setVariable("roundNames", SpinValues.jsonValue(names.toString()).create());
    execution.setVariable("roundIndex", 0);
    execution.setVariable("passScore", score(execution.getVariable("passScore") == null
        ? 75 : execution.getVariable("passScore")).doubleValue());
    ArrayNode entries = JSON.createArrayNode();
    execution.getProcessEngineServices().getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(MODEL_PROCESS).variableValueGreaterThan("yearsRecognised", 0)
        .list().forEach(model -> {
          Map<String, Object> v = execution.getProcessEngineServices().getRuntimeService()
              .getVariables(model.getId(), List.of("modelName", "bodyName", "workFieldLabel"));
          entries.addObject().put("modelId", model.getId())
              .put("modelName", (String) v.get("modelName"))
              .put("bodyName", (String) v.get("bodyName"))
              .put("workFieldLabel", (String) v.get("workFieldLabel"));
        });
    if (entries.isEmpty()) {
      throw new InvalidInputException("Chưa có mô hình \"Dân vận khéo\" nào được công nhận để dự thi");
    }
    execution.setVariable("entries", SpinValues.jsonValue(entries.toString()).create());
  }

  public boolean hasNextRound(VariableScope vars) {
    return (Integer) vars.getVariable("roundIndex") < json(vars, "roundNames").elements().size()
        && !json(vars, "entries").elements().isEmpty();
  }

  public void roundOpened(DelegateExecution execution) {
    execution.setVariable("roundName", json(execution, "roundNames").elements()
        .get((Integer) execution.getVariable("roundIndex")).stringValue());
  }

  /**
   * The round's entries as the engine gave them, kept on the jury's task itself: what the jury
   * sends back on completion goes to the process and cannot change them.
   */
  public void roundGiven(DelegateTask task) {
    task.setVariableLocal(GIVEN_ENTRIES,
        SpinValues.jsonValue(json(task, "entries").toString()).create());
  }

  /**
   * The jury's scores for every entry of the round (0–100); the entries at or above the pass
   * mark go on, best first; the last round's order is the result. Only the scores are the
   * jury's: the rows are the ones the round gave (by {@code modelId}), each scored once; an entry
   * left out, added or repeated is refused.
   */
  public void roundScored(DelegateTask task) {
    Map<String, BigDecimal> scores = new LinkedHashMap<>();
    for (SpinJsonNode entry : json(task, "entries").elements()) {
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
    String given = task.hasVariableLocal(GIVEN_ENTRIES) ? GIVEN_ENTRIES : "entries";
    for (SpinJsonNode entry : json(task, given).elements()) {
      ObjectNode row = (ObjectNode) readTree(entry.toString());
      BigDecimal score = scores.remove(row.path("modelId").asText());
      if (score == null) {
        missing.add(row.path("modelName").asText());
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
    double pass = ((Number) task.getVariable("passScore")).doubleValue();
    scored.sort((a, b) -> Double.compare(b.get("score").asDouble(), a.get("score").asDouble()));
    ArrayNode next = JSON.createArrayNode();
    scored.stream().filter(r -> r.get("score").asDouble() >= pass).forEach(next::add);
    JsonLog.append(task, "roundLog", "round", task.getVariable("roundName"), "entries",
        scored.size(), "passed", next.size());
    task.setVariable("entries", SpinValues.jsonValue(next.toString()).create());
    task.setVariable("roundIndex", (Integer) task.getVariable("roundIndex") + 1);
  }

  public void awarded(DelegateTask task) {
    Inputs.text(task, "awardDecision", "Quyết định công nhận kết quả, trao giải");
  }

  // ---- helpers --------------------------------------------------------------------------------

  record Quota(int min, Integer max) {}

  Quota quota(ProcessEngineServices engine, String body) {
    String type = registry.body(body).map(OrgRegistry.Body::type).orElse("");
    DmnDecisionRuleResult result = engine.getDecisionService()
        .evaluateDecisionTableByKey(QUOTA_DECISION)
        .variables(Variables.putValue("bodyType", type)).evaluate().getSingleResult();
    Object min = result.getEntryMap().get("minModels");
    Object max = result.getEntryMap().get("maxModels");
    return new Quota(min instanceof Number n ? n.intValue() : 0,
        max instanceof Number n ? n.intValue() : null);
  }

  /** Models a body registered in the years {@code from}–{@code to} (any outcome), but {@code except}. */
  static long registrations(ProcessEngineServices engine, String body, int from, int to,
      String except) {
    return engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processDefinitionKey(MODEL_PROCESS).variableValueEquals("body", body)
        .variableValueGreaterThanOrEqual("registrationYear", from)
        .variableValueLessThanOrEqual("registrationYear", to).list().stream()
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
    vars.setVariable("modelStatus", status);
    JsonLog.append(vars, "statusLog", "status", status, "at",
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
