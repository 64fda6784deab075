package vn.danvan.skilful;

import static vn.danvan.skilful.SkilfulCommon.JSON;
import static vn.danvan.skilful.SkilfulCommon.MODEL_PROCESS;
import static vn.danvan.skilful.SkilfulCommon.json;
import static vn.danvan.skilful.SkilfulCommon.score;
import static vn.danvan.skilful.SkilfulVariables.AWARD_DECISION;
import static vn.danvan.skilful.SkilfulVariables.CONTEST_NAME;
import static vn.danvan.skilful.SkilfulVariables.ENTRIES;
import static vn.danvan.skilful.SkilfulVariables.FOCUS_AREA;
import static vn.danvan.skilful.SkilfulVariables.MODEL_NAME;
import static vn.danvan.skilful.SkilfulVariables.ORGANISING_BODY;
import static vn.danvan.skilful.SkilfulVariables.PASS_SCORE;
import static vn.danvan.skilful.SkilfulVariables.ROUNDS;
import static vn.danvan.skilful.SkilfulVariables.ROUND_ENTRIES;
import static vn.danvan.skilful.SkilfulVariables.ROUND_INDEX;
import static vn.danvan.skilful.SkilfulVariables.ROUND_LOG;
import static vn.danvan.skilful.SkilfulVariables.ROUND_NAME;
import static vn.danvan.skilful.SkilfulVariables.ROUND_NAMES;
import static vn.danvan.skilful.SkilfulVariables.WORK_FIELD_LABEL;
import static vn.danvan.skilful.SkilfulVariables.YEARS_RECOGNISED;
import static vn.danvan.variable.SharedVariables.BODY_NAME;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.spin.json.SpinJsonNode;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;
import vn.danvan.input.Inputs;
import vn.danvan.input.InvalidInputException;
import vn.danvan.org.BodiesInForce;
import vn.danvan.tracking.JsonLog;

/**
 * A "Dân vận khéo" contest ({@code skilfulContest}): the recognised models, scored round by round.
 */
@Component
public class SkilfulContests {

  private final BodiesInForce inForce;

  public SkilfulContests(BodiesInForce inForce) {
    this.inForce = inForce;
  }

  /**
   * A contest (Hội thi): its name, organising body, rounds ("Sơ khảo, Chung khảo") and pass mark;
   * the entries are the models recognised now.
   */
  public void contestStarted(DelegateExecution execution) {
    Inputs.text(execution, CONTEST_NAME, "Tên hội thi");
    inForce.body(execution, ORGANISING_BODY, "Đơn vị tổ chức");
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
    execution.setVariable(
        PASS_SCORE,
        score(execution.getVariable(PASS_SCORE) == null ? 75 : execution.getVariable(PASS_SCORE))
            .doubleValue());
    ArrayNode entries = JSON.createArrayNode();
    var recognised =
        execution
            .getProcessEngineServices()
            .getRuntimeService()
            .createProcessInstanceQuery()
            .processDefinitionKey(MODEL_PROCESS)
            .variableValueGreaterThan(YEARS_RECOGNISED, 0);
    // a contest of one focus area (lĩnh vực trọng tâm): that area's models only
    String area = execution.getVariable(FOCUS_AREA) instanceof String a && !a.isBlank() ? a : null;
    if (area != null) {
      recognised.variableValueEquals(FOCUS_AREA, area);
    }
    recognised
        .list()
        .forEach(
            model -> {
              Map<String, Object> v =
                  execution
                      .getProcessEngineServices()
                      .getRuntimeService()
                      .getVariables(
                          model.getId(),
                          List.of(MODEL_NAME, BODY_NAME, WORK_FIELD_LABEL, FOCUS_AREA));
              entries
                  .addObject()
                  .put("modelId", model.getId())
                  .put(MODEL_NAME, (String) v.get(MODEL_NAME))
                  .put(BODY_NAME, (String) v.get(BODY_NAME))
                  .put(WORK_FIELD_LABEL, (String) v.get(WORK_FIELD_LABEL))
                  .put(FOCUS_AREA, (String) v.get(FOCUS_AREA));
            });
    if (entries.isEmpty()) {
      throw new InvalidInputException(
          "Chưa có mô hình \"Dân vận khéo\" nào được công nhận để dự thi"
              + (area == null ? "" : " trong lĩnh vực \"" + area + "\""));
    }
    execution.setVariable(ENTRIES, SpinValues.jsonValue(entries.toString()).create());
  }

