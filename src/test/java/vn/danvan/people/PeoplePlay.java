package vn.danvan.people;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.EventSubscription;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.danvan.fanout.Fanouts;
import vn.danvan.support.Http;
import vn.danvan.support.Http.Reply;

/**
 * Plays a directive or a block to its end as the demo people would: every open task is done over
 * REST by a person of the group it is offered to (their own login, authorization on, never the
 * administrator), who claims it and submits its form with answers that pass the form's own checks;
 * the engine's clock moves to the next timer when nobody has anything to do, and the job executor's
 * work is run as the job executor runs it.
 *
 * <p>What it records, for the test to assert: every answer a person got that was not a success,
 * every task offered to nobody, and every fan-out left waiting for a message although all of its
 * bodies had answered (its parent must move on as the last answer commits, not at the next
 * re-check).
 *
 * <p>{@link Route#DETOURS} takes the other branch the first time a task of each kind comes up
 * (returns, refusals, extension requests, escalations, low scores) and the main one afterwards, so
 * that two plays walk every path of a model without looping for ever; {@link Route#LATE} lets every
 * due timer fire (reminders, chases, their notices) before anyone answers.
 */
final class PeoplePlay {

  /** How the people answer. */
  enum Route {
    MAIN,
    DETOURS,
    LATE
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");
  private static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
  private static final Pattern NOT = Pattern.compile("not\\(\\s*(\\w+)\\s*\\)");
  private static final Pattern IS_NULL = Pattern.compile("(\\w+)\\s*=\\s*null");
  private static final Pattern IS_EMPTY = Pattern.compile("(\\w+)\\s*=\\s*\"\"");

  /** Checkboxes whose main answer is yes; any other checkbox's main answer is no. */
  private static final Set<String> YES =
      Set.of(
          "approved",
          "confirmed",
          "extensionApproved",
          "rankingApproved",
          "stillRunning",
          "planApproved",
          "correctionsRequired");

  private final Http http;
  private final ProcessEngine engine;
  private final JdbcTemplate jdbc;
  private final Route route;
  private final String businessKey;
  private final Set<String> detoured = new HashSet<>();

  /** Tasks a person could not do: recorded once, then left alone. */
  private final Set<String> failed = new HashSet<>();

  /** Every answer a person got that was not a success, and every task nobody can do. */
  final List<String> errors = new ArrayList<>();

  /** Tasks done, by process and task definition key ("assignment/Task_Perform"). */
  final Map<String, Integer> done = new LinkedHashMap<>();

  /** Who did them. */
  final Set<String> people = new TreeSet<>();

  int timersFired;

  PeoplePlay(
      Http http, ProcessEngine engine, DataSource dataSource, Route route, String businessKey) {
    this.http = http;
    this.engine = engine;
    this.jdbc = new JdbcTemplate(dataSource);
    this.route = route;
    this.businessKey = businessKey;
  }

  /**
   * Plays until nothing is left under the business key, {@code maxTasks} tasks are done, or the
   * next timer falls after {@code until}.
   */
  PeoplePlay play(int maxTasks, LocalDate until) {
    int tasks = 0;
    while (tasks < maxTasks) {
      runJobsDue();
      checkParentsMovedOn();
      List<Task> open = openTasks();
      if (route == Route.LATE && !open.isEmpty() && fireNextTimer(open, until)) {
        continue;
      }
      if (open.isEmpty()) {
        if (!fireNextTimer(List.of(), until)) {
          return this;
        }
        continue;
      }
      for (Task task : open) {
        if (tasks++ >= maxTasks) {
          return this;
        }
        answer(task);
        checkParentsMovedOn();
      }
    }
    return this;
  }

  private void fail(Task task, String error) {
    failed.add(task.getId());
    errors.add(error);
  }

  /** Whether anything of the play is still running. */
  boolean running() {
    return engine
            .getRuntimeService()
            .createProcessInstanceQuery()
            .processInstanceBusinessKey(businessKey)
            .count()
        > 0;
  }

  /**
   * The play's instances: those of its business key and the sub-instances they call, whatever
   * business key these carry.
   */
  private String[] instances() {
    Set<String> ids = new TreeSet<>();
    List<String> next =
        engine
            .getRuntimeService()
            .createProcessInstanceQuery()
            .processInstanceBusinessKey(businessKey)
            .list()
            .stream()
            .map(p -> p.getId())
            .toList();
    while (!next.isEmpty()) {
      List<String> called = new ArrayList<>();
      for (String id : next) {
        if (ids.add(id)) {
          engine
              .getRuntimeService()
              .createProcessInstanceQuery()
              .superProcessInstanceId(id)
              .list()
              .forEach(p -> called.add(p.getId()));
        }
      }
      next = called;
    }
    return ids.toArray(String[]::new);
  }

