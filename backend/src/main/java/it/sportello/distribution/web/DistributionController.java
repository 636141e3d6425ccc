package it.sportello.distribution.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import it.sportello.distribution.Assignments;
import it.sportello.distribution.Assignments.ItemAssignment;
import it.sportello.distribution.Capacities;
import it.sportello.distribution.Offers;
import it.sportello.distribution.Offers.WorkOffer;
import it.sportello.distribution.PresenceReport;
import it.sportello.distribution.PresenceReport.PresenceDay;
import it.sportello.distribution.QueuePolicies;
import it.sportello.distribution.QueuePolicies.QueuePolicy;
import it.sportello.distribution.Routing;
import it.sportello.distribution.RoutingMode;
import it.sportello.distribution.RoutingPolicy;
import it.sportello.distribution.SkillKind;
import it.sportello.distribution.Skills;
import it.sportello.distribution.Skills.OperatorSkill;
import it.sportello.distribution.Skills.OperatorSkillChange;
import it.sportello.distribution.SupervisorBoard;
import it.sportello.distribution.SupervisorBoard.DistributionBoard;
import it.sportello.distribution.WorkChannel;
import it.sportello.shared.InvalidRequestException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(
    name = "Work distribution",
    description = "Policies, skills, capacity, the supervisors' board, the presence report")
@RestController
class DistributionController {

  private final SupervisorBoard board;
  private final QueuePolicies policies;
  private final Skills skills;
  private final Capacities capacities;
  private final Offers offers;
  private final Routing routing;
  private final Assignments assignments;
  private final PresenceReport report;

  DistributionController(
      SupervisorBoard board,
      QueuePolicies policies,
      Skills skills,
      Capacities capacities,
      Offers offers,
      Routing routing,
      Assignments assignments,
      PresenceReport report) {
    this.board = board;
    this.policies = policies;
    this.skills = skills;
    this.capacities = capacities;
    this.offers = offers;
    this.routing = routing;
    this.assignments = assignments;
    this.report = report;
  }

  @Operation(
      summary = "The supervisors' live board",
      description =
          "Every queue's policy, mode, waiting items, oldest wait, at-risk and breached items and"
              + " open offers; every operator's presence, load and capacity.")
  @GetMapping("/api/supervisor/board")
  DistributionBoard board() {
    return board.board();
  }

  @GetMapping("/api/distribution/policies")
  List<QueuePolicy> policies() {
    return policies.all();
  }

  record QueuePolicyChange(
      @NotNull RoutingPolicy policy,
      @NotNull RoutingMode mode,
      @Schema(description = "PUSH: seconds to answer an offer (5-600), 30 if not given")
          Integer offerTimeoutSeconds,
      @Schema(description = "PUSH: offers let time out before the operator is paused")
          Integer missedOffersToPause) {}

  @Operation(summary = "Change a queue's routing policy, live")
  @PutMapping("/api/distribution/policies/{queue}")
  QueuePolicy setPolicy(
      @PathVariable String queue,
      @Valid @RequestBody QueuePolicyChange change,
      Authentication authentication) {
    return policies.set(
        queue,
        change.policy(),
        change.mode(),
        change.offerTimeoutSeconds() == null ? 30 : change.offerTimeoutSeconds(),
        change.missedOffersToPause(),
        authentication.getName());
  }

  @Operation(summary = "Make an offer round on a PUSH queue now; the number of offers made")
  @PostMapping("/api/distribution/queues/{queue}/round")
  Map<String, Integer> round(@PathVariable String queue) {
    return Map.of("offers", offers.round(queue));
  }

  @Operation(summary = "The offers of a task, oldest first")
  @GetMapping("/api/distribution/tasks/{taskId}/offers")
  List<WorkOffer> taskOffers(@PathVariable String taskId) {
    return offers.ofTask(taskId);
  }

  record Reassignment(@NotBlank String userId) {}

  @Operation(summary = "Give an item to an operator (kept on the item's history)")
  @PostMapping("/api/distribution/tasks/{taskId}/assign")
  ResponseEntity<Void> reassign(
      @PathVariable String taskId,
      @Valid @RequestBody Reassignment reassignment,
      Authentication authentication) {
    routing.reassign(taskId, reassignment.userId(), authentication.getName());
    return ResponseEntity.noContent().build();
  }

  @Operation(summary = "The assignments of a ticket (its number), oldest first")
  @GetMapping("/api/distribution/assignments")
  List<ItemAssignment> assignments(@RequestParam String businessKey) {
    return assignments.of(businessKey);
  }

  @Operation(summary = "Skills, of every operator or one")
  @GetMapping("/api/distribution/skills")
  List<OperatorSkill> skills(@RequestParam(required = false) String operator) {
    return skills.list(operator);
  }

  @Operation(summary = "Changes of skills, newest first")
  @GetMapping("/api/distribution/skills/history")
  List<OperatorSkillChange> skillHistory(@RequestParam(required = false) String operator) {
    return skills.history(operator);
  }

  record SkillChangeRequest(
      @NotNull SkillKind kind,
      @NotBlank String code,
      @Schema(description = "1 to 5; null removes the skill") Integer proficiency) {}

  @Operation(summary = "Set or remove an operator's skill")
  @PutMapping("/api/distribution/operators/{operator}/skills")
  List<OperatorSkill> setSkill(
      @PathVariable String operator,
      @Valid @RequestBody SkillChangeRequest change,
      Authentication authentication) {
    skills.set(
        operator, change.kind(), change.code(), change.proficiency(), authentication.getName());
    return skills.list(operator);
  }

  @Operation(summary = "An operator's capacity per channel")
  @GetMapping("/api/distribution/operators/{operator}/capacity")
  Map<WorkChannel, Integer> capacity(@PathVariable String operator) {
    return capacities.of(operator).max();
  }

  @Operation(summary = "Set an operator's capacity for the channels given")
  @PutMapping("/api/distribution/operators/{operator}/capacity")
  Map<WorkChannel, Integer> setCapacity(
      @PathVariable String operator,
      @RequestBody Map<WorkChannel, Integer> capacity,
      Authentication authentication) {
    return capacities.set(operator, capacity, authentication.getName()).max();
  }

  @Operation(summary = "Time per presence state per operator and day (occupancy, pauses)")
  @GetMapping("/api/distribution/presence-report")
  List<PresenceDay> presenceReport(
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
    if (to.isBefore(from) || from.plusDays(92).isBefore(to)) {
      throw new InvalidRequestException("to", "must be on or after from, at most 92 days later");
    }
    return report.days(from, to);
  }
}
