package vn.danvan.fanout;

import static vn.danvan.fanout.FanoutVariables.BODY_COUNT;
import static vn.danvan.fanout.FanoutVariables.BODY_LIST;
import static vn.danvan.fanout.FanoutVariables.CHUNK;
import static vn.danvan.fanout.FanoutVariables.CHUNK_SIZE;
import static vn.danvan.variable.SharedVariables.CHASE_COUNT;
import static vn.danvan.variable.SharedVariables.CHASE_INTERVAL;
import static vn.danvan.variable.SharedVariables.CHASE_LOG;
import static vn.danvan.variable.SharedVariables.CONFIRMATION;
import static vn.danvan.variable.SharedVariables.DEADLINE;
import static vn.danvan.variable.SharedVariables.FANOUT_ID;
import static vn.danvan.variable.SharedVariables.FOLLOW_UP;
import static vn.danvan.variable.SharedVariables.KIND;
import static vn.danvan.variable.SharedVariables.LAST_CHASE_TYPE;
import static vn.danvan.variable.SharedVariables.LEADER_REVIEW;
import static vn.danvan.variable.SharedVariables.LEAD_BODY;
import static vn.danvan.variable.SharedVariables.MEMBERS;
import static vn.danvan.variable.SharedVariables.MONITOR_BODY;
import static vn.danvan.variable.SharedVariables.PERIOD_LABEL;
import static vn.danvan.variable.SharedVariables.REMINDER_DAYS;
import static vn.danvan.variable.SharedVariables.REMINDER_SENT_AT;
import static vn.danvan.variable.SharedVariables.REPORT_FIGURES;
import static vn.danvan.variable.SharedVariables.TASK_CONTENT;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstanceQuery;
import org.camunda.spin.json.SpinJsonNode;
import org.camunda.spin.plugin.variable.SpinValues;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import vn.danvan.assignment.AssignmentRules;
import vn.danvan.assignment.ChaseType;
import vn.danvan.deadline.Deadlines;
import vn.danvan.engine.Withdrawals;
import vn.danvan.input.Inputs;
import vn.danvan.notification.Notifications;
import vn.danvan.notification.Notifications.Work;
import vn.danvan.org.BodiesInForce;
import vn.danvan.tracking.JsonLog;
import vn.danvan.variable.SharedVariables;

/**
 * Gives the same work to many bodies at once (a national directive: ~3,400 bodies) and moves on
 * when the last one is done.
 *
 * <p>Each body gets its own light {@code fanoutMember} instance: the body's task and four
 * variables, nothing else, so thousands are created in about the time the engine needs for bare
 * instances (a full {@code assignment} per body costs four times as much: its work scope, two
 * timers and eight variables). Reminders and chases are the fan-out's: one timer each, acting on
 * every body whose work is still its own (at its task, or waiting for its leader's review); a chase
 * starts a {@code chaseNotice} for each such body's leaders and never writes to the members, so it
 * cannot collide with a body completing. A body's leader reviews its result in the member; a body
 * that asks for more time, or whose result the monitoring body confirms, continues in a full {@code
 * assignment} ({@link FanoutMembers}).
 *
 * <p>Members are started, and a reminder's messages and a chase's notices sent, in chunks of 100,
 * each chunk an asynchronous {@code fanoutChunk} instance of its own, so the job executor runs them
 * in parallel, a failed chunk is retried whole, and no transaction grows with the number of bodies.
 * Completions are counted in {@link FanoutStore}; the one that completes the count wakes the
 * waiting parent.
 */
@Component("fanouts")
public class Fanouts {

  public static final String MESSAGE_ALL_DONE = "Message_FanoutDone";
  static final String MEMBER = "fanoutMember";
  static final String CHUNK_PROCESS = "fanoutChunk";

  /**
   * Where a member's work is still the body's: its task, or its leader's review of the result
   * (reminded and chased alike: nothing is submitted until the leader approves).
   */
  static final String[] MEMBER_TASKS = {"Task_Perform", "Task_ReportFigures", "Task_ApproveResult"};

