package vn.danvan.input;

import static vn.danvan.input.BadInputIT.JSON;
import static vn.danvan.input.BadInputIT.START_ADHOC;
import static vn.danvan.input.BadInputIT.START_DIRECTIVE;
import static vn.danvan.input.BadInputIT.START_MODEL;
import static vn.danvan.input.BadInputIT.TASKLIST_STAFF;
import static vn.danvan.input.BadInputIT.WEBAPP;
import static vn.danvan.support.RunningDemoApp.COORDINATOR;
import static vn.danvan.support.RunningDemoApp.STAFF;
import static vn.danvan.support.RunningDemoApp.START_ASSIGNMENT;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import vn.danvan.input.BadInputIT.Case;

/** The cases of {@link BadInputIT}: who sends what, and what the refusal must say. */
public final class BadInputCases {

  private BadInputCases() {}

  static final String ADMIN = "demo:demo";
  static final String SCRIPT = "<script>alert(1)</script>";
  static final String TEMPLATE = "{{constructor.constructor('alert(1)')()}}";
  static final String EL = "${execution.setVariable('hacked', true)}";
  static final String DEFERRED_EL = "#{runtimeService.deleteProcessInstance('x', 'y')}";
  static final String MARKUP_REFUSED = RequestInputGuard.MARKUP_REFUSED;
  static final String TOO_LONG = "tối đa 4000";

  /** A valid assignment start with one variable replaced ({@code null}: removed). */
  static String assignment(String name, String value) {
    Map<String, String> vars = new LinkedHashMap<>();
    vars.put("leadBody", text("soNoiVu"));
    vars.put("monitorBody", text("bdvTU"));
    vars.put("taskContent", text("Xây dựng kế hoạch thực hiện chỉ thị"));
    vars.put("deadline", text("2030-08-31"));
    if (value == null) {
      vars.remove(name);
    } else {
      vars.put(name, value);
    }
    return variables(vars);
  }

  /** A start of Chỉ thị 03/CT-UBND with its number and date and one more variable. */
  static String directive(String name, String value) {
    return "{\"businessKey\":\"03/CT-UBND\",\"variables\":{\"issuedDate\":"
        + text("2023-07-12")
        + ",\""
        + name
        + "\":"
        + value
        + "}}";
  }

  static String adhoc(String name, String value) {
    Map<String, String> vars = new LinkedHashMap<>();
    vars.put("incidentTitle", text("Tụ tập đông người"));
    vars.put("incidentDetails", text("Khoảng 30 người tại trụ sở"));
    vars.put("severity", text("binhThuong"));
    vars.put(name, value);
    return variables(vars);
  }

  static String model(String name, String value) {
    Map<String, String> vars = new LinkedHashMap<>();
    for (String field :
        List.of(
            "modelName",
            "reason",
            "goals",
            "content",
            "area",
            "participants",
            "resources",
            "timeline",
            "outputs",
            "sustainability")) {
      vars.put(field, text("Nội dung " + field));
    }
    vars.put("workField", text("kinhTe"));
    vars.put(name, value);
    return variables(vars);
  }

  static String text(String value) {
    return "{\"value\":\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}";
  }

  static String variables(Map<String, String> vars) {
    return "{\"variables\":{"
        + vars.entrySet().stream()
            .map(e -> "\"" + e.getKey() + "\":" + e.getValue())
            .collect(Collectors.joining(","))
        + "}}";
  }

  static String complete(String... nameValue) {
    Map<String, String> vars = new LinkedHashMap<>();
    for (int i = 0; i < nameValue.length; i += 2) {
      vars.put(nameValue[i], nameValue[i + 1]);
    }
    return variables(vars);
  }

  static Case post(String name, String actor, String path, String body, String expected) {
    return new Case(name, actor, "POST", path, JSON, body, expected);
  }

  static final String START_INSPECTION = "/engine-rest/process-definition/key/inspection/start";

