package it.sportello.studio;

import java.time.Instant;
import java.util.List;

/**
 * A migration run: who asked for it and when, the engine's batch and its progress, and each
 * instance's result.
 */
public record MigrationRun(
    long id,
    String batchId,
    String sourceDefinitionId,
    String targetDefinitionId,
    String requestedBy,
    Instant requestedAt,
    BatchProgress progress,
    List<InstanceResult> instances) {

  /** The engine batch's progress; {@code finished} once it left the engine's runtime. */
  public record BatchProgress(
      boolean finished,
      int total,
      int completed,
      int failed,
      int remaining,
      List<FailedJob> failedJobs) {}

  /** A batch job that failed with no retries left, with the engine's message. */
  public record FailedJob(String jobId, String message) {}

  /** What happened to one instance. */
  public record InstanceResult(
      String processInstanceId, String businessKey, String definitionId, MigrationStatus status) {}

  /** An instance's state in the migration. */
  public enum MigrationStatus {
    /** On the target version. */
    MIGRATED,
    /** Still on the source version while the batch runs. */
    PENDING,
    /** Still on the source version after its job failed or the batch ended. */
    FAILED,
    /** Ended meanwhile. */
    ENDED
  }
}
