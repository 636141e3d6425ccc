package it.sportello.channel.mail.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import it.sportello.channel.mail.InboundMail;
import it.sportello.channel.mail.InboundStatus;
import it.sportello.channel.mail.MailQuarantine;
import it.sportello.channel.mail.MailQuarantine.QuarantinedMessage;
import it.sportello.shared.web.Downloads;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(
    name = "Mail",
    description = "The e-mail and PEC channel: messages that could not be read, duplicates")
@Validated
@RestController
@RequestMapping("/api/mail/quarantine")
class MailQuarantineController {

  private final MailQuarantine quarantine;
  private final InboundMail inbound;

  MailQuarantineController(MailQuarantine quarantine, InboundMail inbound) {
    this.quarantine = quarantine;
    this.inbound = inbound;
  }

  @Operation(
      summary = "Messages that could not be read, newest first, with the reason",
      description =
          "By default the quarantined messages. With status=DUPLICATE the deliveries of a"
              + " Message-ID seen before (duplicateOf: the first; a different content was also"
              + " taken in as a message of its own); with status=RECEIVING the messages whose"
              + " taking in was interrupted and will be tried again. Several statuses may be"
              + " given.")
  @GetMapping
  List<QuarantinedMessage> list(
      @RequestParam(defaultValue = "100") @Min(1) @Max(500) int limit,
      @Parameter(description = "QUARANTINED (default), DUPLICATE, RECEIVING")
          @RequestParam(name = "status", required = false)
          List<InboundStatus> statuses) {
    List<InboundStatus> wanted =
        statuses == null || statuses.isEmpty() ? List.of(InboundStatus.QUARANTINED) : statuses;
    return quarantine.list(wanted, limit);
  }

  @Operation(summary = "The message as it arrived (RFC 5322), to look at it in a mail client")
  @GetMapping(value = "/{id}/raw", produces = "message/rfc822")
  ResponseEntity<byte[]> raw(@PathVariable long id) {
    return ResponseEntity.ok()
        .headers(Downloads.headers("message-" + id + ".eml"))
        .contentType(MediaType.parseMediaType("message/rfc822"))
        .body(quarantine.raw(id));
  }

  @Operation(
      summary = "Take the message in again",
      description =
          "Reads the kept bytes again: the message opens or joins its ticket, is ignored, or stays"
              + " in quarantine with the new reason. 409 when it is not in quarantine.")
  @PostMapping("/{id}/retry")
  RetryResponse retry(@PathVariable long id) {
    InboundMail.Result result = inbound.retry(id);
    return new RetryResponse(
        result.recordId(), result.status(), result.ticketNumber(), result.reason());
  }

  record RetryResponse(long id, InboundStatus status, String ticketNumber, String reason) {}
}
