package vn.danvan.evaluation;

import static vn.danvan.evaluation.EvaluationVariables.APPROVAL_DUE;
import static vn.danvan.evaluation.EvaluationVariables.APPROVAL_NOTE;
import static vn.danvan.evaluation.EvaluationVariables.APPROVED_AT;
import static vn.danvan.evaluation.EvaluationVariables.APPROVING_BODY;
import static vn.danvan.evaluation.EvaluationVariables.BAND;
import static vn.danvan.evaluation.EvaluationVariables.BAND_DECISION;
import static vn.danvan.evaluation.EvaluationVariables.BAND_LABEL;
import static vn.danvan.evaluation.EvaluationVariables.BAND_RESULT;
import static vn.danvan.evaluation.EvaluationVariables.COMPILED_AT;
import static vn.danvan.evaluation.EvaluationVariables.CRITERIA_SET_ID;
import static vn.danvan.evaluation.EvaluationVariables.CRITERIA_SET_NAME;
import static vn.danvan.evaluation.EvaluationVariables.EVALUATED_BODIES;
import static vn.danvan.evaluation.EvaluationVariables.EVALUATED_BODY_OPTIONS;
import static vn.danvan.evaluation.EvaluationVariables.EVALUATED_LATE;
import static vn.danvan.evaluation.EvaluationVariables.EVALUATION_ID;
import static vn.danvan.evaluation.EvaluationVariables.PROVINCE;
import static vn.danvan.evaluation.EvaluationVariables.PUBLISHED_AT;
import static vn.danvan.evaluation.EvaluationVariables.RANKING;
import static vn.danvan.evaluation.EvaluationVariables.RANKING_APPROVED;
import static vn.danvan.evaluation.EvaluationVariables.RANKING_SUMMARY;
import static vn.danvan.evaluation.EvaluationVariables.RETURNED_BODIES;
import static vn.danvan.evaluation.EvaluationVariables.RETURN_FOR_CORRECTION;
import static vn.danvan.evaluation.EvaluationVariables.REVIEWED_AT;
import static vn.danvan.evaluation.EvaluationVariables.REVIEWING_BODY;
import static vn.danvan.evaluation.EvaluationVariables.REVIEW_DAYS;
import static vn.danvan.evaluation.EvaluationVariables.ROUND_BODIES;
import static vn.danvan.evaluation.EvaluationVariables.SELF_ASSESSED_AT;
import static vn.danvan.evaluation.EvaluationVariables.SELF_ASSESSED_LATE;
import static vn.danvan.evaluation.EvaluationVariables.SELF_ASSESSMENT;
import static vn.danvan.evaluation.EvaluationVariables.SELF_ASSESSMENT_DEADLINE;
import static vn.danvan.evaluation.EvaluationVariables.SELF_ASSESSMENT_DUE;
import static vn.danvan.evaluation.EvaluationVariables.SELF_TOTAL;
import static vn.danvan.evaluation.EvaluationVariables.TOTAL_SCORE;
import static vn.danvan.evaluation.EvaluationVariables.TRACK_RECORD;
import static vn.danvan.evaluation.EvaluationVariables.YEAR;
import static vn.danvan.evaluation.EvaluationVariables.YEARS;
import static vn.danvan.evaluation.EvaluationVariables.YEAR_INDEX;
import static vn.danvan.variable.SharedVariables.ASSESSMENT;
import static vn.danvan.variable.SharedVariables.BODY_NAME;
import static vn.danvan.variable.SharedVariables.DEADLINE;
import static vn.danvan.variable.SharedVariables.END_DATE;
import static vn.danvan.variable.SharedVariables.LEAD_BODY;
import static vn.danvan.variable.SharedVariables.MISSING_BODIES;
import static vn.danvan.variable.SharedVariables.MISSING_COUNT;
import static vn.danvan.variable.SharedVariables.RETURN_REASON;
import static vn.danvan.variable.SharedVariables.REVIEW_DUE;
import static vn.danvan.variable.SharedVariables.TASK_CONTENT;
import static vn.danvan.variable.SharedVariables.WINDOW_DAYS;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.json.SpinJsonNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.danvan.deadline.Deadlines;
import vn.danvan.deadline.Schedule;
import vn.danvan.input.Inputs;
import vn.danvan.input.InvalidInputException;
import vn.danvan.org.BodiesInForce;
import vn.danvan.org.OrgRegistry;
import vn.danvan.tracking.TrackRecords;
import vn.danvan.variable.SharedVariables;

