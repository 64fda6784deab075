package vn.danvan.notification;

import static vn.danvan.notification.NotificationVariables.SUBJECT;
import static vn.danvan.notification.NotificationVariables.TEXT;
import static vn.danvan.notification.NotificationVariables.TO;
import static vn.danvan.variable.SharedVariables.CHASE_COUNT;
import static vn.danvan.variable.SharedVariables.DEADLINE;
import static vn.danvan.variable.SharedVariables.FANOUT_ID;
import static vn.danvan.variable.SharedVariables.KIND;
import static vn.danvan.variable.SharedVariables.LAST_CHASE_TYPE;
import static vn.danvan.variable.SharedVariables.PERIOD_LABEL;
import static vn.danvan.variable.SharedVariables.RETURN_REASON;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.core.io.ClassPathResource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import vn.danvan.deadline.Deadlines;
import vn.danvan.org.OrgRegistry;
import vn.danvan.org.OrgRegistry.Person;
import vn.danvan.org.Role;
import vn.danvan.variable.SharedVariables;

/**
 * E-mail to the people of a body when something happens to its work: a new task, a reminder before
 * the deadline, a chase of overdue work (to its leaders), a result returned, an extension decided,
 * a periodic report's window opened. Vietnamese templates ({@code notification/mau-thu.yaml}). Each
 * message is a small {@code thongBaoEmail} instance started in the same transaction as the event
 * (no mail for work that rolls back) whose sending is an asynchronous job: a failing SMTP server is
 * retried and then shows as an incident, and never blocks or undoes the work. Off when no SMTP
 * server is configured ({@code spring.mail.host}).
 */
public class Notifications {

  /** What happened; the template's name. */
  public enum Kind {
    NEW_TASK("giaoViec"),
    REMINDER("nhacHan"),
    CHASE("donDoc"),
    RETURNED("traLai"),
    EXTENSION("giaHan"),
    PERIOD_OPENED("moKyBaoCao");

    final String template;

    Kind(String template) {
      this.template = template;
    }
  }

  /**
   * How people hear of their work: one digest per working day ({@link Digests}, the default) or one
   * message per event. In digest mode only a chase still goes at once.
   */
  public enum Mode {
    DIGEST("digest"),
    PER_EVENT("per-event");

    final String code;

    Mode(String code) {
      this.code = code;
    }

    /** The setting's value ({@code danvan.notification.mode}). */
    public static Mode of(String code) {
      for (Mode mode : values()) {
        if (mode.code.equals(code)) {
          return mode;
        }
      }
      throw new IllegalStateException(
          "danvan.notification.mode phải là digest (thư tổng hợp mỗi ngày làm việc) hoặc"
              + " per-event (một thư cho mỗi việc), không phải: "
              + code);
    }
  }

  public static final String PROCESS = "thongBaoEmail";

  /** The digest's template in {@code mau-thu.yaml} (and its {@code kind}). */
  static final String DIGEST = "banTin";

  /** A person's choice (Camunda user info): "tat" turns their reminders off. */
  public static final String REMINDERS = "danvan.nhacHan";

  public static final String OFF = "tat";
  static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  private final OrgRegistry registry;
  private volatile boolean enabled;
  private volatile Mode mode = Mode.DIGEST;
  private final String tasklistUrl;
  private final String retryCycle;
  private final Map<String, Map<String, String>> templates;

  /**
   * @param enabled whether mail goes out (an SMTP server is configured)
   * @param tasklistUrl the Tasklist address the messages link to
   * @param retryCycle how a failing send is retried (ISO 8601 repeat, e.g. R3/PT5M)
   */
  public Notifications(
      OrgRegistry registry, boolean enabled, String tasklistUrl, String retryCycle) {
    this.registry = registry;
    this.enabled = enabled;
    this.tasklistUrl = tasklistUrl;
    this.retryCycle = retryCycle;
    this.templates = load();
  }

  public boolean isEnabled() {
    return enabled;
  }

  /** Switches mail on or off (configuration; the process tests switch it on where they test it). */
  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  public Mode getMode() {
    return mode;
  }

  /** Digest or per-event mail (configuration; the tests switch between the two). */
  public void setMode(Mode mode) {
    this.mode = mode;
  }

  /** Whether reminders before a deadline go out as messages of their own. */
  public boolean remindsByMail() {
    return enabled && mode == Mode.PER_EVENT;
  }

