package it.sportello.ticket.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import it.sportello.contact.RequesterData;
import it.sportello.shared.web.PageResponse;
import it.sportello.ticket.TicketReaders;
import it.sportello.ticket.application.OpenTicketCommand;
import it.sportello.ticket.application.TicketClassification;
import it.sportello.ticket.application.TicketConversation;
import it.sportello.ticket.application.TicketIntake;
import it.sportello.ticket.application.TicketIntake.Opened;
import it.sportello.ticket.application.TicketLifecycle;
import it.sportello.ticket.application.TicketQueries;
import it.sportello.ticket.application.TicketQueries.Reader;
import it.sportello.ticket.application.TicketQueries.TicketFilter;
import it.sportello.ticket.domain.Channel;
import it.sportello.ticket.domain.Ticket;
import it.sportello.ticket.domain.TicketStatus;
import it.sportello.ticket.domain.TicketType;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

@Tag(
    name = "Tickets",
    description = "Service requests: open, read, list, and messages from the requester")
@Validated
@RestController
@RequestMapping("/api/tickets")
class TicketController {

  private final TicketIntake intake;
  private final TicketQueries queries;
  private final TicketViews views;
  private final TicketLifecycle lifecycle;
  private final TicketConversation conversation;
  private final TicketClassification classification;

  TicketController(
      TicketIntake intake,
      TicketQueries queries,
      TicketViews views,
      TicketLifecycle lifecycle,
      TicketConversation conversation,
      TicketClassification classification) {
    this.conversation = conversation;
    this.classification = classification;
    this.lifecycle = lifecycle;
    this.views = views;
    this.intake = intake;
    this.queries = queries;
  }

  @Operation(
      summary = "Open a ticket",
      description =
          "Registers the requester (de-duplicated), classifies the ticket with the decision table, "
              + "computes its SLA targets on the service calendar and queues it at level 1. The same Idempotency-Key "
              + "returns the same ticket.")
  @PostMapping
  ResponseEntity<TicketResponse> open(
      @Valid @RequestBody OpenTicketRequest request,
      @Parameter(description = "Makes a retry return the first ticket instead of opening another")
          @RequestHeader(name = "Idempotency-Key", required = false)
          @Size(min = 1, max = 200)
          String idempotencyKey,
      Authentication authentication) {
    OpenTicketCommand command = toCommand(request);
    classification.check(command.topic(), command.reason());
    Opened opened = intake.open(command, idempotencyKey, authentication.getName());
    Ticket ticket = opened.ticket();
    URI location =
        ServletUriComponentsBuilder.fromCurrentRequestUri()
            .path("/{number}")
            .build(ticket.getNumber());
    return ResponseEntity.status(HttpStatus.CREATED)
        .location(location)
        .header("Idempotent-Replayed", String.valueOf(opened.replayed()))
        .body(response(ticket, false));
  }

  @Operation(
      summary = "A ticket with its path (levels, offices, rejections, SLA escalations)",
      description =
          "Within the reader's need to know (403 outside it); beyond it, a break-glass read states"
              + " its reason (this parameter or the X-Break-Glass-Reason header) and is flagged in"
              + " the audit trail.")
  @GetMapping("/{number}")
  TicketResponse get(
      @PathVariable String number,
      @Parameter(description = "The reason of a read outside the reader's need to know")
          @RequestParam(name = TicketReaders.BREAK_GLASS_PARAMETER, required = false)
          @Size(max = 500)
          String breakGlass,
      Authentication authentication) {
    return response(queries.get(number, reader(authentication)), true);
  }

  @Operation(
      summary = "Tickets, newest first, filtered",
      description =
          "Operators and supervisors see every ticket; an office the tickets assigned to it; an"
              + " external system the tickets it opened.")
  @GetMapping
  PageResponse<TicketResponse> list(
      Authentication authentication,
      @RequestParam(required = false) TicketStatus status,
      @RequestParam(required = false) String queue,
      @RequestParam(required = false) Channel channel,
      @RequestParam(required = false) TicketType type,
      @RequestParam(required = false) Long requesterId,
      @RequestParam(required = false) OffsetDateTime receivedFrom,
      @RequestParam(required = false) OffsetDateTime receivedTo,
      @RequestParam(defaultValue = "0") @Min(0) int page,
      @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
    TicketFilter filter =
        new TicketFilter(
            status,
            queue,
            channel,
            type,
            requesterId,
            receivedFrom == null ? null : receivedFrom.toInstant(),
            receivedTo == null ? null : receivedTo.toInstant());
    return PageResponse.of(
        queries.search(filter, reader(authentication), page, size),
        ticket -> response(ticket, false));
  }

  /**
   * @param documentIds files already attached to the ticket, shown with the reply (optional)
   */
  record ReplyRequest(@NotBlank @Size(max = 20000) String text, List<Long> documentIds) {}

  @Operation(
      summary = "Reply to the requester",
      description =
          "Recorded on the ticket's path and sent through the requester's channel: by mail from the"
              + " mailbox the ticket came in on (PEC for PEC tickets), with the ticket number in the"
              + " subject, so that their answer comes back to this ticket. 409 if the ticket is"
              + " closed or the requester has no address.")
  @PostMapping("/{number}/replies")
  ResponseEntity<Void> reply(
      @PathVariable String number,
      @Valid @RequestBody ReplyRequest request,
      Authentication authentication) {
    conversation.reply(
        number,
        request.text().strip(),
        request.documentIds(),
        authentication.getName(),
        reader(authentication));
    return ResponseEntity.accepted().build();
  }

  record MessageRequest(@NotBlank @Size(max = 20000) String text, Channel channel) {}

  record MessageResponse(String ticketNumber, boolean resumedProcess) {}

  @Operation(
      summary = "A message from the requester",
      description =
          "Recorded in the ticket's history; if the ticket waits for the requester, it resumes."
              + " Only into a ticket the caller may read (an external system: the tickets it"
              + " opened); any other answers 404 as an unknown number does, and changes nothing.")
  @PostMapping("/{number}/messages")
  ResponseEntity<MessageResponse> message(
      @PathVariable String number,
      @Valid @RequestBody MessageRequest request,
      Authentication authentication) {
    boolean resumed =
        intake.receiveMessage(
            number,
            request.text(),
            request.channel() == null ? null : request.channel().name(),
            authentication.getName(),
            reader(authentication));
    return ResponseEntity.status(HttpStatus.ACCEPTED).body(new MessageResponse(number, resumed));
  }

  private TicketResponse response(Ticket ticket, boolean withHistory) {
    return views.response(ticket, withHistory);
  }

  private static OpenTicketCommand toCommand(OpenTicketRequest request) {
    OpenTicketRequest.Requester requester = request.requester();
    return new OpenTicketCommand(
        request.channel(),
        request.type(),
        request.subject(),
        request.description(),
        request.language(),
        new RequesterData(
            requester.name(),
            requester.fiscalCode(),
            requester.vatNumber(),
            requester.email(),
            requester.phone()),
        request.category() == null ? null : request.category().topic(),
        request.category() == null ? null : request.category().reason(),
        request.context() == null ? Map.of() : request.context(),
        request.receivedAt() == null ? null : request.receivedAt().toInstant(),
        request.firstContactAnswer() == null || request.firstContactAnswer().isBlank()
            ? null
            : request.firstContactAnswer().strip());
  }

  static Reader reader(Authentication authentication) {
    return TicketReaders.of(authentication);
  }
}