/**
 * The annual evaluation and ranking of mass-mobilisation work ("đánh giá, xếp loại công tác dân vận
 * hằng năm"): each year every body fills in the sheet of its province's criteria set for that year,
 * the reviewing body scores (or returns it), the band comes from the set's DMN decision, the
 * leadership approves the ranking (or returns some bodies for a new review) and it is published.
 * Every year opens on its own date whatever the years before wait for: each runs in an {@code
 * evaluationYear} instance of its own, compiled when every body is scored or on the compile day
 * ({@link #compileAt}) with the bodies that have no result named; a body scored after the approval
 * is recorded as late and stays out of the approved ranking, which nothing changes.
 */
public class Evaluations {

  private static final Logger LOG = LoggerFactory.getLogger(Evaluations.class);
  static final String BODY_PROCESS = "bodyEvaluation";
  static final String DEFAULT_DEADLINE = "trước ngày 15/10 hằng năm";
  static final int DEFAULT_WINDOW_DAYS = 30;
  static final int DEFAULT_REVIEW_DAYS = 30;

  /** Bodies without a result named one by one in the summary; beyond, how many more. */
  static final int NAMED = 100;

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  private final CriteriaCatalog catalog;
  private final BodiesInForce inForce;
  private final Deadlines deadlines;
  private final OrgRegistry registry;
  private final TrackRecords trackRecords;

  public Evaluations(
      CriteriaCatalog catalog,
      BodiesInForce inForce,
      Deadlines deadlines,
      OrgRegistry registry,
      TrackRecords trackRecords) {
    this.catalog = catalog;
    this.inForce = inForce;
    this.deadlines = deadlines;
    this.registry = registry;
    this.trackRecords = trackRecords;
  }

  // ---- annualEvaluation -----------------------------------------------------------------------

  /**
   * Start: the evaluated bodies ({@code bodies} or {@code bodyType}), {@code reviewingBody}, {@code
   * approvingBody}, the self-assessment deadline ({@code selfAssessmentDeadline}, a yearly phrase,
   * default "trước ngày 15/10 hằng năm") and the years: {@code year}, or every year between {@code
   * issuedDate} and {@code endDate} of a directive. Refused before anything waits if a year has no
   * criteria set or its band decision is not deployed.
   */
  public void started(DelegateExecution execution) {
    List<String> bodies = inForce.bodies(execution);
    inForce.body(execution, REVIEWING_BODY, "Đơn vị thẩm định");
    inForce.body(execution, APPROVING_BODY, "Cấp phê duyệt");
    String province = province(execution);
    ArrayNode years = Sheets.JSON.createArrayNode();
    for (Schedule.Period period : periods(execution)) {
      int year = period.due().getYear();
      CriteriaSet set = catalog.select(province, year);
      if (execution
              .getProcessEngineServices()
              .getRepositoryService()
              .createDecisionDefinitionQuery()
              .decisionDefinitionKey(set.bands())
              .count()
          == 0) {
        throw new InvalidInputException(
            "Bảng xếp loại \""
                + set.bands()
                + "\" của bộ tiêu chí "
                + set.id()
                + " chưa được triển khai");
      }
      years
          .addObject()
          .put(YEAR, year)
          .put("due", period.due().toString())
          .put("criteriaSet", set.id());
    }
    execution.setVariable(PROVINCE, province);
    execution.setVariable(YEARS, Sheets.value(years));
    execution.setVariable(YEAR_INDEX, 0);
    execution.setVariable(EVALUATED_BODIES, Sheets.value(Sheets.JSON.valueToTree(bodies)));
  }