  /** A valid inspection start with one variable replaced ({@code null}: removed). */
  static String inspection(String name, String value) {
    Map<String, String> vars = new LinkedHashMap<>();
    vars.put("inspectingBody", text("bdvTU"));
    vars.put("bodies", text("soNoiVu,soTaiChinh"));
    vars.put("taskContent", text("Việc thực hiện Quy chế dân chủ ở cơ sở"));
    vars.put("deadlinePhrase", text("quý IV/2030"));
    if (value == null) {
      vars.remove(name);
    } else {
      vars.put(name, value);
    }
    return variables(vars);
  }

  static List<Case> engineStarts() {
    return List.of(
        post(
            "inspection: unknown inspected body",
            COORDINATOR,
            START_INSPECTION,
            inspection("bodies", text("soNoiVu,soMa")),
            "\\\"soMa\\\" không có trong sổ"),
        post(
            "inspection: no time",
            COORDINATOR,
            START_INSPECTION,
            inspection("deadlinePhrase", null),
            "Thời gian kiểm tra là bắt buộc (deadlinePhrase)"),
        post(
            "inspection: a cycle with no end",
            COORDINATOR,
            START_INSPECTION,
            inspection("deadlinePhrase", text("hằng năm")),
            "Thời điểm kết thúc là bắt buộc khi kiểm tra định kỳ (endDate)"),
        post(
            "start: no variables",
            COORDINATOR,
            START_ASSIGNMENT,
            "{\"variables\":{}}",
            "Đơn vị chủ trì là bắt buộc (leadBody)"),
        post(
            "start: unknown lead body",
            COORDINATOR,
            START_ASSIGNMENT,
            assignment("leadBody", text("soKhongCo")),
            "\\\"soKhongCo\\\" không có trong sổ"),
        post(
            "start: unknown coordinating body",
            COORDINATOR,
            START_ASSIGNMENT,
            assignment("coordinatingBodies", text("soTaiChinh,soMa")),
            "\\\"soMa\\\" không có trong sổ"),
        post(
            "start: lead body of wrong type",
            COORDINATOR,
            START_ASSIGNMENT,
            assignment("leadBody", "{\"value\":42,\"type\":\"Integer\"}"),
            "Đơn vị chủ trì là bắt buộc (leadBody)"),
        post(
            "start: impossible date",
            COORDINATOR,
            START_ASSIGNMENT,
            assignment("deadline", text("31/9/2030")),
            "\\\"31/9/2030\\\" không hợp lệ"),
        post(
            "start: deadline of wrong type",
            COORDINATOR,
            START_ASSIGNMENT,
            assignment("deadline", "{\"value\":20300831,\"type\":\"Long\"}"),
            "Hạn hoàn thành \\\"20300831\\\" không hợp lệ"),
        post(
            "start: unreadable deadline phrase",
            COORDINATOR,
            START_ASSIGNMENT,
            assignment("deadlinePhrase", text("sớm nhất có thể")),
            "Không hiểu thời hạn"),
        post(
            "start: deadline already past",
            COORDINATOR,
            START_ASSIGNMENT,
            assignment("deadline", text("2020-01-31")),
            "Hạn hoàn thành 31/01/2020 đã qua"),
        post(
            "start: deadline phrase already past",
            COORDINATOR,
            START_ASSIGNMENT,
            assignment("deadlinePhrase", text("trước 30/9/2016")),
            "Hạn hoàn thành 30/09/2016 đã qua"),
        post(
            "start: reminder days not a number",
            COORDINATOR,
            START_ASSIGNMENT,
            assignment("reminderDays", text("ba")),
            "phải là số nguyên từ 0 đến 999 (reminderDays)"),
        post(
            "start: chase interval not ISO",
            COORDINATOR,
            START_ASSIGNMENT,
            assignment("chaseInterval", text("hằng tuần")),
            "P7D"),
        post(
            "start: review flag not a boolean",
            COORDINATOR,
            START_ASSIGNMENT,
            assignment("leaderReview", text("có lẽ")),
            "phải là true hoặc false (leaderReview)"),
        post(
            "start: unknown variable type",
            COORDINATOR,
            START_ASSIGNMENT,
            assignment("taskContent", "{\"value\":\"x\",\"type\":\"Nope\"}"),
            "Nope"),
        post(
            "start: Java-serialized object",
            COORDINATOR,
            START_ASSIGNMENT,
            assignment(
                "taskContent",
                "{\"value\":\"rO0ABXQAAXg=\",\"type\":\"Object\","
                    + "\"valueInfo\":{\"objectTypeName\":\"java.lang.String\","
                    + "\"serializationDataFormat\":\"application/x-java-serialized-object\"}}"),
            "Java tuần tự hóa"),
        post(
            "start: variables not an object",
            COORDINATOR,
            START_ASSIGNMENT,
            "{\"variables\":[1,2]}",
            "Nội dung JSON không đúng dạng tại variables"),
        post(
            "start: unknown definition",
            COORDINATOR,
            "/engine-rest/process-definition/key/khongCo/start",
            assignment("x", null),
            "khongCo"),
        post(
            "start: script in task content",
            COORDINATOR,
            START_ASSIGNMENT,
            assignment("taskContent", text(SCRIPT)),
            MARKUP_REFUSED + " (taskContent)"),
        post(
            "start: template injection in task content",
            COORDINATOR,
            START_ASSIGNMENT,
            assignment("taskContent", text(TEMPLATE)),
            MARKUP_REFUSED + " (taskContent)"),
        post(
            "start: EL in task content",
            COORDINATOR,
            START_ASSIGNMENT,
            assignment("taskContent", text(EL)),
            MARKUP_REFUSED + " (taskContent)"),
        post(
            "start: deferred EL in task content",
            COORDINATOR,
            START_ASSIGNMENT,
            assignment("taskContent", text(DEFERRED_EL)),
            MARKUP_REFUSED + " (taskContent)"),
        post(
            "start: script in business key",
            COORDINATOR,
            START_ASSIGNMENT,
            "{\"businessKey\":\"" + SCRIPT + "\"," + assignment("x", null).substring(1),
            MARKUP_REFUSED + " (businessKey)"),
        post(
            "adhoc: details missing",
            STAFF,
            START_ADHOC,
            adhoc("incidentDetails", text(" ")),
            "Nội dung vụ việc là bắt buộc"),
        post(
            "adhoc: unknown severity",
            STAFF,
            START_ADHOC,
            adhoc("severity", text("khanCap")),
            "Mức độ \\\"khanCap\\\" không hợp lệ"),
        post(
            "adhoc: another body",
            STAFF,
            START_ADHOC,
            adhoc("reportingBody", text("soTaiChinh")),
            "Chỉ được báo cáo đột xuất cho đơn vị của mình"),
        post(
            "adhoc: script in title",
            STAFF,
            START_ADHOC,
            adhoc("incidentTitle", text(SCRIPT)),
            MARKUP_REFUSED + " (incidentTitle)"),
        post(
            "model: unknown field of work",
            STAFF,
            START_MODEL,
            model("workField", text("theThao")),
            "Lĩnh vực \\\"theThao\\\" không hợp lệ"),
        post(
            "model: template injection in name",
            STAFF,
            START_MODEL,
            model("modelName", text(TEMPLATE)),
            MARKUP_REFUSED + " (modelName)"),
        post(
            "model: another body",
            STAFF,
            START_MODEL,
            model("body", text("soTaiChinh")),
            "Chỉ được đăng ký mô hình cho đơn vị của mình"),
        post(
            "directive: no issue date",
            COORDINATOR,
            START_DIRECTIVE,
            "{\"businessKey\":\"03/CT-UBND\",\"variables\":{}}",
            "Ngày ban hành là bắt buộc"),
        post(
            "directive: impossible issue date",
            COORDINATOR,
            START_DIRECTIVE,
            "{\"businessKey\":\"03/CT-UBND\",\"variables\":{\"issuedDate\":"
                + text("2023-13-12")
                + "}}",
            "Ngày ban hành \\\"2023-13-12\\\" không hợp lệ"),
        post(
            "directive: no number",
            COORDINATOR,
            START_DIRECTIVE,
            "{\"variables\":{\"issuedDate\":" + text("2023-07-12") + "}}",
            "Số, ký hiệu văn bản là bắt buộc (businessKey)"),
        post(
            "directive: an urgency that is none",
            COORDINATOR,
            START_DIRECTIVE,
            directive("urgency", text("Rất khẩn")),
            "Độ khẩn (urgency) \\\"Rất khẩn\\\" không có trong các mức: Thường, Khẩn"),
        post(
            "directive: a summary too long",
            COORDINATOR,
            START_DIRECTIVE,
            directive("summary", text("dân vận ".repeat(150) + "khéo")),
            "Trích yếu (summary) dài 1204 ký tự, tối đa 1000"),
        post(
            "directive: a signer as a number",
            COORDINATOR,
            START_DIRECTIVE,
            directive("signer", "{\"value\":12,\"type\":\"Integer\"}"),
            "Người ký (signer) phải là chữ"));
  }

