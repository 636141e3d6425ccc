package it.sportello.channel.phone.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import it.sportello.channel.phone.CallbackSlots;
import it.sportello.channel.phone.Callbacks;
import it.sportello.channel.phone.Callbacks.Callback;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Call-backs started from a ticket, with their attempts and outcomes. */
@Tag(name = "Phone")
@RestController
@RequestMapping("/api/phone/callbacks")
class CallbackController {

  private final Callbacks callbacks;
  private final CallbackSlots slots;

  CallbackController(Callbacks callbacks, CallbackSlots slots) {
    this.callbacks = callbacks;
    this.slots = slots;
  }

  /**
   * @param phoneNumber the number to call; the requester's number on record when left out
   */
  record StartCallbackRequest(
      @NotBlank @Size(max = 20) String ticketNumber,
      @Size(max = 30) String phoneNumber,
      @Schema(
              description =
                  "The agreed time of the call (appointment): one of GET /api/phone/callbacks/slots;"
                      + " left out: at once",
              nullable = true)
          Instant appointmentAt) {}

  @Operation(
      summary = "Call the requester of a ticket back",
      description =
          "Starts the callback process: the telephony platform places the call (with none"
              + " connected the operator dials), the operator records each attempt's outcome in the"
              + " task 'Record call-back outcome' of their inbox; not reached, it is retried after"
              + " sportello.phone.callback.retry-delay, at most max-attempts times.")
  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  Callback start(@Valid @RequestBody StartCallbackRequest request, Authentication authentication) {
    return callbacks.start(
        request.ticketNumber().strip(),
        request.phoneNumber(),
        authentication.getName(),
        request.appointmentAt());
  }

  @Operation(
      summary = "The slots a call-back can be agreed for",
      description =
          "Half hours inside the service calendar's opening hours over the next working days, from"
              + " an hour from now.")
  @GetMapping("/slots")
  StaffCallbackSlots slots() {
    return new StaffCallbackSlots(slots.zone(), slots.available());
  }

  record StaffCallbackSlots(
      @Schema(description = "The service calendar's zone, to show the slots in") String zone,
      @Schema(description = "The start of each half-hour slot") List<Instant> slots) {}

  @Operation(summary = "The call-backs of a ticket, newest first, with their attempts")
  @GetMapping
  List<Callback> ofTicket(@RequestParam("ticket") String ticketNumber) {
    return callbacks.ofTicket(ticketNumber);
  }

  @Operation(summary = "A call-back with its attempts")
  @GetMapping("/{id}")
  Callback get(@PathVariable long id) {
    return callbacks.get(id);
  }
}