  static final String CHASE_NOTICE = "chaseNotice";

  /** Why the work of a cancelled fan-out ended (the instances' delete reason, in history). */
  static final String CANCELLED = "Việc giao cho nhiều đơn vị đã bị hủy";

  /** What a body's full assignment takes from the fan-out when a member is handed over. */
  static final List<String> SETTINGS =
      List.of(
          MONITOR_BODY,
          LEADER_REVIEW,
          CONFIRMATION,
          REMINDER_DAYS,
          CHASE_INTERVAL,
          CHASE_COUNT,
          LAST_CHASE_TYPE);

  private static final int WAKE_ATTEMPTS = 5;

  /** What a {@code fanoutChunk} does for its bodies ({@code kind}). */
  static final String ASSIGN = "giaoViec";

  static final String REMIND = "nhacHan";
  static final String CHASE = "donDoc";
  private static final ObjectMapper JSON = new ObjectMapper();
  static final int DEFAULT_CHUNK_SIZE = 100;

  /** The fan-out's variables its members start with. */
  private static final List<String> MEMBER_SETTINGS =
      List.of(TASK_CONTENT, DEADLINE, LEADER_REVIEW, CONFIRMATION, REPORT_FIGURES, PERIOD_LABEL);

  private static final Logger LOG = LoggerFactory.getLogger(Fanouts.class);

  private final FanoutStore store;
  private final AssignmentRules rules;
  private final BodiesInForce inForce;
  private final Deadlines deadlines;
  private final Notifications notifications;

  public Fanouts(
      FanoutStore store,
      AssignmentRules rules,
      BodiesInForce inForce,
      Deadlines deadlines,
      Notifications notifications) {
    this.store = store;
    this.rules = rules;
    this.inForce = inForce;
    this.deadlines = deadlines;
    this.notifications = notifications;
  }

  /**
   * Start: the bodies ({@code bodies}: ids separated by commas, a list, a JSON array — a String
   * variable holds at most 4,000 characters, so long lists come as JSON — or {@code bodyType}:
   * every body of that type valid today) and what every assignment needs (monitorBody, taskContent,
   * deadline).
   */
  public void started(DelegateExecution execution) {
    LocalDate deadline = rules.checkCommon(execution);
    execution.setVariable(DEADLINE, deadline == null ? "" : deadline.toString());
    List<String> bodies = inForce.bodies(execution);
    // a JSON value, stored as bytes: a national list is far longer than a String variable allows
    execution.setVariable(BODY_LIST, SpinValues.jsonValue(JSON.valueToTree(bodies).toString()));
    execution.setVariable(BODY_COUNT, bodies.size());
  }

  /**
   * The fan-out ended. Cancelled (it, or the directive that called it, deleted in Cockpit or over
   * REST with custom listeners on, Cockpit's default in this product), the work it gave out ends
   * with it ({@link Withdrawals}): the chunks not yet run, the members still open (with a full
   * assignment a member handed over to) and the chase notices still open, then their record.
   */
  public void ended(DelegateExecution execution) {
    if (execution.isCanceled()) {
      int ended =
          Withdrawals.endStartedBy(
              execution, FANOUT_ID, CANCELLED, CHUNK_PROCESS, MEMBER, CHASE_NOTICE);
      store.forgetNotices(execution.getProcessInstanceId());
      LOG.info(
          "Giao việc {} bị hủy: đã kết thúc {} hồ sơ của các đơn vị",
          execution.getBusinessKey(),
          ended);
    }
  }

  /** Opens the counter (one per fan-out: the parent instance's id). */
  public void prepared(DelegateExecution execution) {
    store.create(execution.getProcessInstanceId(), (Integer) execution.getVariable(BODY_COUNT));
  }

