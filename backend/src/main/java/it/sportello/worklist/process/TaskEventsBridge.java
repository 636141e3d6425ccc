package it.sportello.worklist.process;

import it.sportello.worklist.InboxEvents;
import org.camunda.bpm.spring.boot.starter.event.TaskEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Turns the engine's task events (published by the Spring Boot starter) into one inbox notification
 * per transaction, sent after it commits, so that clients reloading their inbox see the change.
 */
@Component
class TaskEventsBridge {

  private static final Object PENDING = TaskEventsBridge.class.getName() + ".pending";

  private final InboxEvents events;

  TaskEventsBridge(InboxEvents events) {
    this.events = events;
  }

  @EventListener
  void onTaskEvent(TaskEvent event) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      events.changed();
      return;
    }
    if (TransactionSynchronizationManager.hasResource(PENDING)) {
      return;
    }
    TransactionSynchronizationManager.bindResource(PENDING, Boolean.TRUE);
    TransactionSynchronizationManager.registerSynchronization(
        new TransactionSynchronization() {
          @Override
          public void afterCommit() {
            events.changed();
          }

          @Override
          public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(PENDING);
          }
        });
  }
}
