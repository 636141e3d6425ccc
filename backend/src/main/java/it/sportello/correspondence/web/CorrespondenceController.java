package it.sportello.correspondence.web;

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
import it.sportello.correspondence.Letter;
import it.sportello.correspondence.LetterTypes.Direction;
import it.sportello.correspondence.LetterTypes.Status;
import it.sportello.correspondence.Letters;
import it.sportello.correspondence.RegisterLetterCommand;
import it.sportello.shared.web.CsvDownload;
import it.sportello.shared.web.DayRange;
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
    name = "Correspondence",
    description =
        "The register of correspondence: letters with their protocol number, documents,"
            + " approvals and timeline")
@RestController
@RequestMapping("/api/correspondence")
class CorrespondenceController extends CaseFileEndpoints {

  private static final List<String> CSV_HEADER =
      List.of(
          "protocol_number",
          "direction",
          "status",
          "registered_at",
          "subject",
          "classification",
          "correspondent",
          "office",
          "send_by",
          "answer_due_at",
          "overdue",
          "sent_at",
          "archived_at");

  private static final int LIMIT = 500;

  private final Letters letters;
  private final Approvals approvals;
  private final SlaService sla;

  CorrespondenceController(
      Letters letters,
      CaseFileDownloads downloads,
      Approvals approvals,
      SlaService sla,
      CaseReaders readers) {
    super(SubjectKind.LETTER, readers, downloads, letters::get, letters::addDocument);
    this.letters = letters;
    this.approvals = approvals;
    this.sla = sla;
  }

  /**
   * A letter with its case file: documents by version, approvals (who, when, which hash), timeline.
   */
  record LetterDetail(
      Letter letter,
      List<CaseDocument> documents,
      List<ApprovalRecord> approvals,
      List<TimelineEntry> timeline) {}

  @Operation(
      summary = "Register a letter",
      description =
          "Gives it the next protocol number of the year (PROT-<year>-<6 digits>, gapless), assigns it"
              + " to the office and starts its procedure; the answer is due after the configured working days.")
  @PostMapping
  ResponseEntity<LetterDetail> register(
      @RequestBody RegisterLetterCommand command, Authentication authentication) {
    Letter letter = letters.register(command, authentication.getName());
    return ResponseEntity.created(URI.create("/api/correspondence/" + letter.protocolNumber()))
        .body(detail(letter));
  }

  @Operation(
      summary = "The register of correspondence, newest first (at most 500)",
      description =
          "The secretariat, the manager and the supervisors read every letter; an office (and its"
              + " head) the letters assigned to it and those it acted on; other roles none (403).")
  @GetMapping
  List<Letter> search(Authentication authentication, @ParameterObject RegisterQuery query) {
    return letters.search(filter(query), readers.of(authentication), LIMIT);
  }

  @Operation(summary = "The register of correspondence as CSV (same filters)")
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
    CsvDownload csv = CsvDownload.start(response, "registro-protocollo.csv", ';', CSV_HEADER);
    for (Letter l : letters.search(filter(query), reader, 100_000)) {
      csv.row(
          l.protocolNumber(),
          l.direction().name(),
          l.status().name(),
          l.registeredAt(),
          l.subject(),
          l.classification(),
          l.correspondentName(),
          l.office(),
          l.sendBy().name(),
          l.answerDueAt(),
          String.valueOf(l.overdue()),
          l.sentAt(),
          l.archivedAt());
    }
    csv.finish();
  }

  @Operation(summary = "A letter with its documents, approvals and timeline")
  @GetMapping("/{number}")
  LetterDetail get(@PathVariable String number, Authentication authentication) {
    return detail(readers.read(authentication, number, reader -> letters.get(number, reader)));
  }

  private LetterDetail detail(Letter letter) {
    CaseFileContents file = approvals.caseFile(SubjectKind.LETTER, letter.protocolNumber());
    return new LetterDetail(letter, file.documents(), file.approvals(), file.timeline());
  }

  /** The register's filters, each optional: query parameters of the register and its exports. */
  record RegisterQuery(
      Status status,
      Direction direction,
      String office,
      String q,
      @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {}

  private Letters.Filter filter(RegisterQuery query) {
    DayRange days = DayRange.of(query.from(), query.to(), sla.calendar().zone());
    return new Letters.Filter(
        query.status(), query.direction(), query.office(), query.q(), days.start(), days.end());
  }
}
