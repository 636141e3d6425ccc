package it.sportello.worklist.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import it.sportello.platform.security.GroupAuthorities;
import it.sportello.platform.security.Role;
import it.sportello.shared.web.PageResponse;
import it.sportello.worklist.Colleague;
import it.sportello.worklist.InboxFilter;
import it.sportello.worklist.WorkItem;
import it.sportello.worklist.Worker;
import it.sportello.worklist.Worklist;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(
    name = "Tasks",
    description = "The worker's inbox: tasks offered to their groups or assigned to them")
@Validated
@RestController
@RequestMapping("/api/tasks")
class TaskController {

  private final Worklist worklist;

  TaskController(Worklist worklist) {
    this.worklist = worklist;
  }

  @Operation(
      summary = "My inbox, by due date; optionally only the tasks of one ticket (its number)")
  @GetMapping
  PageResponse<WorkItem> inbox(
      Authentication authentication,
      @RequestParam(required = false) String businessKey,
      @RequestParam(defaultValue = "0") @Min(0) int page,
      @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
    return PageResponse.of(
        worklist.inbox(worker(authentication), InboxFilter.ofBusinessKey(businessKey), page, size),
        item -> item);
  }

  @Operation(summary = "A task I may work on")
  @GetMapping("/{taskId}")
  WorkItem task(@PathVariable String taskId, Authentication authentication) {
    return worklist.get(taskId, worker(authentication));
  }

  @Operation(summary = "The task's Camunda Form (form-js schema)")
  @GetMapping(value = "/{taskId}/form", produces = MediaType.APPLICATION_JSON_VALUE)
  String form(@PathVariable String taskId, Authentication authentication) {
    return worklist.form(taskId, worker(authentication));
  }

  @Operation(summary = "Take a task: it leaves the group's inbox and becomes mine")
  @PostMapping("/{taskId}/claim")
  WorkItem claim(@PathVariable String taskId, Authentication authentication) {
    return worklist.claim(taskId, worker(authentication));
  }

  record Assignment(@NotBlank String userId) {}

  @Operation(
      summary = "Who may take the task: members of the groups it is offered to",
      description = "For handing a task over (its holder) or reassigning it (a supervisor).")
  @GetMapping("/{taskId}/candidates")
  List<Colleague> candidates(@PathVariable String taskId, Authentication authentication) {
    return isSupervisor(authentication)
        ? worklist.candidates(taskId)
        : worklist.candidates(taskId, worker(authentication));
  }

  @Operation(
      summary = "Hand a task to a worker",
      description = "Supervisors assign any task; a worker hands over a task they hold.")
  @PostMapping("/{taskId}/assign")
  ResponseEntity<Void> assign(
      @PathVariable String taskId,
      @Valid @RequestBody Assignment assignment,
      Authentication authentication) {
    if (isSupervisor(authentication)) {
      worklist.assign(taskId, assignment.userId(), authentication.getName());
    } else {
      worklist.handOver(taskId, worker(authentication), assignment.userId());
    }
    return ResponseEntity.noContent().build();
  }

  @Operation(summary = "Give a task back to its groups")
  @PostMapping("/{taskId}/unclaim")
  ResponseEntity<Void> unclaim(@PathVariable String taskId, Authentication authentication) {
    worklist.unclaim(taskId, worker(authentication));
    return ResponseEntity.noContent().build();
  }

  @Operation(
      summary = "Complete a task with the worker's decision",
      description =
          "Ticket tasks take `decision` plus, depending on it, `answer`, `office`, `rejectionReason`, "
              + "`suggestedOffice`, `missingData` and an optional `note`. Invalid decisions answer 400 naming the fields.")
  @PostMapping("/{taskId}/complete")
  ResponseEntity<Void> complete(
      @PathVariable String taskId,
      @RequestBody Map<String, String> form,
      Authentication authentication) {
    worklist.complete(taskId, worker(authentication), form);
    return ResponseEntity.noContent().build();
  }

  private static Worker worker(Authentication authentication) {
    return new Worker(
        authentication.getName(), GroupAuthorities.groupIds(authentication.getAuthorities()));
  }

  private static boolean isSupervisor(Authentication authentication) {
    return authentication.getAuthorities().stream()
        .anyMatch(authority -> authority.getAuthority().equals(Role.SUPERVISOR.authority()));
  }
}