  private List<Task> openTasks() {
    String[] ids = instances();
    if (ids.length == 0) {
      return List.of();
    }
    return engine
        .getTaskService()
        .createTaskQuery()
        .processInstanceIdIn(ids)
        .active()
        .orderByTaskCreateTime()
        .asc()
        .orderByTaskId()
        .asc()
        .list()
        .stream()
        .filter(t -> !failed.contains(t.getId()))
        .toList();
  }

  /** Runs what the job executor would run now: continuations and timers due. */
  private void runJobsDue() {
    for (int round = 0; round < 1000; round++) {
      String[] ids = instances();
      List<Job> due =
          ids.length == 0
              ? List.of()
              : engine
                  .getManagementService()
                  .createJobQuery()
                  .processInstanceIds(Set.of(ids))
                  .executable()
                  .list();
      if (due.isEmpty()) {
        return;
      }
      for (Job job : due) {
        try {
          engine.getManagementService().executeJob(job.getId());
        } catch (RuntimeException e) {
          errors.add("job " + job.getId() + " failed: " + e.getMessage());
          return;
        }
      }
    }
  }

  /**
   * Moves the clock to the next timer of the play and fires it (with {@code LATE}, only when it
   * falls before the last open task's due date plus two weeks: the reminder and two rounds of
   * chases).
   */
  private boolean fireNextTimer(List<Task> open, LocalDate until) {
    String[] ids = instances();
    List<Job> timers =
        ids.length == 0
            ? List.of()
            : engine
                .getManagementService()
                .createJobQuery()
                .timers()
                .processInstanceIds(Set.of(ids))
                .orderByJobDuedate()
                .asc()
                .listPage(0, 1);
    if (timers.isEmpty()) {
      return false;
    }
    Job next = timers.get(0);
    LocalDate day = next.getDuedate().toInstant().atZone(VN).toLocalDate();
    if (day.isAfter(until)) {
      return false;
    }
    if (!open.isEmpty()) {
      Date latest =
          open.stream()
              .map(Task::getDueDate)
              .filter(d -> d != null)
              .max(Comparator.naturalOrder())
              .orElse(null);
      if (latest == null
          || next.getDuedate().after(new Date(latest.getTime() + 15L * 86_400_000))
          || timersFired > 400) {
        return false;
      }
    }
    if (next.getDuedate().after(ClockUtil.getCurrentTime())) {
      ClockUtil.setCurrentTime(next.getDuedate());
    }
    try {
      engine.getManagementService().executeJob(next.getId());
      timersFired++;
    } catch (RuntimeException e) {
      errors.add("timer " + next.getId() + " failed: " + e.getMessage());
      return false;
    }
    return true;
  }

  /**
   * No fan-out waits for its bodies' message while its counter says every body has answered: the
   * last answer must wake its parent at once.
   */
  private void checkParentsMovedOn() {
    Set<String> mine = Set.of(instances());
    for (EventSubscription waiting :
        engine
            .getRuntimeService()
            .createEventSubscriptionQuery()
            .eventType("message")
            .eventName(Fanouts.MESSAGE_ALL_DONE)
            .list()) {
      if (!mine.contains(waiting.getProcessInstanceId())) {
        continue;
      }
      List<Map<String, Object>> counter =
          jdbc.queryForList(
              "select done_, total_ from danvan_fanout where id_ = ?",
              waiting.getProcessInstanceId());
      if (!counter.isEmpty()
          && ((Number) counter.get(0).get("done_")).intValue()
              >= ((Number) counter.get(0).get("total_")).intValue()) {
        String error =
            "fan-out "
                + waiting.getProcessInstanceId()
                + " still waits although every body has answered";
        if (!errors.contains(error)) {
          errors.add(error);
        }
      }
    }
  }

