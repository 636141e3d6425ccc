package it.sportello.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The studio journey of issue 24 in headless Chromium ({@code frontend/e2e/studio-journey.mjs}):
 * {@code analyst} changes {@code ticket.bpmn} (a label, the reminder timer's retry cycle), sees an
 * unknown delegate expression on the diagram, fixes it and asks to deploy; {@code analyst2}
 * approves; a new ticket runs on the new version and a running one is migrated through the studio.
 * The job executor is off in the tests: the engine's batch jobs (the migration) are run here while
 * the script runs, as the job executor would.
 */
class StudioJourneyWebIT extends BrowserIT {

  @Autowired ManagementService managementService;

  @Test
  void anAnalystChangesTheTicketProcedureASecondApprovesAndARunningTicketIsMigrated()
      throws Exception {
    ScheduledExecutorService batches = Executors.newSingleThreadScheduledExecutor();
    batches.scheduleWithFixedDelay(this::runBatchJobs, 1, 1, TimeUnit.SECONDS);
    try {
      String output = browse("studio-journey.mjs", "it", Duration.ofMinutes(6));
      // the editor's load time, measured by the script (not asserted)
      System.out.println(output);
      assertThat(output).contains("studio-journey it: ticket").contains("migrated");
    } finally {
      batches.shutdownNow();
      batches.awaitTermination(30, TimeUnit.SECONDS);
    }
  }

  private void runBatchJobs() {
    try {
      for (Batch batch : managementService.createBatchQuery().list()) {
        for (String definition :
            List.of(batch.getSeedJobDefinitionId(), batch.getBatchJobDefinitionId())) {
          for (Job job :
              managementService
                  .createJobQuery()
                  .jobDefinitionId(definition)
                  .executable()
                  .listPage(0, 100)) {
            managementService.executeJob(job.getId());
          }
        }
      }
    } catch (RuntimeException e) {
      // a job that fails keeps its exception in the engine, where the studio shows it
    }
  }
}
