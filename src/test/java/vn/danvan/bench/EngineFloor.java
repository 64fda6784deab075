package vn.danvan.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;

/**
 * The least any per-body unit can cost on this engine and database: the time to create one bare
 * process instance per body (start → the body's user task with its due date, and the four variables
 * its form shows) in transactions of {@code chunk} bodies on {@code threads} threads, like the
 * fan-out's job threads. Printed beside the fan-out so its figure can be read against the floor.
 */
final class EngineFloor {

  static final String KEY = "benchEngineFloor";

  private EngineFloor() {}

  static Map<String, Object> measure(
      ProcessEngine engine, List<String> bodies, int threads, int chunk) throws Exception {
    deploy(engine);
    var config = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    String key = KEY + System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    long t0 = System.nanoTime();
    List<Future<?>> parts = new ArrayList<>();
    for (int i = 0; i < bodies.size(); i += chunk) {
      List<String> part = bodies.subList(i, Math.min(bodies.size(), i + chunk));
      parts.add(
          pool.submit(
              () ->
                  config
                      .getCommandExecutorTxRequired()
                      .execute(
                          context -> {
                            for (String body : part) {
                              engine
                                  .getRuntimeService()
                                  .startProcessInstanceByKey(KEY, key, variables(body, key));
                            }
                            return null;
                          })));
    }
    awaitAll(parts);
    long millis = (System.nanoTime() - t0) / 1_000_000;
    pool.shutdown();
    long tasks = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(key).count();
    if (tasks != bodies.size()) {
      throw new IllegalStateException("floor run made " + tasks + " tasks for " + bodies.size());
    }
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("bodies", bodies.size());
    result.put("threads", threads);
    result.put("chunk", chunk);
    result.put("variablesPerBody", 4);
    result.put("seconds", millis / 1000.0);
    return result;
  }

  /**
   * {@code tasks} bare instances started and their tasks completed (with the variables a body's
   * answer sets) on {@code threads} threads, a round of one instance per body at a time, as the
   * bodies of the lifetime run answer: each round's instances are started, their open tasks read in
   * one query (as the run reads what is open), then completed; returns the milliseconds.
   */
  static long startAndComplete(ProcessEngine engine, List<String> bodies, int tasks, int threads)
      throws Exception {
    deploy(engine);
    String key = KEY + System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    long t0 = System.nanoTime();
    for (int started = 0; started < tasks; started += bodies.size()) {
      List<Future<?>> round = new ArrayList<>();
      for (int i = started; i < Math.min(tasks, started + bodies.size()); i++) {
        String body = bodies.get(i % bodies.size());
        round.add(
            pool.submit(
                () ->
                    engine
                        .getRuntimeService()
                        .startProcessInstanceByKey(KEY, key, variables(body, key))));
      }
      awaitAll(round);
      round.clear();
      for (Task task :
          engine.getTaskService().createTaskQuery().processInstanceBusinessKey(key).list()) {
        round.add(
            pool.submit(
                () ->
                    engine
                        .getTaskService()
                        .complete(
                            task.getId(),
                            Map.of(
                                "requestExtension",
                                false,
                                "resultReport",
                                "Đã thực hiện, có số liệu cụ thể kèm theo"))));
      }
      awaitAll(round);
    }
    pool.shutdown();
    long millis = (System.nanoTime() - t0) / 1_000_000;
    long ended =
        engine
            .getHistoryService()
            .createHistoricProcessInstanceQuery()
            .processInstanceBusinessKey(key)
            .finished()
            .count();
    if (ended != tasks) {
      throw new IllegalStateException("floor run ended " + ended + " of " + tasks);
    }
    return millis;
  }

  /** A body's instance: the four variables its form shows. */
  private static Map<String, Object> variables(String body, String key) {
    Map<String, Object> vars = new HashMap<>();
    vars.put("leadBody", body);
    vars.put("fanoutId", key);
    vars.put("taskContent", "Báo cáo kết quả thực hiện Chỉ thị");
    vars.put("deadline", "2099-12-31");
    return vars;
  }

  private static void awaitAll(List<Future<?>> work) throws Exception {
    for (Future<?> each : work) {
      each.get();
    }
  }

  private static void deploy(ProcessEngine engine) {
    BpmnModelInstance model =
        Bpmn.createExecutableProcess(KEY)
            .camundaHistoryTimeToLive(1)
            .startEvent()
            .userTask("Task_Perform")
            .camundaCandidateGroups("${leadBody}")
            .camundaDueDate("${deadlines.endOfDay(deadline)}")
            .camundaFormRef("form_thucHienNhiemVu")
            .camundaFormRefBinding("latest")
            .endEvent()
            .done();
    engine
        .getRepositoryService()
        .createDeployment()
        .name(KEY)
        .addModelInstance(KEY + ".bpmn", model)
        .deploy();
  }
}
