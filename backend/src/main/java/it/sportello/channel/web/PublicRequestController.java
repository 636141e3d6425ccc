package it.sportello.channel.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import it.sportello.channel.phone.CallbackSlots;
import it.sportello.contact.RequesterData;
import it.sportello.document.Documents;
import it.sportello.document.OwnerKind;
import it.sportello.document.StoredDocument;
import it.sportello.shared.ConflictException;
import it.sportello.shared.InvalidRequestException;
import it.sportello.shared.NotFoundException;
import it.sportello.shared.TextTemplates;
import it.sportello.shared.web.Uploads;
import it.sportello.sla.SlaService;
import it.sportello.ticket.domain.Ticket;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@Tag(
    name = "Self-service requests",
    description =
        "For citizens, without login: send a request from the web form, follow it with its private"
            + " tracking token, attach files, say that an article solved the problem. Limited per"
            + " address (429 beyond sportello.web.rate-limits).")
@RestController
@RequestMapping("/api/public/requests")
class PublicRequestController {

  private final WebRequests requests;
  private final FormChallenges challenges;
  private final Documents documents;
  private final SlaService sla;
  private final TextTemplates texts;
  private final CallbackSlots callbackSlots;

  PublicRequestController(
      WebRequests requests,
      FormChallenges challenges,
      Documents documents,
      SlaService sla,
      TextTemplates texts,
      CallbackSlots callbackSlots) {
    this.texts = texts;
    this.callbackSlots = callbackSlots;
    this.requests = requests;
    this.challenges = challenges;
    this.documents = documents;
    this.sla = sla;
  }

  record ChallengeResponse(String token, OffsetDateTime usableFrom, OffsetDateTime expiresAt) {}

  record ReceiptResponse(String number, String trackingToken) {}

  record Status(String code, String label) {}

  record TrackedRequest(
      String number,
      Status status,
      String subject,
      OffsetDateTime receivedAt,
      OffsetDateTime expectedAnswerBy,
      String answer,
      @Schema(description = "The service calendar's zone, to show the dates in") String zone) {}

  record AttachmentReceipt(String fileName, long size) {}

  record CallbackSlotList(
      @Schema(description = "The service calendar's zone, to show the slots in") String zone,
      @Schema(description = "The start of each half-hour slot") List<Instant> slots) {}

  record DeflectionRequest(@NotNull Long articleId, @Size(max = 300) String subject) {}

  @Operation(
      summary = "A challenge for the request form",
      description =
          "A signed token to send with the request as `challenge`: accepted once, from usableFrom"
              + " (a few seconds: people take longer to fill the form than scripts do) until"
              + " expiresAt.")
  @GetMapping("/challenge")
  ChallengeResponse publicRequestChallenge() {
    FormChallenges.Challenge challenge = challenges.issue();
    return new ChallengeResponse(
        challenge.token(), at(challenge.usableFrom()), at(challenge.expiresAt()));
  }

  @Operation(
      summary = "Send a request from the public web form",
      description =
          "Opens a ticket on channel WEB with its context (page, error code and service from the"
              + " referring page; browser and operating system from the User-Agent; language)."
              + " Answers the ticket number and the private tracking token, also sent by e-mail."
              + " Refused with 400 naming the field: bad input, no privacy consent, a missing,"
              + " early, expired or spent challenge, a filled honeypot (`website`); nothing is"
              + " stored then.")
  @PostMapping
  ResponseEntity<ReceiptResponse> submitPublicRequest(
      @Valid @RequestBody WebRequestForm form,
      @RequestHeader(name = HttpHeaders.USER_AGENT, required = false) String userAgent) {
    if (form.website() != null && !form.website().isBlank()) {
      throw new InvalidRequestException("website", "must be left empty");
    }
    if (form.answerChannel() == WebRequests.AnswerChannel.PHONE
        && (form.requester().phone() == null || form.requester().phone().isBlank())) {
      throw new InvalidRequestException("requester.phone", "is needed for a call-back");
    }
    if (form.callbackAt() != null && form.answerChannel() != WebRequests.AnswerChannel.PHONE) {
      throw new InvalidRequestException("callbackAt", "is only for an answer by phone");
    }
    callbackSlots.check(form.callbackAt(), "callbackAt");
    WebRequestForm.Context context =
        form.context() == null ? new WebRequestForm.Context(null, null, null) : form.context();
    WebRequests.Receipt receipt =
        requests.submit(
            new WebRequests.Submission(
                form.topic(),
                form.reason(),
                form.subject().strip(),
                form.description().strip(),
                form.language(),
                form.answerChannel(),
                new RequesterData(
                    form.requester().name(),
                    form.requester().fiscalCode(),
                    null,
                    form.requester().email(),
                    form.requester().phone()),
                context.page(),
                context.errorCode(),
                context.service(),
                userAgent,
                form.challenge(),
                form.callbackAt()));
    return ResponseEntity.status(HttpStatus.CREATED)
        .body(new ReceiptResponse(receipt.number(), receipt.trackingToken()));
  }

