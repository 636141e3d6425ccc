package it.sportello.complaint.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import it.sportello.approval.ApprovalRecord;
import it.sportello.approval.Approvals;
import it.sportello.approval.CaseFileContents;
import it.sportello.casefile.CaseDocument;
import it.sportello.casefile.CaseReader;
import it.sportello.casefile.SubjectKind;
import it.sportello.casefile.TimelineEntry;
import it.sportello.casefile.web.CaseFileDownloads;
import it.sportello.casefile.web.CaseFileEndpoints;
import it.sportello.casefile.web.CaseReaders;
import it.sportello.complaint.Complaint;
import it.sportello.complaint.Complaint.Status;
import it.sportello.complaint.Complaints;
import it.sportello.complaint.ReportBreachCommand;
import it.sportello.shared.web.CsvDownload;
import it.sportello.shared.web.DayRange;
import it.sportello.shared.web.Downloads;
import it.sportello.sla.SlaService;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(
    name = "Complaints",
    description =
        "Reports of alleged breaches by suppliers and the register of proceedings, with documents,"
            + " approvals and timeline")
@RestController
@RequestMapping("/api/complaints")
class ComplaintController extends CaseFileEndpoints {

  private static final int LIMIT = 500;

  private final Complaints complaints;
  private final Approvals approvals;
  private final SlaService sla;

  ComplaintController(
      Complaints complaints,
      CaseFileDownloads downloads,
      Approvals approvals,
      SlaService sla,
      CaseReaders readers) {
    super(SubjectKind.COMPLAINT, readers, downloads, complaints::get, complaints::addDocument);
    this.complaints = complaints;
    this.approvals = approvals;
    this.sla = sla;
  }

  record ComplaintDetail(
      Complaint complaint,
      List<CaseDocument> documents,
      List<ApprovalRecord> approvals,
      List<TimelineEntry> timeline) {}

  record SupplierReply(String text) {}

  record SupplierReplyResult(boolean delivered) {}

  @Operation(
      summary = "Report an alleged breach by a supplier",
      description =
          "From staff, a ticket (ticketNumber) or an external system; the preliminary check is"
              + " offered to the heads of office. supplier.email is the supplier's PEC address.")
  @PostMapping
  ResponseEntity<ComplaintDetail> report(
      @RequestBody ReportBreachCommand command, Authentication authentication) {
    Complaint complaint = complaints.report(command, authentication.getName());
    return ResponseEntity.created(URI.create("/api/complaints/" + complaint.caseNumber()))
        .body(detail(complaint));
  }

  @Operation(
      summary = "The register of proceedings, newest first (at most 500)",
      description =
          "The secretariat, the manager and the supervisors read every complaint; an office (and"
              + " its head) those from tickets assigned to it and those it acted on; other roles"
              + " none (403).")
  @GetMapping
  List<Complaint> search(Authentication authentication, @ParameterObject RegisterQuery query) {
    return complaints.search(filter(query), readers.of(authentication), LIMIT);
  }

  @Operation(summary = "The register of proceedings as CSV (same filters)")
  @ApiResponse(
      responseCode = "200",
      content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
  @GetMapping("/export.csv")
  void csv(
      Authentication authentication,
      @ParameterObject RegisterQuery query,
      HttpServletResponse response)
      throws IOException {
    CaseReader reader = readers.of(authentication);
    CsvDownload csv =
        CsvDownload.start(response, "registro-procedimenti.csv", ';', RegisterWorkbook.HEADERS);
    for (Complaint complaint : complaints.search(filter(query), reader, 100_000)) {
      csv.row(RegisterWorkbook.values(complaint));
    }
    csv.finish();
  }

  @Operation(summary = "The register of proceedings as an Excel workbook (same filters)")
  @ApiResponse(
      responseCode = "200",
      content =
          @Content(
              mediaType = RegisterWorkbook.MEDIA_TYPE,
              schema = @Schema(type = "string", format = "binary")))
  @GetMapping("/export.xlsx")
  void xlsx(
      Authentication authentication,
      @ParameterObject RegisterQuery query,
      HttpServletResponse response)
      throws IOException {
    List<Complaint> rows = complaints.search(filter(query), readers.of(authentication), 100_000);
    Downloads.attachment(response, "registro-procedimenti.xlsx", RegisterWorkbook.MEDIA_TYPE);
    RegisterWorkbook.write(rows, response.getOutputStream());
  }

  @Operation(summary = "A complaint with its documents, approvals and timeline")
  @GetMapping("/{number}")
  ComplaintDetail get(@PathVariable String number, Authentication authentication) {
    return detail(readers.read(authentication, number, reader -> complaints.get(number, reader)));
  }

  @Operation(
      summary = "The supplier's counter-arguments",
      description =
          "Recorded on the case; delivered to the proceeding (message complaint.supplierReplied)"
              + " when it waits for them. A reply after the deadline is recorded as late.")
  @PostMapping("/{number}/supplier-reply")
  SupplierReplyResult supplierReply(
      @PathVariable String number,
      @RequestBody SupplierReply reply,
      Authentication authentication) {
    return new SupplierReplyResult(
        complaints.supplierReplied(number, reply.text(), authentication.getName()));
  }

  private ComplaintDetail detail(Complaint complaint) {
    CaseFileContents file = approvals.caseFile(SubjectKind.COMPLAINT, complaint.caseNumber());
    return new ComplaintDetail(complaint, file.documents(), file.approvals(), file.timeline());
  }

  /** The register's filters, each optional: query parameters of the register and its exports. */
  record RegisterQuery(
      String supplier,
      Status status,
      @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {}

  private Complaints.Filter filter(RegisterQuery query) {
    DayRange days = DayRange.of(query.from(), query.to(), sla.calendar().zone());
    return new Complaints.Filter(query.supplier(), query.status(), days.start(), days.end());
  }
}