  static List<Case> taskCompletions() {
    String complete = "/engine-rest/task/{work}/complete";
    return List.of(
        post(
            "complete: empty report",
            STAFF,
            complete,
            complete("resultReport", text("")),
            "Báo cáo kết quả thực hiện là bắt buộc"),
        post(
            "complete: report of wrong type",
            STAFF,
            complete,
            complete("resultReport", "{\"value\":true,\"type\":\"Boolean\"}"),
            "Báo cáo kết quả thực hiện là bắt buộc"),
        post(
            "complete: script in report",
            STAFF,
            complete,
            complete("resultReport", text("Đã xong " + SCRIPT)),
            MARKUP_REFUSED + " (resultReport)"),
        post(
            "complete: EL in report",
            STAFF,
            complete,
            complete("resultReport", text(EL)),
            MARKUP_REFUSED + " (resultReport)"),
        post(
            "extension: new date in the past",
            STAFF,
            complete,
            complete(
                "requestExtension",
                "{\"value\":true}",
                "requestedDeadline",
                text("2020-01-01"),
                "extensionReason",
                text("Chờ số liệu")),
            "Hạn đề nghị 01/01/2020 phải sau hạn hiện tại 31/08/2030"),
        post(
            "extension: new date not a date",
            STAFF,
            complete,
            complete(
                "requestExtension",
                "{\"value\":true}",
                "requestedDeadline",
                text("sang năm"),
                "extensionReason",
                text("Chờ số liệu")),
            "Hạn đề nghị (ngày/tháng/năm) không đúng định dạng: Ví dụ: 31/12/2026"
                + " (requestedDeadline)"),
        post(
            "extension: no reason",
            STAFF,
            complete,
            complete(
                "requestExtension", "{\"value\":true}", "requestedDeadline", text("2031-01-31")),
            "Lý do đề nghị gia hạn là bắt buộc"),
        post(
            "extension approved with a past date",
            COORDINATOR,
            "/engine-rest/task/{decide}/complete",
            complete(
                "extensionApproved", "{\"value\":true}", "requestedDeadline", text("2020-01-01")),
            "Hạn mới 01/01/2020 đã ở quá khứ: không thể duyệt"),
        post(
            "extension decision not a boolean",
            COORDINATOR,
            "/engine-rest/task/{decide}/complete",
            complete("extensionApproved", text("đồng ý")),
            "Chưa chọn đồng ý hay từ chối gia hạn"),
        post(
            "adhoc handling: escalate not a boolean",
            COORDINATOR,
            "/engine-rest/task/{incident}/complete",
            complete("assessment", text("Đã nắm tình hình"), "escalate", text("có")),
            "Chưa chọn có báo cáo lãnh đạo hay không"),
        post(
            "submit-form: script in report",
            STAFF,
            "/engine-rest/task/{work}/submit-form",
            complete("resultReport", text(SCRIPT)),
            MARKUP_REFUSED + " (resultReport)"),
        new Case(
            "set variable: script",
            STAFF,
            "PUT",
            "/engine-rest/task/{work}/variables/resultReport",
            JSON,
            "{\"value\":\"" + SCRIPT + "\",\"type\":\"String\"}",
            MARKUP_REFUSED),
        post(
            "modify variables: EL",
            STAFF,
            "/engine-rest/task/{work}/variables",
            "{\"modifications\":{\"resultReport\":" + text(EL) + "}}",
            MARKUP_REFUSED + " (resultReport)"),
        post(
            "complete: unknown task",
            STAFF,
            "/engine-rest/task/khongCo/complete",
            complete("resultReport", text("x")),
            "khongCo"));
  }

