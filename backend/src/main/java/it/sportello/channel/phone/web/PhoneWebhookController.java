package it.sportello.channel.phone.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import it.sportello.channel.phone.PhoneEvents;
import it.sportello.channel.phone.PhoneEvents.Acceptance;
import it.sportello.channel.phone.PhoneProperties;
import it.sportello.channel.phone.TelephonyEvent;
import it.sportello.shared.FieldViolation;
import it.sportello.shared.InvalidRequestException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The generic CTI webhook: any PBX or cloud contact centre posts its call events here, signed with
 * the shared secret. Not a user login: Spring Security lets the request through and the signature
 * is checked here, before the body is even parsed.
 */
@Tag(name = "Phone", description = "Telephony: CTI events, screen pop, calls, call-backs")
@RestController
class PhoneWebhookController {

  private static final Logger log = LoggerFactory.getLogger(PhoneWebhookController.class);

  private final PhoneEvents events;
  private final WebhookSignature signature;
  private final ObjectMapper json;
  private final Validator validator;
  private final Clock clock;

  PhoneWebhookController(
      PhoneEvents events,
      PhoneProperties properties,
      ObjectMapper json,
      Validator validator,
      Clock clock) {
    this.events = events;
    this.signature =
        new WebhookSignature(properties.webhook().secret(), properties.webhook().tolerance());
    this.json = json;
    this.validator = validator;
    this.clock = clock;
  }

  /** What the webhook answers to an accepted event. */
  record Accepted(String eventId, Acceptance status) {}

  @Operation(
      summary = "Receive an event of the telephony platform (CTI webhook)",
      description =
          "Authenticated by signature, not by a user: X-Sportello-Signature is `sha256=` followed by"
              + " the hex HMAC-SHA256, keyed with the shared secret (sportello.phone.webhook.secret),"
              + " of `<X-Sportello-Timestamp>.<raw body>`; the timestamp is Unix seconds and must be"
              + " within 5 minutes of the server's clock. An event id already received with the same"
              + " body is acknowledged (DUPLICATE) without effect; with a different body, refused"
              + " (401). Answered call: an interaction on the caller's history and a screen pop to the"
              + " agent; voicemail: a VOICEMAIL ticket with the audio attached.",
      requestBody =
          @io.swagger.v3.oas.annotations.parameters.RequestBody(
              required = true,
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_JSON_VALUE,
                      schema = @Schema(implementation = TelephonyEvent.class))),
      responses = {
        @ApiResponse(responseCode = "202", description = "Processed, or a duplicate ignored"),
        @ApiResponse(
            responseCode = "400",
            description = "Invalid event",
            content = @Content(mediaType = "application/problem+json")),
        @ApiResponse(
            responseCode = "401",
            description = "Missing, forged or expired signature, or a replay with another body",
            content = @Content(mediaType = "application/problem+json"))
      })
  @SecurityRequirements
  @PostMapping(path = "/api/phone/events", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Accepted> receive(
      @RequestBody byte[] body,
      @Parameter(description = "Unix seconds when the request was signed")
          @RequestHeader(name = WebhookSignature.TIMESTAMP_HEADER, required = false)
          String timestamp,
      @Parameter(description = "sha256=<hex HMAC-SHA256 of timestamp.body>")
          @RequestHeader(name = WebhookSignature.SIGNATURE_HEADER, required = false)
          String signed) {
    signature.verify(timestamp, signed, body, clock.instant());
    TelephonyEvent event = parse(body);
    Acceptance acceptance = events.accept(event, sha256(body), "webhook");
    if (acceptance == Acceptance.CONFLICT) {
      throw new WebhookSignature.Refused(
          "Event " + event.eventId() + " was already received with a different content.");
    }
    return ResponseEntity.status(HttpStatus.ACCEPTED)
        .body(new Accepted(event.eventId(), acceptance));
  }

  private TelephonyEvent parse(byte[] body) {
    TelephonyEvent event;
    try {
      event = json.readValue(body, TelephonyEvent.class);
    } catch (com.fasterxml.jackson.databind.JsonMappingException e) {
      String field =
          e.getPath().stream()
              .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
              .reduce((a, b) -> a + "." + b)
              .orElse("body");
      throw new InvalidRequestException(field, "is not valid");
    } catch (IOException e) {
      throw new InvalidRequestException("body", "is not valid JSON");
    }
    if (event == null) {
      throw new InvalidRequestException("body", "must not be empty");
    }
    Set<ConstraintViolation<TelephonyEvent>> violations = validator.validate(event);
    if (!violations.isEmpty()) {
      throw new InvalidRequestException(
          violations.stream()
              .map(v -> new FieldViolation(v.getPropertyPath().toString(), v.getMessage()))
              .sorted(Comparator.comparing(FieldViolation::field))
              .toList());
    }
    return event;
  }

  @ExceptionHandler(WebhookSignature.Refused.class)
  ResponseEntity<ProblemDetail> refused(WebhookSignature.Refused refused) {
    log.warn("CTI webhook request refused: {}", refused.getMessage());
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, refused.getMessage());
    problem.setTitle("Unauthorized");
    return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
        .header(HttpHeaders.WWW_AUTHENTICATE, "HMAC-SHA256 realm=\"sportello-cti\"")
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }

  private static String sha256(byte[] body) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
