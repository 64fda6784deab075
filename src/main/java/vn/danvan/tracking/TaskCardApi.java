package vn.danvan.tracking;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.danvan.org.OrgRegistry;
import vn.danvan.security.Callers;

/**
 * What a task's card in Tasklist says besides the task's name: the bodies it is offered to, by
 * name, and its directive's number. {@code GET /api/the-cong-viec/{taskId}} → {@code {"donVi": ["Sở
 * Nội vụ"], "vanBan": "45-KH/TU"}}, for a task the caller may read (the engine checks, as the
 * caller: Tasklist's session or HTTP Basic); another task answers 404, nobody signed in 401.
 */
@RestController
@RequestMapping("/api/the-cong-viec")
class TaskCardApi {

  private final ProcessEngine engine;
  private final OrgRegistry registry;

  TaskCardApi(ProcessEngine engine, OrgRegistry registry) {
    this.engine = engine;
    this.registry = registry;
  }

  @GetMapping(value = "/{taskId}", produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Map<String, Object>> card(
      HttpServletRequest request, @PathVariable String taskId) {
    String user = Callers.user(request, engine);
    if (user == null) {
      return Callers.signInFirst();
    }
    if (!readable(user, taskId)) {
      return ResponseEntity.status(HttpStatus.NOT_FOUND)
          .body(
              Map.of(
                  "type",
                  "InvalidRequestException",
                  "message",
                  "Không có công việc " + taskId + " mà " + user + " được xem"));
    }
    // the task is the caller's to read: its bodies and its instance's number are read for them
    Task task = engine.getTaskService().createTaskQuery().taskId(taskId).singleResult();
    List<String> bodies =
        engine.getTaskService().getIdentityLinksForTask(taskId).stream()
            .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
            .filter(link -> link.getGroupId() != null)
            .map(link -> bodyName(link.getGroupId()))
            .distinct()
            .toList();
    ProcessInstance instance =
        task.getProcessInstanceId() == null
            ? null
            : engine
                .getRuntimeService()
                .createProcessInstanceQuery()
                .processInstanceId(task.getProcessInstanceId())
                .singleResult();
    Map<String, Object> card = new LinkedHashMap<>();
    card.put("donVi", bodies);
    card.put("vanBan", instance == null ? null : instance.getBusinessKey());
    return ResponseEntity.ok(card);
  }

  /** Whether the engine lets the person read the task. */
  private boolean readable(String user, String taskId) {
    IdentityService identity = engine.getIdentityService();
    List<String> groups =
        identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
    identity.setAuthentication(user, groups);
    try {
      return engine.getTaskService().createTaskQuery().taskId(taskId).count() == 1;
    } finally {
      identity.clearAuthentication();
    }
  }

  /** A candidate group by name: a body's, or its leaders' ("Lãnh đạo Sở Nội vụ"). */
  private String bodyName(String group) {
    if (group.endsWith(OrgRegistry.LEADERS_SUFFIX)) {
      String body = group.substring(0, group.length() - OrgRegistry.LEADERS_SUFFIX.length());
      if (registry.body(body).isPresent()) {
        return "Lãnh đạo " + registry.name(body);
      }
    }
    return registry.name(group);
  }
}