  /** One task, done as a person of its group would do it in Tasklist. */
  private void answer(Task task) {
    if (engine.getTaskService().createTaskQuery().taskId(task.getId()).count() == 0) {
      return; // ended by an answer given before it in this round (e.g. a chase notice)
    }
    String kind =
        engine.getRepositoryService().getProcessDefinition(task.getProcessDefinitionId()).getKey()
            + "/"
            + task.getTaskDefinitionKey();
    String person = personFor(task);
    if (person == null) {
      fail(
          task,
          kind + " (" + task.getName() + "): offered to nobody who can do it, " + candidates(task));
      return;
    }
    String login = person + ":demo";
    boolean detour = route == Route.DETOURS && detoured.add(kind);
    String base = "/engine-rest/task/" + task.getId();
    Reply form = http.get(base + "/form", login);
    if (form.status() != 200) {
      fail(
          task,
          kind + " as " + person + ": GET form " + form.status() + " " + shorten(form.body()));
      return;
    }
    ObjectNode variables;
    try {
      variables = answers(task, person, login, detour, JSON.readTree(form.body()));
    } catch (Exception e) {
      fail(task, kind + " as " + person + ": cannot read its form: " + e.getMessage());
      return;
    }
    if (task.getAssignee() == null) {
      Reply claim = http.postJson(base + "/claim", login, "{\"userId\":\"" + person + "\"}");
      if (claim.status() != 204) {
        fail(
            task,
            kind + " as " + person + ": claim " + claim.status() + " " + shorten(claim.body()));
        return;
      }
    }
    Reply complete =
        http.postJson(
            base + "/complete",
            login,
            JSON.createObjectNode().set("variables", variables).toString());
    if (complete.status() != 204 && complete.status() != 200) {
      fail(
          task,
          kind
              + " as "
              + person
              + ": complete "
              + complete.status()
              + " "
              + complete.body()
              + " with "
              + variables);
      return;
    }
    done.merge(kind, 1, Integer::sum);
    people.add(person);
  }

  /** The assignee, or the first person (not an administrator) of a candidate group. */
  private String personFor(Task task) {
    if (task.getAssignee() != null) {
      return task.getAssignee();
    }
    Set<String> admins = new HashSet<>();
    engine
        .getIdentityService()
        .createUserQuery()
        .memberOfGroup("camunda-admin")
        .list()
        .forEach(u -> admins.add(u.getId()));
    for (IdentityLink link : engine.getTaskService().getIdentityLinksForTask(task.getId())) {
      if (link.getGroupId() == null) {
        continue;
      }
      for (User user :
          engine
              .getIdentityService()
              .createUserQuery()
              .memberOfGroup(link.getGroupId())
              .orderByUserId()
              .asc()
              .list()) {
        if (!admins.contains(user.getId())) {
          return user.getId();
        }
      }
    }
    return null;
  }

  private String candidates(Task task) {
    return engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
        .map(l -> l.getGroupId() != null ? l.getGroupId() : l.getUserId())
        .toList()
        .toString();
  }

  /** The variables a person submits: from the Camunda Form, or the sheet an embedded form shows. */
  private ObjectNode answers(Task task, String person, String login, boolean detour, JsonNode form)
      throws Exception {
    String key = form.path("key").asText("");
    String base = "/engine-rest/task/" + task.getId();
    if (form.has("camundaFormRef") && !form.get("camundaFormRef").isNull()) {
      Reply deployed = http.get(base + "/deployed-form", login);
      if (deployed.status() != 200) {
        throw new IllegalStateException("deployed-form " + deployed.status());
      }
      return fill(JSON.readTree(deployed.body()), task, person, login, detour);
    }
    if (key.endsWith("bangDiem.html")) {
      return sheet(login, base, task.getTaskDefinitionKey().equals("Task_ReviewScores"), detour);
    }
    if (key.endsWith("chamThi.html")) {
      return contestRound(login, base, detour);
    }
    if (key.endsWith("baoCaoSoLieu.html")) {
      return reportFigures(login, base, detour);
    }
    throw new IllegalStateException("a form the play cannot fill: " + form);
  }