  /**
   * One {@code fanoutChunk} instance per chunk, each starting asynchronously: the job executor runs
   * them in parallel, and as they share nothing (no multi-instance body to complete) they never
   * collide; a chunk that fails is retried whole and then shows as an incident.
   */
  public void queueChunks(DelegateExecution execution) {
    RuntimeService runtime = execution.getProcessEngineServices().getRuntimeService();
    for (String chunk : chunks(execution)) {
      runtime.startProcessInstanceByKey(
          CHUNK_PROCESS,
          execution.getBusinessKey(),
          Map.of(FANOUT_ID, execution.getProcessInstanceId(), KIND, ASSIGN, CHUNK, chunk));
    }
  }

  /** Groups of {@code chunkSize} (default 100) body ids, each as one comma-separated text. */
  List<String> chunks(VariableScope vars) {
    List<String> bodies = new ArrayList<>();
    SpinJsonNode list = (SpinJsonNode) vars.getVariable(BODY_LIST);
    list.elements().forEach(id -> bodies.add(id.stringValue()));
    int size = chunkSize(vars);
    List<String> chunks = new ArrayList<>();
    for (int i = 0; i < bodies.size(); i += size) {
      chunks.add(String.join(",", bodies.subList(i, Math.min(bodies.size(), i + size))));
    }
    return chunks;
  }

  private static int chunkSize(VariableScope vars) {
    return vars.getVariable(CHUNK_SIZE) instanceof Integer n && n > 0 ? n : DEFAULT_CHUNK_SIZE;
  }

  /** One chunk ({@code fanoutChunk}): a member per body, in this job's transaction. */
  public void assignChunk(DelegateExecution chunkInstance) {
    RuntimeService runtime = chunkInstance.getProcessEngineServices().getRuntimeService();
    String fanoutId = (String) chunkInstance.getVariable(FANOUT_ID);
    Map<String, Object> shared =
        memberVariables(fanoutId, runtime.getVariables(fanoutId, MEMBER_SETTINGS));
    String member = memberDefinition(chunkInstance);
    List<String> chunk = split((String) chunkInstance.getVariable(CHUNK));
    for (String body : chunk) {
      Map<String, Object> vars = new HashMap<>(shared);
      vars.put(LEAD_BODY, body);
      runtime.startProcessInstanceById(member, chunkInstance.getBusinessKey(), vars);
    }
    LOG.debug("Giao việc {}: {} đơn vị", chunkInstance.getBusinessKey(), chunk.size());
  }

  /** What every member of the fan-out starts with, besides its body, from the fan-out's. */
  private static Map<String, Object> memberVariables(String fanoutId, Map<String, Object> fanout) {
    Map<String, Object> shared = new HashMap<>();
    shared.put(FANOUT_ID, fanoutId);
    shared.put(TASK_CONTENT, fanout.get(TASK_CONTENT));
    shared.put(DEADLINE, fanout.get(DEADLINE));
    if (Inputs.flag(fanout, LEADER_REVIEW, "Cần lãnh đạo duyệt", true)) {
      shared.put(LEADER_REVIEW, true);
    }
    if (Inputs.flag(fanout, CONFIRMATION, "Cần đơn vị theo dõi xác nhận", true)) {
      shared.put(FOLLOW_UP, true);
    }
    // a period's report: the period it belongs to (the board; its compile task follows the
    // answers), and the figures it asks for, if any
    if (fanout.get(PERIOD_LABEL) != null) {
      shared.put(PERIOD_LABEL, fanout.get(PERIOD_LABEL));
    }
    if (fanout.get(REPORT_FIGURES) instanceof String figures && !figures.isBlank()) {
      shared.put(REPORT_FIGURES, figures);
    }
    return shared;
  }

  /** By id: starting by key asks the database for the latest version at every start. */
  private static String memberDefinition(DelegateExecution caller) {
    return caller
        .getProcessEngineServices()
        .getRepositoryService()
        .createProcessDefinitionQuery()
        .processDefinitionKey(MEMBER)
        .latestVersion()
        .singleResult()
        .getId();
  }

