package it.sportello.processes;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.MockExpressionManager;

/**
 * One in-memory engine (H2) shared by the process tests; delegates are mocks registered by name.
 */
final class InMemoryEngine {

  private static ProcessEngine engine;

  static synchronized ProcessEngineExtension extension() {
    if (engine == null) {
      StandaloneInMemProcessEngineConfiguration configuration =
          new StandaloneInMemProcessEngineConfiguration();
      configuration.setJdbcUrl("jdbc:h2:mem:process-tests;DB_CLOSE_DELAY=1000");
      configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
      configuration.setJobExecutorActivate(false);
      configuration.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
      configuration.setExpressionManager(new MockExpressionManager());
      engine = configuration.buildProcessEngine();
    }
    return ProcessEngineExtension.builder().useProcessEngine(engine).build();
  }

  private InMemoryEngine() {}
}
