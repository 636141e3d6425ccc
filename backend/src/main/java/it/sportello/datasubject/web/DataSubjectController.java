package it.sportello.datasubject.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import it.sportello.datasubject.DataSubjectRequests;
import it.sportello.datasubject.DataSubjectRequests.Archive;
import it.sportello.datasubject.DataSubjectRequests.Kind;
import it.sportello.datasubject.DataSubjectRequests.Request;
import it.sportello.datasubject.PersonalData;
import it.sportello.shared.web.Downloads;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The data subject's rights, for the data protection officer. */
@Tag(name = "Data subjects")
@Validated
@RestController
class DataSubjectController {

  private static final String REQUESTS = "/api/data-subject-requests/";

  private final DataSubjectRequests requests;

  DataSubjectController(DataSubjectRequests requests) {
    this.requests = requests;
  }

  /** Where to follow a request and fetch its result. */
  record Links(String self, String archive) {}

  /** A request as a background job: its state, progress and outcome. */
  record Job(
      long id,
      Kind kind,
      String subject,
      DataSubjectRequests.State state,
      int progress,
      String step,
      String requestedBy,
      Instant requestedAt,
      Instant dueAt,
      Instant reminderAt,
      Instant finishedAt,
      String answeredBy,
      Instant answeredAt,
      boolean overdue,
      JsonNode outcome,
      String error,
      Long archiveSize,
      Links links) {

    static Job of(Request r) {
      return new Job(
          r.id(),
          r.kind(),
          r.subject(),
          r.state(),
          r.progress(),
          r.step(),
          r.requestedBy(),
          r.requestedAt(),
          r.dueAt(),
          r.reminderAt(),
          r.finishedAt(),
          r.answeredBy(),
          r.answeredAt(),
          r.overdue(),
          r.outcome(),
          r.error(),
          r.archiveSize(),
          new Links(
              REQUESTS + r.id(),
              r.kind() == Kind.EXPORT && r.archiveSize() != null
                  ? REQUESTS + r.id() + "/archive"
                  : null));
    }
  }

  @Operation(
      summary = "Find a person by fiscal code, e-mail or phone",
      description =
          "The contacts that match (merged duplicates included, with the contact they were merged"
              + " into); act on the fiscal code of the one that is the person.")
  @GetMapping("/api/data-subjects")
  List<PersonalData.Match> find(
      @RequestParam(required = false) @Size(max = 16) String fiscalCode,
      @RequestParam(required = false) @Size(max = 320) String email,
      @RequestParam(required = false) @Size(max = 30) String phone,
      Authentication authentication) {
    return requests.find(fiscalCode, email, phone, authentication.getName());
  }

  @Operation(
      summary = "Request the access export of a person's data (GDPR art. 15)",
      description =
          "Starts the data-subject-request procedure: the zip is produced in the background;"
              + " follow links.self for its progress, then download links.archive.")
  @PostMapping("/api/data-subjects/{fiscalCode}/export")
  @ResponseStatus(HttpStatus.ACCEPTED)
  Job export(@PathVariable @Size(max = 16) String fiscalCode, Authentication authentication) {
    return Job.of(requests.receive(Kind.EXPORT, fiscalCode, authentication.getName()));
  }

  @Operation(
      summary = "Request the erasure of a person's data (GDPR art. 17)",
      description =
          "Starts the data-subject-request procedure: the erasure runs in the background; its"
              + " outcome lists what was erased and what was kept, each with its reason.")
  @PostMapping("/api/data-subjects/{fiscalCode}/erasure")
  @ResponseStatus(HttpStatus.ACCEPTED)
  Job erasure(@PathVariable @Size(max = 16) String fiscalCode, Authentication authentication) {
    return Job.of(requests.receive(Kind.ERASURE, fiscalCode, authentication.getName()));
  }

  @Operation(summary = "The latest data subject requests, newest first")
  @GetMapping("/api/data-subject-requests")
  List<Job> latest(@RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
    return requests.latest(limit).stream().map(Job::of).toList();
  }

  @Operation(summary = "A data subject request: state, progress, deadline and outcome")
  @GetMapping("/api/data-subject-requests/{id}")
  Job get(@PathVariable long id) {
    return Job.of(requests.get(id));
  }

  @Operation(summary = "Download the export's zip (recorded in the audit trail)")
  @GetMapping("/api/data-subject-requests/{id}/archive")
  ResponseEntity<InputStreamResource> archive(@PathVariable long id, Authentication authentication)
      throws java.io.IOException {
    Archive archive = requests.archive(id, authentication.getName());
    return Downloads.attachment(
        archive.fileName(), "application/zip", archive.size(), archive.open());
  }

  @Operation(
      summary = "Record that the person was answered",
      description = "Completes the procedure's task 'Answer the data subject'.")
  @PostMapping("/api/data-subject-requests/{id}/answer")
  Job answer(@PathVariable long id, Authentication authentication) {
    return Job.of(requests.answer(id, authentication.getName()));
  }
}