  static List<Case> payloads() {
    String complete = "/engine-rest/task/{work}/complete";
    return List.of(
        post("malformed JSON", COORDINATOR, START_ASSIGNMENT, "{\"variables\":", "JSON hợp lệ"),
        post(
            "truncated JSON",
            STAFF,
            complete,
            complete("resultReport", text("Đã xong")).substring(0, 40),
            "JSON hợp lệ"),
        post("not JSON at all", STAFF, complete, "resultReport=xong", "JSON hợp lệ"),
        new Case(
            "wrong content type",
            STAFF,
            "POST",
            complete,
            "text/plain",
            complete("resultReport", text("Đã xong")),
            "Unsupported Media Type"),
        post(
            "text over 4,000 characters",
            STAFF,
            complete,
            complete("resultReport", text("Báo cáo ".repeat(600))),
            TOO_LONG + " (resultReport)"),
        post(
            "5 MB task content",
            COORDINATOR,
            START_ASSIGNMENT,
            assignment("taskContent", text("x".repeat(5 * 1024 * 1024))),
            "quá lớn"),
        post(
            "5 MB report",
            STAFF,
            complete,
            complete("resultReport", text("Báo cáo ".repeat(700_000))),
            "quá lớn"));
  }

  static final String BPMN_HEAD =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
          + "<bpmn:definitions xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" "
          + "xmlns:camunda=\"http://camunda.org/schema/1.0/bpmn\" id=\"Defs\" "
          + "targetNamespace=\"http://danvan.vn/bpmn\">";

