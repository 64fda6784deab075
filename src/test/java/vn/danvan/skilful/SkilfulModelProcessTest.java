package vn.danvan.skilful;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static vn.danvan.skilful.SkilfulVariables.APPRAISAL_NOTE;
import static vn.danvan.skilful.SkilfulVariables.APPRAISAL_SCORE;
import static vn.danvan.skilful.SkilfulVariables.AREA;
import static vn.danvan.skilful.SkilfulVariables.AWARD_DECISION;
import static vn.danvan.skilful.SkilfulVariables.COMMENDATION_DECISION;
import static vn.danvan.skilful.SkilfulVariables.COMMENDING_BODY;
import static vn.danvan.skilful.SkilfulVariables.CONTENT;
import static vn.danvan.skilful.SkilfulVariables.CONTEST_CYCLE;
import static vn.danvan.skilful.SkilfulVariables.CONTEST_NAME;
import static vn.danvan.skilful.SkilfulVariables.CUMULATIVE;
import static vn.danvan.skilful.SkilfulVariables.ENTRIES;
import static vn.danvan.skilful.SkilfulVariables.FOCUS_AREA;
import static vn.danvan.skilful.SkilfulVariables.FOCUS_AREAS;
import static vn.danvan.skilful.SkilfulVariables.FOCUS_AREA_CHOICES;
import static vn.danvan.skilful.SkilfulVariables.GOALS;
import static vn.danvan.skilful.SkilfulVariables.LACKING_COUNT;
import static vn.danvan.skilful.SkilfulVariables.MODEL_NAME;
import static vn.danvan.skilful.SkilfulVariables.MODEL_STATUS;
import static vn.danvan.skilful.SkilfulVariables.ORGANISING_BODY;
import static vn.danvan.skilful.SkilfulVariables.OUTCOME;
import static vn.danvan.skilful.SkilfulVariables.OUTCOME_LABEL;
import static vn.danvan.skilful.SkilfulVariables.OUTPUTS;
import static vn.danvan.skilful.SkilfulVariables.PARTICIPANTS;
import static vn.danvan.skilful.SkilfulVariables.PER_FOCUS_AREA;
import static vn.danvan.skilful.SkilfulVariables.QUOTA_SUMMARY;
import static vn.danvan.skilful.SkilfulVariables.RECOGNISING_BODY;
import static vn.danvan.skilful.SkilfulVariables.RESOURCES;
import static vn.danvan.skilful.SkilfulVariables.RETIRE_REASON;
import static vn.danvan.skilful.SkilfulVariables.ROUNDS;
import static vn.danvan.skilful.SkilfulVariables.ROUND_NAME;
import static vn.danvan.skilful.SkilfulVariables.STATUS_LOG;
import static vn.danvan.skilful.SkilfulVariables.STILL_RUNNING;
import static vn.danvan.skilful.SkilfulVariables.SUSTAINABILITY;
import static vn.danvan.skilful.SkilfulVariables.TIMELINE;
import static vn.danvan.skilful.SkilfulVariables.WORK_FIELD;
import static vn.danvan.variable.SharedVariables.BODIES;
import static vn.danvan.variable.SharedVariables.END_DATE;
import static vn.danvan.variable.SharedVariables.ISSUED_DATE;
import static vn.danvan.variable.SharedVariables.LEAD_BODY;
import static vn.danvan.variable.SharedVariables.MONITOR_BODY;
import static vn.danvan.variable.SharedVariables.TASK_CONTENT;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.danvan.input.InvalidInputException;
import vn.danvan.rehearsal.DirectiveRun;
import vn.danvan.support.ProcessTestEngine;

/**
 * "Dân vận khéo": a model's life (registered, appraised, recognised, exemplary, commended on 15/10,
 * re-evaluated each 1 September, retired), the yearly quota with its chasing, a contest; a
 * directive's movement with its focus areas, chosen at registration, and its contests on their
 * cycle.
 */
