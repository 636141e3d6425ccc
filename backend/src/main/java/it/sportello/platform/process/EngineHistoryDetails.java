package it.sportello.platform.process;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The engine's history without a row per variable change ({@code ACT_HI_DETAIL}): with history
 * level {@code full} every variable set at a process start or by a delegate was written twice, as
 * the variable's latest value ({@code ACT_HI_VARINST}, kept) and as a detail row. Nothing reads the
 * details: our reports read our tables, the audit trail is ours, the data subject's export reads
 * the variables' latest values, and the community Cockpit shows no variable history. Everything
 * else of {@code full} stays (activity and task instances, identity links, the job log that proves
 * a timer ran once, the user operation log). The history level stays {@code full} in the database,
 * so no migration is needed and {@code sportello.engine.history.variable-details=true} restores the
 * details (issue 26, docs/performance.md "Engine work").
 */
@Component
class EngineHistoryDetails extends AbstractProcessEnginePlugin {

  private final boolean variableDetails;

  EngineHistoryDetails(
      @Value("${sportello.engine.history.variable-details:false}") boolean variableDetails) {
    this.variableDetails = variableDetails;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (variableDetails) {
      return;
    }
    // the engine's own database handler, replaced by one that writes the same except the details;
    // other handlers (the starter's history eventing, when on) stay in the list
    List<HistoryEventHandler> handlers =
        new ArrayList<>(
            Objects.requireNonNullElse(configuration.getCustomHistoryEventHandlers(), List.of()));
    handlers.add(new WithoutVariableDetails());
    configuration.setCustomHistoryEventHandlers(handlers);
    configuration.setEnableDefaultDbHistoryEventHandler(false);
  }

  /** Camunda's database handler, writing no variable detail rows. */
  static final class WithoutVariableDetails extends DbHistoryEventHandler {

    @Override
    protected boolean shouldWriteHistoricDetail(HistoricVariableUpdateEventEntity event) {
      return false;
    }
  }
}
