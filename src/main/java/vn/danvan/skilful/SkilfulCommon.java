package vn.danvan.skilful;

import static vn.danvan.skilful.SkilfulVariables.BODY;
import static vn.danvan.skilful.SkilfulVariables.REGISTRATION_YEAR;
import static vn.danvan.variable.SharedVariables.BODY_TYPE;
import static vn.danvan.variable.SharedVariables.END_DATE;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Date;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;
import vn.danvan.deadline.Deadlines;
import vn.danvan.deadline.Schedule;
import vn.danvan.input.Inputs;
import vn.danvan.input.InvalidInputException;
import vn.danvan.org.OrgRegistry;

/** What the three "Dân vận khéo" models share: quotas, registrations counted, scores, days. */
final class SkilfulCommon {

  static final String MODEL_PROCESS = "skilfulModel";
  static final String QUOTA_DECISION = "chiTieuDanVanKheo";
  static final ObjectMapper JSON = new ObjectMapper();

  private SkilfulCommon() {}

  /** The due days of a cycle up to its end day. */
  record Cycle(ArrayNode dues, LocalDate until) {}

  /**
   * The due days of a cycle ({@code cycle}, e.g. "trước ngày 30/6 hằng năm") until an end day (the
   * {@code endDate} input), as JSON for the block's loop; a phrase that is not a cycle, or an end
   * that is not a day, is refused naming the input ({@code what}: how people call it, {@code
   * should}: what it must be, {@code field}: the variable).
   */
  static Cycle cycle(
      Deadlines deadlines,
      DelegateExecution execution,
      String cycle,
      String what,
      String should,
      String field) {
    String end = Inputs.text(execution, END_DATE, "Thời điểm kết thúc");
    if (!(deadlines.read(execution, cycle) instanceof Schedule.Every every)
        || !(deadlines.read(execution, end) instanceof Schedule.Once until)) {
      throw new InvalidInputException(
          what
              + " \""
              + cycle
              + "\" "
              + should
              + " ("
              + field
              + ") và thời điểm kết thúc \""
              + end
              + "\" một ngày (endDate)");
    }
    ArrayNode dues = JSON.createArrayNode();
    every
        .periods(deadlines.issuedDate(execution), until.due())
        .forEach(p -> dues.add(p.due().toString()));
    return new Cycle(dues, until.due());
  }

  /** A body's yearly minimum and maximum of models (decision {@code chiTieuDanVanKheo}). */
  record Quota(int min, Integer max) {}

  static Quota quota(OrgRegistry registry, ProcessEngineServices engine, String body) {
    String type = registry.body(body).map(OrgRegistry.Body::type).orElse("");
    DmnDecisionRuleResult result =
        engine
            .getDecisionService()
            .evaluateDecisionTableByKey(QUOTA_DECISION)
            .variables(Variables.putValue(BODY_TYPE, type))
            .evaluate()
            .getSingleResult();
    Object min = result.getEntryMap().get("minModels");
    Object max = result.getEntryMap().get("maxModels");
    return new Quota(
        min instanceof Number n ? n.intValue() : 0, max instanceof Number n ? n.intValue() : null);
  }

  /**
   * Models a body registered in the years {@code from}–{@code to} (any outcome), but {@code
   * except}.
   */
  static long registrations(
      ProcessEngineServices engine, String body, int from, int to, String except) {
    return engine
        .getHistoryService()
        .createHistoricProcessInstanceQuery()
        .processDefinitionKey(MODEL_PROCESS)
        .variableValueEquals(BODY, body)
        .variableValueGreaterThanOrEqual(REGISTRATION_YEAR, from)
        .variableValueLessThanOrEqual(REGISTRATION_YEAR, to)
        .list()
        .stream()
        .filter(p -> !p.getId().equals(except))
        .count();
  }

  /** A score from 0 to 100: a number, or a text with a point or a comma. */
  static BigDecimal score(Object value) {
    BigDecimal score;
    try {
      score =
          value instanceof Number n
              ? new BigDecimal(n.toString())
              : new BigDecimal(String.valueOf(value).trim().replace(',', '.'));
    } catch (NumberFormatException e) {
      throw new InvalidInputException("Điểm \"" + value + "\" phải là một số từ 0 đến 100 (score)");
    }
    if (score.signum() < 0 || score.compareTo(BigDecimal.valueOf(100)) > 0) {
      throw new InvalidInputException(
          "Điểm " + score.stripTrailingZeros().toPlainString() + " ngoài khoảng 0–100 (score)");
    }
    return score;
  }

  /** 8:00 in Vietnam on {@code day}. */
  static Date at(LocalDate day) {
    return Date.from(day.atTime(8, 0).atZone(Deadlines.ZONE).toInstant());
  }

  static String name(OrgRegistry registry, String body) {
    return registry.body(body).map(OrgRegistry.Body::name).orElse(body);
  }

  /** A list variable: JSON, or its text. */
  static SpinJsonNode json(VariableScope vars, String name) {
    Object value = vars.getVariable(name);
    if (value instanceof SpinJsonNode node) {
      return node;
    }
    if (value instanceof String text) {
      return Spin.JSON(text);
    }
    throw new InvalidInputException("Danh sách " + name + " phải là JSON (" + name + ")");
  }
}