  /** The years' positions, one round each ({@code yearIndex}, local to the round). */
  public List<Integer> yearIndexes(VariableScope vars) {
    return java.util.stream.IntStream.range(0, json(vars, YEARS).size()).boxed().toList();
  }

  public int yearOf(VariableScope vars) {
    return yearEntry(vars).get(YEAR).asInt();
  }

  public String criteriaSetOf(VariableScope vars) {
    return yearEntry(vars).get("criteriaSet").asText();
  }

  /** The round's self-assessment deadline (yyyy-MM-dd). */
  public String dueOf(VariableScope vars) {
    return yearEntry(vars).get("due").asText();
  }

  private static JsonNode yearEntry(VariableScope vars) {
    return json(vars, YEARS).get((Integer) vars.getVariable(YEAR_INDEX));
  }

  /**
   * A year's round starts ({@code evaluationYear}): its set's band decision and deadlines, and the
   * bodies in force as it opens: a body ended since the evaluation began (a district merged into a
   * commune on 1/7/2025) is evaluated as its heir, once, where the registry routes such work.
   */
  public void yearStarted(DelegateExecution execution) {
    List<String> bodies = new ArrayList<>();
    json(execution, EVALUATED_BODIES).forEach(id -> bodies.add(id.asText()));
    List<String> inForceNow =
        bodies.stream()
            .map(id -> inForce.admitted(execution, id, EVALUATED_BODIES, "Đơn vị được đánh giá"))
            .distinct()
            .toList();
    if (!inForceNow.equals(bodies)) {
      execution.setVariable(EVALUATED_BODIES, Sheets.value(Sheets.JSON.valueToTree(inForceNow)));
    }
    CriteriaSet set = catalog.byId(Inputs.text(execution, CRITERIA_SET_ID, "Bộ tiêu chí"));
    LocalDate due = LocalDate.parse(Inputs.text(execution, SELF_ASSESSMENT_DUE, "Hạn tự chấm"));
    YearDues dues =
        YearDues.of(
            due, Inputs.days(execution, REVIEW_DAYS, "Số ngày thẩm định", DEFAULT_REVIEW_DAYS));
    execution.setVariable(CRITERIA_SET_NAME, set.name());
    execution.setVariable(BAND_DECISION, set.bands());
    execution.setVariable(REVIEW_DUE, dues.review().toString());
    execution.setVariable(APPROVAL_DUE, dues.approval().toString());
  }

  /**
   * A year's deadlines: the bodies assess themselves by the first, the reviewing body scores them
   * {@code reviewDays} later, the approving body approves the ranking 15 days after that.
   */
  record YearDues(LocalDate selfAssessment, LocalDate review, LocalDate approval) {

    static YearDues of(LocalDate selfAssessment, int reviewDays) {
      return new YearDues(
          selfAssessment,
          selfAssessment.plusDays(reviewDays),
          selfAssessment.plusDays(reviewDays + 15L));
    }
  }

  /** Every evaluated body: the year's first round. */
  public List<String> allBodies(VariableScope vars) {
    List<String> ids = new ArrayList<>();
    json(vars, EVALUATED_BODIES).forEach(id -> ids.add(id.asText()));
    return ids;
  }

  /**
   * The compile day: the day after the review deadline, at 00:00 in Vietnam; the ranking is then
   * compiled from the bodies scored so far (earlier if every body is scored).
   */
  public Date compileAt(VariableScope vars) {
    return Deadlines.startOf(SharedVariables.reviewDue(vars).plusDays(1));
  }

  /** Whether the year's ranking has been compiled (bodies scored later then just end). */
  public boolean compiling(VariableScope vars) {
    return vars.getVariable(COMPILED_AT) != null;
  }

