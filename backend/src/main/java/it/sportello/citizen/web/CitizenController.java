package it.sportello.citizen.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import it.sportello.citizen.AssuranceLevel;
import it.sportello.citizen.Citizen;
import it.sportello.citizen.CitizenOidcProperties;
import it.sportello.citizen.CitizenRequests;
import it.sportello.citizen.CitizenUser;
import it.sportello.citizen.IdentityScheme;
import it.sportello.document.StoredDocument;
import it.sportello.shared.ConflictException;
import it.sportello.shared.web.Downloads;
import it.sportello.shared.web.PageResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.io.InputStream;
import java.time.ZoneId;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.InputStreamResource;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The citizen's personal area, for a citizen logged in with SPID or CIE (the citizens' own security
 * chain: staff cannot call it, citizens cannot call anything else).
 */
@Tag(name = "Citizen area", description = "A citizen's own requests and contacts (SPID/CIE login)")
@RestController
@RequestMapping("/api/citizen")
@Validated
class CitizenController {

  private final CitizenRequests requests;
  private final CitizenOidcProperties properties;
  private final ZoneId zone;

  CitizenController(
      CitizenRequests requests,
      CitizenOidcProperties properties,
      @Value("${sportello.sla.calendar.zone}") ZoneId zone) {
    this.requests = requests;
    this.properties = properties;
    this.zone = zone;
  }

  record CitizenProfile(
      String fiscalCode,
      String givenName,
      String familyName,
      String email,
      IdentityScheme scheme,
      AssuranceLevel level) {}

  /**
   * @param citizen null for a visitor
   * @param loginUrl where the browser starts the login; null when no provider is configured
   * @param zone the service calendar's zone, in which dates are shown
   */
  record CitizenSession(CitizenProfile citizen, String loginUrl, String logoutUrl, String zone) {}

  record CitizenReplyResult(boolean resumed) {}

  @Operation(
      summary = "Who is logged in (citizen or nobody) and where to log in",
      description = "Answers visitors too; the logout is a form POST (with the CSRF token).")
  @GetMapping("/session")
  CitizenSession session(@AuthenticationPrincipal CitizenUser user) {
    String login =
        properties.configured()
            ? "/citizen/oauth2/authorization/" + properties.registrationId()
            : null;
    if (user == null) {
      return new CitizenSession(null, login, "/citizen/logout", zone.getId());
    }
    Citizen c = user.citizen();
    return new CitizenSession(
        new CitizenProfile(
            c.fiscalCode(), c.givenName(), c.familyName(), c.email(), c.scheme(), c.level()),
        login,
        "/citizen/logout",
        zone.getId());
  }

  @Operation(summary = "The citizen's requests on every channel, newest first")
  @GetMapping("/requests")
  PageResponse<CitizenRequests.CitizenRequestSummary> list(
      @AuthenticationPrincipal CitizenUser user,
      @RequestParam(defaultValue = "0") @Min(0) int page,
      @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
    Citizen citizen = atLeast(user, properties.minimumLevel().read());
    return PageResponse.of(requests.requests(citizen, PageRequest.of(page, size)), s -> s);
  }

  @Operation(
      summary = "One of the citizen's requests: status, steps, question, answer, documents",
      description = "A request of anyone else answers 404, as a number that does not exist.")
  @GetMapping("/requests/{number}")
  CitizenRequests.CitizenRequestDetail request(
      @AuthenticationPrincipal CitizenUser user, @PathVariable String number) {
    return requests.request(atLeast(user, properties.minimumLevel().read()), number);
  }

  @Operation(summary = "A document of the citizen's request (sent by them or to them)")
  @GetMapping("/requests/{number}/documents/{id}")
  ResponseEntity<InputStreamResource> document(
      @AuthenticationPrincipal CitizenUser user,
      @PathVariable String number,
      @PathVariable long id) {
    StoredDocument document =
        requests.document(atLeast(user, properties.minimumLevel().read()), number, id);
    InputStream content = requests.content(id);
    return Downloads.attachment(
        document.fileName(), document.mediaType(), document.size(), content);
  }

  @Operation(
      summary = "Reply to a request waiting for the citizen, with files",
      description =
          "Resumes the data-integration procedure as a reply by mail does; 409 when the request"
              + " is not waiting for the citizen.")
  @PostMapping(value = "/requests/{number}/replies", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ResponseEntity<CitizenReplyResult> reply(
      @AuthenticationPrincipal CitizenUser user,
      @PathVariable String number,
      @RequestParam("text") String text,
      @RequestParam(value = "files", required = false) List<MultipartFile> files) {
    Citizen citizen = atLeast(user, properties.minimumLevel().reply());
    List<CitizenRequests.Upload> uploads =
        files == null
            ? List.of()
            : files.stream()
                .filter(file -> !file.isEmpty())
                .map(CitizenController::upload)
                .toList();
    boolean resumed = requests.reply(citizen, number, text, uploads);
    return ResponseEntity.status(HttpStatus.CREATED).body(new CitizenReplyResult(resumed));
  }

  @Operation(summary = "The citizen's contacts with the administration (calls, mails, web)")
  @GetMapping("/contacts")
  PageResponse<CitizenRequests.CitizenContactEntry> contacts(
      @AuthenticationPrincipal CitizenUser user,
      @RequestParam(defaultValue = "0") @Min(0) int page,
      @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
    Citizen citizen = atLeast(user, properties.minimumLevel().read());
    return PageResponse.of(requests.contacts(citizen, PageRequest.of(page, size)), e -> e);
  }

  private static CitizenRequests.Upload upload(MultipartFile file) {
    return new CitizenRequests.Upload() {
      @Override
      public String fileName() {
        return file.getOriginalFilename();
      }

      @Override
      public InputStream open() throws java.io.IOException {
        return file.getInputStream();
      }
    };
  }

  /** The action needs at least this level of assurance: a lower login is refused with 403. */
  static Citizen atLeast(CitizenUser user, AssuranceLevel minimum) {
    Citizen citizen = user.citizen();
    if (!citizen.level().atLeast(minimum)) {
      throw new ConflictException(
          403,
          "This needs a login with SPID level "
              + minimum.name().substring(1)
              + " or higher, or CIE; you logged in at level "
              + citizen.level().name().substring(1)
              + ".");
    }
    return citizen;
  }
}