  /**
   * The bodies that have not answered yet, sorted: those whose member is still running (at their
   * task, with their leader, in a full assignment, or given back), and while the fan-out waits,
   * those whose member has not even started (its chunk not yet run). Read without the caller's
   * authorizations: it is the block's own bookkeeping, whoever's action is running.
   */
  public List<String> unansweredBodies(ProcessEngineServices engine, String fanoutId) {
    RuntimeService runtime = engine.getRuntimeService();
    HistoryService history = engine.getHistoryService();
    return Context.getCommandContext()
        .runWithoutAuthorization(
            () -> {
              Set<String> running =
                  leadBodies(runningMembers(runtime, fanoutId), runtime, history, false);
              Set<String> open = new TreeSet<>(running);
              // still waiting (ending in this very transaction, it has no variables left: all
              // answered)
              if (runtime.createProcessInstanceQuery().processInstanceId(fanoutId).count() == 1
                  && runtime.getVariable(fanoutId, BODY_LIST) instanceof SpinJsonNode bodies) {
                Set<String> finished =
                    leadBodies(finishedMembers(history, fanoutId), runtime, history, true);
                bodies.elements().stream()
                    .map(SpinJsonNode::stringValue)
                    .filter(body -> !finished.contains(body))
                    .forEach(open::add);
              }
              return List.copyOf(open);
            });
  }

  /** The fan-out's member instances still running. */
  private static List<String> runningMembers(RuntimeService runtime, String fanoutId) {
    return runtime
        .createProcessInstanceQuery()
        .processDefinitionKey(MEMBER)
        .variableValueEquals(FANOUT_ID, fanoutId)
        .list()
        .stream()
        .map(ProcessInstance::getId)
        .toList();
  }

  /** The fan-out's member instances that have ended. */
  private static List<String> finishedMembers(HistoryService history, String fanoutId) {
    return history
        .createHistoricProcessInstanceQuery()
        .processDefinitionKey(MEMBER)
        .variableValueEquals(FANOUT_ID, fanoutId)
        .finished()
        .list()
        .stream()
        .map(HistoricProcessInstance::getId)
        .toList();
  }

  /**
   * The bodies that have answered, sorted: their work in the fan-out has ended and none given back
   * is still open (those whose report the consolidating body may return). Read without the caller's
   * authorizations, as {@link #unansweredBodies}.
   */
  public List<String> answeredBodies(ProcessEngineServices engine, String fanoutId) {
    RuntimeService runtime = engine.getRuntimeService();
    HistoryService history = engine.getHistoryService();
    return Context.getCommandContext()
        .runWithoutAuthorization(
            () -> {
              Set<String> answered =
                  new TreeSet<>(
                      leadBodies(finishedMembers(history, fanoutId), runtime, history, true));
              answered.removeAll(
                  leadBodies(runningMembers(runtime, fanoutId), runtime, history, false));
              return List.copyOf(answered);
            });
  }

  /** The bodies of these members, running ones read from the runtime, ended ones from history. */
  private static Set<String> leadBodies(
      List<String> members, RuntimeService runtime, HistoryService history, boolean ended) {
    Set<String> bodies = new HashSet<>();
    if (members.isEmpty()) {
      return bodies;
    }
    String[] ids = members.toArray(String[]::new);
    if (ended) {
      history
          .createHistoricVariableInstanceQuery()
          .variableName(LEAD_BODY)
          .processInstanceIdIn(ids)
          .list()
          .forEach(v -> bodies.add((String) v.getValue()));
    } else {
      runtime
          .createVariableInstanceQuery()
          .variableName(LEAD_BODY)
          .processInstanceIdIn(ids)
          .list()
          .forEach(v -> bodies.add((String) v.getValue()));
    }
    return bodies;
  }