  /** Whether a year remains (versions before every year ran on its own). */
  public boolean hasNextYear(VariableScope vars) {
    return (Integer) vars.getVariable(YEAR_INDEX) < json(vars, YEARS).size();
  }

  /**
   * The year's round: its criteria set, band decision, deadlines; every body is evaluated (versions
   * before every year ran on its own).
   */
  public void yearOpened(DelegateExecution execution) {
    JsonNode year = json(execution, YEARS).get((Integer) execution.getVariable(YEAR_INDEX));
    CriteriaSet set = catalog.byId(year.get("criteriaSet").asText());
    YearDues dues =
        YearDues.of(
            LocalDate.parse(year.get("due").asText()),
            Inputs.days(execution, REVIEW_DAYS, "Số ngày thẩm định", DEFAULT_REVIEW_DAYS));
    execution.setVariable(YEAR, year.get(YEAR).asInt());
    execution.setVariable(CRITERIA_SET_ID, set.id());
    execution.setVariable(CRITERIA_SET_NAME, set.name());
    execution.setVariable(BAND_DECISION, set.bands());
    execution.setVariable(SELF_ASSESSMENT_DUE, dues.selfAssessment().toString());
    execution.setVariable(REVIEW_DUE, dues.review().toString());
    execution.setVariable(APPROVAL_DUE, dues.approval().toString());
    execution.setVariable(ROUND_BODIES, execution.getVariable(EVALUATED_BODIES));
    for (String name :
        List.of(
            RANKING,
            RANKING_SUMMARY,
            APPROVED_AT,
            RETURNED_BODIES,
            APPROVAL_NOTE,
            RANKING_APPROVED)) {
      execution.removeVariable(name);
    }
  }

  /** The sheets open {@code windowDays} (default 30) before the self-assessment deadline. */
  public Date opensAt(VariableScope vars) {
    LocalDate due =
        LocalDate.parse(
            vars.getVariable(SELF_ASSESSMENT_DUE) instanceof String d ? d : dueOf(vars));
    return Deadlines.startOf(
        due.minusDays(
            Inputs.days(
                vars, WINDOW_DAYS, "Số ngày mở kỳ tự chấm trước hạn", DEFAULT_WINDOW_DAYS)));
  }

  /** The bodies of this round: all of them, or those the leadership returned. */
  public List<String> roundBodies(VariableScope vars) {
    List<String> ids = new ArrayList<>();
    json(vars, ROUND_BODIES).forEach(id -> ids.add(id.asText()));
    return ids;
  }

  /**
   * For a body returned by the leadership: its last sheet, so it goes straight to review. In a
   * year's first round (nothing returned yet) there is none, and the history is not searched: that
   * search reads every finished sheet of the evaluation and its variables, and once per body it
   * took most of a 2016–2020 lifetime of 200 bodies (W3 benchmark).
   */
  public TypedValue previousSheet(DelegateExecution execution, String body) {
    if (execution.getVariable(RETURNED_BODIES) == null) {
      return null;
    }
    return lastSheet(
        execution.getProcessEngineServices().getHistoryService(),
        execution.getProcessInstanceId(),
        EvaluationVariables.year(execution),
        body);
  }

  /** A body's last finished sheet in a year's round (its instance), null for none. */
  static TypedValue lastSheet(HistoryService history, String round, Integer year, String body) {
    HistoricVariableInstance last = null;
    for (HistoricProcessInstance child :
        history
            .createHistoricProcessInstanceQuery()
            .superProcessInstanceId(round)
            .processDefinitionKey(BODY_PROCESS)
            .finished()
            .variableValueEquals(LEAD_BODY, body)
            .variableValueEquals(YEAR, year)
            .orderByProcessInstanceEndTime()
            .asc()
            .list()) {
      HistoricVariableInstance value =
          history
              .createHistoricVariableInstanceQuery()
              .processInstanceId(child.getId())
              .variableName(ASSESSMENT)
              .singleResult();
      last = value == null ? last : value;
    }
    return last == null ? null : last.getTypedValue();
  }

