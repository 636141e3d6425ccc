package it.sportello.audit.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import it.sportello.audit.AuditLog;
import it.sportello.audit.AuditLog.AuditQuery;
import it.sportello.audit.AuditLog.AuditRow;
import it.sportello.audit.AuditLog.Verification;
import it.sportello.shared.web.CsvDownload;
import it.sportello.shared.web.DayRange;
import it.sportello.shared.web.PageResponse;
import it.sportello.sla.SlaProperties;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(
    name = "Audit",
    description =
        "The tamper-evident audit trail: who read or changed which personal data, logins, grants,"
            + " deployments and engine administration (data protection officer, auditor)")
@Validated
@RestController
@RequestMapping("/api/audit")
class AuditController {

  private final AuditLog audit;
  private final ZoneId zone;

  AuditController(AuditLog audit, SlaProperties sla) {
    this.audit = audit;
    this.zone = sla.calendar().zone();
  }

  @Operation(
      summary = "The audit rows, newest first, filtered",
      description =
          "subject: a fiscal code (or contact:<id>); user: who acted; action: READ, CHANGE, LOGIN,"
              + " ...; from/to: days of the service calendar, both included.")
  @GetMapping
  PageResponse<AuditRow> search(
      @RequestParam(required = false) @Size(max = 100) String subject,
      @RequestParam(required = false) @Size(max = 100) String user,
      @RequestParam(required = false) @Size(max = 40) String action,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @RequestParam(defaultValue = "0") @Min(0) int page,
      @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
    return PageResponse.of(
        audit.search(query(subject, user, action, from, to), page, size), row -> row);
  }

  @Operation(summary = "The audit rows as CSV (same filters), oldest first")
  @ApiResponse(
      responseCode = "200",
      content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
  @GetMapping("/export.csv")
  void csv(
      @RequestParam(required = false) @Size(max = 100) String subject,
      @RequestParam(required = false) @Size(max = 100) String user,
      @RequestParam(required = false) @Size(max = 40) String action,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      HttpServletResponse response)
      throws IOException {
    AuditQuery query = query(subject, user, action, from, to);
    CsvDownload csv =
        CsvDownload.start(
            response,
            "registro-accessi.csv",
            ';',
            List.of(
                "seq",
                "at",
                "actor",
                "actor_roles",
                "action",
                "resource_type",
                "resource_id",
                "subject",
                "outcome",
                "reason",
                "client_address",
                "prev_hash",
                "hash"));
    audit.forEach(query, row -> csv.row(values(row)));
    csv.finish();
  }

  @Operation(
      summary = "Verify the chain",
      description =
          "Recomputes every row's hash in order: {\"intact\": true, \"rows\": N}, or intact false with"
              + " the first bad row (firstBadSeq) and what is wrong with it.")
  @GetMapping("/verify")
  Verification verify() {
    return audit.verify();
  }

  private AuditQuery query(
      String subject, String user, String action, LocalDate from, LocalDate to) {
    DayRange days = DayRange.of(from, to, zone);
    return new AuditQuery(
        blankToNull(subject), blankToNull(user), blankToNull(action), days.start(), days.end());
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }

  private List<Object> values(AuditRow row) {
    return Arrays.asList(
        row.seq(),
        row.at().atZoneSameInstant(zone).toOffsetDateTime(),
        row.actor(),
        row.actorRoles(),
        row.action(),
        row.resourceType(),
        row.resourceId(),
        row.subject(),
        row.outcome(),
        row.reason(),
        row.clientAddress(),
        row.prevHash(),
        row.hash());
  }
}