  /**
   * Gives one body its work of the fan-out back ("trả lại"), the others untouched: a new member for
   * the body, with {@code extra} (why, and what links it to the work that returned it). A fan-out
   * still waiting counts the body open again, so it waits for the redo and its reminders and chases
   * reach the body; one that has ended has nothing to wait for. Returns the new member's id.
   */
  public String reopen(
      DelegateExecution caller, String fanoutId, String body, Map<String, Object> extra) {
    RuntimeService runtime = caller.getProcessEngineServices().getRuntimeService();
    return Context.getCommandContext()
        .runWithoutAuthorization(
            () -> {
              if (runtime.createProcessInstanceQuery().processInstanceId(fanoutId).count() == 1) {
                store.reopened(fanoutId);
              }
              // from its history: the fan-out may have ended
              Map<String, Object> fanout = new HashMap<>();
              caller
                  .getProcessEngineServices()
                  .getHistoryService()
                  .createHistoricVariableInstanceQuery()
                  .processInstanceId(fanoutId)
                  .variableNameIn(MEMBER_SETTINGS.toArray(String[]::new))
                  .list()
                  .forEach(v -> fanout.put(v.getName(), v.getValue()));
              Map<String, Object> vars = new HashMap<>(memberVariables(fanoutId, fanout));
              vars.putAll(extra);
              vars.put(FANOUT_ID, fanoutId);
              vars.put(LEAD_BODY, body);
              String id =
                  runtime
                      .startProcessInstanceById(
                          memberDefinition(caller), caller.getBusinessKey(), vars)
                      .getId();
              LOG.info("Giao việc {}: trả lại cho đơn vị {}", caller.getBusinessKey(), body);
              return id;
            });
  }

  /**
   * Reminder before the deadline, once for the whole fan-out; with reminders by mail (per-event
   * mail), the open bodies' messages go out a chunk at a time ({@link #remindChunk}).
   */
  public void reminded(DelegateExecution execution) {
    execution.setVariable(REMINDER_SENT_AT, deadlines.nowAsDate());
    long open;
    if (notifications.remindsByMail()) {
      Map<String, String> bodies = openBodies(execution);
      queueNotices(execution, REMIND, bodies, Map.of());
      open = bodies.size();
    } else {
      open = openMembers(execution).count();
    }
    LOG.info(
        "Nhắc hạn việc {}: {} đơn vị chưa hoàn thành, hạn {}",
        execution.getBusinessKey(),
        open,
        execution.getVariable(DEADLINE));
  }

  /**
   * Overdue: one more chase round, escalating by count (every open body has been open for every
   * round so far); each open body's leaders get a {@code chaseNotice} to acknowledge, a chunk at a
   * time ({@link #chaseChunk}).
   */
  public void chased(DelegateExecution execution) {
    int count = SharedVariables.chaseCount(execution) + 1;
    String type = ChaseType.forCount(count).label();
    Map<String, String> open = openBodies(execution);
    queueNotices(execution, CHASE, open, Map.of(CHASE_COUNT, count, LAST_CHASE_TYPE, type));
    execution.setVariable(CHASE_COUNT, count);
    execution.setVariable(LAST_CHASE_TYPE, type);
    JsonLog.append(
        execution,
        CHASE_LOG,
        "n",
        count,
        "type",
        type,
        "at",
        deadlines.now().toOffsetDateTime().toString(),
        "bodies",
        open.size());
    LOG.info(
        "Đôn đốc lần {} ({}) việc {}: {} đơn vị chưa hoàn thành",
        count,
        type,
        execution.getBusinessKey(),
        open.size());
  }

