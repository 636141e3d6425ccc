package it.sportello.retention.process;

import it.sportello.retention.RetentionProperties;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The engine history's period per process definition: each model sets its {@code
 * historyTimeToLive}; {@code sportello.retention.process-history-days.<process key>} overrides it
 * for every deployed version of that process, at start (the engine's cleanup then removes each
 * instance's history that many days after it ends).
 */
@Component
class EngineHistoryTimeToLive {

  private static final Logger log = LoggerFactory.getLogger(EngineHistoryTimeToLive.class);

  private final RepositoryService repositoryService;
  private final RetentionProperties properties;

  EngineHistoryTimeToLive(RepositoryService repositoryService, RetentionProperties properties) {
    this.repositoryService = repositoryService;
    this.properties = properties;
  }

  @EventListener(ApplicationReadyEvent.class)
  void apply() {
    for (Map.Entry<String, Integer> entry : properties.processHistoryDays().entrySet()) {
      for (ProcessDefinition definition :
          repositoryService
              .createProcessDefinitionQuery()
              .processDefinitionKey(entry.getKey())
              .list()) {
        if (!Objects.equals(definition.getHistoryTimeToLive(), entry.getValue())) {
          repositoryService.updateProcessDefinitionHistoryTimeToLive(
              definition.getId(), entry.getValue());
          log.info(
              "History time to live of {} v{}: {} days",
              entry.getKey(),
              definition.getVersion(),
              entry.getValue());
        }
      }
    }
  }
}
