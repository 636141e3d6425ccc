package it.sportello.studio;

import java.util.List;

/**
 * One deployed version of a process and its running instances: how many, and how many wait in each
 * activity (for the counts on the diagram).
 */
public record RunningVersion(
    String definitionId, String key, int version, long instances, List<ActivityCount> activities) {

  /** The instances waiting in one activity, and the incidents there. */
  public record ActivityCount(String activityId, long instances, long incidents) {}
}