  /**
   * The open bodies' reminders or chase notices as asynchronous {@code fanoutChunk} instances of
   * {@code chunkSize} members each: the timer's transaction starts 34 instances for a national
   * fan-out of 3,400 bodies, not 3,400 messages or notices, and the job executor sends them in
   * parallel, each chunk retried on its own.
   */
  private static void queueNotices(
      DelegateExecution fanout, String kind, Map<String, String> open, Map<String, Object> extra) {
    RuntimeService runtime = fanout.getProcessEngineServices().getRuntimeService();
    List<Map.Entry<String, String>> members = new ArrayList<>(open.entrySet());
    int size = chunkSize(fanout);
    for (int i = 0; i < members.size(); i += size) {
      ObjectNode chunk = JSON.createObjectNode();
      members
          .subList(i, Math.min(members.size(), i + size))
          .forEach(member -> chunk.put(member.getKey(), member.getValue()));
      Map<String, Object> vars = new HashMap<>(extra);
      vars.put(FANOUT_ID, fanout.getProcessInstanceId());
      vars.put(KIND, kind);
      vars.put(MEMBERS, SpinValues.jsonValue(chunk.toString()));
      vars.put(TASK_CONTENT, fanout.getVariable(TASK_CONTENT));
      vars.put(DEADLINE, fanout.getVariable(DEADLINE));
      runtime.startProcessInstanceByKey(CHUNK_PROCESS, fanout.getBusinessKey(), vars);
    }
  }

  /** A reminder's chunk: a message to each of its bodies whose work is still open. */
  public void remindChunk(DelegateExecution chunk) {
    Work work = Work.of(chunk);
    stillOpen(chunk)
        .forEach(body -> notifications.reminded(chunk.getProcessEngineServices(), work, body));
  }

  /** A chase's chunk: a {@code chaseNotice} for the leaders of each body still open. */
  public void chaseChunk(DelegateExecution chunk) {
    RuntimeService runtime = chunk.getProcessEngineServices().getRuntimeService();
    String fanoutId = (String) chunk.getVariable(FANOUT_ID);
    for (String body : stillOpen(chunk)) {
      ProcessInstance notice =
          runtime
              .createProcessInstanceByKey(CHASE_NOTICE)
              .businessKey(chunk.getBusinessKey())
              .setVariable(LEAD_BODY, body)
              .setVariable(FANOUT_ID, fanoutId)
              .setVariable(TASK_CONTENT, chunk.getVariable(TASK_CONTENT))
              .setVariable(DEADLINE, chunk.getVariable(DEADLINE))
              .setVariable(CHASE_COUNT, chunk.getVariable(CHASE_COUNT))
              .setVariable(LAST_CHASE_TYPE, chunk.getVariable(LAST_CHASE_TYPE))
              .execute();
      // the body's answer ends it by its id (FanoutMembers.done)
      store.noticeStarted(notice.getId(), fanoutId, body);
    }
  }

  /**
   * The chunk's bodies whose work is still open ({@link #MEMBER_TASKS}): one that finished after
   * the timer has already ended its notices and gets none. Their members stay locked until the
   * chunk commits, so none finishes between this check and the chunk's commit ({@link
   * FanoutStore#lockMembers}).
   */
  private List<String> stillOpen(DelegateExecution chunk) {
    SpinJsonNode members = (SpinJsonNode) chunk.getVariable(MEMBERS);
    Set<String> ids = new HashSet<>(members.fieldNames());
    if (ids.isEmpty()) {
      return List.of();
    }
    store.lockMembers(new TreeSet<>(ids));
    Set<String> open = new HashSet<>();
    chunk
        .getProcessEngineServices()
        .getRuntimeService()
        .createProcessInstanceQuery()
        .processInstanceIds(ids)
        .activityIdIn(MEMBER_TASKS)
        .list()
        .forEach(member -> open.add(member.getId()));
    return members.fieldNames().stream()
        .filter(open::contains)
        .map(id -> members.prop(id).stringValue())
        .sorted()
        .toList();
  }

  /** The members whose work is still the body's ({@link #MEMBER_TASKS}). */
  private static ProcessInstanceQuery openMembers(DelegateExecution fanout) {
    return fanout
        .getProcessEngineServices()
        .getRuntimeService()
        .createProcessInstanceQuery()
        .processDefinitionKey(MEMBER)
        .variableValueEquals(FANOUT_ID, fanout.getProcessInstanceId())
        .activityIdIn(MEMBER_TASKS);
  }

