package vn.danvan.directive;

import static vn.danvan.adhoc.AdhocVariables.INCIDENT_DETAILS;
import static vn.danvan.adhoc.AdhocVariables.INCIDENT_TITLE;
import static vn.danvan.adhoc.AdhocVariables.SEVERITY;
import static vn.danvan.assignment.AssignmentVariables.APPROVED;
import static vn.danvan.assignment.AssignmentVariables.CONFIRMED;
import static vn.danvan.assignment.AssignmentVariables.CONTRIBUTION;
import static vn.danvan.assignment.AssignmentVariables.EXTENSION_REASON;
import static vn.danvan.assignment.AssignmentVariables.REQUESTED_DEADLINE;
import static vn.danvan.assignment.AssignmentVariables.RESULT_REPORT;
import static vn.danvan.inspection.InspectionVariables.CORRECTIONS;
import static vn.danvan.inspection.InspectionVariables.CORRECTIONS_REQUIRED;
import static vn.danvan.inspection.InspectionVariables.CORRECTION_DEADLINE;
import static vn.danvan.inspection.InspectionVariables.FINDINGS;
import static vn.danvan.inspection.InspectionVariables.INSPECTED_BODY;
import static vn.danvan.inspection.InspectionVariables.INSPECTING_BODY;
import static vn.danvan.inspection.InspectionVariables.INSPECTION_CONCLUSION;
import static vn.danvan.inspection.InspectionVariables.INSPECTION_DATE;
import static vn.danvan.inspection.InspectionVariables.INSPECTION_SCHEDULE;
import static vn.danvan.inspection.InspectionVariables.INSPECTION_TEAM;
import static vn.danvan.inspection.InspectionVariables.PLAN_APPROVED;
import static vn.danvan.inspection.InspectionVariables.ROUND_DUE;
import static vn.danvan.skilful.SkilfulVariables.APPRAISAL_NOTE;
import static vn.danvan.skilful.SkilfulVariables.APPRAISAL_SCORE;
import static vn.danvan.skilful.SkilfulVariables.AREA;
import static vn.danvan.skilful.SkilfulVariables.CONTENT;
import static vn.danvan.skilful.SkilfulVariables.FOCUS_AREA;
import static vn.danvan.skilful.SkilfulVariables.FOCUS_AREA_CHOICES;
import static vn.danvan.skilful.SkilfulVariables.GOALS;
import static vn.danvan.skilful.SkilfulVariables.MODEL_NAME;
import static vn.danvan.skilful.SkilfulVariables.OUTPUTS;
import static vn.danvan.skilful.SkilfulVariables.PARTICIPANTS;
import static vn.danvan.skilful.SkilfulVariables.REASON;
import static vn.danvan.skilful.SkilfulVariables.RESOURCES;
import static vn.danvan.skilful.SkilfulVariables.SUSTAINABILITY;
import static vn.danvan.skilful.SkilfulVariables.TIMELINE;
import static vn.danvan.skilful.SkilfulVariables.WORK_FIELD;
import static vn.danvan.variable.SharedVariables.DEADLINE;
import static vn.danvan.variable.SharedVariables.ISSUED_DATE;
import static vn.danvan.variable.SharedVariables.LEADER_REVIEW;
import static vn.danvan.variable.SharedVariables.LEAD_BODY;
import static vn.danvan.variable.SharedVariables.MONITOR_BODY;
import static vn.danvan.variable.SharedVariables.REPLAY_YEARS;
import static vn.danvan.variable.SharedVariables.REPORTED_FIGURES;
import static vn.danvan.variable.SharedVariables.REQUEST_EXTENSION;
import static vn.danvan.variable.SharedVariables.RETURN_REASON;
import static vn.danvan.variable.SharedVariables.TASK_CONTENT;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import vn.danvan.deadline.Deadlines;
import vn.danvan.org.Restructuring;