  /** A Camunda Form, filled within its own checks; hidden fields are left out. */
  private ObjectNode fill(JsonNode form, Task task, String person, String login, boolean detour)
      throws Exception {
    List<JsonNode> fields = new ArrayList<>();
    collect(form.path("components"), fields);
    Map<String, Object> ticks = taskVariables(login, task);
    for (JsonNode field : fields) {
      if (field.path("type").asText().equals("checkbox")) {
        String name = field.get("key").asText();
        ticks.put(name, !hidden(field, ticks) && YES.contains(name) != detour);
      }
    }
    ObjectNode values = JSON.createObjectNode();
    for (JsonNode field : fields) {
      String name = field.get("key").asText();
      if (hidden(field, ticks)) {
        continue;
      }
      JsonNode validate = field.path("validate");
      switch (field.path("type").asText()) {
        case "checkbox" -> put(values, name, ticks.get(name));
        case "number" ->
            put(
                values,
                name,
                detour ? validate.path("min").asDouble(0) : validate.path("max").asDouble(100));
        case "radio", "select" -> {
          JsonNode options =
              field.has("valuesKey")
                  ? JSON.readTree(String.valueOf(ticks.get(field.get("valuesKey").asText())))
                  : field.path("values");
          if (options.size() > 0) {
            put(values, name, options.get(detour ? options.size() - 1 : 0).get("value").asText());
          }
        }
        case "taglist", "checklist" -> {
          ArrayNode picked = JSON.createArrayNode();
          String body = firstBody(login, task);
          if (body != null) {
            picked.add(body);
          }
          values.set(
              name, JSON.createObjectNode().put("type", "Json").put("value", picked.toString()));
        }
        case "textfield", "textarea" -> {
          String pattern = validate.path("pattern").asText("");
          if (!validate.path("required").asBoolean() && !detour && pattern.isEmpty()) {
            put(values, name, text(person, 0, validate.path("maxLength").asInt(200)));
          } else if (pattern.contains("\\d{4}")) {
            Date after = task.getDueDate() != null ? task.getDueDate() : ClockUtil.getCurrentTime();
            put(values, name, LocalDate.ofInstant(after.toInstant(), VN).plusMonths(1).format(DMY));
          } else if (pattern.equals("^[a-zA-Z0-9]+$")) {
            put(values, name, bodyOf(person));
          } else {
            put(
                values,
                name,
                text(
                    person,
                    validate.path("minLength").asInt(0),
                    validate.path("maxLength").asInt(2000)));
          }
        }
        default -> {}
      }
    }
    return values;
  }

  /**
   * The evaluation sheet ({@code bangDiem.html}): the body scores every row with figures and
   * evidence; the reviewer gives its own scores (and with a detour returns the sheet once).
   */
  private ObjectNode sheet(String login, String base, boolean review, boolean detour)
      throws Exception {
    ArrayNode rows = (ArrayNode) JSON.readTree(variable(login, base, "assessment"));
    for (JsonNode r : rows) {
      ObjectNode row = (ObjectNode) r;
      double max = row.path("maxPoints").asDouble();
      boolean criterion = row.path("kind").asText().equals("CRITERION");
      if (review) {
        row.put("reviewedScore", criterion ? max * 0.8 : 0);
      } else {
        row.put("score", criterion ? max * 0.9 : 0);
        row.put("figures", "Số liệu của năm theo báo cáo của đơn vị");
        row.put("evidence", "Báo cáo số 12/BC ngày 01/10");
      }
    }
    ObjectNode values = JSON.createObjectNode();
    values.set(
        "assessment", JSON.createObjectNode().put("type", "Json").put("value", rows.toString()));
    if (review) {
      put(values, "returnForCorrection", detour);
      if (detour) {
        put(values, "returnReason", "Bổ sung minh chứng cho tiêu chí thứ nhất");
      }
    }
    return values;
  }

  /**
   * A report with figures ({@code baoCaoSoLieu.html}): every figure the form lists (the task's
   * {@code figureColumns}) as a whole number, 0 with a detour, as the form sends them (text), and
   * the result report.
   */
  private ObjectNode reportFigures(String login, String base, boolean detour) throws Exception {
    ObjectNode figures = JSON.createObjectNode();
    int n = 0;
    for (JsonNode column : JSON.readTree(variable(login, base, "figureColumns"))) {
      String figure = column.get("key").asText();
      if (!figure.equals("donVi")) {
        figures.put(figure, detour ? 0 : ++n);
      }
    }
    ObjectNode values = JSON.createObjectNode();
    put(values, "reportedFigures", figures.toString());
    put(values, "resultReport", "Đã thực hiện; số liệu cụ thể theo biểu");
    return values;
  }