  public static String bpmn(String processAttributes, String elements) {
    return BPMN_HEAD
        + "<bpmn:process id=\"thuNghiem\" isExecutable=\"true\" "
        + processAttributes
        + "><bpmn:startEvent id=\"StartEvent_1\"/>"
        + elements
        + "</bpmn:process></bpmn:definitions>";
  }

  /** A directive: its start event checks the number and date, as the template makes it. */
  public static String directiveBpmn(String elements) {
    return bpmn("camunda:historyTimeToLive=\"3650\"", elements)
        .replace(
            "<bpmn:startEvent id=\"StartEvent_1\"/>",
            "<bpmn:startEvent id=\"StartEvent_1\"><bpmn:extensionElements>"
                + "<camunda:executionListener delegateExpression=\"${directiveStarted}\""
                + " event=\"start\"/></bpmn:extensionElements></bpmn:startEvent>");
  }

  public static String multipart(String fileName, String content) {
    return multipart("data", "deployment-name", "thu-nghiem", fileName, content);
  }

  /**
   * A multipart body (boundary {@code ----danvanBoundary}) of one text field and, unless {@code
   * fileName} is null, one file in the part {@code part}.
   */
  public static String multipart(
      String part, String field, String value, String fileName, String content) {
    String boundary = "----danvanBoundary";
    StringBuilder body =
        new StringBuilder()
            .append("--")
            .append(boundary)
            .append("\r\n")
            .append("Content-Disposition: form-data; name=\"")
            .append(field)
            .append("\"\r\n\r\n")
            .append(value)
            .append("\r\n");
    if (fileName != null) {
      body.append("--")
          .append(boundary)
          .append("\r\n")
          .append("Content-Disposition: form-data; name=\"")
          .append(part)
          .append("\"; filename=\"")
          .append(fileName)
          .append("\"\r\nContent-Type: application/octet-stream\r\n\r\n")
          .append(content)
          .append("\r\n");
    }
    return body.append("--").append(boundary).append("--\r\n").toString();
  }

  static Case deploy(String name, String fileName, String content, String expected) {
    return new Case(
        name,
        ADMIN,
        "POST",
        "/engine-rest/deployment/create",
        "multipart/form-data; boundary=----danvanBoundary",
        multipart(fileName, content),
        expected);
  }

