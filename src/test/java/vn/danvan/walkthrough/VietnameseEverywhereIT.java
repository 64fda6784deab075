package vn.danvan.walkthrough;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import vn.danvan.support.Browser;
import vn.danvan.support.Http;
import vn.danvan.support.OwnDemoApp;
import vn.danvan.support.RunningDemoApp;

/**
 * Vietnamese on every screen a person looks at, in a real headless Chromium whose language is
 * Vietnamese and whose clock is in New York: every form of {@code forms/} (each on a one-task
 * process of its own offered to Sở Nội vụ, its fields typed into so that the form's checks speak),
 * the calendar of Tasklist, and the coordinator's Cockpit (dashboard and board, processes, a
 * process instance's variables, tasks and board, the user tasks page). No page shows a word of
 * Camunda's or form-js's English (every label of the apps' English bundles that the Vietnamese ones
 * say otherwise, form-js's checks, month and day names), nor a raw pattern; dates read dd/mm/yyyy
 * in Vietnam's time. Screenshots: target/walkthrough/.
 */
class VietnameseEverywhereIT {

  static final String ELSEWHERE = "America/New_York";
  static final ObjectMapper JSON = new ObjectMapper();
  static final String APPS = "META-INF/resources/webjars/camunda/app/";

  /** English the webapps or form-js could show, beyond the bundles' labels. */
  static final List<String> KNOWN_ENGLISH =
      List.of(
          "Field is required",
          "must match pattern",
          "minimum length",
          "maximum length",
          "minimum value",
          "maximum value",
          "Value is not a number",
          "is expected to be",
          "valid email",
          "Submit",
          "Save",
          "Complete",
          "Claim",
          "Add a comment",
          "Set follow-up date",
          "Set due date",
          "Error",
          "does not have",
          "Loading",
          "No tasks",
          "Actions",
          "Custom Plugins",
          "Today",
          "Clear",
          "Done",
          "January",
          "February",
          "March",
          "April",
          "June",
          "July",
          "August",
          "September",
          "October",
          "November",
          "December",
          "Sunday",
          "Monday",
          "Tuesday",
          "Wednesday",
          "Thursday",
          "Friday",
          "Saturday",
          "Sun",
          "Mon",
          "Tue",
          "Wed",
          "Thu",
          "Fri",
          "Sat");

  /** Names that stay as they are in Vietnamese too: the platform's and the variable types. */
  static final Set<String> NAMES =
      Set.of(
          "Camunda",
          "Camunda Platform",
          "Cockpit",
          "Tasklist",
          "Admin",
          "Boolean",
          "String",
          "Integer",
          "Long",
          "Short",
          "Double",
          "Date",
          "Json",
          "Null",
          "Object",
          "Bytes",
          "File",
          "Xml");

  @RegisterExtension static final OwnDemoApp APP = new OwnDemoApp("danvan-vietnamese");

