package it.sportello.kb;

import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;

/** For the knowledge base's wiring tests, whose job executor is off. */
final class KbPublicationJobs {

  private KbPublicationJobs() {}

  /** Runs the asynchronous publication of article {@code id} and its notification. */
  static void run(RuntimeService runtimeService, ManagementService managementService, long id) {
    for (int i = 0; i < 2; i++) {
      String instance =
          runtimeService
              .createProcessInstanceQuery()
              .processInstanceBusinessKey("KB-" + id)
              .singleResult()
              .getId();
      List<Job> jobs =
          managementService.createJobQuery().processInstanceId(instance).executable().list();
      jobs.forEach(job -> managementService.executeJob(job.getId()));
    }
  }
}