  /**
   * The year's ranking from the bodies' last reviews, best first, and the bodies that have no
   * result yet (named in the summary).
   */
  public void compiled(DelegateExecution execution) {
    if (execution.getVariable(COMPILED_AT) == null) {
      execution.setVariable(COMPILED_AT, deadlines.nowAsDate());
    }
    Map<String, Map<String, Object>> results = results(execution);
    List<String> missing =
        allBodies(execution).stream().filter(b -> !results.containsKey(b)).toList();
    execution.setVariable(MISSING_BODIES, registry.names(missing, NAMED));
    execution.setVariable(MISSING_COUNT, missing.size());
    List<Map<String, Object>> rows = new ArrayList<>(results.values());
    rows.sort(
        Comparator.comparing((Map<String, Object> r) -> (Double) r.get(TOTAL_SCORE))
            .reversed()
            .thenComparing(r -> (String) r.get(LEAD_BODY)));
    ArrayNode ranking = Sheets.JSON.createArrayNode();
    ArrayNode options = Sheets.JSON.createArrayNode();
    Map<String, Integer> perBand = new LinkedHashMap<>();
    int rank = 0;
    for (Map<String, Object> r : rows) {
      ObjectNode row = ranking.addObject();
      row.put("rank", ++rank);
      row.put("body", (String) r.get(LEAD_BODY));
      row.put(BODY_NAME, name((String) r.get(LEAD_BODY)));
      row.put(SELF_TOTAL, (Double) r.get(SELF_TOTAL));
      row.put(TOTAL_SCORE, (Double) r.get(TOTAL_SCORE));
      row.put(BAND_LABEL, (String) r.get(BAND_LABEL));
      perBand.merge((String) r.get(BAND_LABEL), 1, Integer::sum);
      options
          .addObject()
          .put("label", row.get(BODY_NAME).asText())
          .put("value", row.get("body").asText());
    }
    execution.setVariable(RANKING, Sheets.value(ranking));
    execution.setVariable(EVALUATED_BODY_OPTIONS, Sheets.value(options)); // the form's choices
    StringBuilder summary =
        new StringBuilder("Năm " + execution.getVariable(YEAR) + ", " + rows.size() + " đơn vị:");
    perBand.forEach(
        (band, n) -> summary.append(' ').append(band).append(' ').append(n).append(';'));
    String text = summary.substring(0, summary.length() - (rows.isEmpty() ? 0 : 1));
    execution.setVariable(
        RANKING_SUMMARY,
        missing.isEmpty() ? text : text + "; chưa có kết quả " + missing.size() + " đơn vị");
  }

  /** The leadership approved the ranking, or returned some bodies (with a reason) for review. */
  public void approvalDecided(DelegateTask task) {
    if (Inputs.decision(task, RANKING_APPROVED, "Chọn phê duyệt hoặc trả lại kết quả xếp loại")) {
      task.setVariable(APPROVED_AT, deadlines.nowAsDate());
      return;
    }
    Inputs.text(task, APPROVAL_NOTE, "Lý do trả lại");
    List<String> evaluated = new ArrayList<>();
    json(task, EVALUATED_BODIES).forEach(id -> evaluated.add(id.asText()));
    List<String> ranked =
        task.getVariable(RANKING) == null
            ? evaluated
            : json(task, RANKING).findValuesAsText("body");
    List<String> returned = returnedBodies(task.getVariable(RETURNED_BODIES));
    if (returned.isEmpty()) {
      throw new InvalidInputException("Chọn ít nhất một đơn vị cần thẩm định lại (returnedBodies)");
    }
    for (String body : returned) {
      if (!evaluated.contains(body)) {
        throw new InvalidInputException(
            "Đơn vị \"" + body + "\" không thuộc đợt đánh giá này (returnedBodies)");
      }
      if (!ranked.contains(body)) {
        throw new InvalidInputException(
            "Đơn vị \"" + body + "\" chưa có kết quả để thẩm định lại (returnedBodies)");
      }
    }
    task.setVariable(ROUND_BODIES, Sheets.value(Sheets.JSON.valueToTree(returned)));
  }