  /** The bodies whose work is still open ({@link #MEMBER_TASKS}), by member instance id. */
  private static Map<String, String> openBodies(DelegateExecution fanout) {
    RuntimeService runtime = fanout.getProcessEngineServices().getRuntimeService();
    List<String> members = openMembers(fanout).list().stream().map(ProcessInstance::getId).toList();
    Map<String, String> bodies = new TreeMap<>();
    if (!members.isEmpty()) {
      runtime
          .createVariableInstanceQuery()
          .variableName(LEAD_BODY)
          .processInstanceIdIn(members.toArray(String[]::new))
          .list()
          .forEach(v -> bodies.put(v.getProcessInstanceId(), (String) v.getValue()));
    }
    return bodies;
  }

  /**
   * Whether every body is done; locks the counter until this transaction ends, so the last body
   * cannot finish unseen between this check and the wait for its message.
   */
  public boolean allDone(DelegateExecution execution) {
    return store.lock(execution.getProcessInstanceId()).complete();
  }

  /**
   * A member ended: count it as its transaction commits; the one that completes the count then
   * wakes the parent if it is waiting. (If the parent has not reached its wait yet, it sees the
   * full count itself; if this node stops between the commit and the wake-up, the parent's re-check
   * moves it on. The re-check runs at midnight in Vietnam from the deadline on, every night for 30
   * days and weekly after ({@code AssignmentTimers.recheckAt}): a wake-up lost before the deadline
   * is caught as the deadline's day ends, one lost later by the next re-check. An hourly re-check
   * would make most of a directive's jobs (W3 benchmark).)
   */
  void memberDone(String parent, String key) {
    CommandExecutor newTransaction =
        Context.getProcessEngineConfiguration().getCommandExecutorTxRequiresNew();
    RuntimeService runtime = Context.getProcessEngineConfiguration().getRuntimeService();
    store.memberDoneAtCommit(parent, () -> wake(newTransaction, runtime, parent, key));
  }

  /**
   * Runs after the last member's commit, in transactions of its own; tried again while the parent
   * is busy with a reminder or chase of its own at that moment.
   *
   * <p>This is the engine's bookkeeping, not the person's act: it runs on the thread of the request
   * that gave the last answer, where the person is still signed in, so the correlation runs with
   * authorization checks off (the leader who approves a body's result may not touch the fan-out of
   * the directive). And it never turns the person's saved answer into an error: a wake-up that
   * fails is left to the parent's next re-check, with a warning in the log.
   */
  private static void wake(
      CommandExecutor newTransaction, RuntimeService runtime, String parent, String key) {
    for (int attempt = 1; ; attempt++) {
      try {
        newTransaction.execute(
            context -> {
              boolean checks = context.isAuthorizationCheckEnabled();
              context.disableAuthorizationCheck();
              try {
                runtime
                    .createMessageCorrelation(MESSAGE_ALL_DONE)
                    .processInstanceId(parent)
                    .correlate();
              } finally {
                if (checks) {
                  context.enableAuthorizationCheck();
                }
              }
              return null;
            });
        LOG.info("Giao việc {}: đơn vị cuối cùng đã hoàn thành", key);
        return;
      } catch (MismatchingMessageCorrelationException notWaitingYet) {
        LOG.debug("Giao việc {}: chưa chờ, sẽ tự thấy đủ", key);
        return;
      } catch (OptimisticLockingException busy) {
        if (attempt >= WAKE_ATTEMPTS) {
          LOG.warn(
              "Giao việc {}: chưa đánh thức được, lần kiểm tra lại kế tiếp (0 giờ, từ sau"
                  + " hạn) sẽ đi tiếp",
              key);
          return;
        }
      } catch (RuntimeException failed) {
        LOG.warn(
            "Giao việc {}: chưa đánh thức được ({}), lần kiểm tra lại kế tiếp (0 giờ, từ"
                + " sau hạn) sẽ đi tiếp",
            key,
            failed.toString());
        return;
      }
    }
  }

  private static List<String> split(String text) {
    if (text == null) {
      return List.of();
    }
    return Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }
}