@Deployment(
    resources = {
      "processes/blocks/skilfulModel.bpmn",
      "processes/blocks/skilfulQuota.bpmn",
      "processes/blocks/skilfulContest.bpmn",
      "processes/blocks/skilfulFocus.bpmn",
      "processes/blocks/chaseNotice.bpmn",
      "processes/decisions/chiTieuDanVanKheo.dmn",
      "processes/decisions/congNhanDanVanKheo.dmn"
    })
class SkilfulModelProcessTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessTestEngine.withFullCoverage("chaseNotice");

  static final ObjectMapper JSON = new ObjectMapper();

  @AfterEach
  void reset() {
    ClockUtil.reset();
    BpmnAwareTests.identityService().clearAuthentication();
  }

  static ProcessInstance register(String person, Object... extra) {
    Map<String, Object> vars = registration();
    for (int i = 0; i < extra.length; i += 2) {
      vars.put((String) extra[i], extra[i + 1]);
    }
    BpmnAwareTests.identityService().setAuthenticatedUserId(person);
    try {
      return runtimeService().startProcessInstanceByKey("skilfulModel", vars);
    } finally {
      BpmnAwareTests.identityService().clearAuthentication();
    }
  }

  /** A registration's ten fields and field of work. */
  static Map<String, Object> registration() {
    return withVariables(
        MODEL_NAME,
        "Dân vận khéo trong xây dựng nông thôn mới",
        "reason",
        "Người dân còn ngại hiến đất làm đường",
        GOALS,
        "100% hộ đồng thuận",
        CONTENT,
        "Tổ vận động gặp từng hộ",
        AREA,
        "Ấp 3, 120 hộ",
        PARTICIPANTS,
        "UBND xã chủ trì; Mặt trận, hội đoàn thể phối hợp",
        RESOURCES,
        "Xã hội hóa 200 triệu đồng",
        TIMELINE,
        "3/2025–12/2025",
        OUTPUTS,
        "2 km đường bê tông; biên bản hiến đất",
        SUSTAINABILITY,
        "Nhân rộng ra 5 ấp",
        WORK_FIELD,
        "kinhTe");
  }

  static void appraise(ProcessInstance model, Object score) {
    Task task =
        taskQuery()
            .processInstanceId(model.getId())
            .taskDefinitionKey("Task_AppraiseModel")
            .singleResult();
    taskService()
        .complete(
            task.getId(),
            withVariables(APPRAISAL_SCORE, score, APPRAISAL_NOTE, "Mô hình có kết quả rõ"));
  }

  static Job timerOf(ProcessInstance model) {
    return managementService()
        .createJobQuery()
        .processInstanceId(model.getId())
        .timers()
        .singleResult();
  }

  static void fire(Job job) {
    ClockUtil.setCurrentTime(job.getDuedate());
    managementService().executeJob(job.getId());
  }

  static Object variable(ProcessInstance pi, String name) {
    return historyService()
        .createHistoricVariableInstanceQuery()
        .processInstanceId(pi.getId())
        .variableName(name)
        .singleResult()
        .getValue();
  }

  @Test
  void aModelIsRecognisedBecomesExemplaryIsCommendedAndRetires() {
    DirectiveRun.at("2025-03-01T09:00");
    ProcessInstance model = register("ubndXaXuanHiepCanBo");
    assertThat(variable(model, "body")).isEqualTo("ubndXaXuanHiep");
    Task appraisal = taskQuery().processInstanceId(model.getId()).singleResult();
    BpmnAwareTests.assertThat(appraisal)
        .hasCandidateGroup("bdvTU")
        .hasDueDate(Date.from(Instant.parse("2025-03-31T16:59:59Z")));
    assertThatThrownBy(() -> appraise(model, 120))
        .hasRootCauseMessage("Điểm 120 ngoài khoảng 0–100 (score)");
    appraise(model, 80);
    assertThat(variable(model, MODEL_STATUS)).isEqualTo("Được công nhận");

    Job reEvaluation = timerOf(model);
    assertThat(reEvaluation.getDuedate())
        .isEqualTo(Date.from(Instant.parse("2026-09-01T01:00:00Z")));
    fire(reEvaluation);
    Task again = taskQuery().processInstanceId(model.getId()).singleResult();
    assertThatThrownBy(() -> taskService().complete(again.getId()))
        .hasRootCauseMessage("Chưa chọn mô hình còn duy trì hay không (stillRunning)");
    taskService()
        .complete(
            again.getId(),
            withVariables(
                STILL_RUNNING,
                true,
                APPRAISAL_SCORE,
                92,
                APPRAISAL_NOTE,
                "Được nhân rộng ra 5 ấp"));
    assertThat(variable(model, OUTCOME)).isEqualTo("DIEN_HINH");

    Job commendation = timerOf(model);
    assertThat(commendation.getDuedate())
        .isEqualTo(Date.from(Instant.parse("2026-10-15T01:00:00Z")));
    fire(commendation);
    Task commend = taskQuery().processInstanceId(model.getId()).singleResult();
    BpmnAwareTests.assertThat(commend).hasCandidateGroup("btvTULanhDao");
    taskService()
        .complete(
            commend.getId(),
            withVariables(COMMENDATION_DECISION, "Quyết định 125-QĐ/TU ngày 15/10/2026"));
    assertThat(variable(model, MODEL_STATUS)).isEqualTo("Mô hình điển hình, đã được khen thưởng");

    fire(timerOf(model)); // 1/9/2027
    Task last = taskQuery().processInstanceId(model.getId()).singleResult();
    taskService()
        .complete(
            last.getId(),
            withVariables(
                STILL_RUNNING, false, RETIRE_REASON, "Đường đã hoàn thành, mô hình kết thúc"));
    BpmnAwareTests.assertThat(model).isEnded().hasPassed("EndEvent_Retired");
    assertThat(variable(model, MODEL_STATUS)).isEqualTo("Đã dừng");
    assertThat(variable(model, STATUS_LOG).toString())
        .contains("Được công nhận", "Mô hình điển hình", "Đã dừng");
  }

  @Test
  void aWeakModelIsNotRecognisedAndARecognisedOneThatFallsBackRetires() {
    DirectiveRun.at("2025-03-01T09:00");
    ProcessInstance weak = register("ubndXaXuanHiepCanBo");
    appraise(weak, 74.99);
    BpmnAwareTests.assertThat(weak).isEnded().hasPassed("EndEvent_NotRecognised");
    assertThat(variable(weak, OUTCOME_LABEL)).isEqualTo("Không được công nhận");

    ProcessInstance fading = register("ubndXaXuanHiepCanBo");
    appraise(fading, 76);
    fire(timerOf(fading));
    taskService()
        .complete(
            taskQuery().processInstanceId(fading.getId()).singleResult().getId(),
            withVariables(
                STILL_RUNNING, true, APPRAISAL_SCORE, 70, APPRAISAL_NOTE, "Giảm hiệu quả"));
    BpmnAwareTests.assertThat(fading).isEnded().hasPassed("EndEvent_Retired");
  }

  @Test
  void aCommuneRegistersAtMostThreeModelsAYear() {
    DirectiveRun.at("2025-03-01T09:00");
    for (int i = 0; i < 3; i++) {
      register("ubndXaXuanHiepCanBo");
    }
    assertThatThrownBy(() -> register("ubndXaXuanHiepCanBo"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(
            "Ủy ban nhân dân xã Xuân Hiệp đã đăng ký 3 mô hình \"Dân vận khéo\" năm 2025,"
                + " tối đa 3 mô hình mỗi năm");
    DirectiveRun.at("2026-01-02T09:00");
    assertThat(register("ubndXaXuanHiepCanBo")).isNotNull(); // a new year, a new quota
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          another body's model | body       | mttqTinh | Chỉ được đăng ký mô hình cho đơn vị của mình (ubndXaXuanHiep) (body)
          no name              | modelName  | ' '      | Tên mô hình là bắt buộc (modelName)
          no outputs           | outputs    | ' '      | Sản phẩm, kết quả kiểm chứng được là bắt buộc (outputs)
          unknown field        | workField  | theThao  | Lĩnh vực "theThao" không hợp lệ
          """)
  void badRegistrationIsRefused(String kind, String name, String value, String message) {
    DirectiveRun.at("2025-03-01T09:00");
    assertThatThrownBy(() -> register("ubndXaXuanHiepCanBo", name, value))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining(message);
    assertThat(runtimeService().createProcessInstanceQuery().count()).isZero();
  }

  /** A quota for 2025–2026 issued on 15/1/2025, for {@code bodies}. */
  static ProcessInstance quota(String bodies, Object... extra) {
    Map<String, Object> vars =
        withVariables(
            ISSUED_DATE,
            "2025-01-15",
            END_DATE,
            "2026-12-31",
            MONITOR_BODY,
            "bdvTU",
            BODIES,
            bodies);
    for (int i = 0; i < extra.length; i += 2) {
      vars.put((String) extra[i], extra[i + 1]);
    }
    return runtimeService().startProcessInstanceByKey("skilfulQuota", "CT-DV-BT", vars);
  }

  @Test
  void bodiesBelowTheirQuotaAreChasedAfterEachYearsDeadline() {
    DirectiveRun.at("2025-01-15T09:00");
    ProcessInstance quota = quota("ubndXaXuanHiep, soNoiVu, mttqTinh");
    register("soNoiVuCanBo");
    Job check = timerOf(quota);
    assertThat(check.getDuedate()).isEqualTo(Date.from(Instant.parse("2025-07-01T01:00:00Z")));
    fire(check);
    List<Task> notices = taskQuery().taskDefinitionKey("Task_AcknowledgeChase").list();
    assertThat(notices)
        .extracting(t -> taskService().getVariable(t.getId(), LEAD_BODY))
        .containsExactlyInAnyOrder("ubndXaXuanHiep", "mttqTinh");
    assertThat(runtimeService().getVariable(quota.getId(), QUOTA_SUMMARY))
        .isEqualTo(
            "Năm 2025, chưa đủ chỉ tiêu: Ủy ban nhân dân xã Xuân Hiệp: 0/1;"
                + " Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh: 0/1");
    fire(timerOf(quota)); // 1/7/2026: nobody has registered for 2026
    assertThat(taskQuery().taskDefinitionKey("Task_AcknowledgeChase").count()).isEqualTo(5);
    BpmnAwareTests.assertThat(quota).isEnded();
    assertThat(variable(quota, LACKING_COUNT)).isEqualTo(3);
  }

  @Test
  void withdrawingTheQuotaEndsItsNoticesThatTheLeadersHaveNotAcknowledged() {
    DirectiveRun.at("2025-01-15T09:00");
    ProcessInstance quota = quota("ubndXaXuanHiep, mttqTinh");
    fire(timerOf(quota));
    List<Task> notices = taskQuery().taskDefinitionKey("Task_AcknowledgeChase").list();
    assertThat(notices).hasSize(2);
    taskService()
        .complete(
            notices.get(0).getId(), withVariables("chaseResponse", "Đã chỉ đạo đăng ký mô hình"));

    runtimeService().deleteProcessInstance(quota.getId(), "Văn bản bị thu hồi");

    assertThat(taskQuery().taskDefinitionKey("Task_AcknowledgeChase").count()).isZero();
    assertThat(
            historyService()
                .createHistoricProcessInstanceQuery()
                .processDefinitionKey("chaseNotice")
                .list())
        .extracting(n -> n.getDeleteReason())
        .as("one acknowledged before, one withdrawn")
        .containsExactlyInAnyOrder(null, "Chỉ tiêu mô hình \"Dân vận khéo\" đã bị hủy");
  }

  @Test
  void aQuotaForTheWholePeriodCountsModelsSinceItsFirstYear() {
    DirectiveRun.at("2025-01-15T09:00");
    ProcessInstance quota = quota("soNoiVu, mttqTinh", CUMULATIVE, true);
    register("soNoiVuCanBo");
    fire(timerOf(quota));
    fire(timerOf(quota));
    assertThat(taskQuery().taskDefinitionKey("Task_AcknowledgeChase").list())
        .extracting(t -> taskService().getVariable(t.getId(), LEAD_BODY))
        .containsExactly("mttqTinh", "mttqTinh");
    assertThat(variable(quota, QUOTA_SUMMARY))
        .isEqualTo(
            "Năm 2026, chưa đủ chỉ tiêu (từ năm"
                + " 2025): Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh: 0/1");
    assertThat(
            taskService()
                .getVariable(
                    taskQuery()
                        .taskDefinitionKey("Task_AcknowledgeChase")
                        .orderByTaskCreateTime()
                        .desc()
                        .list()
                        .get(0)
                        .getId(),
                    TASK_CONTENT))
        .isEqualTo("Đăng ký mô hình \"Dân vận khéo\" giai đoạn 2025–2026 theo chỉ tiêu");
  }

  @Test
  void aContestScoresRecognisedModelsRoundByRound() throws Exception {
    DirectiveRun.at("2025-03-01T09:00");
    assertThatThrownBy(
            () ->
                runtimeService()
                    .startProcessInstanceByKey(
                        "skilfulContest",
                        withVariables(
                            CONTEST_NAME, "Hội thi Dân vận khéo 2025", ORGANISING_BODY, "bdvTU")))
        .hasMessageContaining("Chưa có mô hình \"Dân vận khéo\" nào được công nhận để dự thi");
    appraise(register("ubndXaXuanHiepCanBo"), 85);
    appraise(register("soNoiVuCanBo", MODEL_NAME, "Một cửa thân thiện"), 78);
    appraise(register("mttqTinhCanBo", MODEL_NAME, "Mặt trận lắng nghe"), 50); // not recognised
    ProcessInstance contest =
        runtimeService()
            .startProcessInstanceByKey(
                "skilfulContest",
                withVariables(
                    CONTEST_NAME,
                    "Hội thi Dân vận khéo 2025",
                    ORGANISING_BODY,
                    "bdvTU",
                    ROUNDS,
                    "Sơ khảo, Chung khảo"));
    Task first = taskQuery().processInstanceId(contest.getId()).singleResult();
    BpmnAwareTests.assertThat(first).hasCandidateGroup("bdvTU");
    assertThat(taskService().getVariable(first.getId(), ROUND_NAME)).isEqualTo("Sơ khảo");
    assertThat(entries(first)).hasSize(2);
    assertThatThrownBy(() -> score(first, 101, 60))
        .hasRootCauseMessage("Điểm 101 ngoài khoảng 0–100 (score)");
    score(first, 88, 60); // only the first goes on
    Task fin = taskQuery().processInstanceId(contest.getId()).singleResult();
    assertThat(taskService().getVariable(fin.getId(), ROUND_NAME)).isEqualTo("Chung khảo");
    assertThat(entries(fin).findValuesAsText(MODEL_NAME))
        .containsExactly("Dân vận khéo trong xây dựng nông thôn mới");
    score(fin, 91);
    Task award = taskQuery().processInstanceId(contest.getId()).singleResult();
    BpmnAwareTests.assertThat(award).hasCandidateGroup("bdvTULanhDao");
    taskService()
        .complete(award.getId(), withVariables(AWARD_DECISION, "Giải Nhất: mô hình xã Xuân Hiệp"));
    BpmnAwareTests.assertThat(contest).isEnded();
  }

  @Test
  void theJuryScoresTheRoundsEntriesAndNothingElse() throws Exception {
    DirectiveRun.at("2025-03-01T09:00");
    appraise(register("ubndXaXuanHiepCanBo"), 85);
    appraise(register("soNoiVuCanBo", MODEL_NAME, "Một cửa thân thiện"), 78);
    ProcessInstance contest =
        runtimeService()
            .startProcessInstanceByKey(
                "skilfulContest",
                withVariables(
                    CONTEST_NAME,
                    "Hội thi Dân vận khéo 2025",
                    ORGANISING_BODY,
                    "bdvTU",
                    ROUNDS,
                    "Chung khảo"));
    Task round = taskQuery().processInstanceId(contest.getId()).singleResult();
    ArrayNode given = entries(round);

    ArrayNode invented = given.deepCopy();
    invented
        .addObject()
        .put("modelId", "khong-co")
        .put(MODEL_NAME, "Mô hình tự thêm")
        .put("score", 99);
    ArrayNode dropped = JSON.createArrayNode().add(given.get(0).deepCopy());
    ArrayNode twice = given.deepCopy();
    twice.set(1, given.get(0).deepCopy());
    for (ArrayNode rows : List.of(invented, dropped, twice)) {
      for (int i = 0; i < rows.size(); i++) {
        ((ObjectNode) rows.get(i)).put("score", 90);
      }
    }
    assertThatThrownBy(() -> complete(round, invented))
        .hasRootCauseMessage(
            "Bảng điểm phải gồm đúng các mô hình của vòng thi; không dự thi: khong-co (entries)");
    assertThatThrownBy(() -> complete(round, dropped))
        .hasRootCauseMessage(
            "Bảng điểm phải gồm đúng các mô hình của vòng thi; chưa chấm: "
                + given.get(1).get(MODEL_NAME).asText()
                + " (entries)");
    assertThatThrownBy(() -> complete(round, twice))
        .hasRootCauseMessage(
            "Mô hình " + given.get(0).get("modelId").asText() + " được chấm hai lần (entries)");

    // a renamed entry keeps the name the round gave it; only the score is the jury's
    ArrayNode renamed = given.deepCopy();
    ((ObjectNode) renamed.get(0)).put(MODEL_NAME, "Tên do người chấm sửa").put("score", 70);
    ((ObjectNode) renamed.get(1)).put("score", 95);
    complete(round, renamed);
    Task award = taskQuery().processInstanceId(contest.getId()).singleResult();
    ArrayNode result = entries(award);
    assertThat(result.findValuesAsText(MODEL_NAME))
        .containsExactly(given.get(1).get(MODEL_NAME).asText());
    assertThat(result.get(0).get("score").asDouble()).isEqualTo(95);
  }

  static void complete(Task task, ArrayNode rows) {
    taskService()
        .complete(
            task.getId(),
            Variables.putValue(ENTRIES, SpinValues.jsonValue(rows.toString()).create()));
  }

  static ArrayNode entries(Task task) throws Exception {
    return (ArrayNode) JSON.readTree(taskService().getVariable(task.getId(), ENTRIES).toString());
  }

  static void score(Task task, double... scores) throws Exception {
    ArrayNode rows = entries(task);
    for (int i = 0; i < rows.size(); i++) {
      ((ObjectNode) rows.get(i)).put("score", scores[i]);
    }
    taskService()
        .complete(
            task.getId(),
            Variables.putValue(ENTRIES, SpinValues.jsonValue(rows.toString()).create()));
  }

  /** A movement issued on 15/1/2025 with two focus areas, a contest each 15/8, to 2026. */
  static ProcessInstance movement(Object... extra) {
    Map<String, Object> vars =
        withVariables(
            ISSUED_DATE,
            "2025-01-15",
            END_DATE,
            "2026-12-31",
            FOCUS_AREAS,
            "Bảo vệ môi trường; Vệ sinh an toàn thực phẩm",
            COMMENDING_BODY,
            "ubndTinh",
            ORGANISING_BODY,
            "bdvTU",
            CONTEST_CYCLE,
            "trước ngày 15/8 hằng năm");
    for (int i = 0; i < extra.length; i += 2) {
      vars.put((String) extra[i], extra[i + 1]);
    }
    return runtimeService().startProcessInstanceByKey("skilfulFocus", "NQ-DV-2025", vars);
  }

  static void completeAs(String person, Task task, Map<String, Object> vars) {
    BpmnAwareTests.identityService().setAuthenticatedUserId(person);
    try {
      taskService().complete(task.getId(), vars);
    } finally {
      BpmnAwareTests.identityService().clearAuthentication();
    }
  }

  @Test
  void aModelChoosesItsDirectivesFocusAreaAndCompetesInThatAreasContest() throws Exception {
    DirectiveRun.at("2025-01-15T09:00");
    ProcessInstance movement = movement(PER_FOCUS_AREA, true);
    assertThat(timerOf(movement).getDuedate())
        .isEqualTo(Date.from(Instant.parse("2025-08-15T01:00:00Z")));

    DirectiveRun.at("2025-03-01T09:00");
    ProcessInstance model = register("ubndXaXuanHiepCanBo");
    Task choose = taskQuery().processInstanceId(model.getId()).singleResult();
    BpmnAwareTests.assertThat(choose)
        .hasDefinitionKey("Task_ChooseFocusArea")
        .isAssignedTo("ubndXaXuanHiepCanBo");
    assertThat(taskService().getIdentityLinksForTask(choose.getId()))
        .as("the body's other staff can take it over")
        .extracting(link -> link.getGroupId())
        .contains("ubndXaXuanHiep");
    assertThat(taskService().getVariable(choose.getId(), FOCUS_AREA_CHOICES).toString())
        .contains("Bảo vệ môi trường", "Vệ sinh an toàn thực phẩm", SkilfulFocus.OTHER_AREA);
    assertThatThrownBy(
            () ->
                completeAs("ubndXaXuanHiepCanBo", choose, withVariables(FOCUS_AREA, "Giao thông")))
        .hasRootCauseMessage(
            "Lĩnh vực trọng tâm \"Giao thông\" không có trong danh sách: Bảo vệ môi trường;"
                + " Vệ sinh an toàn thực phẩm; Lĩnh vực khác (focusArea)");
    completeAs("ubndXaXuanHiepCanBo", choose, withVariables(FOCUS_AREA, "Bảo vệ môi trường"));
    appraise(model, 85);
    assertThat(variable(model, FOCUS_AREA)).isEqualTo("Bảo vệ môi trường");
    assertThat(variable(model, RECOGNISING_BODY)).as("UBND commends").isEqualTo("ubndTinh");

    // a REST client may give the area at registration: then no separate step
    ProcessInstance other =
        register(
            "soNoiVuCanBo", MODEL_NAME, "Một cửa thân thiện", FOCUS_AREA, SkilfulFocus.OTHER_AREA);
    appraise(other, 80);
    assertThatThrownBy(() -> register("soNoiVuCanBo", FOCUS_AREA, "Giao thông"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("Lĩnh vực trọng tâm \"Giao thông\" không có trong danh sách");

    // 15/8/2025: one contest per focus area with a recognised model: environment only
    fire(timerOf(movement));
    List<ProcessInstance> contests =
        runtimeService().createProcessInstanceQuery().processDefinitionKey("skilfulContest").list();
    assertThat(contests).hasSize(1);
    assertThat(runtimeService().getVariable(contests.get(0).getId(), CONTEST_NAME))
        .isEqualTo("Hội thi \"Dân vận khéo\" năm 2025 – lĩnh vực Bảo vệ môi trường");
    Task first = taskQuery().processInstanceId(contests.get(0).getId()).singleResult();
    assertThat(entries(first).findValuesAsText(FOCUS_AREA)).containsExactly("Bảo vệ môi trường");
    score(first, 90);
    score(taskQuery().processInstanceId(contests.get(0).getId()).singleResult(), 92);
    Task award = taskQuery().processInstanceId(contests.get(0).getId()).singleResult();
    completeAs(
        "bdvTULanhDao", award, withVariables(AWARD_DECISION, "Giải Nhất: mô hình xã Xuân Hiệp"));

    // 15/8/2026: no recognised model left, no contest; the period ends on 31/12/2026
    runtimeService().deleteProcessInstance(model.getId(), "Dừng");
    runtimeService().deleteProcessInstance(other.getId(), "Dừng");
    fire(timerOf(movement));
    assertThat(
            runtimeService()
                .createProcessInstanceQuery()
                .processDefinitionKey("skilfulContest")
                .count())
        .isZero();
    Job over = timerOf(movement);
    assertThat(over.getDuedate()).isEqualTo(Date.from(Instant.parse("2026-12-31T17:00:00Z")));
    fire(over);
    BpmnAwareTests.assertThat(movement).isEnded().hasPassed("EndEvent_FocusOver");
    DirectiveRun.at("2027-01-05T09:00");
    BpmnAwareTests.assertThat(register("ubndXaXuanHiepCanBo"))
        .as("after the period, no focus area to choose")
        .isWaitingAt("Task_AppraiseModel");
  }

  @Test
  void oneContestForAllAreasWhenTheDirectiveSaysSo() {
    DirectiveRun.at("2025-01-15T09:00");
    ProcessInstance movement = movement();
    appraise(register("ubndXaXuanHiepCanBo", FOCUS_AREA, "Bảo vệ môi trường"), 85);
    appraise(register("soNoiVuCanBo", FOCUS_AREA, "Vệ sinh an toàn thực phẩm"), 80);
    fire(timerOf(movement));
    ProcessInstance contest =
        runtimeService()
            .createProcessInstanceQuery()
            .processDefinitionKey("skilfulContest")
            .singleResult();
    assertThat(runtimeService().getVariable(contest.getId(), CONTEST_NAME))
        .isEqualTo("Hội thi \"Dân vận khéo\" năm 2025");
    assertThat(runtimeService().getVariable(contest.getId(), ENTRIES).toString())
        .contains("Bảo vệ môi trường", "Vệ sinh an toàn thực phẩm");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          none       | ' '                           | Chưa nêu lĩnh vực trọng tâm nào (focusAreas)
          empty item | Môi trường;; An toàn thực phẩm | có một mục trống (focusAreas)
          repeated   | Môi trường; Môi trường         | "Môi trường" được ghi hai lần (focusAreas)
          """)
  void aMovementNeedsReadableFocusAreas(String kind, String areas, String message) {
    DirectiveRun.at("2025-01-15T09:00");
    assertThatThrownBy(() -> movement(FOCUS_AREAS, areas))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining(message);
    assertThat(runtimeService().createProcessInstanceQuery().count()).isZero();
  }

  @Test
  void aModelWithUnreadableFocusAreasIsNotDeployed() {
    String bpmn =
        """
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="t">
          <process id="focusAreasCheck" isExecutable="true" camunda:historyTimeToLive="1">
            <startEvent id="Start">
              <extensionElements>
                <camunda:executionListener delegateExpression="${directiveStarted}" event="start" />
              </extensionElements>
            </startEvent>
            <callActivity id="CallActivity_Movement" name="II.4 Phong trào"
                calledElement="skilfulFocus">
              <extensionElements>
                <camunda:in sourceExpression="Môi trường;;" target="focusAreas" />
              </extensionElements>
            </callActivity>
            <sequenceFlow id="F1" sourceRef="Start" targetRef="CallActivity_Movement" />
          </process>
        </definitions>
        """;
    assertThatThrownBy(
            () ->
                BpmnAwareTests.repositoryService()
                    .createDeployment()
                    .addString("focusAreasCheck.bpmn", bpmn)
                    .deploy())
        .hasMessageContaining(
            "focusAreasCheck.bpmn, phần tử CallActivity_Movement \"II.4 Phong trào\", trường"
                + " focusAreas: Lĩnh vực trọng tâm"
                + " \"Môi trường;;\" có một mục trống (focusAreas)");
  }
}
