package it.sportello.channel.phone.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import it.sportello.channel.phone.CallFigures;
import it.sportello.channel.phone.CallOutcome;
import it.sportello.channel.phone.PhoneCall;
import it.sportello.channel.phone.PhoneCalls;
import it.sportello.shared.InvalidRequestException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The operator's side of the phone: calls and their tickets (screen pops: {@link ScreenPopEvents}).
 */
@Tag(name = "Phone")
@RestController
@RequestMapping("/api/phone")
class PhoneController {

  private final PhoneCalls calls;
  private final CallFigures figures;

  PhoneController(PhoneCalls calls, CallFigures figures) {
    this.calls = calls;
    this.figures = figures;
  }

  @Operation(
      summary = "The phone figures of a month, in all and per queue (supervisors)",
      description =
          "Calls offered to the queues in the calendar month (service calendar's zone): answered,"
              + " abandoned in queue, lost; share of answered calls that waited under 30 s and at most"
              + " 90 s (SLA.C.2), share abandoned (SLA.C.3), average wait and talk time.")
  @GetMapping("/figures")
  CallFigures.Month figures(
      @Parameter(description = "yyyy-MM, e.g. 2026-11") @RequestParam("month") String month) {
    YearMonth parsed;
    try {
      parsed = YearMonth.parse(month);
    } catch (DateTimeParseException e) {
      throw new InvalidRequestException("month", "must be yyyy-MM");
    }
    return figures.of(parsed);
  }

  /** A call with its figures. */
  record CallResponse(
      String callId,
      String queue,
      String callerNumber,
      Long contactId,
      Instant offeredAt,
      Instant answeredAt,
      Instant endedAt,
      Integer waitSeconds,
      Integer talkSeconds,
      String agent,
      CallOutcome outcome,
      int transfers,
      String ticketNumber) {

    static CallResponse of(PhoneCall call) {
      return new CallResponse(
          call.getCallId(),
          call.getQueue(),
          call.getCallerNumber(),
          call.getContactId(),
          call.getOfferedAt(),
          call.getAnsweredAt(),
          call.getEndedAt(),
          call.getWaitSeconds(),
          call.getTalkSeconds(),
          call.getAgent(),
          call.getOutcome(),
          call.getTransfers(),
          call.getTicketNumber());
    }
  }

  @Operation(summary = "A call with its figures (queue, times, wait and talk time, outcome)")
  @GetMapping("/calls/{callId}")
  CallResponse call(@PathVariable String callId) {
    return CallResponse.of(calls.get(callId));
  }

  record LinkTicketRequest(@NotBlank @Size(max = 20) String ticketNumber) {}

  @Operation(
      summary = "Link the call to a ticket",
      description =
          "The ticket just opened from the intake form, or an open ticket of the caller: the call"
              + " goes on the ticket's path, and a transfer to level 2 then carries the ticket.")
  @PostMapping("/calls/{callId}/ticket")
  CallResponse linkTicket(
      @PathVariable String callId,
      @Valid @RequestBody LinkTicketRequest request,
      Authentication authentication) {
    return CallResponse.of(
        calls.linkTicket(callId, request.ticketNumber().strip(), authentication.getName()));
  }
}
