package vn.danvan.org;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.json.SpinJsonNode;
import org.camunda.spin.plugin.variable.SpinValues;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves the open work of an ended body to its heir: the candidate groups of its open tasks (the
 * body's and its leaders'), with the grants that go with them; every variable of a running
 * instance that names it (leadBody, monitorBody, coordinatingBodies, a fan-out's list of bodies, a
 * quota's or an evaluation's bodies…), so later steps of the same instance go to the heir too; and
 * the record of chase notices of its fan-out memberships. Finished work is not touched: history
 * stays with the body that did it.
 *
 * <p>Each instance moves whole in one transaction, a few instances per transaction, so a body with
 * thousands of pieces of work never holds one long transaction; an instance that meets a person
 * completing a task at that moment is moved again on its own. Every move is recorded: a row in
 * {@code danvan_body_move} (from, to, why, which instance, how much of it) and a comment on each
 * task that changed hands.
 */
@Service
public class BodyMoves {

  /** Instances per transaction. */
  static final int BATCH = 20;
  static final int ATTEMPTS = 5;

  /**
   * Variables that name bodies, by the product's naming rule: {@code leadBody},
   * {@code coordinatingBodies}, {@code body}, {@code bodyList}, a fan-out chunk's {@code members}
   * (instance → body), an evaluation's {@code evaluatedBodyOptions}, the {@code contributor} of a
   * coordinating body's step.
   */
  static final Pattern BODY_VARIABLE = Pattern.compile(
      "[a-zA-Z]*(Body|Bodies)|body|bodies|bodyList|members|evaluatedBodyOptions|contributor");

  private static final String TASKS_SQL = """
      select t.ID_, t.PROC_INST_ID_ from ACT_RU_TASK t
      join ACT_RU_IDENTITYLINK l on l.TASK_ID_ = t.ID_
      where l.TYPE_ = 'candidate' and l.GROUP_ID_ in (?, ?)""";
  private static final String TEXT_SQL = """
      select PROC_INST_ID_, NAME_, TEXT_ from ACT_RU_VARIABLE
      where TYPE_ = 'string' and (TEXT_ = ? or TEXT_ like ?)""";
  private static final String JSON_SQL = """
      select v.PROC_INST_ID_, v.NAME_, b.BYTES_ from ACT_RU_VARIABLE v
      join ACT_GE_BYTEARRAY b on b.ID_ = v.BYTEARRAY_ID_
      where v.TYPE_ = 'json'
        and (lower(v.NAME_) like '%bod%' or v.NAME_ in ('members', 'contributor'))""";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Logger LOG = LoggerFactory.getLogger(BodyMoves.class);

  private final RuntimeService runtime;
  private final TaskService tasks;
  private final AuthorizationService authorizations;
  private final OrgRegistry registry;
  private final JdbcTemplate jdbc;
  private final TransactionTemplate transaction;

