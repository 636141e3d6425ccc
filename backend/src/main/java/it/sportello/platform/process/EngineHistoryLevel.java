package it.sportello.platform.process;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.IdentityLinkEntity;
import org.camunda.bpm.engine.impl.persistence.entity.IncidentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The engine's history chosen for what is read (issue 26 item 3, ADR 0034, docs/performance.md
 * "History per process"). Our reports, the SLA figures and the audit trail read our own tables; of
 * the engine's history only these are read:
 *
 * <ul>
 *   <li>process instances ({@code ACT_HI_PROCINST}): the data subject's export and erasure (by
 *       business key), the chat paths' ending, the retention report, history cleanup;
 *   <li>variables ({@code ACT_HI_VARINST}): the data subject's export and erasure;
 *   <li>the job log ({@code ACT_HI_JOB_LOG}): the proof that a timer ran once (fault tests, the
 *       benchmark), and failures;
 *   <li>the end events' activity instances of the chat paths ({@code ACT_HI_ACTINST}: which end a
 *       path reached);
 *   <li>incidents, batches (the studio's migration) and the user operation log (who did what
 *       through {@code /engine-rest}).
 * </ul>
 *
 * Every process therefore writes no decision evaluations ({@code ACT_HI_DECINST} and its inputs and
 * outputs), no candidate-group changes ({@code ACT_HI_IDENTITYLINK}) and no activity instances but
 * end events. The lean processes ({@code sportello.engine.history.lean-processes}: chat paths,
 * campaigns, satisfaction surveys; key prefixes) also write no task instances, no variables and no
 * job log but failures. The level keeps the id and name of {@code full}, the level stored in the
 * database, so existing databases start unchanged; {@code
 * sportello.engine.history.per-process=false} restores Camunda's {@code full}.
 */
@Component
class EngineHistoryLevel extends AbstractProcessEnginePlugin {

  private final boolean perProcess;
  private final List<String> leanPrefixes;

  EngineHistoryLevel(
      @Value("${sportello.engine.history.per-process:true}") boolean perProcess,
      @Value("${sportello.engine.history.lean-processes:chat-path-,campaign,satisfaction-survey}")
          List<String> leanPrefixes) {
    this.perProcess = perProcess;
    this.leanPrefixes = leanPrefixes.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (!perProcess) {
      return;
    }
    // initHistoryLevel picks the last level whose name matches camunda.bpm.history-level (full):
    // this one, listed after the built-in levels
    List<HistoryLevel> levels =
        new ArrayList<>(
            Objects.requireNonNullElse(configuration.getCustomHistoryLevels(), List.of()));
    levels.add(new PerProcess(leanPrefixes));
    configuration.setCustomHistoryLevels(levels);
  }

  /** {@code full}, less what nobody reads, and less again for the lean processes. */
  static final class PerProcess implements HistoryLevel {

    /** Written by no process. */
    private static final Set<HistoryEventTypes> NEVER =
        EnumSet.of(
            HistoryEventTypes.DMN_DECISION_EVALUATE,
            HistoryEventTypes.IDENTITY_LINK_ADD,
            HistoryEventTypes.IDENTITY_LINK_DELETE,
            HistoryEventTypes.FORM_PROPERTY_UPDATE);

    /** Written by the lean processes too (activity instances: their end events only). */
    private static final Set<HistoryEventTypes> LEAN =
        EnumSet.of(
            HistoryEventTypes.PROCESS_INSTANCE_START,
            HistoryEventTypes.PROCESS_INSTANCE_UPDATE,
            HistoryEventTypes.PROCESS_INSTANCE_MIGRATE,
            HistoryEventTypes.PROCESS_INSTANCE_END,
            HistoryEventTypes.INCIDENT_CREATE,
            HistoryEventTypes.INCIDENT_MIGRATE,
            HistoryEventTypes.INCIDENT_DELETE,
            HistoryEventTypes.INCIDENT_RESOLVE,
            HistoryEventTypes.INCIDENT_UPDATE,
            HistoryEventTypes.JOB_FAIL,
            HistoryEventTypes.USER_OPERATION_LOG,
            HistoryEventTypes.BATCH_START,
            HistoryEventTypes.BATCH_UPDATE,
            HistoryEventTypes.BATCH_END);

    private final List<String> leanPrefixes;

    PerProcess(List<String> leanPrefixes) {
      this.leanPrefixes = List.copyOf(leanPrefixes);
    }

    @Override
    public int getId() {
      return HistoryLevel.HISTORY_LEVEL_FULL.getId();
    }

    @Override
    public String getName() {
      return HistoryLevel.HISTORY_LEVEL_FULL.getName();
    }

    @Override
    public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
      if (entity == null) {
        // the engine asks without an entity whether a kind of history is kept at all: yes
        return true;
      }
      if (NEVER.contains(eventType)) {
        return false;
      }
      boolean activity = isActivityEvent(eventType);
      if (activity && !isEndEvent(entity)) {
        return false;
      }
      if (activity || !isLean(processDefinitionKey(entity))) {
        return true;
      }
      return eventType instanceof HistoryEventTypes type && LEAN.contains(type);
    }

    private boolean isLean(String key) {
      return key != null && leanPrefixes.stream().anyMatch(key::startsWith);
    }

    private static boolean isActivityEvent(HistoryEventType type) {
      return type == HistoryEventTypes.ACTIVITY_INSTANCE_START
          || type == HistoryEventTypes.ACTIVITY_INSTANCE_UPDATE
          || type == HistoryEventTypes.ACTIVITY_INSTANCE_MIGRATE
          || type == HistoryEventTypes.ACTIVITY_INSTANCE_END;
    }

    private static boolean isEndEvent(Object entity) {
      if (entity instanceof ExecutionEntity execution) {
        ActivityImpl activity = execution.getActivity();
        Object type = activity == null ? null : activity.getProperty("type");
        return type instanceof String name && name.endsWith("EndEvent");
      }
      // a migrated activity instance: only running ones are migrated, and a running activity is
      // never an end event, so its history row was not written either
      return false;
    }

    /** The key of the process an entity belongs to, or null (standalone tasks, batches, ...). */
    static String processDefinitionKey(Object entity) {
      if (entity instanceof ExecutionEntity execution) {
        return execution.getProcessDefinitionKey();
      }
      if (entity instanceof JobEntity job) {
        return job.getProcessDefinitionKey();
      }
      String definitionId = null;
      if (entity instanceof TaskEntity task) {
        definitionId = task.getProcessDefinitionId();
      } else if (entity instanceof VariableInstanceEntity variable) {
        definitionId = variable.getProcessDefinitionId();
      } else if (entity instanceof IdentityLinkEntity link) {
        definitionId = link.getProcessDefId();
      } else if (entity instanceof IncidentEntity incident) {
        definitionId = incident.getProcessDefinitionId();
      }
      if (definitionId == null) {
        return null;
      }
      ProcessDefinitionEntity definition =
          Context.getProcessEngineConfiguration()
              .getDeploymentCache()
              .findDeployedProcessDefinitionById(definitionId);
      return definition == null ? null : definition.getKey();
    }
  }
}