  /** Published: the approved ranking is final; the next year follows. */
  public void published(DelegateExecution execution) {
    execution.setVariable(PUBLISHED_AT, deadlines.nowAsDate());
    LOG.info(
        "Công bố kết quả xếp loại công tác dân vận năm {}: {}",
        execution.getVariable(YEAR),
        execution.getVariable(RANKING_SUMMARY));
    if (execution.getVariable(YEAR_INDEX) instanceof Integer index) { // earlier versions' loop
      execution.setVariable(YEAR_INDEX, index + 1);
    }
  }

  // ---- bodyEvaluation -------------------------------------------------------------------------

  /** A body's evaluation: a blank sheet of the year's set unless it comes back with one. */
  public void bodyStarted(DelegateExecution execution) {
    CriteriaSet set = catalog.byId(Inputs.text(execution, CRITERIA_SET_ID, "Bộ tiêu chí"));
    String body = SharedVariables.leadBody(execution);
    execution.setVariable(BODY_NAME, name(body));
    execution.setVariable(
        TASK_CONTENT,
        "Tự đánh giá, chấm điểm công tác dân vận năm "
            + execution.getVariable(YEAR)
            + " ("
            + set.name()
            + ")");
    if (execution.getVariable(ASSESSMENT) == null) {
      execution.setVariable(ASSESSMENT, Sheets.value(Sheets.blank(set)));
    } else if (assessed(execution)) { // back from the leadership: its sheet as it was
      execution.setVariable(SELF_ASSESSMENT, execution.getVariable(ASSESSMENT));
      execution.setVariable(
          SELF_TOTAL,
          Sheets.total(Sheets.read(execution.getVariable(ASSESSMENT), ASSESSMENT), "score")
              .doubleValue());
    }
  }

  /** Whether the body's sheet is already filled in (a review returned by the leadership). */
  public boolean assessed(VariableScope vars) {
    return Sheets.read(vars.getVariable(ASSESSMENT), ASSESSMENT).path(0).has("score");
  }

  /** The body's self-assessment: checked against the set, totalled. */
  public void selfAssessed(DelegateTask task) {
    CriteriaSet set = catalog.byId((String) task.getVariable(CRITERIA_SET_ID));
    ArrayNode rows =
        Sheets.selfAssessed(set, Sheets.read(task.getVariable(ASSESSMENT), ASSESSMENT));
    task.setVariable(ASSESSMENT, Sheets.value(rows));
    task.setVariable(SELF_ASSESSMENT, Sheets.value(rows));
    task.setVariable(SELF_TOTAL, Sheets.total(rows, "score").doubleValue());
    task.setVariable(SELF_ASSESSED_AT, deadlines.nowAsDate());
    task.setVariable(
        SELF_ASSESSED_LATE,
        task.getVariable(DEADLINE) instanceof String due
            && !due.isBlank()
            && deadlines
                .now()
                .toInstant()
                .isAfter(deadlines.endOfDate(LocalDate.parse(due)).toInstant()));
  }

  /** Before the review: the body's track record beside the criteria that ask for it. */
  public void evidenceShown(DelegateTask task) {
    int year = (Integer) task.getVariable(YEAR);
    TrackRecords.Figures figures = trackRecords.of(SharedVariables.leadBody(task), year);
    ArrayNode rows = Sheets.read(task.getVariable(ASSESSMENT), ASSESSMENT);
    for (JsonNode row : rows) {
      if (row.has("metric")) {
        ((ObjectNode) row).put("trackingEvidence", figures.summary());
      }
    }
    task.setVariable(ASSESSMENT, Sheets.value(rows));
    task.setVariable(TRACK_RECORD, figures.summary());
  }

