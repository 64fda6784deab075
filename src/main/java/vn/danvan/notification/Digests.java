package vn.danvan.notification;

import static vn.danvan.notification.NotificationVariables.SUBJECT;
import static vn.danvan.notification.NotificationVariables.TEXT;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.danvan.deadline.Deadlines;
import vn.danvan.engine.ClusterLock;
import vn.danvan.org.OrgRegistry;
import vn.danvan.org.OrgRegistry.Person;
import vn.danvan.org.Role;
import vn.danvan.variable.SharedVariables;

/**
 * One mail per person per working day ({@link DigestSchedule}): the work they can do that is new
 * since their last digest, due within 3 days, or overdue; nothing to a person with nothing in it.
 * Each person's tasks are read through the engine's task queries as that person (their groups and
 * authorizations, as Tasklist shows them): tasks offered to one of their groups and not claimed by
 * someone else, and tasks assigned to them. When each person's digest covered last is kept in
 * {@code danvan_digest}, written in the transaction that queues their mail, so a restart neither
 * resends nor skips; one node at a time sends ({@link ClusterLock}).
 */
public class Digests {

  /** The parts of the {@code banTin} template. */
  static final List<String> TEMPLATE_PARTS =
      List.of(SUBJECT, TEXT, "muc", "dong", "viecMoi", "sapDenHan", "quaHan");

  /** Work due within this is "sắp đến hạn" (as the Tasklist filter of the same name). */
  static final Duration DUE_SOON = Duration.ofDays(3);

  private static final Logger LOG = LoggerFactory.getLogger(Digests.class);
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

  /** The sections of a digest, in the order they are written. */
  enum Section {
    NEW("viecMoi"),
    DUE_SOON("sapDenHan"),
    OVERDUE("quaHan");

    final String title;

    Section(String title) {
      this.title = title;
    }
  }

  /** One piece of work in a digest. */
  record Item(
      String taskId,
      String name,
      String content,
      String directive,
      String body,
      Date due,
      String status) {}

  /** What a run did: people who got a digest, people with nothing, people already served. */
  public record Run(Instant slot, int sent, int empty, int skipped, long millis) {}

  private final ProcessEngine engine;
  private final OrgRegistry registry;
  private final Notifications notifications;
  private final DataSource dataSource;
  private final JdbcTemplate jdbc;
  private final TransactionTemplate transaction;
  private final DigestSchedule schedule;

  public Digests(
      ProcessEngine engine,
      OrgRegistry registry,
      Notifications notifications,
      DataSource dataSource,
      PlatformTransactionManager transactions,
      DigestSchedule schedule) {
    this.engine = engine;
    this.registry = registry;
    this.notifications = notifications;
    this.dataSource = dataSource;
    this.jdbc = new JdbcTemplate(dataSource);
    this.transaction = new TransactionTemplate(transactions);
    this.schedule = schedule;
  }

  public DigestSchedule schedule() {
    return schedule;
  }

  /** Whether digests go out at all: mail on, in digest mode. */
  public boolean active() {
    return notifications.isEnabled() && notifications.getMode() == Notifications.Mode.DIGEST;
  }

