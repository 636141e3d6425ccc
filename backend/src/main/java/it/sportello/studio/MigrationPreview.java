package it.sportello.studio;

import java.util.List;

/**
 * A migration of running instances from one version of a process to another, before it runs: the
 * plan the engine generated (activities mapped by equal ids), what its validation found, and the
 * instances it would move with the activities they wait in. {@code valid} is false while any
 * problem is listed; such a plan is refused.
 */
public record MigrationPreview(
    String sourceDefinitionId,
    int sourceVersion,
    String targetDefinitionId,
    int targetVersion,
    boolean valid,
    List<Mapping> mappings,
    List<PlanProblem> problems,
    List<InstanceAt> instances) {

  /** One instruction of the plan: an activity of the source mapped to one of the target. */
  public record Mapping(String sourceActivityId, String targetActivityId) {}

  /** A validation failure, on the activity it concerns (null: the whole plan). */
  public record PlanProblem(String activityId, String message) {}

  /** A running instance and the activities it waits in. */
  public record InstanceAt(
      String processInstanceId, String businessKey, List<String> activityIds) {}
}