  @Operation(
      summary = "The call-back slots a citizen can choose",
      description =
          "For an answer by phone: half hours inside the service calendar's opening hours over the"
              + " next working days, from an hour from now (instants; show them in the calendar's"
              + " zone).")
  @GetMapping("/callback-slots")
  CallbackSlotList publicCallbackSlots() {
    return new CallbackSlotList(sla.calendar().zone().getId(), callbackSlots.available());
  }

  @Operation(
      summary = "Follow a request with its tracking token",
      description =
          "Status in plain language, the expected answer date and the answer once given. Any"
              + " other token answers 404, as an unknown one does.")
  @GetMapping("/{trackingToken}")
  TrackedRequest trackPublicRequest(@PathVariable String trackingToken) {
    Ticket ticket = tracked(trackingToken);
    String code = statusCode(ticket);
    return new TrackedRequest(
        ticket.getNumber(),
        new Status(code, StatusLabels.label(texts, code, ticket.getLanguage())),
        ticket.getSubject(),
        at(ticket.getReceivedAt()),
        ticket.isClosed() ? null : at(ticket.getResolutionDueAt()),
        ticket.getAnswer(),
        sla.calendar().zone().getId());
  }

  @Operation(
      summary = "Attach a file to a request, by its tracking token",
      description =
          "The same size limits and text extraction as the staff's attachments; only while the"
              + " request is open (else 409).")
  @PostMapping(path = "/{trackingToken}/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ResponseEntity<AttachmentReceipt> attachToPublicRequest(
      @PathVariable String trackingToken, @RequestParam("file") MultipartFile file)
      throws IOException {
    Ticket ticket = tracked(trackingToken);
    if (ticket.isClosed()) {
      throw new ConflictException(409, "The request is closed; send a new one instead.");
    }
    StoredDocument stored = Uploads.read(file, documents::store);
    documents.link(stored, OwnerKind.TICKET, ticket.getId());
    return ResponseEntity.status(HttpStatus.CREATED)
        .body(new AttachmentReceipt(stored.fileName(), stored.size()));
  }

  @Operation(
      summary = "A public article solved the problem: no request is sent",
      description = "Counted as a contact deflected in the KB usage report; anonymous.")
  @PostMapping("/deflections")
  ResponseEntity<Void> recordDeflection(@Valid @RequestBody DeflectionRequest request) {
    requests.deflected(request.articleId(), request.subject());
    return ResponseEntity.noContent().build();
  }

  private Ticket tracked(String token) {
    return requests
        .byToken(token)
        .orElseThrow(() -> new NotFoundException("No request with this tracking code"));
  }

  static String statusCode(Ticket ticket) {
    return switch (ticket.getStatus()) {
      case NEW, OPEN -> "RECEIVED";
      case IN_PROGRESS, WAITING_FOR_OFFICE -> "IN_PROGRESS";
      case WAITING_FOR_REQUESTER -> "WAITING_FOR_YOU";
      case CLOSED -> ticket.getAnswer() == null ? "CLOSED" : "ANSWERED";
    };
  }

  private OffsetDateTime at(Instant instant) {
    ZoneId zone = sla.calendar().zone();
    return instant == null ? null : instant.atZone(zone).toOffsetDateTime();
  }
}