  /**
   * Every person's digest for the digest time {@code digestTime} (to the millisecond), except
   * people whose digest already covered it. The work is counted at that time: due before it is
   * overdue, due within 3 days after it is due soon, created since the person's last digest (or the
   * digest time before, for a first one) and before it is new. A person whose digest fails is
   * logged and left for the next run; the others still get theirs.
   */
  public synchronized Run send(Instant digestTime) {
    Instant slot = digestTime.truncatedTo(ChronoUnit.MILLIS);
    long started = System.nanoTime();
    long reading = 0;
    int sent = 0;
    int empty = 0;
    int skipped = 0;
    try (ClusterLock lock = ClusterLock.acquire(dataSource, ClusterLock.Purpose.DIGEST)) {
      Map<String, Instant> last = lastDigests();
      Instant before = schedule.previous(slot.minusSeconds(1)).toInstant();
      for (Person person : registry.people()) {
        if (person.email() == null || person.email().isBlank() || person.role() == Role.ADMIN) {
          continue;
        }
        Instant since = last.getOrDefault(person.id(), before);
        if (!since.isBefore(slot)) {
          skipped++;
          continue;
        }
        long read = System.nanoTime();
        boolean any;
        try {
          Map<Section, List<Item>> digest = collect(person, since, slot);
          reading += System.nanoTime() - read;
          any = digest.values().stream().anyMatch(items -> !items.isEmpty());
          transaction.executeWithoutResult(
              status -> {
                if (any) {
                  mail(person, slot, digest);
                }
                record(person.id(), slot, last.containsKey(person.id()));
              });
        } catch (RuntimeException e) {
          LOG.warn("Không lập được thư tổng hợp của {}: {}", person.id(), e.getMessage(), e);
          continue;
        }
        if (any) {
          sent++;
        } else {
          empty++;
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(
          "Không khóa được việc gửi thư tổng hợp: " + e.getMessage(), e);
    }
    Run run = new Run(slot, sent, empty, skipped, (System.nanoTime() - started) / 1_000_000);
    LOG.info(
        "Thư tổng hợp {}: {} người có thư, {} người không có việc, {} người đã nhận ({} ms, đọc"
            + " việc {} ms)",
        slot,
        sent,
        empty,
        skipped,
        run.millis(),
        reading / 1_000_000);
    return run;
  }

  /**
   * A person's work in the three sections, each piece once (overdue before due soon before new), in
   * one task query as that person (their groups and authorizations decide what they see): open
   * tasks offered to one of their groups and not claimed, or assigned to them, that are due within
   * 3 days or were created since their last digest.
   */
  Map<Section, List<Item>> collect(Person person, Instant since, Instant slot) {
    IdentityService identity = engine.getIdentityService();
    List<String> groups =
        identity.createGroupQuery().groupMember(person.id()).list().stream()
            .map(Group::getId)
            .toList();
    Date at = Date.from(slot);
    Date soon = Date.from(slot.plus(DUE_SOON));
    List<Task> tasks;
    Authentication previous = identity.getCurrentAuthentication();
    identity.setAuthentication(person.id(), groups);
    try {
      TaskQuery mine = engine.getTaskService().createTaskQuery().active();
      if (groups.isEmpty()) {
        mine.taskAssignee(person.id());
      } else {
        mine.or().taskCandidateGroupIn(groups).taskAssignee(person.id()).endOr();
      }
      tasks = mine.or().dueBefore(soon).taskCreatedAfter(Date.from(since)).endOr().list();
    } finally {
      if (previous == null) {
        identity.clearAuthentication();
      } else {
        identity.setAuthentication(previous);
      }
    }
    Map<Section, List<Task>> found = new LinkedHashMap<>();
    for (Section section : Section.values()) {
      found.put(section, new ArrayList<>());
    }
    for (Task task : tasks) {
      Date due = task.getDueDate();
      if (due != null && due.before(at)) {
        found.get(Section.OVERDUE).add(task);
      } else if (due != null && due.before(soon)) {
        found.get(Section.DUE_SOON).add(task);
      } else if (task.getCreateTime().after(Date.from(since)) && !task.getCreateTime().after(at)) {
        found.get(Section.NEW).add(task);
      }
    }
    Comparator<Task> byDue = Comparator.comparing(Task::getDueDate);
    found.get(Section.OVERDUE).sort(byDue);
    found.get(Section.DUE_SOON).sort(byDue);
    found.get(Section.NEW).sort(Comparator.comparing(Task::getCreateTime));
    return items(person, found);
  }

  /** The tasks with their directive and content (two queries for all of a person's tasks). */
  private Map<Section, List<Item>> items(Person person, Map<Section, List<Task>> found) {
    Set<String> instances = new LinkedHashSet<>();
    found.values().forEach(tasks -> tasks.forEach(t -> instances.add(t.getProcessInstanceId())));
    Map<String, String> directives = new HashMap<>();
    Map<String, String> contents = new HashMap<>();
    if (!instances.isEmpty()) {
      for (ProcessInstance instance :
          engine
              .getRuntimeService()
              .createProcessInstanceQuery()
              .processInstanceIds(instances)
              .list()) {
        directives.put(instance.getId(), instance.getBusinessKey());
      }
      for (VariableInstance content :
          engine
              .getRuntimeService()
              .createVariableInstanceQuery()
              .variableName(SharedVariables.TASK_CONTENT)
              .processInstanceIdIn(instances.toArray(String[]::new))
              .list()) {
        if (content.getValue() != null
            && (content.getExecutionId().equals(content.getProcessInstanceId())
                || !contents.containsKey(content.getProcessInstanceId()))) {
          contents.put(content.getProcessInstanceId(), content.getValue().toString());
        }
      }
    }
    String body = registry.body(person.body()).map(OrgRegistry.Body::name).orElse(person.body());
    Map<Section, List<Item>> digest = new LinkedHashMap<>();
    for (Section section : Section.values()) {
      List<Item> items = new ArrayList<>();
      for (Task task : found.getOrDefault(section, List.of())) {
        items.add(
            new Item(
                task.getId(),
                task.getName(),
                contents.getOrDefault(task.getProcessInstanceId(), ""),
                directives.get(task.getProcessInstanceId()),
                body,
                task.getDueDate(),
                status(section, task, person)));
      }
      digest.put(section, items);
    }
    return digest;
  }

  /** The status as government reports word it, and whether the person has claimed the task. */
  static String status(Section section, Task task, Person person) {
    String status =
        switch (section) {
          case OVERDUE -> "chưa hoàn thành – quá hạn";
          case DUE_SOON -> "sắp đến hạn";
          case NEW -> task.getDueDate() == null ? "không thời hạn" : "chưa hoàn thành – trong hạn";
        };
    return person.id().equals(task.getAssignee()) ? status + ", anh/chị đang xử lý" : status;
  }

  /** The person's digest as one message (Vietnamese, from the {@code banTin} template). */
  void mail(Person person, Instant slot, Map<Section, List<Item>> digest) {
    Map<String, String> template = notifications.template(Notifications.DIGEST);
    ZonedDateTime at = slot.atZone(Deadlines.ZONE);
    StringBuilder sections = new StringBuilder();
    int count = 0;
    for (Section section : Section.values()) {
      List<Item> items = digest.get(section);
      if (items.isEmpty()) {
        continue;
      }
      count += items.size();
      StringBuilder lines = new StringBuilder();
      for (Item item : items) {
        Map<String, String> fill = new LinkedHashMap<>();
        // a task's name carries its work (TaskNames); the content only where it does not
        fill.put(
            "congViec",
            item.content().isBlank() || item.name().contains(item.content())
                ? item.name()
                : item.name() + ": " + item.content());
        fill.put("noiDung", item.content());
        fill.put(
            "vanBan",
            item.directive() == null || item.directive().isBlank()
                ? "không ghi số"
                : item.directive());
        fill.put("donVi", item.body());
        fill.put("han", Notifications.day(item.due()));
        fill.put("tinhTrang", item.status());
        fill.put("lienKet", link(item.taskId()));
        lines.append(Notifications.fillIn(template.get("dong"), fill));
      }
      Map<String, String> fill = new LinkedHashMap<>();
      fill.put("tieuDe", template.get(section.title));
      fill.put("so", String.valueOf(items.size()));
      fill.put("dong", lines.toString());
      sections.append(Notifications.fillIn(template.get("muc"), fill));
    }
    Map<String, String> fill = new LinkedHashMap<>();
    fill.put("hoTen", person.name());
    fill.put("donVi", registry.body(person.body()).map(OrgRegistry.Body::name).orElse(""));
    fill.put("ngay", Notifications.DAY.format(at));
    fill.put("gio", TIME.format(at));
    fill.put("soViec", String.valueOf(count));
    fill.put("lienKet", notifications.getTasklistUrl());
    fill.put("cacMuc", sections.toString());
    notifications.mail(
        engine,
        Notifications.DIGEST,
        null,
        person.email(),
        Notifications.fillIn(template.get(SUBJECT), fill),
        Notifications.fillIn(template.get(TEXT), fill));
  }

  /** Tasklist opened on one task. */
  String link(String taskId) {
    return notifications.getTasklistUrl() + "#/?task=" + taskId;
  }

  /** When each person's last digest was (the digest time it covered), by person. */
  Map<String, Instant> lastDigests() {
    Map<String, Instant> last = new HashMap<>();
    jdbc.query(
        "select user_id_, last_digest_ from danvan_digest",
        row -> {
          last.put(row.getString(1), Instant.ofEpochMilli(row.getLong(2)));
        });
    return last;
  }

  private void record(String person, Instant slot, boolean known) {
    long at = slot.toEpochMilli();
    if (!known
        || jdbc.update("update danvan_digest set last_digest_ = ? where user_id_ = ?", at, person)
            == 0) {
      jdbc.update("insert into danvan_digest (user_id_, last_digest_) values (?, ?)", person, at);
    }
  }
}