  /**
   * The reviewer's scores, or a return to the body with a reason. Refused for a body in the year's
   * approved ranking: results are final. A body that was not in it (late) is scored and recorded as
   * late ({@code evaluatedLate}).
   */
  public void reviewed(DelegateTask task) {
    HistoryService history = task.getProcessEngineServices().getHistoryService();
    String evaluationId = (String) task.getVariable(EVALUATION_ID);
    HistoricVariableInstance approved =
        history
            .createHistoricVariableInstanceQuery()
            .processInstanceId(evaluationId)
            .variableName(APPROVED_AT)
            .singleResult();
    HistoricVariableInstance ranking =
        history
            .createHistoricVariableInstanceQuery()
            .processInstanceId(evaluationId)
            .variableName(RANKING)
            .singleResult();
    boolean ranked =
        ranking == null
            || Sheets.read(ranking.getValue(), RANKING)
                .findValuesAsText("body")
                .contains(SharedVariables.leadBody(task));
    task.setVariable(EVALUATED_LATE, approved != null && !ranked);
    if (approved != null && ranked && approved.getValue() instanceof Date at) {
      throw new InvalidInputException(
          "Kết quả xếp loại năm "
              + task.getVariable(YEAR)
              + " đã được phê duyệt ngày "
              + DAY.format(at.toInstant().atZone(Deadlines.ZONE))
              + ": không thể chấm điểm lại");
    }
    if (Inputs.flag(task, RETURN_FOR_CORRECTION, "Trả lại để điều chỉnh", false)) {
      Inputs.text(task, RETURN_REASON, "Lý do trả lại");
      task.setVariable(RETURN_FOR_CORRECTION, true);
      return;
    }
    task.setVariable(RETURN_FOR_CORRECTION, false);
    CriteriaSet set = catalog.byId((String) task.getVariable(CRITERIA_SET_ID));
    ArrayNode assessed = Sheets.read(task.getVariable(SELF_ASSESSMENT), SELF_ASSESSMENT);
    ArrayNode rows =
        Sheets.reviewed(
            set,
            assessed,
            Sheets.read(task.getVariable(ASSESSMENT), ASSESSMENT),
            (String) task.getVariable(TRACK_RECORD));
    BigDecimal total = Sheets.total(rows, "reviewedScore");
    task.setVariable(ASSESSMENT, Sheets.value(rows));
    task.setVariable(TOTAL_SCORE, total.doubleValue());
    task.setVariable(REVIEWED_AT, deadlines.nowAsDate());
  }

  /** The band decision's answer, kept as two variables. */
  public void ranked(DelegateExecution execution) {
    if (!(execution.getVariable(BAND_RESULT) instanceof Map<?, ?> result)
        || result.get(BAND) == null) {
      throw new InvalidInputException(
          "Bảng xếp loại "
              + execution.getVariable(BAND_DECISION)
              + " không xếp được tổng điểm "
              + execution.getVariable(TOTAL_SCORE));
    }
    execution.setVariable(BAND, result.get(BAND));
    execution.setVariable(BAND_LABEL, result.get(BAND_LABEL));
    execution.removeVariable(BAND_RESULT);
  }

  // ---- helpers --------------------------------------------------------------------------------

  private String province(VariableScope vars) {
    Object given = vars.getVariable(PROVINCE);
    String province =
        given instanceof String s && !s.isBlank() ? s.trim() : catalog.defaultProvince();
    if (province.isBlank()) {
      throw new InvalidInputException("Tỉnh (mã bộ tiêu chí) là bắt buộc (province)");
    }
    return province;
  }