/**
 * The demo's present (profile demo, {@code danvan.demo.directives=true}): on an empty database, the
 * five seed directives are replayed from their latest anniversary at least a month ago (the 2016
 * Bắc Giang resolution of 20/7 runs as if issued on 20/7 of that year, its August plans due at the
 * end of August…), and a few people act, so that Tasklist shows work done and confirmed, returned,
 * an extension waiting, work due in two days, overdue work with its chases, an ad-hoc report, the
 * year's evaluation sheets, an inspection with corrections open and two "Dân vận khéo" models. Runs
 * once: a database that has directives is left alone. The texts name the bodies of their time; the
 * demo province routes work of bodies ended since to their heirs ({@code endedBodyPolicy:
 * successor}), so no open work belongs to an ended body.
 */
@Component
@ConditionalOnProperty(name = "danvan.demo.directives", havingValue = "true")
@Order(DemoDirectives.ORDER)
public class DemoDirectives implements ApplicationRunner {

  /** After the models (10) and the organisation registry (20). */
  static final int ORDER = 30;

  /** A seed directive: model, number (business key), the date its text was issued. */
  record Seed(String key, String number, LocalDate textIssued) {}

  /**
   * The seed directives' models. Each names on its start event the number and issue date it is
   * started with ({@link DirectiveIdentity}): the text's own, or the assumed ones where the text
   * has none (the start form shows them so).
   */
  static final List<String> SEED_KEYS =
      List.of(
          "nghiQuyetDanVanBacGiang2016",
          "chiThiDanVanCoQuanNhaNuocBinhThuan2016",
          "tiepTucThucHienChiThi24Nam2023",
          "chiThi15QuangNgai2016",
          "chiThi03XuanLoc2023");

