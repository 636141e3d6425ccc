package it.sportello.studio.process;

import it.sportello.shared.FieldViolation;
import it.sportello.shared.InvalidRequestException;
import it.sportello.studio.MigrationPreview;
import it.sportello.studio.MigrationPreview.InstanceAt;
import it.sportello.studio.MigrationPreview.Mapping;
import it.sportello.studio.MigrationPreview.PlanProblem;
import it.sportello.studio.MigrationRun.BatchProgress;
import it.sportello.studio.MigrationRun.FailedJob;
import it.sportello.studio.MigrationRun.InstanceResult;
import it.sportello.studio.MigrationRun.MigrationStatus;
import it.sportello.studio.RunningVersion;
import it.sportello.studio.RunningVersion.ActivityCount;
import it.sportello.studio.StudioInstances;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.batch.BatchStatistics;
import org.camunda.bpm.engine.batch.history.HistoricBatch;
import org.camunda.bpm.engine.management.ActivityStatistics;
import org.camunda.bpm.engine.migration.MigrationInstruction;
import org.camunda.bpm.engine.migration.MigrationInstructionValidationReport;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/**
 * Running instances per version (the engine's activity statistics) and their migration with the
 * engine's migration API: {@code createMigrationPlan(...).mapEqualActivities()}, validated by the
 * engine and, before it runs, against the activities the instances wait in (an activity the target
 * does not have cannot take them), executed as a batch ({@code executeAsync}).
 */
@Component
class CamundaStudioInstances implements StudioInstances {

  /** At most this many instances are listed in a preview and moved by one migration. */
  static final int MAX_INSTANCES = 5000;

  private final RepositoryService repository;
  private final RuntimeService runtime;
  private final ManagementService management;
  private final HistoryService history;

  CamundaStudioInstances(ProcessEngine engine) {
    this.repository = engine.getRepositoryService();
    this.runtime = engine.getRuntimeService();
    this.management = engine.getManagementService();
    this.history = engine.getHistoryService();
  }

  @Override
  public List<RunningVersion> running(String key) {
    List<RunningVersion> versions = new ArrayList<>();
    for (ProcessDefinition definition :
        repository
            .createProcessDefinitionQuery()
            .processDefinitionKey(key)
            .orderByProcessDefinitionVersion()
            .desc()
            .listPage(0, 200)) {
      List<ActivityCount> activities = new ArrayList<>();
      for (ActivityStatistics statistics :
          management.createActivityStatisticsQuery(definition.getId()).includeIncidents().list()) {
        activities.add(
            new ActivityCount(
                statistics.getId(),
                statistics.getInstances(),
                statistics.getIncidentStatistics().stream()
                    .mapToLong(incident -> incident.getIncidentCount())
                    .sum()));
      }
      activities.sort(Comparator.comparing(ActivityCount::activityId));
      long instances =
          runtime.createProcessInstanceQuery().processDefinitionId(definition.getId()).count();
      versions.add(
          new RunningVersion(
              definition.getId(),
              definition.getKey(),
              definition.getVersion(),
              instances,
              activities));
    }
    return versions;
  }

  @Override
  public MigrationPreview preview(String sourceDefinitionId, String targetDefinitionId) {
    ProcessDefinition source = definition("source", sourceDefinitionId);
    ProcessDefinition target = definition("target", targetDefinitionId);
    if (!source.getKey().equals(target.getKey())) {
      throw new InvalidRequestException(
          "target", "must be a version of the same process (" + source.getKey() + ")");
    }
    if (source.getId().equals(target.getId())) {
      throw new InvalidRequestException("target", "must be another version than the source");
    }
    List<Mapping> mappings = new ArrayList<>();
    List<PlanProblem> problems = new ArrayList<>();
    MigrationPlan plan = null;
    try {
      plan = plan(source.getId(), target.getId());
    } catch (MigrationPlanValidationException e) {
      for (MigrationInstructionValidationReport report :
          e.getValidationReport().getInstructionReports()) {
        MigrationInstruction instruction = report.getMigrationInstruction();
        for (String failure : report.getFailures()) {
          problems.add(
              new PlanProblem(
                  instruction.getSourceActivityId(),
                  instruction.getSourceActivityId()
                      + " → "
                      + instruction.getTargetActivityId()
                      + ": "
                      + failure));
        }
      }
      if (problems.isEmpty()) {
        problems.add(new PlanProblem(null, e.getMessage()));
      }
    }
    Set<String> mapped = new LinkedHashSet<>();
    if (plan != null) {
      for (MigrationInstruction instruction : plan.getInstructions()) {
        mappings.add(
            new Mapping(instruction.getSourceActivityId(), instruction.getTargetActivityId()));
        mapped.add(instruction.getSourceActivityId());
      }
      for (ActivityStatistics statistics :
          management.createActivityStatisticsQuery(source.getId()).list()) {
        if (!mapped.contains(statistics.getId())) {
          problems.add(
              new PlanProblem(
                  statistics.getId(),
                  statistics.getInstances()
                      + " instance(s) wait in '"
                      + statistics.getId()
                      + "', which version "
                      + target.getVersion()
                      + " does not have: no activity to move them to"));
        }
      }
    }
    List<InstanceAt> instances = new ArrayList<>();
    for (ProcessInstance instance : instancesOf(source.getId())) {
      instances.add(
          new InstanceAt(
              instance.getId(),
              instance.getBusinessKey(),
              runtime.getActiveActivityIds(instance.getId())));
    }
    return new MigrationPreview(
        source.getId(),
        source.getVersion(),
        target.getId(),
        target.getVersion(),
        problems.isEmpty(),
        mappings,
        problems,
        instances);
  }

