package it.sportello.retention.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import it.sportello.retention.RetentionJob;
import it.sportello.retention.RetentionJob.Outcome;
import it.sportello.retention.RetentionJob.Report;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(
    name = "Retention",
    description =
        "Retention periods per kind of data: the dry-run report of what the next nightly run would"
            + " remove (data protection officer, administrators) and a run on demand"
            + " (administrators)")
@RestController
@RequestMapping("/api/retention")
class RetentionController {

  private final RetentionJob job;

  RetentionController(RetentionJob job) {
    this.job = job;
  }

  @Operation(
      summary = "Dry run: what the next run would remove",
      description =
          "Per kind: the action (DELETE, ANONYMISE; KEEP and ENGINE are reported only), the"
              + " period, the cut-off, how many items and the oldest one's date; and what is kept"
              + " whatever its age (open tickets, complaints under proceeding, the protocol"
              + " register). Changes nothing.")
  @GetMapping
  Report preview() {
    return job.preview();
  }

  @Operation(
      summary = "Runs the retention job now",
      description =
          "The same run as the nightly one (bounded batches, counts in the audit); ran=false when"
              + " another node holds it.")
  @PostMapping("/run")
  Outcome run() {
    return job.run();
  }
}