  static List<Case> deployments() {
    return List.of(
        deploy(
            "deploy: malformed BPMN XML",
            "hong.bpmn",
            BPMN_HEAD + "<bpmn:process id=\"x\"",
            "hong.bpmn"),
        deploy(
            "deploy: process without history time to live",
            "thieuTtl.bpmn",
            bpmn("", ""),
            "History Time To Live"),
        deploy(
            "deploy: unreadable deadline phrase",
            "hanLa.bpmn",
            directiveBpmn(
                "<bpmn:callActivity id=\"CallActivity_X\" name=\"Giao việc\" "
                    + "calledElement=\"assignment\"><bpmn:extensionElements>"
                    + "<camunda:in sourceExpression=\"sớm nhất có thể\" target=\"deadlinePhrase\"/>"
                    + "</bpmn:extensionElements></bpmn:callActivity>"),
            "hanLa.bpmn, phần tử CallActivity_X \\\"Giao việc\\\", trường deadlinePhrase:"
                + " Không hiểu thời hạn \\\"sớm nhất có thể\\\""),
        deploy(
            "deploy: body not in the registry",
            "donViLa.bpmn",
            directiveBpmn(
                "<bpmn:callActivity id=\"CallActivity_X\" name=\"Giao việc\" "
                    + "calledElement=\"assignment\"><bpmn:extensionElements>"
                    + "<camunda:in sourceExpression=\"soNoiVu, soKhongCo\" target=\"bodies\"/>"
                    + "</bpmn:extensionElements></bpmn:callActivity>"),
            "donViLa.bpmn, phần tử CallActivity_X \\\"Giao việc\\\", trường bodies: đơn vị"
                + " \\\"soKhongCo\\\" không có trong sổ đăng ký tổ chức"),
        deploy(
            "deploy: unreadable self-assessment deadline",
            "hanTuDanhGia.bpmn",
            directiveBpmn(
                "<bpmn:callActivity id=\"CallActivity_X\" name=\"Đánh giá\" "
                    + "calledElement=\"annualEvaluation\"><bpmn:extensionElements>"
                    + "<camunda:in sourceExpression=\"cuối nhiệm kỳ\" "
                    + "target=\"selfAssessmentDeadline\"/>"
                    + "</bpmn:extensionElements></bpmn:callActivity>"),
            "hanTuDanhGia.bpmn, phần tử CallActivity_X \\\"Đánh giá\\\", trường"
                + " selfAssessmentDeadline: Không hiểu thời hạn \\\"cuối nhiệm kỳ\\\""),
        deploy(
            "deploy: type of body not in the registry",
            "loaiLa.bpmn",
            directiveBpmn(
                "<bpmn:callActivity id=\"CallActivity_X\" name=\"Giao việc\" "
                    + "calledElement=\"fanout\"><bpmn:extensionElements>"
                    + "<camunda:in sourceExpression=\"soBanNganh\" target=\"bodyType\"/>"
                    + "</bpmn:extensionElements></bpmn:callActivity>"),
            "loaiLa.bpmn, phần tử CallActivity_X \\\"Giao việc\\\", trường bodyType: loại đơn vị"
                + " \\\"soBanNganh\\\" không có trong sổ đăng ký tổ chức"),
        deploy(
            "deploy: a directive without its start checks",
            "khongKiemTra.bpmn",
            bpmn(
                "camunda:historyTimeToLive=\"3650\"",
                "<bpmn:callActivity id=\"CallActivity_X\" name=\"Giao việc\" "
                    + "calledElement=\"assignment\"/>"),
            "khongKiemTra.bpmn, phần tử StartEvent_1, trường camunda:executionListener: quy"
                + " trình thuNghiem gọi các khối của sản phẩm nên sự kiện bắt đầu phải kiểm tra số"
                + " và ngày ban hành"),
        deploy("deploy: form that is not JSON", "hong.form", "{\"components\": [", "hong.form"),
        deploy(
            "deploy: form without id",
            "thieuId.form",
            "{\"type\":\"default\",\"components\":[]}",
            "thieuId.form"),
        deploy(
            "deploy: form with a script",
            "kichBan.form",
            "{\"id\":\"form_x\",\"type\":\"default\",\"components\":[{\"type\":\"text\","
                + "\"text\":\""
                + SCRIPT
                + "\"}]}",
            "kichBan.form không được chứa thẻ HTML hay biểu thức chạy mã"),
        deploy(
            "deploy: form with a text longer than the server keeps",
            "quaDai.form",
            "{\"id\":\"form_x\",\"components\":[{\"key\":\"report\",\"type\":\"textarea\","
                + "\"label\":\"Báo cáo\",\"validate\":{\"maxLength\":10000}}]}",
            "quaDai.form: trường \\\"Báo cáo\\\" (report) cần độ dài tối đa (maxLength) không quá"
                + " 4000 ký tự"),
        deploy(
            "deploy: form with a pattern the server cannot read",
            "mauHong.form",
            "{\"id\":\"form_x\",\"components\":[{\"key\":\"day\",\"type\":\"textfield\","
                + "\"label\":\"Ngày\",\"validate\":{\"maxLength\":10,\"pattern\":\"^(\\\\d\"}}]}",
            "mauHong.form: mẫu kiểm tra của trường \\\"Ngày\\\" (day) không đọc được"),
        deploy("deploy: nothing to deploy", null, null, "resource"));
  }