  static boolean hasNextRound(VariableScope vars) {
    return (Integer) vars.getVariable(ROUND_INDEX) < json(vars, ROUND_NAMES).elements().size()
        && !json(vars, ENTRIES).elements().isEmpty();
  }

  public void roundOpened(DelegateExecution execution) {
    execution.setVariable(
        ROUND_NAME,
        json(execution, ROUND_NAMES)
            .elements()
            .get((Integer) execution.getVariable(ROUND_INDEX))
            .stringValue());
  }

  /**
   * The round's entries as the engine gave them, kept on the jury's task itself: what the jury
   * sends back on completion goes to the process and cannot change them.
   */
  public void roundGiven(DelegateTask task) {
    task.setVariableLocal(
        ROUND_ENTRIES, SpinValues.jsonValue(json(task, ENTRIES).toString()).create());
  }

  /**
   * The jury's scores for every entry of the round (0–100); the entries at or above the pass mark
   * go on, best first; the last round's order is the result. Only the scores are the jury's: the
   * rows are the ones the round gave (by {@code modelId}), each scored once; an entry left out,
   * added or repeated is refused.
   */
  public void roundScored(DelegateTask task) {
    Map<String, BigDecimal> scores = new LinkedHashMap<>();
    for (SpinJsonNode entry : json(task, ENTRIES).elements()) {
      JsonNode row = readTree(entry.toString());
      String id = row.path("modelId").asText("");
      BigDecimal score =
          score(
              row.path("score").isMissingNode() || row.get("score").isNull()
                  ? null
                  : row.get("score").asText());
      if (scores.put(id, score) != null) {
        throw new InvalidInputException("Mô hình " + id + " được chấm hai lần (entries)");
      }
    }
    List<ObjectNode> scored = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    // a jury task created before its model had roundGiven has no copy: its entries as sent
    String given = task.hasVariableLocal(ROUND_ENTRIES) ? ROUND_ENTRIES : ENTRIES;
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
      throw new InvalidInputException(
          "Bảng điểm phải gồm đúng các mô hình của vòng thi"
              + (missing.isEmpty() ? "" : "; chưa chấm: " + String.join(", ", missing))
              + (scores.isEmpty() ? "" : "; không dự thi: " + String.join(", ", scores.keySet()))
              + " (entries)");
    }
    double pass = ((Number) task.getVariable(PASS_SCORE)).doubleValue();
    scored.sort((a, b) -> Double.compare(b.get("score").asDouble(), a.get("score").asDouble()));
    ArrayNode next = JSON.createArrayNode();
    scored.stream().filter(r -> r.get("score").asDouble() >= pass).forEach(next::add);
    JsonLog.append(
        task,
        ROUND_LOG,
        "round",
        task.getVariable(ROUND_NAME),
        ENTRIES,
        scored.size(),
        "passed",
        next.size());
    task.setVariable(ENTRIES, SpinValues.jsonValue(next.toString()).create());
    task.setVariable(ROUND_INDEX, (Integer) task.getVariable(ROUND_INDEX) + 1);
  }

  public void awarded(DelegateTask task) {
    Inputs.text(task, AWARD_DECISION, "Quyết định công nhận kết quả, trao giải");
  }

  private static JsonNode readTree(String text) {
    try {
      return JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw new InvalidInputException("Dữ liệu chấm điểm không đọc được (entries)");
    }
  }
}
