package it.sportello.retention.process;

import it.sportello.shared.RetentionTask;
import java.time.Instant;
import org.camunda.bpm.engine.HistoryService;
import org.springframework.stereotype.Component;

/**
 * The process engine's history: removed by the engine's own history cleanup (removal-time based:
 * each process instance's history is due {@code historyTimeToLive} days after it ends, per process
 * definition; it runs in the batch window configured in {@code camunda.bpm.generic-properties}).
 * The retention job only reports how many finished instances the cleanup may remove now.
 */
@Component
class EngineHistoryRetention implements RetentionTask {

  private final HistoryService historyService;

  EngineHistoryRetention(HistoryService historyService) {
    this.historyService = historyService;
  }

  @Override
  public String kind() {
    return "engine-history";
  }

  @Override
  public Action action() {
    return Action.ENGINE;
  }

  @Override
  public Preview preview(Instant cutoff) {
    long cleanable =
        historyService.createCleanableHistoricProcessInstanceReport().list().stream()
            .mapToLong(report -> report.getCleanableProcessInstanceCount())
            .sum();
    return new Preview(cleanable, null);
  }

  @Override
  public int purgeBatch(Instant cutoff, int batchSize) {
    return 0;
  }
}