  /** A contest round ({@code chamThi.html}): every entry scored, above the pass mark or not. */
  private ObjectNode contestRound(String login, String base, boolean detour) throws Exception {
    ArrayNode entries = (ArrayNode) JSON.readTree(variable(login, base, "entries"));
    entries.forEach(e -> ((ObjectNode) e).put("score", detour ? 50 : 90));
    ObjectNode values = JSON.createObjectNode();
    values.set(
        "entries", JSON.createObjectNode().put("type", "Json").put("value", entries.toString()));
    return values;
  }

  private String variable(String login, String base, String name) throws Exception {
    Reply reply = http.get(base + "/variables/" + name + "?deserializeValue=false", login);
    if (reply.status() != 200) {
      throw new IllegalStateException(name + ": " + reply.status() + " " + reply.body());
    }
    JsonNode value = JSON.readTree(reply.body()).get("value");
    return value.isTextual() ? value.asText() : value.toString();
  }

  /** The task's variables as the form sees them (plain values; JSON ones as text). */
  private Map<String, Object> taskVariables(String login, Task task) throws Exception {
    Reply reply =
        http.get(
            "/engine-rest/task/" + task.getId() + "/form-variables" + "?deserializeValues=false",
            login);
    if (reply.status() != 200) {
      throw new IllegalStateException("form-variables " + reply.status());
    }
    Map<String, Object> variables = new HashMap<>();
    JSON.readTree(reply.body())
        .fields()
        .forEachRemaining(
            v -> {
              JsonNode value = v.getValue().get("value");
              variables.put(
                  v.getKey(),
                  value == null || value.isNull()
                      ? null
                      : value.isBoolean() ? value.asBoolean() : value.asText());
            });
    return variables;
  }

  /** A body the task's own variables name in a JSON list (e.g. a ranking's rows), if any. */
  private String firstBody(String login, Task task) throws Exception {
    Reply reply =
        http.get(
            "/engine-rest/task/" + task.getId() + "/variables" + "?deserializeValues=false", login);
    for (JsonNode variable : JSON.readTree(reply.body())) {
      if (variable.path("type").asText().equals("Json")) {
        List<String> bodies =
            JSON.readTree(variable.get("value").asText()).findValuesAsText("body");
        if (!bodies.isEmpty()) {
          return bodies.get(0);
        }
      }
    }
    return null;
  }

  private static void collect(JsonNode components, List<JsonNode> into) {
    for (JsonNode component : components) {
      if (component.has("components")) {
        collect(component.get("components"), into);
      }
      if (component.hasNonNull("key")) {
        into.add(component);
      }
    }
  }

  /**
   * Whether a field is hidden by its condition, for the few forms of FEEL the product's forms use:
   * terms joined by {@code or}, each {@code x}, {@code not(x)}, {@code x = null} or {@code x = ""},
   * over the ticked checkboxes and the task's variables.
   */
  private static boolean hidden(JsonNode field, Map<String, Object> values) {
    String hide = field.path("conditional").path("hide").asText("").trim();
    if (!hide.startsWith("=")) {
      return false;
    }
    for (String term : hide.substring(1).split("\\s+or\\s+")) {
      Matcher m;
      String t = term.trim();
      if ((m = NOT.matcher(t)).matches() && !Boolean.TRUE.equals(values.get(m.group(1)))
          || (m = IS_NULL.matcher(t)).matches() && values.get(m.group(1)) == null
          || (m = IS_EMPTY.matcher(t)).matches() && "".equals(values.get(m.group(1)))
          || t.matches("\\w+") && Boolean.TRUE.equals(values.get(t))) {
        return true;
      }
    }
    return false;
  }

  /** An error's body, to its message. */
  private static String shorten(String body) {
    return body.length() > 300 ? body.substring(0, 300) + "…" : body;
  }

  private static String text(String person, int min, int max) {
    StringBuilder text = new StringBuilder("Nội dung do " + person + " nhập trong Tasklist.");
    while (text.length() < min) {
      text.append(" Bổ sung số liệu.");
    }
    return text.length() > max ? text.substring(0, max) : text.toString();
  }

  /** The body a demo person belongs to: their id less the role suffix. */
  private static String bodyOf(String person) {
    return person.replaceAll("(CanBo|LanhDao|DieuPhoi)$", "");
  }

  private static void put(ObjectNode values, String name, Object value) {
    ObjectNode v = JSON.createObjectNode();
    if (value instanceof Boolean b) {
      v.put("value", b);
    } else if (value instanceof Double d) {
      v.put("value", d);
    } else {
      v.put("value", String.valueOf(value));
    }
    values.set(name, v);
  }
}
