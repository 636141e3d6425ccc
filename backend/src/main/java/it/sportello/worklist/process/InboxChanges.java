package it.sportello.worklist.process;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricTaskInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Keeps the inbox read model ({@link InboxTable}, ADR 0035) equal to the engine's open tasks, in
 * the transaction that changes them. The engine tells which tasks changed in two ways, both raised
 * inside its command:
 *
 * <ul>
 *   <li>the task events of BPMN user tasks ({@code create}, {@code assignment}, {@code update} for
 *       due date, follow-up, priority and candidate groups, {@code complete}, {@code delete}),
 *       published by the Spring Boot starter ({@code camunda.bpm.eventing.task});
 *   <li>its history events: a task instance's (every task, standalone ones included, except those
 *       of the lean processes, ADR 0034) and a process variable's that the inbox filters on ({@link
 *       InboxTable#COLUMNS}: a reclassification moves a ticket to another queue). The engine has no
 *       public listener for variable changes in BPMN; its history events are one.
 * </ul>
 *
 * The ids are collected per transaction; before it commits, after the engine flushed its rows, the
 * rows of those tasks (and of the tasks of those process instances) are written again from the
 * engine's tables ({@link InboxTable#refresh}), with the same statement as the rebuild at start. So
 * the row is always the engine's state, whatever order the events came in.
 */
@Component
class InboxChanges extends AbstractProcessEnginePlugin {

  private final InboxTable table;

  InboxChanges(InboxTable table) {
    this.table = table;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<HistoryEventHandler> handlers =
        new ArrayList<>(
            Objects.requireNonNullElse(configuration.getCustomHistoryEventHandlers(), List.of()));
    handlers.add(new FromHistory(this));
    configuration.setCustomHistoryEventHandlers(handlers);
  }

  @EventListener
  void onTaskEvent(DelegateTask task) {
    changed(task.getId(), null);
  }

  private void changed(String taskId, String processInstanceId) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      // the engine always runs in a Spring transaction here; without one, the engine's own
      // transaction has committed when its command returns: nothing to wait for
      table.refresh(ids(taskId), ids(processInstanceId));
      return;
    }
    Pending pending =
        TransactionSynchronizationManager.getSynchronizations().stream()
            .filter(Pending.class::isInstance)
            .map(Pending.class::cast)
            .findFirst()
            .orElseGet(
                () -> {
                  Pending created = new Pending(table);
                  TransactionSynchronizationManager.registerSynchronization(created);
                  return created;
                });
    if (taskId != null) {
      pending.tasks.add(taskId);
    }
    if (processInstanceId != null) {
      pending.instances.add(processInstanceId);
    }
  }

  private static Set<String> ids(String id) {
    return id == null ? Set.of() : Set.of(id);
  }

  /** The tasks and process instances one transaction changed, written before it commits. */
  private static final class Pending implements TransactionSynchronization {

    private final InboxTable table;
    private final Set<String> tasks = new LinkedHashSet<>();
    private final Set<String> instances = new LinkedHashSet<>();

    Pending(InboxTable table) {
      this.table = table;
    }

    @Override
    public void beforeCommit(boolean readOnly) {
      table.refresh(tasks, instances);
    }
  }

  /** The engine's history events that change a row. */
  static final class FromHistory implements HistoryEventHandler {

    private final InboxChanges changes;

    FromHistory(InboxChanges changes) {
      this.changes = changes;
    }

    @Override
    public void handleEvent(HistoryEvent event) {
      if (event instanceof HistoricTaskInstanceEventEntity task) {
        changes.changed(task.getTaskId(), null);
      } else if (event instanceof HistoricVariableUpdateEventEntity variable
          && InboxTable.COLUMNS.containsKey(variable.getVariableName())
          && variable.getProcessInstanceId() != null
          // the process's own variables, as the inbox's filters read them
          && variable.getTaskId() == null
          && variable.getProcessInstanceId().equals(variable.getExecutionId())) {
        changes.changed(null, variable.getProcessInstanceId());
      }
    }

    @Override
    public void handleEvents(List<HistoryEvent> events) {
      events.forEach(this::handleEvent);
    }
  }
}
