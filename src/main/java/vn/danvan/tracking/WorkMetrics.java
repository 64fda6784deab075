package vn.danvan.tracking;

import static vn.danvan.variable.SharedVariables.ANSWERED_AHEAD;
import static vn.danvan.variable.SharedVariables.DEADLINE;
import static vn.danvan.variable.SharedVariables.LEAD_BODY;
import static vn.danvan.variable.SharedVariables.RETURNED_SINCE_SUBMISSION;
import static vn.danvan.variable.SharedVariables.SUBMITTED_AT;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import vn.danvan.deadline.Deadlines;

/**
 * Gauges for monitoring (Prometheus at {@code /actuator/prometheus}): {@code danvan_work{directive,
 * body, status}} — the open work of each body in each directive, {@code status} one of {@code
 * trong_han}, {@code sap_den_han}, {@code qua_han}. Refreshed every minute from the running
 * assignments and fan-out members.
 */
@Component
public class WorkMetrics {

  private final ProcessEngine engine;
  private final Deadlines deadlines;
  private final MultiGauge gauge;

  WorkMetrics(ProcessEngine engine, Deadlines deadlines, MeterRegistry registry) {
    this.engine = engine;
    this.deadlines = deadlines;
    this.gauge =
        MultiGauge.builder("danvan.work")
            .description("Việc đang mở theo đơn vị, văn bản và tình trạng")
            .register(registry);
  }

  @Scheduled(fixedDelayString = "${danvan.metrics.refresh:PT1M}", initialDelay = 10_000)
  public void refresh() {
    Map<String, String> directiveOf = new HashMap<>();
    for (ProcessInstance instance :
        engine
            .getRuntimeService()
            .createProcessInstanceQuery()
            .processDefinitionKeyIn(WorkVariables.WORK.toArray(String[]::new))
            .list()) {
      directiveOf.put(
          instance.getId(), instance.getBusinessKey() == null ? "" : instance.getBusinessKey());
    }
    Map<String, Map<String, Object>> vars = new HashMap<>();
    List<String> ids = new ArrayList<>(directiveOf.keySet());
    for (int i = 0; i < ids.size(); i += 500) {
      engine
          .getRuntimeService()
          .createVariableInstanceQuery()
          .processInstanceIdIn(ids.subList(i, Math.min(ids.size(), i + 500)).toArray(String[]::new))
          .variableNameIn(
              LEAD_BODY, DEADLINE, SUBMITTED_AT, RETURNED_SINCE_SUBMISSION, ANSWERED_AHEAD)
          .list()
          .forEach(
              v ->
                  vars.computeIfAbsent(v.getProcessInstanceId(), k -> new HashMap<>())
                      .put(v.getName(), v.getValue()));
    }
    Instant now = deadlines.now().toInstant();
    Map<Tags, Integer> counts = new HashMap<>();
    vars.forEach(
        (id, v) -> {
          String name = openStatus(v, now);
          if (name != null && v.get(LEAD_BODY) instanceof String body) {
            counts.merge(
                Tags.of("directive", directiveOf.get(id), "body", body, "status", name),
                1,
                Integer::sum);
          }
        });
    List<MultiGauge.Row<?>> rows = new ArrayList<>();
    counts.forEach((tags, count) -> rows.add(MultiGauge.Row.of(tags, count)));
    gauge.register(rows, true);
  }

  /**
   * The gauge's status of a piece of work that is the body's to do, judged by its deadline; null
   * when it is not: handed over to its fan-out member (counted there), or submitted and waiting for
   * the monitoring body. Work returned to the body is the body's to do again.
   */
  String openStatus(Map<String, Object> v, Instant now) {
    if (Boolean.TRUE.equals(v.get(ANSWERED_AHEAD))) {
      return null;
    }
    Map<String, Object> open = new HashMap<>(v);
    if (Boolean.TRUE.equals(open.remove(RETURNED_SINCE_SUBMISSION))) {
      open.remove(SUBMITTED_AT);
    }
    return switch (WorkVariables.status(open, deadlines, now)) {
      case OPEN_OVERDUE -> "qua_han";
      case DUE_SOON -> "sap_den_han";
      case OPEN_ON_TRACK, NO_DEADLINE -> "trong_han";
      default -> null; // submitted, waiting for confirmation (done work has no instance)
    };
  }
}