  /** The seeds, with the number and date their deployed models name. */
  static List<Seed> seeds(RepositoryService repository) {
    return SEED_KEYS.stream()
        .map(
            key -> {
              DirectiveIdentity identity = Directives.identity(repository, key);
              if (identity.number() == null || identity.issued() == null) {
                throw new IllegalStateException(
                    "Mô hình " + key + " không nêu số, ngày ban hành (soKyHieu, ngayBanHanh)");
              }
              return new Seed(key, identity.number(), identity.issued());
            })
        .toList();
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Logger LOG = LoggerFactory.getLogger(DemoDirectives.class);

  private final RuntimeService runtime;
  private final RepositoryService repository;
  private final HistoryService history;
  private final TaskService tasks;
  private final IdentityService identity;
  private final ManagementService management;
  private final Deadlines deadlines;
  private final Restructuring restructuring;

  DemoDirectives(ProcessEngine engine, Deadlines deadlines, Restructuring restructuring) {
    this.restructuring = restructuring;
    this.runtime = engine.getRuntimeService();
    this.repository = engine.getRepositoryService();
    this.history = engine.getHistoryService();
    this.tasks = engine.getTaskService();
    this.identity = engine.getIdentityService();
    this.management = engine.getManagementService();
    this.deadlines = deadlines;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (history.createHistoricProcessInstanceQuery().processDefinitionKey(SEED_KEYS.get(0)).count()
        > 0) {
      return; // started once already (running or ended): the demo's data belongs to its users
    }
    LocalDate today = deadlines.today();
    for (Seed seed : seeds(repository)) {
      LocalDate issued = replayDate(seed.textIssued(), today);
      runtime.startProcessInstanceByKey(
          seed.key(),
          seed.number(),
          Map.of(
              ISSUED_DATE,
              issued.toString(),
              REPLAY_YEARS,
              issued.getYear() - seed.textIssued().getYear()));
      LOG.info("Demo: {} ({}) diễn lại từ ngày {}", seed.number(), seed.key(), issued);
    }
    act(today);
    xuanLocReport();
    // whatever a replayed text still names of a body ended since (a later period's reporting
    // bodies, a review's contributors) goes to its heir now, not when that step comes
    restructuring.applyDue(null);
  }

  /** The latest anniversary of the text's issue date at least 30 days before today. */
  static LocalDate replayDate(LocalDate textIssued, LocalDate today) {
    LocalDate date = textIssued.withYear(today.getYear());
    return date.isAfter(today.minusDays(30)) ? date.minusYears(1) : date;
  }

  /** People at work: the states a coordinator expects to see on any given day. */
  private void act(LocalDate today) {
    // done and confirmed: UBND tỉnh's implementation plan of the Bắc Giang resolution
    String plan = assignmentOf("NQ-DV-BG-2016", "Xây dựng Kế hoạch thực hiện Nghị quyết");
    complete(plan, "Task_Contribute", Map.of(CONTRIBUTION, "Sở Nội vụ đã góp ý dự thảo kế hoạch"));
    complete(
        plan,
        "Task_Perform",
        Map.of(
            REQUEST_EXTENSION,
            false,
            RESULT_REPORT,
            "Đã ban hành Kế hoạch số 150/KH-UBND, phân công 18 sở, ngành"));
    complete(plan, "Task_ApproveResult", Map.of(APPROVED, true));
    complete(plan, "Task_ConfirmResult", Map.of(CONFIRMED, true));

    // returned: Ban Tổ chức's criteria, sent back by Ban Dân vận for rework
    String criteria = assignmentOf("NQ-DV-BG-2016", "Tham mưu đưa kết quả");
    tasks
        .createTaskQuery()
        .processInstanceId(criteria)
        .taskDefinitionKey("Task_Contribute")
        .list()
        .forEach(t -> tasks.complete(t.getId(), Map.of(CONTRIBUTION, "Thống nhất với dự thảo")));
    complete(
        criteria,
        "Task_Perform",
        Map.of(
            REQUEST_EXTENSION,
            false,
            RESULT_REPORT,
            "Dự thảo bộ tiêu chí đánh giá có 5 tiêu chí về công tác dân vận"));
    complete(criteria, "Task_ApproveResult", Map.of(APPROVED, true));
    complete(
        criteria,
        "Task_ConfirmResult",
        Map.of(
            CONFIRMED,
            false,
            RETURN_REASON,
            "Chưa có tiêu chí về tiếp xúc, đối thoại với Nhân dân; bổ sung"));

    // an extension waiting for Ban Thường vụ: Ban Dân vận's guidance
    String guidance = assignmentOf("NQ-DV-BG-2016", "Hướng dẫn cơ chế nắm bắt");
    complete(
        guidance,
        "Task_Perform",
        Map.of(
            REQUEST_EXTENSION,
            true,
            REQUESTED_DEADLINE,
            today.plusMonths(2).toString(),
            EXTENSION_REASON,
            "Chờ ý kiến các huyện ủy về mẫu báo cáo tình hình nhân dân"));

    // due in two days: a quick report asked of Sở Nội vụ
    runtime.startProcessInstanceByKey(
        "assignment",
        "CV-BDV-NHANH",
        Map.of(
            LEAD_BODY,
            "soNoiVu",
            MONITOR_BODY,
            "bdvTU",
            LEADER_REVIEW,
            true,
            TASK_CONTENT,
            "Báo cáo nhanh tình hình thực hiện quy chế dân chủ ở cơ sở phục vụ phiên"
                + " họp Thường trực Tỉnh ủy",
            DEADLINE,
            today.plusDays(2).toString()));

    // an ad-hoc report raised by a commune (as Tasklist would start it: with the person's groups)
    as(
        "ubndXaXuanLocCanBo",
        () ->
            runtime.startProcessInstanceByKey(
                "adhocReport",
                "DX-DEMO-1",
                Map.of(
                    INCIDENT_TITLE,
                    "Khiếu nại đông người về bồi thường giải phóng mặt bằng",
                    INCIDENT_DETAILS,
                    "Khoảng 40 hộ dân tập trung tại trụ sở UBND xã kiến nghị về giá"
                        + " bồi thường dự án đường liên xã",
                    SEVERITY,
                    "nghiemTrong")));

    inspection(today);

    // "Dân vận khéo": a commune's model waits for Ban Dân vận's appraisal; Sở Nội vụ's is
    // recognised
    as(
        "ubndXaXuanLocCanBo",
        () ->
            runtime.startProcessInstanceByKey(
                "skilfulModel",
                "DVK-XUANLOC-1",
                skilfulModel(
                    "\"Bình dân học vụ số\" ở ấp",
                    "vanHoaXaHoi",
                    "Người cao tuổi ở ấp chưa dùng được dịch vụ công trực tuyến",
                    "Tổ công nghệ số cộng đồng hướng dẫn tại nhà văn hóa ấp mỗi tối thứ Bảy")));
    as(
        "soNoiVuCanBo",
        () ->
            runtime.startProcessInstanceByKey(
                "skilfulModel",
                "DVK-SONOIVU-1",
                skilfulModel(
                    "Một cửa thân thiện",
                    "xayDungHeThongChinhTri",
                    "Người dân phải đi lại nhiều lần khi làm thủ tục",
                    "Hẹn trả kết quả qua Zalo, phiếu đánh giá sự hài lòng sau mỗi hồ sơ")));
    chooseFocusArea("DVK-XUANLOC-1", "ubndXaXuanLocCanBo");
    chooseFocusArea("DVK-SONOIVU-1", "soNoiVuCanBo");
    String recognised =
        runtime
            .createProcessInstanceQuery()
            .processDefinitionKey("skilfulModel")
            .processInstanceBusinessKey("DVK-SONOIVU-1")
            .singleResult()
            .getId();
    complete(
        recognised,
        "Task_AppraiseModel",
        Map.of(
            APPRAISAL_SCORE,
            82,
            APPRAISAL_NOTE,
            "Giảm 40% số lần đi lại; nên nhân rộng ra các sở"));
  }

  /**
   * While a directive's "Dân vận khéo" movement by focus area runs, a new model first asks its
   * registrant for its area: the demo's registrant takes the first the directive offers.
   */
  private void chooseFocusArea(String model, String registrant) {
    Task task =
        tasks
            .createTaskQuery()
            .processInstanceBusinessKey(model)
            .taskDefinitionKey("Task_ChooseFocusArea")
            .singleResult();
    if (task == null) {
      return;
    }
    String first;
    try {
      first =
          JSON.readTree(String.valueOf(tasks.getVariable(task.getId(), FOCUS_AREA_CHOICES)))
              .get(0)
              .get("value")
              .asText();
    } catch (IOException e) {
      throw new IllegalStateException("demo: the focus areas of " + model, e);
    }
    as(registrant, () -> tasks.complete(task.getId(), Map.of(FOCUS_AREA, first)));
  }

  /**
   * An inspection in progress: Sở Nội vụ's public-service inspection of the follow-up on Chỉ thị
   * 24-CT/TU (item 5). Its round for this year has opened; the plan is approved, every department
   * inspected; Sở Tài chính has two corrections to make within a month, Thanh tra tỉnh none, and
   * the other two departments wait for the leaders' conclusion.
   */
  private void inspection(LocalDate today) {
    String instance =
        runtime
            .createProcessInstanceQuery()
            .processDefinitionKey("inspection")
            .processInstanceBusinessKey("CV-24-CT/TU-2023")
            .variableValueEquals(INSPECTING_BODY, "soNoiVu")
            .singleResult()
            .getId();
    // the year's round opens now (the job executor would open a due one a moment later; the demo
    // opens the next one ahead of its time if none is due yet)
    List<Job> rounds =
        management
            .createJobQuery()
            .processInstanceId(instance)
            .activityId("Event_RoundOpens")
            .orderByJobDuedate()
            .asc()
            .list();
    List<Job> due =
        rounds.stream().filter(j -> j.getDuedate().before(deadlines.startOfNextDay())).toList();
    (due.isEmpty() ? rounds.subList(0, 1) : due).forEach(job -> management.executeJob(job.getId()));
    Task plan = taskOf(instance, "Task_PlanInspection").get(0);
    LocalDate roundDue = LocalDate.parse((String) tasks.getVariable(plan.getId(), ROUND_DUE));
    LocalDate visits = today.plusDays(14);
    if (!roundDue.isBefore(today) && visits.isAfter(roundDue)) {
      visits = roundDue;
    }
    tasks.complete(
        plan.getId(),
        Map.of(
            INSPECTION_TEAM,
            "Trưởng đoàn: Phó Giám đốc Sở Nội vụ; 2 thanh tra viên, 1 chuyên viên Ban Dân vận",
            INSPECTION_SCHEDULE,
            "Sở Tài chính, Sở Nông nghiệp và Môi trường: tuần đầu; Sở Khoa học và Công nghệ,"
                + " Thanh tra tỉnh: tuần thứ hai",
            INSPECTION_DATE,
            visits.toString()));
    tasks.complete(
        taskOf(instance, "Task_ApprovePlan").get(0).getId(), Map.of(PLAN_APPROVED, true));
    for (Task findings : taskOf(instance, "Task_RecordFindings")) {
      tasks.complete(
          findings.getId(),
          Map.of(
              FINDINGS,
              "Biên bản kiểm tra: đã niêm yết thủ tục hành chính; còn hồ sơ trễ hạn chưa xin lỗi"
                  + " người dân"));
    }
    for (Task conclusion : taskOf(instance, "Task_ConcludeInspection")) {
      Object body = tasks.getVariable(conclusion.getId(), INSPECTED_BODY);
      if ("soTaiChinh".equals(body)) {
        tasks.complete(
            conclusion.getId(),
            Map.of(
                INSPECTION_CONCLUSION,
                "Cơ bản thực hiện tốt; còn 12 hồ sơ trễ hạn không có văn bản xin lỗi",
                CORRECTIONS_REQUIRED,
                true,
                CORRECTIONS,
                "Gửi văn bản xin lỗi người dân cho 12 hồ sơ trễ hạn\n"
                    + "Công khai số điện thoại đường dây nóng tại bộ phận một cửa",
                CORRECTION_DEADLINE,
                today.plusMonths(1).toString()));
      } else if ("thanhTraTinh".equals(body)) {
        tasks.complete(
            conclusion.getId(),
            Map.of(
                INSPECTION_CONCLUSION,
                "Thực hiện tốt, không có tồn tại",
                CORRECTIONS_REQUIRED,
                false));
      }
    }
  }

  private List<Task> taskOf(String instance, String taskKey) {
    return tasks
        .createTaskQuery()
        .processInstanceId(instance)
        .taskDefinitionKey(taskKey)
        .orderByTaskId()
        .asc()
        .list();
  }

  /**
   * Xuân Lộc's yearly report asks for figures: its round now due is opened, two of the three bodies
   * that report today (the heirs of the district's units and communes) send their figures and their
   * leaders approve, then the compile day comes: Sở Nội vụ (heir of Phòng Nội vụ) compiles with the
   * figures of two bodies and their totals, the third still missing.
   */
  private void xuanLocReport() {
    String number = "03/CT-UBND";
    runDueJobs(number, false);
    answerFigures(
        number,
        "ubndXaXuanLoc",
        xuanLocFigures(6, 48, 12, 3, 5230, 5184, 4, 15, 1, 8, 57, 21),
        "Quán triệt Chỉ thị đến 100% cán bộ, công chức; 8 cuộc đối thoại của Chủ tịch UBND xã");
    answerFigures(
        number,
        "ttDichVuXaXuanLoc",
        xuanLocFigures(2, 30, 6, 1, 0, 0, 1, 4, 0, 2, 5, 0),
        "Tuyên truyền lưu động 30 buổi, 6 buổi ở ấp đồng bào dân tộc, có một mô hình Dân vận khéo");
    runDueJobs(number, true);
  }

  /**
   * The figures of Xuân Lộc's report (items 1–6) as the body's form sends them, in the order the
   * model declares them (the demo's and its tests' answers).
   */
  static String xuanLocFigures(Object... values) {
    String[] keys = {
      "soCuocQuanTriet",
      "soBuoiTuyenTruyen",
      "soBuoiTuyenTruyenDanTocTonGiao",
      "soMoHinhDanVanKheo",
      "soHoSoThuTucTiepNhan",
      "soHoSoThuTucDungHan",
      "soCuocKiemTraGiamSat",
      "soKhenThuong",
      "soXuLy",
      "soCuocDoiThoai",
      "soKienNghiDaGiaiQuyet",
      "soDonThuDaGiaiQuyet"
    };
    var figures = JSON.createObjectNode();
    for (int i = 0; i < keys.length; i++) {
      figures.putPOJO(keys[i], values[i]);
    }
    return figures.toString();
  }

  /** A body's staff send its figures, its leader approves (as the people, with their groups). */
  private void answerFigures(String number, String body, String figures, String report) {
    Task task =
        tasks
            .createTaskQuery()
            .processInstanceBusinessKey(number)
            .taskDefinitionKey("Task_ReportFigures")
            .taskCandidateGroup(body)
            .singleResult();
    if (task == null) {
      LOG.warn("Demo: {} chưa có việc báo cáo số liệu của {}", number, body);
      return;
    }
    as(
        body + "CanBo",
        () ->
            tasks.complete(task.getId(), Map.of(REPORTED_FIGURES, figures, RESULT_REPORT, report)));
    Task approve =
        tasks
            .createTaskQuery()
            .processInstanceBusinessKey(number)
            .taskDefinitionKey("Task_ApproveResult")
            .taskCandidateGroup(body + "LanhDao")
            .singleResult();
    if (approve != null) {
      as(body + "LanhDao", () -> tasks.complete(approve.getId(), Map.of(APPROVED, true)));
    }
  }

  /**
   * Runs the jobs of a directive that are due (the timers of dates already past, the fan-out's
   * chunks) here rather than by the job executor, so the demo's people find the work; the compile
   * day's timer only when {@code compile}.
   */
  private void runDueJobs(String number, boolean compile) {
    for (int pass = 0; pass < 50; pass++) {
      List<Job> due =
          runtime.createProcessInstanceQuery().processInstanceBusinessKey(number).list().stream()
              .flatMap(
                  p ->
                      management
                          .createJobQuery()
                          .processInstanceId(p.getId())
                          .executable()
                          .list()
                          .stream())
              .filter(j -> compile || !isCompileDay(j))
              .toList();
      if (due.isEmpty()) {
        return;
      }
      for (Job job : due) {
        try {
          management.executeJob(job.getId());
        } catch (OptimisticLockingException | NullValueException taken) {
          // the job executor ran it meanwhile
        }
      }
    }
  }

  private boolean isCompileDay(Job job) {
    var definition =
        management
            .createJobDefinitionQuery()
            .jobDefinitionId(job.getJobDefinitionId())
            .singleResult();
    return definition != null && "Event_CompileDay".equals(definition.getActivityId());
  }

  private static Map<String, Object> skilfulModel(
      String name, String field, String reason, String content) {
    return Map.ofEntries(
        Map.entry(MODEL_NAME, name),
        Map.entry(WORK_FIELD, field),
        Map.entry(REASON, reason),
        Map.entry(GOALS, "100% người dân được hướng dẫn tận nơi"),
        Map.entry(CONTENT, content),
        Map.entry(AREA, "Trên địa bàn đơn vị"),
        Map.entry(PARTICIPANTS, "Lãnh đạo đơn vị chủ trì; Mặt trận, Đoàn Thanh niên phối hợp"),
        Map.entry(RESOURCES, "Kinh phí thường xuyên của đơn vị, xã hội hóa"),
        Map.entry(TIMELINE, "Từ quý I đến hết năm"),
        Map.entry(OUTPUTS, "Số người được hướng dẫn, số hồ sơ trực tuyến, phiếu hài lòng"),
        Map.entry(SUSTAINABILITY, "Duy trì bằng quy chế của đơn vị, nhân rộng sang đơn vị khác"));
  }

  /** Acts as a person of the registry, with their groups (as Tasklist would). */
  private void as(String person, Runnable action) {
    identity.setAuthentication(
        person,
        identity.createGroupQuery().groupMember(person).list().stream().map(Group::getId).toList());
    try {
      action.run();
    } finally {
      identity.clearAuthentication();
    }
  }

  /** The assignment of a directive whose content starts so. */
  private String assignmentOf(String number, String contentStart) {
    return runtime
        .createProcessInstanceQuery()
        .processDefinitionKey("assignment")
        .processInstanceBusinessKey(number)
        .list()
        .stream()
        .map(ProcessInstance::getId)
        .filter(
            id -> String.valueOf(runtime.getVariable(id, TASK_CONTENT)).startsWith(contentStart))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("demo: no assignment " + contentStart));
  }

  private void complete(String instance, String taskKey, Map<String, Object> answer) {
    Task task =
        tasks
            .createTaskQuery()
            .processInstanceId(instance)
            .taskDefinitionKey(taskKey)
            .singleResult();
    tasks.complete(task.getId(), answer);
  }
}