  @Override
  public String migrate(
      String sourceDefinitionId, String targetDefinitionId, List<String> instanceIds) {
    MigrationPreview preview = preview(sourceDefinitionId, targetDefinitionId);
    if (!preview.valid()) {
      throw new InvalidRequestException(
          preview.problems().stream()
              .map(
                  problem ->
                      new FieldViolation(
                          "plan",
                          (problem.activityId() == null ? "" : problem.activityId() + ": ")
                              + problem.message()))
              .toList());
    }
    if (instanceIds.isEmpty()) {
      throw new InvalidRequestException("instanceIds", "no running instance of the source version");
    }
    Batch batch =
        runtime
            .newMigration(plan(sourceDefinitionId, targetDefinitionId))
            .processInstanceIds(instanceIds)
            .executeAsync();
    return batch.getId();
  }

  /** The ids of the running instances of a version (at most {@link #MAX_INSTANCES}). */
  @Override
  public List<String> instanceIds(String definitionId) {
    return instancesOf(definitionId).stream().map(ProcessInstance::getId).toList();
  }

  @Override
  public BatchProgress progress(String batchId) {
    Batch batch = management.createBatchQuery().batchId(batchId).singleResult();
    if (batch == null) {
      HistoricBatch ended = history.createHistoricBatchQuery().batchId(batchId).singleResult();
      int total = ended == null ? 0 : ended.getTotalJobs();
      return new BatchProgress(true, total, total, 0, 0, List.of());
    }
    BatchStatistics statistics =
        management.createBatchStatisticsQuery().batchId(batchId).singleResult();
    List<FailedJob> failed = new ArrayList<>();
    for (Job job :
        management
            .createJobQuery()
            .jobDefinitionId(batch.getBatchJobDefinitionId())
            .withException()
            .listPage(0, 200)) {
      failed.add(new FailedJob(job.getId(), job.getExceptionMessage()));
    }
    return new BatchProgress(
        false,
        statistics.getTotalJobs(),
        statistics.getCompletedJobs(),
        statistics.getFailedJobs(),
        statistics.getRemainingJobs(),
        failed);
  }

  @Override
  public List<InstanceResult> results(
      List<String> instanceIds, String targetDefinitionId, BatchProgress progress) {
    List<InstanceResult> results = new ArrayList<>();
    for (String id : instanceIds) {
      ProcessInstance instance =
          runtime.createProcessInstanceQuery().processInstanceId(id).singleResult();
      if (instance == null) {
        results.add(new InstanceResult(id, null, null, MigrationStatus.ENDED));
        continue;
      }
      MigrationStatus status;
      if (targetDefinitionId.equals(instance.getProcessDefinitionId())) {
        status = MigrationStatus.MIGRATED;
      } else if (progress.finished() || progress.remaining() == progress.failed()) {
        status = MigrationStatus.FAILED;
      } else {
        status = MigrationStatus.PENDING;
      }
      results.add(
          new InstanceResult(
              id, instance.getBusinessKey(), instance.getProcessDefinitionId(), status));
    }
    return results;
  }

  private MigrationPlan plan(String source, String target) {
    return runtime.createMigrationPlan(source, target).mapEqualActivities().build();
  }

  private List<ProcessInstance> instancesOf(String definitionId) {
    return runtime
        .createProcessInstanceQuery()
        .processDefinitionId(definitionId)
        .orderByProcessInstanceId()
        .asc()
        .listPage(0, MAX_INSTANCES);
  }

  private ProcessDefinition definition(String field, String id) {
    ProcessDefinition definition =
        id == null
            ? null
            : repository.createProcessDefinitionQuery().processDefinitionId(id).singleResult();
    if (definition == null) {
      throw new InvalidRequestException(field, "no deployed process version with id " + id);
    }
    return definition;
  }
}