  /** The Tasklist address the messages link to ({@code danvan.mail.tasklist-url}). */
  public String getTasklistUrl() {
    return tasklistUrl;
  }

  /** {@code ${notifications.retryCycle}} in {@code thongBaoEmail.bpmn}. */
  public String getRetryCycle() {
    return retryCycle;
  }

  /**
   * Any user task was created: its body is told, in the words that fit the task. In digest mode
   * only a chase goes at once (a formal act the leaders must acknowledge); the rest waits for the
   * next digest.
   */
  public void taskCreated(DelegateTask task) {
    boolean chase = "Task_AcknowledgeChase".equals(task.getTaskDefinitionKey());
    if (!enabled || (mode == Mode.DIGEST && !chase)) {
      return;
    }
    Set<String> groups = new LinkedHashSet<>();
    for (IdentityLink link : task.getCandidates()) {
      if (link.getGroupId() != null) {
        groups.add(link.getGroupId());
      }
    }
    if (groups.isEmpty()) {
      return;
    }
    String directive = task.getExecution().getProcessBusinessKey();
    Map<String, String> fill =
        common(directive, SharedVariables.taskContent(task), groups.iterator().next());
    // the step, as the model names it: the message names the work and the directive itself
    fill.put("congViec", task.getExecution().getCurrentActivityName());
    fill.put("han", task.getDueDate() == null ? "không thời hạn" : day(task.getDueDate()));
    fill.put("lienKet", tasklistUrl + "#/?task=" + task.getId());
    Kind kind = Kind.NEW_TASK;
    if (chase) {
      kind = Kind.CHASE;
      fill.put("han", day(task.getVariable(DEADLINE)));
      fill.put("lan", String.valueOf(task.getVariable(CHASE_COUNT)));
      fill.put("loaiDonDoc", String.valueOf(task.getVariable(LAST_CHASE_TYPE)));
    } else if (SharedVariables.round(task) > 0 && SharedVariables.returnedSinceSubmission(task)) {
      kind = Kind.RETURNED;
      fill.put("lyDo", String.valueOf(task.getVariable(RETURN_REASON)));
    } else if (task.getVariable(FANOUT_ID) instanceof String fanout) {
      Object period =
          task.getProcessEngineServices().getRuntimeService().getVariable(fanout, PERIOD_LABEL);
      if (period != null) {
        kind = Kind.PERIOD_OPENED;
        fill.put("ky", String.valueOf(period));
      }
    }
    send(task.getProcessEngineServices(), kind, directive, groups, fill);
  }

  /**
   * The work a message is about: its directive (the instance's business key), what is to be done,
   * the deadline (null for none).
   */
  public record Work(String directive, String content, LocalDate deadline) {

    /** The work of an execution's instance, read through the shared variables' typed readers. */
    public static Work of(DelegateExecution execution) {
      return new Work(
          execution.getProcessBusinessKey(),
          SharedVariables.taskContent(execution),
          SharedVariables.deadline(execution));
    }
  }

  /** Reminder before the deadline to a body that has not answered. */
  public void reminded(ProcessEngineServices engine, Work work, String body) {
    if (remindsByMail()) {
      send(engine, Kind.REMINDER, work.directive(), List.of(body), reminder(work, body));
    }
  }

  /** What a reminder to a body fills in its template. */
  Map<String, String> reminder(Work work, String body) {
    Map<String, String> fill = common(work.directive(), work.content(), body);
    fill.put("han", day(work.deadline()));
    fill.put("lienKet", tasklistUrl);
    return fill;
  }

  /** The monitoring body decided on the request for more time of the body doing the work. */
  public void extensionDecided(
      ProcessEngineServices engine, Work work, String body, boolean approved) {
    if (enabled && mode == Mode.PER_EVENT) {
      send(
          engine, Kind.EXTENSION, work.directive(), List.of(body), extension(work, body, approved));
    }
  }

  /** What the decision on a body's request for more time fills in its template. */
  Map<String, String> extension(Work work, String body, boolean approved) {
    Map<String, String> fill = common(work.directive(), work.content(), body);
    fill.put("ketQua", approved ? "đồng ý gia hạn" : "không đồng ý gia hạn");
    fill.put("han", day(work.deadline()));
    fill.put("lienKet", tasklistUrl);
    return fill;
  }