  private List<Schedule.Period> periods(VariableScope vars) {
    Object phraseValue = vars.getVariable(SELF_ASSESSMENT_DEADLINE);
    String phrase = phraseValue instanceof String s && !s.isBlank() ? s : DEFAULT_DEADLINE;
    if (!(deadlines.read(vars, phrase) instanceof Schedule.Every every)
        || every.frequency() != Schedule.Frequency.YEARLY) {
      throw new InvalidInputException(
          "Hạn tự đánh giá \""
              + phrase
              + "\" phải là một hạn hằng năm, ví dụ \"trước ngày 15/10 hằng năm\", \"tháng 11 hằng"
              + " năm\" (selfAssessmentDeadline)");
    }
    LocalDate from;
    LocalDate until;
    Object year = vars.getVariable(YEAR);
    if (year != null && !String.valueOf(year).isBlank()) {
      String text = String.valueOf(year).trim();
      if (!text.matches("\\d{4}")) {
        throw new InvalidInputException(
            "Năm đánh giá \"" + year + "\" phải là số năm, ví dụ 2025 (year)");
      }
      from = LocalDate.of(Integer.parseInt(text), 1, 1);
      until = from.withDayOfYear(from.lengthOfYear());
    } else {
      from = deadlines.issuedDate(vars);
      String end = Inputs.text(vars, END_DATE, "Năm đánh giá (year) hoặc thời điểm kết thúc");
      if (!(deadlines.read(vars, end) instanceof Schedule.Once once)) {
        throw new InvalidInputException(
            "Thời điểm kết thúc \"" + end + "\" phải là một ngày (endDate)");
      }
      until = once.due();
    }
    List<Schedule.Period> periods = every.periods(from, until);
    if (periods.isEmpty()) {
      throw new InvalidInputException(
          "Không có kỳ đánh giá nào từ " + DAY.format(from) + " đến " + DAY.format(until));
    }
    return periods;
  }

  private Map<String, Map<String, Object>> results(DelegateExecution execution) {
    HistoryService history = execution.getProcessEngineServices().getHistoryService();
    List<String> ids =
        history
            .createHistoricProcessInstanceQuery()
            .superProcessInstanceId(execution.getProcessInstanceId())
            .processDefinitionKey(BODY_PROCESS)
            .finished()
            .list()
            .stream()
            .sorted(Comparator.comparing(HistoricProcessInstance::getEndTime))
            .map(HistoricProcessInstance::getId)
            .toList();
    Map<String, Map<String, Object>> byInstance = new LinkedHashMap<>();
    if (!ids.isEmpty()) {
      history
          .createHistoricVariableInstanceQuery()
          .processInstanceIdIn(ids.toArray(String[]::new))
          .variableNameIn(LEAD_BODY, YEAR, SELF_TOTAL, TOTAL_SCORE, BAND_LABEL)
          .list()
          .forEach(
              v ->
                  byInstance
                      .computeIfAbsent(v.getProcessInstanceId(), k -> new LinkedHashMap<>())
                      .put(v.getName(), v.getValue()));
    }
    Object year = execution.getVariable(YEAR);
    Map<String, Map<String, Object>> byBody = new LinkedHashMap<>();
    for (String id : ids) { // in order of ending: the last review of a body wins
      Map<String, Object> r = byInstance.get(id);
      if (r != null && year.equals(r.get(YEAR)) && r.get(BAND_LABEL) != null) {
        byBody.put((String) r.get(LEAD_BODY), r);
      }
    }
    return byBody;
  }

  private String name(String body) {
    return registry.body(body).map(OrgRegistry.Body::name).orElse(body);
  }

  private static List<String> returnedBodies(Object value) {
    List<String> ids = new ArrayList<>();
    if (value instanceof SpinJsonNode json && json.isArray()) {
      json.elements().forEach(e -> ids.add(e.stringValue()));
    } else if (value instanceof String s) {
      for (String id : s.split(",")) {
        if (!id.isBlank()) {
          ids.add(id.trim());
        }
      }
    }
    return ids;
  }

  private static ArrayNode json(VariableScope vars, String name) {
    return Sheets.read(vars.getVariable(name), name);
  }
}