  static final String MODEL_CHECK = "/api/mo-hinh/kiem-tra";

  static Case modelCheck(String name, String issued, String fileName, String content, String why) {
    return new Case(
        name,
        ADMIN,
        "POST",
        MODEL_CHECK,
        "multipart/form-data; boundary=----danvanBoundary",
        multipart("file", "issued", issued, fileName, content),
        why);
  }

  /** The check of a model without deploying it ({@code POST /api/mo-hinh/kiem-tra}). */
  static List<Case> modelChecks() {
    return List.of(
        modelCheck(
            "model check: no file", "", null, null, "Thiếu mô hình: gửi tệp .bpmn trong phần"),
        modelCheck(
            "model check: not a model",
            "",
            "ghiChu.txt",
            "ghi chú",
            "Tệp \\\"ghiChu.txt\\\" không phải mô hình BPMN"),
        modelCheck(
            "model check: malformed XML",
            "",
            "hong.bpmn",
            BPMN_HEAD + "<bpmn:process id=\"x\"",
            "Tệp hong.bpmn không phải XML hợp lệ"),
        modelCheck(
            "model check: issue date that is no date",
            "ngày mai",
            "thuNghiem.bpmn",
            directiveBpmn(""),
            "Ngày ban hành \\\"ngày mai\\\" không hợp lệ"),
        new Case(
            "model check: not multipart",
            ADMIN,
            "POST",
            MODEL_CHECK,
            "application/json",
            "{}",
            "multipart/form-data"),
        new Case(
            "model check warnings: unknown deployment",
            ADMIN,
            "GET",
            "/api/mo-hinh/trien-khai/khongCo/canh-bao",
            null,
            null,
            "Không có lần triển khai \\\"khongCo\\\""));
  }

