package it.sportello.studio;

import it.sportello.studio.MigrationRun.BatchProgress;
import it.sportello.studio.MigrationRun.InstanceResult;
import java.util.List;

/**
 * Running instances and their migration, as the studio needs them (implemented in {@code process}
 * with Camunda's migration API, the only Camunda code).
 */
public interface StudioInstances {

  /** Every deployed version of the process with its running instances, the newest first. */
  List<RunningVersion> running(String key);

  /**
   * The plan to move the instances of {@code source} to {@code target} (equal activity ids mapped),
   * validated by the engine and against the activities the instances wait in, with the instances it
   * would move. 400 naming the field when a definition is unknown or the keys differ.
   */
  MigrationPreview preview(String sourceDefinitionId, String targetDefinitionId);

  /**
   * Starts the migration of the given instances as an engine batch; returns the batch's id. 400
   * (field {@code plan}, one entry per problem) when the plan is not valid.
   */
  String migrate(String sourceDefinitionId, String targetDefinitionId, List<String> instanceIds);

  /** The ids of the running instances of a version. */
  List<String> instanceIds(String definitionId);

  /** The batch's progress, with the jobs that failed. */
  BatchProgress progress(String batchId);

  /** Each instance's state against the target version. */
  List<InstanceResult> results(
      List<String> instanceIds, String targetDefinitionId, BatchProgress progress);
}