  BodyMoves(ProcessEngine engine, OrgRegistry registry, DataSource dataSource,
      PlatformTransactionManager transactions) {
    this.runtime = engine.getRuntimeService();
    this.tasks = engine.getTaskService();
    this.authorizations = engine.getAuthorizationService();
    this.registry = registry;
    this.jdbc = new JdbcTemplate(dataSource);
    this.transaction = new TransactionTemplate(transactions);
    this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /** One process instance (or a task of none) holding work of the body. */
  public record Holding(String processInstanceId, String taskId, Set<String> openTasks,
      Set<String> variables) {}

  /** What a move did (or, for a dry run, would do). */
  public record Report(String from, String to, int instances, int tasks, int variables,
      int notices, int retries, long millis, List<Holding> holdings) {

    /** Whether the body holds no open work. */
    public boolean empty() {
      return instances == 0 && notices == 0;
    }
  }

  /** The open work {@code body} holds now, by instance (a dry run). */
  public List<Holding> holdings(String body) {
    Map<String, Holding> found = new LinkedHashMap<>();
    jdbc.query(TASKS_SQL, row -> {
      String instance = row.getString(2);
      String task = row.getString(1);
      holding(found, instance, task).openTasks().add(task);
    }, body, body + OrgRegistry.LEADERS_SUFFIX);
    jdbc.query(TEXT_SQL, row -> {
      if (instanceNamed(row.getString(2), row.getString(3), body)) {
        holding(found, row.getString(1), null).variables().add(row.getString(2));
      }
    }, body, "%" + body + "%");
    jdbc.query(JSON_SQL, row -> {
      String name = row.getString(2);
      if (BODY_VARIABLE.matcher(name).matches()) {
        byte[] bytes = row.getBytes(3);
        if (bytes != null && replaced(read(new String(bytes, StandardCharsets.UTF_8)), body, "")
            != null) {
          holding(found, row.getString(1), null).variables().add(name);
        }
      }
    });
    return new ArrayList<>(found.values());
  }

  /** Chase notices recorded for the body (fan-out memberships). */
  public int notices(String body) {
    Integer count = jdbc.queryForObject(
        "select count(*) from danvan_chase_notice where body_ = ?", Integer.class, body);
    return count == null ? 0 : count;
  }

  /**
   * Moves every piece of open work of {@code from} to {@code to}.
   *
   * @param reason why, for the record and the task comments
   * @param by who decided (an administrator's login), or null for the registry's own ending
   */
  public Report move(String from, String to, String reason, String by) {
    long started = System.nanoTime();
    List<Holding> holdings = holdings(from);
    int[] totals = new int[4]; // tasks, variables, notices, retries
    for (int i = 0; i < holdings.size(); i += BATCH) {
      List<Holding> batch = holdings.subList(i, Math.min(holdings.size(), i + BATCH));
      try {
        int[] done = transaction.execute(status -> moveAll(batch, from, to, reason, by));
        add(totals, done);
      } catch (ProcessEngineException | DataAccessException race) {
        // someone worked on one of them meanwhile: each on its own, again
        for (Holding one : batch) {
          add(totals, moveAlone(one, from, to, reason, by));
        }
      }
    }
    // notices of fan-outs whose member is no longer running (nothing left to move with it)
    totals[2] += transaction.execute(status -> jdbc.update(
        "update danvan_chase_notice set body_ = ? where body_ = ?", to, from));
    long millis = (System.nanoTime() - started) / 1_000_000;
    LOG.info("Chuyển việc của {} sang {}: {} hồ sơ, {} nhiệm vụ, {} biến, {} thông báo đôn đốc,"
        + " {} lần chạy lại, {} ms", from, to, holdings.size(), totals[0], totals[1], totals[2],
        totals[3], millis);
    return new Report(from, to, holdings.size(), totals[0], totals[1], totals[2], totals[3],
        millis, holdings);
  }

  private int[] moveAlone(Holding one, String from, String to, String reason, String by) {
    for (int attempt = 1; ; attempt++) {
      try {
        int[] done = transaction.execute(status -> moveAll(List.of(one), from, to, reason, by));
        done[3] += attempt;
        return done;
      } catch (RuntimeException e) {
        if (attempt >= ATTEMPTS) {
          throw e;
        }
        try {
          Thread.sleep(20L * attempt);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw e;
        }
      }
    }
  }

  private int[] moveAll(List<Holding> batch, String from, String to, String reason, String by) {
    int[] done = new int[4];
    for (Holding holding : batch) {
      add(done, moveOne(holding, from, to, reason, by));
    }
    return done;
  }

  /** One instance, whole: read again here (it may have moved on since it was found). */
  private int[] moveOne(Holding holding, String from, String to, String reason, String by) {
    String instance = holding.processInstanceId();
    String note = "Chuyển từ " + registry.name(from) + " (" + from + ") sang "
        + registry.name(to) + " (" + to + "): " + reason;
    int movedTasks = 0;
    int movedVariables = 0;
    int notices = 0;
    List<Task> open;
    if (instance == null) {
      open = tasks.createTaskQuery().taskId(holding.taskId()).list();
    } else {
      // one at a time with a chase chunk starting notices for it (FanoutStore.lockMembers)
      jdbc.queryForList("select ID_ from ACT_RU_EXECUTION where ID_ = ? for update", instance);
      open = tasks.createTaskQuery().processInstanceId(instance).list();
    }
    for (Task task : open) {
      if (moveTask(task, from, to, note)) {
        movedTasks++;
      }
    }
    String fanoutId = null;
    if (instance != null) {
      for (VariableInstance variable : runtime.createVariableInstanceQuery()
          .processInstanceIdIn(instance).list()) {
        if ("fanoutId".equals(variable.getName()) && variable.getValue() instanceof String id) {
          fanoutId = id;
        }
        Object value = replacement(variable, from, to);
        if (value == null) {
          continue;
        }
        if (variable.getTaskId() != null) {
          tasks.setVariableLocal(variable.getTaskId(), variable.getName(), value);
        } else {
          runtime.setVariableLocal(variable.getExecutionId(), variable.getName(), value);
        }
        movedVariables++;
      }
      notices += jdbc.update("update danvan_chase_notice set body_ = ? where notice_id_ = ?"
          + " and body_ = ?", to, instance, from);
      if (fanoutId != null) {
        notices += jdbc.update("update danvan_chase_notice set body_ = ? where fanout_id_ = ?"
            + " and body_ = ?", to, fanoutId, from);
      }
    }
    if (movedTasks + movedVariables + notices > 0) {
      record(instance, from, to, movedTasks, movedVariables, notices, reason, by);
    }
    return new int[] {movedTasks, movedVariables, notices, 0};
  }

  /** The task's candidates from the body to the heir, with their grants; a comment says so. */
  private boolean moveTask(Task task, String from, String to, String note) {
    String fromLeaders = from + OrgRegistry.LEADERS_SUFFIX;
    boolean moved = false;
    for (IdentityLink link : tasks.getIdentityLinksForTask(task.getId())) {
      if (!IdentityLinkType.CANDIDATE.equals(link.getType()) || link.getGroupId() == null) {
        continue;
      }
      if (link.getGroupId().equals(from) || link.getGroupId().equals(fromLeaders)) {
        tasks.deleteCandidateGroup(task.getId(), link.getGroupId());
        tasks.addCandidateGroup(task.getId(),
            link.getGroupId().equals(from) ? to : to + OrgRegistry.LEADERS_SUFFIX);
        moved = true;
      }
    }
    if (!moved) {
      return false;
    }
    // Camunda keeps a group's grant on a task when the group stops being its candidate
    for (Authorization grant : authorizations.createAuthorizationQuery()
        .resourceType(Resources.TASK).resourceId(task.getId()).groupIdIn(from, fromLeaders)
        .list()) {
      authorizations.deleteAuthorization(grant.getId());
    }
    String assignee = task.getAssignee();
    if (assignee != null && registry.person(assignee).map(p -> p.body().equals(from))
        .orElse(false)) {
      tasks.setAssignee(task.getId(), null);
      for (Authorization grant : authorizations.createAuthorizationQuery()
          .resourceType(Resources.TASK).resourceId(task.getId()).userIdIn(assignee).list()) {
        authorizations.deleteAuthorization(grant.getId());
      }
    }
    tasks.createComment(task.getId(), task.getProcessInstanceId(), note);
    return true;
  }

  private void record(String instance, String from, String to, int movedTasks,
      int movedVariables, int notices, String reason, String by) {
    String key = null;
    String businessKey = null;
    if (instance != null) {
      ProcessInstance pi = runtime.createProcessInstanceQuery().processInstanceId(instance)
          .singleResult();
      if (pi != null) {
        businessKey = pi.getBusinessKey();
        key = pi.getProcessDefinitionId().split(":")[0];
      }
    }
    jdbc.update("insert into danvan_body_move (id_, moved_at_, from_body_, to_body_,"
        + " proc_inst_id_, proc_def_key_, business_key_, tasks_, variables_, notices_, reason_,"
        + " decided_by_) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        UUID.randomUUID().toString(), Timestamp.from(Instant.now()), from, to, instance, key,
        businessKey, movedTasks, movedVariables, notices, reason, by);
  }

  /** The new value of a variable that names {@code from}, or null when it does not. */
  Object replacement(VariableInstance variable, String from, String to) {
    String name = variable.getName();
    Object value = variable.getValue();
    if ("bodyName".equals(name)) {
      String old = registry.name(from);
      return old.equals(value) ? registry.name(to) : null;
    }
    if (!BODY_VARIABLE.matcher(name).matches() || value == null) {
      return null;
    }
    if (value instanceof String text) {
      return replacedList(text, from, to);
    }
    if (value instanceof SpinJsonNode json) {
      JsonNode node = replaced(read(json.toString()), from, to);
      return node == null ? null : SpinValues.jsonValue(node.toString()).create();
    }
    if (value instanceof Collection<?> list) {
      if (!list.contains(from)) {
        return null;
      }
      Set<Object> result = new LinkedHashSet<>();
      list.forEach(item -> result.add(from.equals(item) ? to : item));
      return new ArrayList<>(result);
    }
    return null;
  }

  /** Whether a text variable of that name names the body (alone or in a list "a, b, c"). */
  static boolean instanceNamed(String name, String text, String body) {
    return BODY_VARIABLE.matcher(name).matches() && replacedList(text, body, "") != null;
  }

  /** "a, b, c" with {@code from} replaced (once, in place), or null when it is not there. */
  static String replacedList(String text, String from, String to) {
    if (text.trim().equals(from)) {
      return to;
    }
    List<String> ids = Arrays.stream(text.split(",")).map(String::trim).toList();
    if (!ids.contains(from)) {
      return null;
    }
    Set<String> result = new LinkedHashSet<>();
    ids.forEach(id -> result.add(id.equals(from) ? to : id));
    return String.join(", ", result);
  }

  private static JsonNode read(String json) {
    try {
      return JSON.readTree(json);
    } catch (java.io.IOException e) {
      return null;
    }
  }

  /** A copy of the JSON with every text equal to {@code from} replaced, or null if none. */
  static JsonNode replaced(JsonNode node, String from, String to) {
    if (node == null) {
      return null;
    }
    if (node.isTextual()) {
      return node.asText().equals(from) ? TextNode.valueOf(to) : null;
    }
    if (node.isArray()) {
      ArrayNode copy = JSON.createArrayNode();
      Set<String> texts = new LinkedHashSet<>();
      boolean changed = false;
      for (JsonNode item : node) {
        JsonNode next = replaced(item, from, to);
        changed |= next != null;
        JsonNode kept = next == null ? item : next;
        // two ended bodies with one heir: the heir once in a list of ids
        if (!kept.isTextual() || texts.add(kept.asText())) {
          copy.add(kept);
        }
      }
      return changed ? copy : null;
    }
    if (node.isObject()) {
      ObjectNode copy = JSON.createObjectNode();
      boolean changed = false;
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        JsonNode next = replaced(field.getValue(), from, to);
        changed |= next != null;
        copy.set(field.getKey(), next == null ? field.getValue() : next);
      }
      return changed ? copy : null;
    }
    return null;
  }

  private static Holding holding(Map<String, Holding> found, String instance, String task) {
    String key = instance != null ? instance : "task:" + task;
    return found.computeIfAbsent(key, k -> new Holding(instance, task, new LinkedHashSet<>(),
        new LinkedHashSet<>()));
  }

  private static void add(int[] totals, int[] more) {
    for (int i = 0; i < totals.length; i++) {
      totals[i] += more[i];
    }
  }
}