  static List<Case> productApis() {
    return List.of(
        new Case(
            "restructure: successor not in the registry",
            ADMIN,
            "POST",
            "/api/to-chuc/don-vi/soTaiChinh/ket-thuc",
            "application/json",
            "{\"validTo\": \"30/06/2025\", \"successors\": [\"soKhongCo\"], \"dryRun\": true}",
            "Đơn vị kế thừa \\\"soKhongCo\\\" không có trong sổ đăng ký tổ chức (successors)"),
        new Case(
            "restructure: successors not a list of ids",
            ADMIN,
            "POST",
            "/api/to-chuc/don-vi/soTaiChinh/ket-thuc",
            "application/json",
            "{\"validTo\": \"30/06/2025\", \"successors\": [1, 2], \"dryRun\": true}",
            "(successors)"),
        new Case(
            "restructure: not JSON",
            ADMIN,
            "POST",
            "/api/to-chuc/don-vi/soTaiChinh/ket-thuc",
            "application/json",
            "{\"validTo\": ",
            "JSON"),
        new Case(
            "board: no directive",
            COORDINATOR,
            "GET",
            "/api/bang-theo-doi",
            null,
            null,
            "Số văn bản (mã nghiệp vụ) là bắt buộc (vanBan)"),
        new Case(
            "board: unknown directive",
            COORDINATOR,
            "GET",
            "/api/bang-theo-doi?vanBan=99/CT-KHONGCO",
            null,
            null,
            "Không có văn bản \\\"99/CT-KHONGCO\\\""),
        new Case(
            "board: bad period",
            COORDINATOR,
            "GET",
            "/api/bang-theo-doi?vanBan=24-CT/TU&ky=2026-Q5",
            null,
            null,
            "Kỳ \\\"2026-Q5\\\" không hợp lệ"),
        new Case(
            "board sheet: bad period",
            COORDINATOR,
            "GET",
            "/api/bang-theo-doi/bieu-tong-hop.xlsx?vanBan=24-CT/TU&ky=quy4",
            null,
            null,
            "Kỳ \\\"quy4\\\" không hợp lệ"),
        new Case(
            "overdue per directive: bad period",
            COORDINATOR,
            "GET",
            "/api/bang-theo-doi/qua-han?ky=2026-Q0",
            null,
            null,
            "Kỳ \\\"2026-Q0\\\" không hợp lệ"),
        new Case(
            "reminders: not a boolean",
            STAFF,
            "PUT",
            "/api/thong-bao/nhac-han",
            JSON,
            "{\"nhacHan\":\"không\"}",
            "nhacHan phải là true"),
        new Case(
            "reminders: malformed JSON",
            STAFF,
            "PUT",
            "/api/thong-bao/nhac-han",
            JSON,
            "{\"nhacHan\":",
            "JSON hợp lệ"),
        new Case(
            "reminders: wrong content type",
            STAFF,
            "PUT",
            "/api/thong-bao/nhac-han",
            "text/plain",
            "false",
            "application/json"),
        new Case(
            "reminders: body is a list",
            STAFF,
            "PUT",
            "/api/thong-bao/nhac-han",
            JSON,
            "[false]",
            "JSON"));
  }

  static List<Case> webapp() {
    String submit = WEBAPP + "/task/{work}/submit-form";
    return List.of(
        post(
            "Tasklist: empty report",
            TASKLIST_STAFF,
            submit,
            complete("resultReport", text("")),
            "Báo cáo kết quả thực hiện là bắt buộc"),
        post(
            "Tasklist: script in report",
            TASKLIST_STAFF,
            submit,
            complete("resultReport", text(SCRIPT)),
            MARKUP_REFUSED + " (resultReport)"),
        post(
            "Tasklist: template injection in extension reason",
            TASKLIST_STAFF,
            submit,
            complete(
                "requestExtension",
                "{\"value\":true}",
                "requestedDeadline",
                text("31/01/2031"),
                "extensionReason",
                text(TEMPLATE)),
            MARKUP_REFUSED + " (extensionReason)"),
        post(
            "Tasklist: extension to a past date",
            TASKLIST_STAFF,
            submit,
            complete(
                "requestExtension",
                "{\"value\":true}",
                "requestedDeadline",
                text("01/01/2020"),
                "extensionReason",
                text("Chờ số liệu")),
            "phải sau hạn hiện tại"),
        post("Tasklist: malformed JSON", TASKLIST_STAFF, submit, "{\"variables\":{", "JSON hợp lệ"),
        post(
            "Tasklist: ad-hoc report without details",
            TASKLIST_STAFF,
            WEBAPP + "/process-definition/key/adhocReport/submit-form",
            adhoc("incidentDetails", text("")),
            "Nội dung vụ việc là bắt buộc"),
        post(
            "Tasklist: model with EL",
            TASKLIST_STAFF,
            WEBAPP + "/process-definition/key/skilfulModel/submit-form",
            model("goals", text(EL)),
            MARKUP_REFUSED + " (goals)"));
  }
}