  @Test
  void everyFormCalendarAndCoordinatorPageSpeaksVietnameseInVietnamsTime() throws Exception {
    Set<String> english = englishStrings();
    assertThat(english).as("English strings looked for").hasSizeGreaterThan(1000);
    Http http = new Http(APP.port());
    ProcessEngine engine = APP.bean(ProcessEngine.class);
    Map<String, String> tasks = formTasks(engine);
    String instance = RunningDemoApp.assign(http, "soNoiVu"); // due 31/08/2030, end of day
    List<String> leaks = new ArrayList<>();

    try (Browser browser = new Browser(APP.port())) {
      browser.timeZone(ELSEWHERE);
      browser.login("tasklist", "soNoiVuCanBo", "demo");
      assertThat(browser.script("return Intl.DateTimeFormat().resolvedOptions().timeZone"))
          .isEqualTo(ELSEWHERE);
      for (Map.Entry<String, String> form : tasks.entrySet()) {
        walkForm(browser, form.getValue());
        String shot = "form-" + form.getKey().replace('.', '-');
        browser.screenshot(shot);
        leaks.addAll(leaks(shot, browser.text(), english));
      }
      leaks.addAll(calendar(browser, engine, instance, english));
      // staff may not create tasks: Tasklist does not offer it (its header long drawn by now)
      assertThat(browser.text()).contains("Khởi động quy trình").doesNotContain("Tạo công việc");

      browser.login("cockpit", RunningDemoApp.COORDINATOR.split(":")[0], "demo");
      String cockpit = "/camunda/app/cockpit/default/#/";
      String definition =
          engine
              .getRuntimeService()
              .createProcessInstanceQuery()
              .processInstanceId(instance)
              .singleResult()
              .getProcessDefinitionId();
      Map<String, String> pages = new LinkedHashMap<>();
      pages.put("dashboard", "Bảng theo dõi thực hiện văn bản");
      pages.put("processes", "Giao nhiệm vụ");
      pages.put("process-definition/" + definition + "/runtime", "Giao nhiệm vụ");
      pages.put("process-instance/" + instance + "/runtime?tab=variables-tab", "taskContent");
      pages.put("process-instance/" + instance + "/runtime?tab=user-tasks-tab", "31/08/2030");
      pages.put("process-instance/" + instance + "/runtime?tab=danvan-board-tab", "Đơn vị");
      pages.put("tasks", "Phân công theo nhóm");
      for (Map.Entry<String, String> page : pages.entrySet()) {
        browser.open(cockpit + page.getKey());
        browser.waitForText(page.getValue());
        browser.pause(1500); // the page's other parts and any refusal
        String name = "cockpit-" + page.getKey().replaceAll("[^a-z-]+", "-").replaceAll("-+$", "");
        browser.screenshot(name);
        String text = browser.text();
        leaks.addAll(leaks(name, text, english));
        // Vietnam's time whatever the browser's zone, and the footer says so
        assertThat(text).as(name).contains("Asia/Ho_Chi_Minh").doesNotContain(ELSEWHERE);
        assertThat(text)
            .as(name + ": no ISO date-time")
            .doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}");
        if (page.getKey().contains("user-tasks-tab")) {
          // due at the end of 31/08/2030 in Vietnam; in New York it is still midday
          assertThat(text).as(name).contains("31/08/2030 23:59");
        }
        if (page.getKey().equals("dashboard")) {
          assertThat(text).doesNotContain("Plugin tùy chỉnh");
        }
      }
    }
    assertThat(leaks).as("English or raw patterns on screen").isEmpty();
  }

  /** Opens the task, claims it and types into every field so that the form's checks speak. */
  private static void walkForm(Browser browser, String taskId) {
    browser.open("/camunda/app/tasklist/default/#/?task=" + taskId);
    browser.click("button", "Nhận việc");
    browser.visible(By.xpath("//button[contains(., 'Hoàn thành')]"));
    browser.pause(800);
    List<WebElement> fields =
        browser.all(
            By.cssSelector(
                ".task-details input[type='text'], .task-details input[type='number'],"
                    + " .task-details textarea"));
    boolean first = true;
    for (WebElement field : fields) {
      try {
        if (!field.isDisplayed() || !field.isEnabled() || field.getAttribute("readonly") != null) {
          continue;
        }
        field.sendKeys("x");
        if (first) { // emptied again: the field's "required" check
          field.sendKeys(Keys.BACK_SPACE);
          first = false;
        }
        field.sendKeys(Keys.TAB);
      } catch (StaleElementReferenceException redrawn) {
        // the form drew this field anew (a field shown or hidden by another): the rest go on
      }
    }
    browser.pause(800);
  }

  /** The calendar of a task's follow-up date: months, weekdays, its buttons in Vietnamese. */
  private static List<String> calendar(
      Browser browser, ProcessEngine engine, String instance, Set<String> english)
      throws IOException {
    String task =
        engine
            .getTaskService()
            .createTaskQuery()
            .processInstanceId(instance)
            .taskDefinitionKey("Task_Perform")
            .singleResult()
            .getId();
    browser.open("/camunda/app/tasklist/default/#/?task=" + task);
    browser.click("button", "Nhận việc");
    browser.visible(By.cssSelector(".task-details .followup-date")).click();
    WebElement picker = browser.visible(By.cssSelector(".task-details [uib-datepicker]"));
    String days = picker.getText();
    assertThat(days)
        .contains("T2", "T3", "T4", "T5", "T6", "T7", "CN")
        .containsPattern("Tháng \\d");
    browser.screenshot("tasklist-calendar");
    return leaks("tasklist-calendar", browser.text(), english);
  }

  /** English words or raw patterns in {@code text}, each as "page: what". */
  static List<String> leaks(String page, String text, Set<String> english) {
    List<String> found = new ArrayList<>();
    for (String phrase : english) {
      if (text.contains(phrase)
          && Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(phrase) + "(?![\\p{L}\\p{N}])")
              .matcher(text)
              .find()) {
        found.add(page + ": \"" + phrase + "\"");
      }
    }
    if (text.contains("\\d") || text.contains("^")) {
      found.add(page + ": a raw pattern");
    }
    return found;
  }

  /**
   * The English the apps would show: every label of Tasklist's and Cockpit's English bundles that
   * the Vietnamese ones say otherwise (its text between placeholders), and {@link #KNOWN_ENGLISH}.
   */
  static Set<String> englishStrings() throws IOException {
    Set<String> english = new TreeSet<>(KNOWN_ENGLISH);
    for (String app : List.of("tasklist", "cockpit")) {
      JsonNode en = bundle(app + "/locales/en.json").path("labels");
      JsonNode vi = bundle(app + "/locales/vi.json").path("labels");
      for (Iterator<Map.Entry<String, JsonNode>> it = en.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> label = it.next();
        String said = label.getValue().asText();
        if (said.equals(vi.path(label.getKey()).asText())) {
          continue;
        }
        for (String part : said.replaceAll("<[^>]*>", " ").split("\\{\\{[^}]*}}|[:.!?()\\n]")) {
          String phrase = part.trim().replaceAll("\\s+", " ");
          if (phrase.matches("[A-Z][A-Za-z' ,/-]{3,}") && !NAMES.contains(phrase)) {
            english.add(phrase);
          }
        }
      }
    }
    return english;
  }

  private static JsonNode bundle(String path) throws IOException {
    try (InputStream in =
        VietnameseEverywhereIT.class.getClassLoader().getResourceAsStream(APPS + path)) {
      assertThat(in).as(path).isNotNull();
      return JSON.readTree(in.readAllBytes());
    }
  }

  /**
   * One task per form of {@code forms/}, each on a one-task process of its own offered to Sở Nội vụ
   * (embedded forms with the variables they show); form file name → task id.
   */
  private static Map<String, String> formTasks(ProcessEngine engine) throws IOException {
    List<Path> files;
    try (Stream<Path> list = Files.list(Path.of("forms"))) {
      files =
          list.filter(f -> f.toString().endsWith(".form") || f.toString().endsWith(".html"))
              .filter(f -> !f.getFileName().toString().equals("khoiTaoVanBan.html"))
              .sorted()
              .toList();
    }
    DeploymentBuilder deployment =
        engine.getRepositoryService().createDeployment().name("vietnameseEverywhere");
    Map<String, String> keys = new LinkedHashMap<>();
    for (Path file : files) {
      String name = file.getFileName().toString();
      String key = "vi_" + name.replaceAll("\\W", "_");
      String form;
      if (name.endsWith(".form")) {
        String id = JSON.readTree(file.toFile()).get("id").asText();
        form = " camunda:formRef=\"" + id + "\" camunda:formRefBinding=\"latest\"";
      } else {
        deployment.addString("forms/" + name, Files.readString(file));
        form = " camunda:formKey=\"embedded:deployment:forms/" + name + "\"";
      }
      deployment.addString(key + ".bpmn", definitions(key, form));
      keys.put(name, key);
    }
    deployment.deploy();
    Map<String, String> tasks = new LinkedHashMap<>();
    keys.forEach(
        (name, key) -> {
          String id =
              engine.getRuntimeService().startProcessInstanceByKey(key, variables(name)).getId();
          tasks.put(
              name,
              engine
                  .getTaskService()
                  .createTaskQuery()
                  .processInstanceId(id)
                  .singleResult()
                  .getId());
        });
    return tasks;
  }

  /** What an embedded form shows: its rows (as JSON) and the words around them. */
  private static Map<String, Object> variables(String form) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("taskContent", "Nội dung nhiệm vụ để kiểm tra biểu mẫu");
    v.put("deadline", "2030-08-31");
    switch (form) {
      case "bangDiem.html" -> {
        v.put(
            "assessment",
            SpinValues.jsonValue(
                    "[{\"code\":\"1\",\"name\":\"Lãnh đạo, chỉ đạo công tác dân vận\","
                        + "\"kindLabel\":\"Tiêu chí\",\"maxPoints\":10}]")
                .create());
        v.put("sheetMode", "self");
        v.put("year", 2030);
        v.put("bodyName", "Sở Nội vụ");
      }
      case "chamThi.html" -> {
        v.put(
            "entries",
            SpinValues.jsonValue(
                    "[{\"bodyName\":\"Sở Nội vụ\",\"modelName\":\"Mô hình dân vận"
                        + " khéo\",\"focusArea\":\"Cải cách hành chính\",\"workFieldLabel\":\"Hành"
                        + " chính\"}]")
                .create());
        v.put("contestName", "Hội thi Dân vận khéo");
        v.put("roundName", "Vòng sơ khảo");
        v.put("passScore", 50);
      }
      case "baoCaoSoLieu.html" ->
          v.put(
              "figureColumns",
              SpinValues.jsonValue("[{\"key\":\"soCuoc\",\"label\":\"Số cuộc\",\"unit\":\"cuộc\"}]")
                  .create());
      default -> {
        // a Camunda Form: its own fields
      }
    }
    return v;
  }

  private static String definitions(String key, String form) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
        + "<bpmn:definitions xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\""
        + " xmlns:camunda=\"http://camunda.org/schema/1.0/bpmn\" id=\"Definitions_"
        + key
        + "\" targetNamespace=\"http://danvan.vn/test\">"
        + "<bpmn:process id=\""
        + key
        + "\" name=\"Biểu mẫu\" isExecutable=\"true\" camunda:historyTimeToLive=\"1\">"
        + "<bpmn:startEvent id=\"StartEvent_1\"/>"
        + "<bpmn:sequenceFlow id=\"Flow_1\" sourceRef=\"StartEvent_1\" targetRef=\"Task_1\"/>"
        + "<bpmn:userTask id=\"Task_1\" name=\"Điền biểu mẫu\" camunda:candidateGroups=\"soNoiVu\""
        + form
        + "/>"
        + "<bpmn:sequenceFlow id=\"Flow_2\" sourceRef=\"Task_1\" targetRef=\"EndEvent_1\"/>"
        + "<bpmn:endEvent id=\"EndEvent_1\"/></bpmn:process></bpmn:definitions>";
  }
}
