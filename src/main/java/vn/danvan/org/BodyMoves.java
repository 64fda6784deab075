package vn.danvan.org;

import static vn.danvan.variable.SharedVariables.BODY_NAME;
import static vn.danvan.variable.SharedVariables.CONTRIBUTOR;
import static vn.danvan.variable.SharedVariables.FANOUT_ID;
import static vn.danvan.variable.SharedVariables.MEMBERS;

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
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.spin.json.SpinJsonNode;
import org.camunda.spin.plugin.variable.SpinValues;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves the open work of an ended body to its heir: the candidate groups of its open tasks (the
 * body's and its leaders'), with the grants that go with them; every variable of a running instance
 * that names it (leadBody, monitorBody, coordinatingBodies, a fan-out's list of bodies, a quota's
 * or an evaluation's bodies…), so later steps of the same instance go to the heir too; and the
 * record of chase notices of its fan-out memberships. Finished work is not touched: history stays
 * with the body that did it.
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
  static final int BATCH = 50;

  static final int ATTEMPTS = 5;

  /**
   * Variables that name bodies, by the product's naming rule: {@code leadBody}, {@code
   * coordinatingBodies}, {@code body}, {@code bodyList}, a fan-out chunk's {@code members}
   * (instance → body), an evaluation's {@code evaluatedBodyOptions}, the {@code contributor} of a
   * coordinating body's step.
   */
  static final Pattern BODY_VARIABLE =
      Pattern.compile(
          "[a-zA-Z]*(Body|Bodies)|body|bodies|bodyList|members|evaluatedBodyOptions|contributor");

  private static final String TASKS_SQL =
      """
      select t.ID_, t.PROC_INST_ID_ from ACT_RU_TASK t
      join ACT_RU_IDENTITYLINK l on l.TASK_ID_ = t.ID_
      where l.TYPE_ = 'candidate' and l.GROUP_ID_ in (?, ?)\
      """;
  private static final String TEXT_SQL =
      """
      select PROC_INST_ID_, NAME_, TEXT_ from ACT_RU_VARIABLE
      where TYPE_ = 'string' and (TEXT_ = ? or TEXT_ like ?)\
      """;
  private static final String JSON_SQL =
      """
      select v.PROC_INST_ID_, v.NAME_, b.BYTES_ from ACT_RU_VARIABLE v
      join ACT_GE_BYTEARRAY b on b.ID_ = v.BYTEARRAY_ID_
      where v.TYPE_ = 'json'
        and (lower(v.NAME_) like '%bod%' or v.NAME_ in ('\
      """
          + MEMBERS
          + "', '"
          + CONTRIBUTOR
          + "'))";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Logger LOG = LoggerFactory.getLogger(BodyMoves.class);

  private final RuntimeService runtime;
  private final TaskService tasks;
  private final OrgRegistry registry;
  private final JdbcTemplate jdbc;
  private final TransactionTemplate transaction;

  BodyMoves(
      ProcessEngine engine,
      OrgRegistry registry,
      DataSource dataSource,
      PlatformTransactionManager transactions) {
    this.runtime = engine.getRuntimeService();
    this.tasks = engine.getTaskService();
    this.registry = registry;
    this.jdbc = new JdbcTemplate(dataSource);
    this.transaction = new TransactionTemplate(transactions);
    this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /** One process instance (or a task of none) holding work of the body. */
  public record Holding(
      String processInstanceId, String taskId, Set<String> openTasks, Set<String> variables) {}

  /** What a move did (or, for a dry run, would do). */
  public record Report(
      String from,
      String to,
      int instances,
      int tasks,
      int variables,
      int notices,
      int retries,
      long millis,
      List<Holding> holdings) {

    /** Whether the body holds no open work. */
    public boolean empty() {
      return instances == 0 && notices == 0;
    }
  }

  /** The open work {@code body} holds now, by instance (a dry run). */
  public List<Holding> holdings(String body) {
    Map<String, Holding> found = new LinkedHashMap<>();
    jdbc.query(
        TASKS_SQL,
        row -> {
          String instance = row.getString(2);
          String task = row.getString(1);
          holding(found, instance, task).openTasks().add(task);
        },
        body,
        body + OrgRegistry.LEADERS_SUFFIX);
    jdbc.query(
        TEXT_SQL,
        row -> {
          if (instanceNamed(row.getString(2), row.getString(3), body)) {
            holding(found, row.getString(1), null).variables().add(row.getString(2));
          }
        },
        body,
        "%" + body + "%");
    jdbc.query(
        JSON_SQL,
        row -> {
          String name = row.getString(2);
          if (BODY_VARIABLE.matcher(name).matches()) {
            byte[] bytes = row.getBytes(3);
            if (bytes != null
                && replaced(read(new String(bytes, StandardCharsets.UTF_8)), body, "") != null) {
              holding(found, row.getString(1), null).variables().add(name);
            }
          }
        });
    return new ArrayList<>(found.values());
  }

  /** Chase notices recorded for the body (fan-out memberships). */
  public int notices(String body) {
    Integer count =
        jdbc.queryForObject(
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
      } catch (RuntimeException race) {
        // someone worked on one of them meanwhile: each on its own, again
        for (Holding one : batch) {
          add(totals, moveAlone(one, from, to, reason, by));
        }
      }
    }
    // notices of fan-outs whose member is no longer running (nothing left to move with it)
    totals[2] +=
        transaction.execute(
            status ->
                jdbc.update("update danvan_chase_notice set body_ = ? where body_ = ?", to, from));
    long millis = (System.nanoTime() - started) / 1_000_000;
    if (holdings.isEmpty() && totals[2] == 0) {
      return new Report(from, to, 0, 0, 0, 0, 0, millis, holdings);
    }
    LOG.info(
        "Chuyển việc của {} sang {}: {} hồ sơ, {} nhiệm vụ, {} biến, {} thông báo đôn đốc,"
            + " {} lần chạy lại, {} ms",
        from,
        to,
        holdings.size(),
        totals[0],
        totals[1],
        totals[2],
        totals[3],
        millis);
    return new Report(
        from, to, holdings.size(), totals[0], totals[1], totals[2], totals[3], millis, holdings);
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

  /**
   * The instances of one batch, whole, read again here (they may have moved on since they were
   * found). Candidate groups, their grants and the claims of the ended body's people are changed
   * with a few statements for the whole batch, on Camunda's tables (as the engine's own {@code
   * DefaultAuthorizationProvider} would have written them for the heir): through the API, each task
   * took a dozen commands and a body of 2,000 pieces of work did not move in 30 s. So are text
   * variables (with their history row) and the comments on moved tasks. The executions are locked
   * first, so a person completing one of the tasks meanwhile waits, and then either finds it moved
   * or finds it done. JSON and list variables go through the engine.
   */
  private int[] moveAll(List<Holding> batch, String from, String to, String reason, String by) {
    String fromLeaders = from + OrgRegistry.LEADERS_SUFFIX;
    String toLeaders = to + OrgRegistry.LEADERS_SUFFIX;
    List<String> instances =
        batch.stream().map(Holding::processInstanceId).filter(java.util.Objects::nonNull).toList();
    List<String> lone =
        batch.stream().filter(h -> h.processInstanceId() == null).map(Holding::taskId).toList();
    Map<String, String[]> about = new LinkedHashMap<>(); // instance → definition key, business key
    if (!instances.isEmpty()) {
      jdbc.query(
          "select ID_, PROC_DEF_ID_, BUSINESS_KEY_, ROOT_PROC_INST_ID_ from"
              + " ACT_RU_EXECUTION where ID_ in ("
              + marks(instances)
              + ") for update",
          row -> {
            about.put(
                row.getString(1),
                new String[] {
                  String.valueOf(row.getString(2)).split(":")[0], row.getString(3), row.getString(4)
                });
          },
          instances.toArray());
    }
    // the open tasks offered to the body or its leaders, with their claims
    List<Object> keys = new ArrayList<>(instances);
    keys.addAll(lone);
    keys.add(from);
    keys.add(fromLeaders);
    Map<String, String> taskInstance = new LinkedHashMap<>();
    Map<String, String> assignees = new LinkedHashMap<>();
    List<Object[]> links = new ArrayList<>();
    jdbc.query(
        "select l.ID_, l.TASK_ID_, l.GROUP_ID_, t.PROC_INST_ID_, t.ASSIGNEE_"
            + " from ACT_RU_IDENTITYLINK l join ACT_RU_TASK t on t.ID_ = l.TASK_ID_"
            + " where (t.PROC_INST_ID_ in ("
            + marks(instances)
            + ") or t.ID_ in ("
            + marks(lone)
            + ")) and l.TYPE_ = 'candidate' and l.GROUP_ID_ in (?, ?)",
        row -> {
          String group = row.getString(3);
          links.add(new Object[] {group.equals(from) ? to : toLeaders, row.getString(1)});
          taskInstance.put(row.getString(2), row.getString(4));
          if (row.getString(5) != null) {
            assignees.put(row.getString(2), row.getString(5));
          }
        },
        keys.toArray());
    List<String> taskIds = new ArrayList<>(taskInstance.keySet());
    if (!links.isEmpty()) {
      jdbc.batchUpdate("update ACT_RU_IDENTITYLINK set GROUP_ID_ = ? where ID_ = ?", links);
      moveGrants(taskIds, from, to);
      moveGrants(taskIds, fromLeaders, toLeaders);
    }
    List<Object[]> unclaimed = new ArrayList<>();
    assignees.forEach(
        (task, person) -> {
          if (registry.person(person).map(p -> p.body().equals(from)).orElse(false)) {
            unclaimed.add(new Object[] {task, person});
          }
        });
    if (!unclaimed.isEmpty()) {
      jdbc.batchUpdate(
          "update ACT_RU_TASK set ASSIGNEE_ = null, REV_ = REV_ + 1 where ID_ = ?"
              + " and ASSIGNEE_ = ?",
          unclaimed);
      jdbc.batchUpdate(
          "delete from ACT_RU_AUTHORIZATION where RESOURCE_TYPE_ = "
              + Resources.TASK.resourceType()
              + " and RESOURCE_ID_ = ? and USER_ID_ = ?",
          unclaimed);
    }
    String note =
        "Chuyển từ "
            + registry.name(from)
            + " ("
            + from
            + ") sang "
            + registry.name(to)
            + " ("
            + to
            + "): "
            + reason;
    Map<String, int[]> counts = new LinkedHashMap<>(); // instance → tasks, variables, notices
    // the comment each moved task carries, as TaskService.createComment writes it
    String summary = note.replaceAll("\\s+", " ");
    summary = summary.length() > 163 ? summary.substring(0, 160) + "..." : summary;
    Timestamp now = Timestamp.from(Instant.now());
    List<Object[]> comments = new ArrayList<>();
    for (String task : taskIds) {
      String instance = taskInstance.get(task);
      String[] kind = instance == null ? null : about.get(instance);
      comments.add(
          new Object[] {
            UUID.randomUUID().toString(),
            now,
            by,
            task,
            kind == null ? instance : kind[2],
            instance,
            summary,
            note.getBytes(StandardCharsets.UTF_8)
          });
      counts.computeIfAbsent(instance == null ? "task:" + task : instance, k -> new int[3])[0]++;
    }
    if (!comments.isEmpty()) {
      jdbc.batchUpdate(
          "insert into ACT_HI_COMMENT (ID_, TYPE_, TIME_, USER_ID_, TASK_ID_,"
              + " ROOT_PROC_INST_ID_, PROC_INST_ID_, ACTION_, MESSAGE_, FULL_MSG_, REV_)"
              + " values (?, 'comment', ?, ?, ?, ?, ?, 'AddComment', ?, ?, 1)",
          comments);
    }
    if (!instances.isEmpty()) {
      Set<String> names = new LinkedHashSet<>(List.of(BODY_NAME, FANOUT_ID));
      batch.forEach(h -> names.addAll(h.variables()));
      Map<String, String> fanoutOf = new LinkedHashMap<>();
      // text variables (leadBody, monitorBody, "a, b" lists): their row and its history row
      List<String> args = new ArrayList<>(instances);
      args.addAll(names);
      List<Object[]> texts = new ArrayList<>();
      Set<String> others = new LinkedHashSet<>();
      Set<String> othersIn = new LinkedHashSet<>();
      jdbc.query(
          "select ID_, PROC_INST_ID_, NAME_, TYPE_, TEXT_ from ACT_RU_VARIABLE"
              + " where PROC_INST_ID_ in ("
              + marks(instances)
              + ") and NAME_ in ("
              + marks(args.subList(instances.size(), args.size()))
              + ")",
          row -> {
            String name = row.getString(3);
            String text = row.getString(5);
            if (FANOUT_ID.equals(name)) {
              fanoutOf.put(row.getString(2), text);
            } else if (!"string".equals(row.getString(4))) {
              others.add(row.getString(1));
              othersIn.add(row.getString(2));
            } else if (text != null) {
              String value =
                  BODY_NAME.equals(name)
                      ? (text.equals(registry.name(from)) ? registry.name(to) : null)
                      : BODY_VARIABLE.matcher(name).matches() ? replacedList(text, from, to) : null;
              if (value != null) {
                texts.add(new Object[] {value, row.getString(1)});
                counts.computeIfAbsent(row.getString(2), k -> new int[3])[1]++;
              }
            }
          },
          args.toArray());
      if (!texts.isEmpty()) {
        jdbc.batchUpdate(
            "update ACT_RU_VARIABLE set TEXT_ = ?, REV_ = REV_ + 1 where ID_ = ?", texts);
        // the history row of a variable has the variable's id
        jdbc.batchUpdate(
            "update ACT_HI_VARINST set TEXT_ = ?, REV_ = REV_ + 1 where ID_ = ?", texts);
      }
      // JSON and lists (a fan-out's bodyList, a quota's bodies…): few, through the engine
      if (!others.isEmpty()) {
        for (VariableInstance variable :
            runtime
                .createVariableInstanceQuery()
                .processInstanceIdIn(othersIn.toArray(String[]::new))
                .variableNameIn(names.toArray(String[]::new))
                .list()) {
          Object value = others.contains(variable.getId()) ? replacement(variable, from, to) : null;
          if (value == null) {
            continue;
          }
          if (variable.getTaskId() != null) {
            tasks.setVariableLocal(variable.getTaskId(), variable.getName(), value);
          } else {
            runtime.setVariableLocal(variable.getExecutionId(), variable.getName(), value);
          }
          counts.computeIfAbsent(variable.getProcessInstanceId(), k -> new int[3])[1]++;
        }
      }
      for (String instance : instances) {
        String[] kind = about.get(instance);
        int notices = 0;
        if (kind != null && "chaseNotice".equals(kind[0])) {
          notices +=
              jdbc.update(
                  "update danvan_chase_notice set body_ = ? where notice_id_ = ?"
                      + " and body_ = ?",
                  to,
                  instance,
                  from);
        }
        if (fanoutOf.containsKey(instance)) {
          notices +=
              jdbc.update(
                  "update danvan_chase_notice set body_ = ? where fanout_id_ = ?"
                      + " and body_ = ?",
                  to,
                  fanoutOf.get(instance),
                  from);
        }
        if (notices > 0) {
          counts.computeIfAbsent(instance, k -> new int[3])[2] += notices;
        }
      }
    }
    List<Object[]> records = new ArrayList<>();
    int[] done = new int[4];
    Timestamp at = Timestamp.from(Instant.now());
    counts.forEach(
        (key, c) -> {
          String instance = key.startsWith("task:") ? null : key;
          String[] kind = instance == null ? null : about.get(instance);
          records.add(
              new Object[] {
                UUID.randomUUID().toString(),
                at,
                from,
                to,
                instance,
                kind == null ? null : kind[0],
                kind == null ? null : kind[1],
                c[0],
                c[1],
                c[2],
                reason,
                by
              });
          done[0] += c[0];
          done[1] += c[1];
          done[2] += c[2];
        });
    if (!records.isEmpty()) {
      jdbc.batchUpdate(
          "insert into danvan_body_move (id_, moved_at_, from_body_, to_body_, proc_inst_id_,"
              + " proc_def_key_, business_key_, tasks_, variables_, notices_, reason_, decided_by_)"
              + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
          records);
    }
    return done;
  }

  /**
   * A group's grants on the tasks become the heir's (Camunda keeps a group's grant on a task when
   * the group stops being a candidate); where the heir has its own already, the old one goes.
   */
  private void moveGrants(List<String> taskIds, String group, String heir) {
    String type = String.valueOf(Resources.TASK.resourceType());
    List<Object> args = new ArrayList<>(taskIds);
    args.add(heir);
    Set<String> heirHas =
        new LinkedHashSet<>(
            jdbc.queryForList(
                "select RESOURCE_ID_ from"
                    + " ACT_RU_AUTHORIZATION where RESOURCE_TYPE_ = "
                    + type
                    + " and RESOURCE_ID_ in ("
                    + marks(taskIds)
                    + ") and GROUP_ID_ = ?",
                String.class,
                args.toArray()));
    List<Object[]> moved = new ArrayList<>();
    List<Object[]> dropped = new ArrayList<>();
    for (String task : taskIds) {
      (heirHas.contains(task) ? dropped : moved)
          .add(
              heirHas.contains(task)
                  ? new Object[] {task, group}
                  : new Object[] {heir, task, group});
    }
    jdbc.batchUpdate(
        "update ACT_RU_AUTHORIZATION set GROUP_ID_ = ? where RESOURCE_TYPE_ = "
            + type
            + " and RESOURCE_ID_ = ? and GROUP_ID_ = ?",
        moved);
    jdbc.batchUpdate(
        "delete from ACT_RU_AUTHORIZATION where RESOURCE_TYPE_ = "
            + type
            + " and RESOURCE_ID_ = ? and GROUP_ID_ = ?",
        dropped);
  }

  /** "?, ?, ?" for an IN list; "null" for an empty one (matches nothing). */
  private static String marks(List<?> values) {
    return values.isEmpty()
        ? "null"
        : String.join(", ", java.util.Collections.nCopies(values.size(), "?"));
  }

  /** The new value of a variable that names {@code from}, or null when it does not. */
  Object replacement(VariableInstance variable, String from, String to) {
    String name = variable.getName();
    Object value = variable.getValue();
    if (BODY_NAME.equals(name)) {
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
    return found.computeIfAbsent(
        key, k -> new Holding(instance, task, new LinkedHashSet<>(), new LinkedHashSet<>()));
  }

  private static void add(int[] totals, int[] more) {
    for (int i = 0; i < totals.length; i++) {
      totals[i] += more[i];
    }
  }
}
