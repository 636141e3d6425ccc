package it.sportello.survey.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import it.sportello.shared.web.Downloads;
import it.sportello.survey.CampaignReports;
import it.sportello.survey.CampaignTargets;
import it.sportello.survey.Campaigns;
import it.sportello.survey.excel.Spreadsheets;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Outbound campaigns: created and run by supervisors and managers (start, pause, resume, stop); the
 * target list from a CSV or Excel file; progress, results per question and the workbook.
 */
@Tag(name = "Campaigns", description = "Outbound campaigns (CATI, CAWI, WEB) and their reports")
@RestController
@RequestMapping("/api/surveys/campaigns")
class CampaignController {

  private final Campaigns campaigns;
  private final CampaignReports reports;

  CampaignController(Campaigns campaigns, CampaignReports reports) {
    this.campaigns = campaigns;
    this.reports = reports;
  }

  @Operation(summary = "The campaigns, newest first (at most 500)")
  @GetMapping
  List<Campaigns.Campaign> list() {
    return campaigns.ids().stream().map(campaigns::get).toList();
  }

  @Operation(summary = "A campaign")
  @GetMapping("/{id}")
  Campaigns.Campaign get(@PathVariable long id) {
    return campaigns.get(id);
  }

  @Operation(
      summary = "Creates a campaign (DRAFT)",
      description =
          "channel CATI (call tasks, maxAttempts calls at most), CAWI (personal e-mail links,"
              + " ratePerMinute per mailbox, a reminder after reminderAfterDays) or WEB; the legal"
              + " basis is recorded.")
  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  Campaigns.Campaign create(@RequestBody Campaigns.NewCampaign campaign, Principal principal) {
    return campaigns.create(campaign, principal.getName());
  }

  /** How many recipients a file added. */
  record ImportedRecipients(int added) {}

  @Operation(
      summary = "Adds the recipients of a CSV or Excel file (columns email, phone, name, language)",
      description =
          "All or nothing: a bad row refuses the file with 400 naming rows[n].field (n: the row"
              + " in the file, the header is row 1).")
  @PostMapping(path = "/{id}/recipients", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ImportedRecipients importRecipients(
      @PathVariable long id, @RequestParam("file") MultipartFile file) throws IOException {
    Campaigns.Campaign campaign = campaigns.get(id);
    List<CampaignTargets.Target> targets =
        CampaignTargets.read(file.getOriginalFilename(), file.getInputStream(), campaign.channel());
    return new ImportedRecipients(campaigns.addRecipients(id, targets));
  }

  @Operation(
      summary = "Adds the contact registry's contacts chosen by their last contact",
      description =
          "channel, period (from, to: calendar days), topic of its ticket, language; contacts"
              + " already on the list, anonymised ones and those without an address (CAWI) or"
              + " number (CATI) are skipped. Opt-outs are set aside when the campaign starts.")
  @PostMapping("/{id}/recipients/from-registry")
  ImportedRecipients fromRegistry(@PathVariable long id, @RequestBody Campaigns.Audience audience) {
    return new ImportedRecipients(campaigns.addFromRegistry(id, audience));
  }

  /** How many single-use tokens to issue: anonymous ones, and one per recipient if asked. */
  record TokenRequest(Integer count, boolean forRecipients) {}

  @Operation(
      summary = "Issues single-use tokens for a WEB campaign with tokens",
      description =
          "count anonymous tokens (at most 10000 per request) to hand out, and with forRecipients"
              + " one for each recipient of the target list who has none and has not opted out."
              + " Each token answers once. 400 naming webAccess for a campaign without tokens.")
  @PostMapping("/{id}/web-tokens")
  Campaigns.IssuedTokens issueTokens(@PathVariable long id, @RequestBody TokenRequest request) {
    return campaigns.issueWebTokens(
        id, request == null ? null : request.count(), request != null && request.forRecipients());
  }

  @Operation(
      summary = "The campaign's single-use tokens as CSV, to distribute",
      description =
          "Columns token, link, name, email, phone, language, answeredAt (in the service"
              + " calendar's zone); UTF-8.")
  @GetMapping("/{id}/web-tokens.csv")
  void tokensCsv(@PathVariable long id, HttpServletResponse response) throws IOException {
    List<Campaigns.WebToken> tokens = campaigns.webTokens(id);
    Downloads.attachment(response, "campaign-" + id + "-tokens.csv", "text/csv;charset=UTF-8");
    var out =
        new java.io.OutputStreamWriter(
            response.getOutputStream(), java.nio.charset.StandardCharsets.UTF_8);
    try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT)) {
      csv.printRecord((Object[]) TOKEN_COLUMNS);
      for (Campaigns.WebToken token : tokens) {
        csv.printRecord(tokenRow(token));
      }
    }
  }

  @Operation(summary = "The campaign's single-use tokens as an Excel workbook, to distribute")
  @GetMapping("/{id}/web-tokens.xlsx")
  void tokensWorkbook(@PathVariable long id, HttpServletResponse response) throws IOException {
    List<Campaigns.WebToken> tokens = campaigns.webTokens(id);
    Downloads.attachment(
        response,
        "campaign-" + id + "-tokens.xlsx",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    try (Spreadsheets.Writer workbook = new Spreadsheets.Writer()) {
      workbook.sheet("tokens").row((Object[]) TOKEN_COLUMNS);
      for (Campaigns.WebToken token : tokens) {
        workbook.row(tokenRow(token));
      }
      workbook.write(response.getOutputStream());
    }
  }

  private static final String[] TOKEN_COLUMNS = {
    "token", "link", "name", "email", "phone", "language", "answeredAt"
  };

  private static Object[] tokenRow(Campaigns.WebToken token) {
    return new Object[] {
      token.token(),
      token.link(),
      token.name(),
      token.email(),
      token.phone(),
      token.language(),
      token.answeredAt() == null
          ? null
          : token.answeredAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString()
    };
  }

  @Operation(summary = "Starts the campaign")
  @PostMapping("/{id}/start")
  Campaigns.Campaign start(@PathVariable long id) {
    return campaigns.start(id);
  }

  @Operation(summary = "Pauses the campaign: nothing more is sent until it resumes")
  @PostMapping("/{id}/pause")
  Campaigns.Campaign pause(@PathVariable long id) {
    return campaigns.pause(id);
  }

  @Operation(summary = "Resumes a paused campaign")
  @PostMapping("/{id}/resume")
  Campaigns.Campaign resume(@PathVariable long id) {
    return campaigns.resume(id);
  }

  @Operation(summary = "Stops the campaign for good")
  @PostMapping("/{id}/stop")
  Campaigns.Campaign stop(@PathVariable long id) {
    return campaigns.stop(id);
  }

  @Operation(
      summary = "CampaignProgress: recipients per outcome, answer rate, contacted/answered per day")
  @GetMapping("/{id}/progress")
  CampaignReports.CampaignProgress progress(@PathVariable long id) {
    return reports.progress(id);
  }

  @Operation(summary = "Results per question (each option's count)")
  @GetMapping("/{id}/results")
  List<CampaignReports.QuestionResult> results(@PathVariable long id) {
    return reports.results(id);
  }

  @Operation(summary = "The workbook: figures per day, outcomes, results, every answer")
  @GetMapping("/{id}/campaign.xlsx")
  void workbook(@PathVariable long id, HttpServletResponse response) throws IOException {
    campaigns.get(id);
    Downloads.attachment(
        response,
        "campaign-" + id + ".xlsx",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    reports.workbook(id, response.getOutputStream());
  }
}