  /**
   * One message per event to the people of the groups (a body: all its people; {@code xLanhDao}:
   * the body's leaders) who have an address; reminders skip those who turned them off.
   */
  void send(
      ProcessEngineServices engine,
      Kind kind,
      String businessKey,
      Collection<String> groups,
      Map<String, String> fill) {
    Set<String> to = new LinkedHashSet<>();
    IdentityService identity = engine.getIdentityService();
    for (String group : groups) {
      for (Person person : recipients(group)) {
        if (kind == Kind.REMINDER && OFF.equals(identity.getUserInfo(person.id(), REMINDERS))) {
          continue;
        }
        to.add(person.email());
      }
    }
    if (to.isEmpty()) {
      return;
    }
    Map<String, String> template = templates.get(kind.template);
    mail(
        engine,
        kind.template,
        businessKey,
        String.join(",", to),
        fillIn(template.get(SUBJECT), fill),
        fillIn(template.get(TEXT), fill));
  }

  /** One message, sent by a {@code thongBaoEmail} job (retried, then an incident). */
  void mail(
      ProcessEngineServices engine,
      String kind,
      String businessKey,
      String to,
      String subject,
      String text) {
    engine
        .getRuntimeService()
        .startProcessInstanceByKey(
            PROCESS,
            businessKey,
            Variables.putValue(KIND, kind)
                .putValue(TO, to)
                .putValue(SUBJECT, subject)
                .putValue(TEXT, text));
  }

  /** A template's parts ({@code subject}, {@code text}, …) by name. */
  Map<String, String> template(String name) {
    return templates.get(name);
  }

  /** The people a candidate group stands for, with an e-mail address. */
  List<Person> recipients(String group) {
    boolean leaders = group.endsWith("LanhDao");
    String body = leaders ? group.substring(0, group.length() - "LanhDao".length()) : group;
    return registry.people().stream()
        .filter(p -> p.body().equals(body) && p.email() != null && !p.email().isBlank())
        .filter(p -> leaders ? p.role() == Role.LEADER : p.role() != Role.ADMIN)
        .toList();
  }

  /** What every message fills in: the body (by name), the work's content and its directive. */
  private Map<String, String> common(String directive, String content, String group) {
    String body = group.endsWith("LanhDao") ? group.substring(0, group.length() - 7) : group;
    Map<String, String> fill = new LinkedHashMap<>();
    fill.put("donVi", registry.body(body).map(OrgRegistry.Body::name).orElse(body));
    fill.put("noiDung", content == null ? "" : content);
    fill.put("vanBan", directive == null ? "" : directive);
    return fill;
  }

  static String fillIn(String template, Map<String, String> fill) {
    String text = template;
    for (Map.Entry<String, String> entry : fill.entrySet()) {
      text =
          text.replace(
              "{" + entry.getKey() + "}", entry.getValue() == null ? "" : entry.getValue());
    }
    return text.replaceAll("\\{[a-zA-Z]+}", "");
  }

  static String day(Object value) {
    if (value instanceof LocalDate date) {
      return DAY.format(date);
    }
    if (value instanceof Date date) {
      return DAY.format(date.toInstant().atZone(Deadlines.ZONE));
    }
    if (value instanceof String iso && !iso.isBlank()) {
      return DAY.format(LocalDate.parse(iso));
    }
    return "không thời hạn";
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Map<String, String>> load() {
    try (InputStream in = new ClassPathResource("notification/mau-thu.yaml").getInputStream()) {
      Map<String, Map<String, String>> loaded =
          (Map<String, Map<String, String>>)
              new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
      for (Kind kind : Kind.values()) {
        Map<String, String> template = loaded.get(kind.template);
        if (template == null || template.get(SUBJECT) == null || template.get(TEXT) == null) {
          throw new IllegalStateException(
              "Mẫu thư " + kind.template + " thiếu subject hoặc text (notification/mau-thu.yaml)");
        }
      }
      Map<String, String> digest = loaded.get(DIGEST);
      for (String part : Digests.TEMPLATE_PARTS) {
        if (digest == null || digest.get(part) == null) {
          throw new IllegalStateException(
              "Mẫu thư " + DIGEST + " thiếu " + part + " (notification/mau-thu.yaml)");
        }
      }
      return loaded;
    } catch (IOException e) {
      throw new IllegalStateException("Không đọc được mẫu thư notification/mau-thu.yaml", e);
    }
  }
}
