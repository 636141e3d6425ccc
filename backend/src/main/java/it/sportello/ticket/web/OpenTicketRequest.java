package it.sportello.ticket.web;

import io.swagger.v3.oas.annotations.media.Schema;
import it.sportello.ticket.domain.Channel;
import it.sportello.ticket.domain.TicketType;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.Map;

/** A new service request from any channel or client system. */
record OpenTicketRequest(
    @NotNull Channel channel,
    @NotBlank @Size(max = 300) String subject,
    @NotBlank @Size(max = 20000) String description,
    @NotNull @Pattern(regexp = "it|en|de|fr", message = "must be one of it, en, de, fr")
        String language,
    @NotNull @Valid Requester requester,
    @Schema(description = "Q, PQ, A, I, PA, PI or B; Q when missing") TicketType type,
    @Valid Category category,
    @Schema(
            description =
                "Free key/values from the channel, e.g. page, browser, operating system, error code")
        @Size(max = 50)
        Map<@Size(max = 100) String, @Size(max = 2000) String> context,
    @Schema(
            description =
                "When the contact arrived, if earlier than now (e.g. a voicemail); never in the"
                    + " future, at most sportello.intake.max-reported-age (default 365 days) ago")
        OffsetDateTime receivedAt,
    @Schema(
            description =
                "The answer given at once (one-call solution): the ticket is opened and closed"
                    + " solved at level 1 by the caller")
        @Size(max = 20000)
        String firstContactAnswer) {

  record Requester(
      @Pattern(
              regexp = "[A-Za-z]{6}\\d{2}[A-Za-z]\\d{2}[A-Za-z]\\d{3}[A-Za-z]|\\d{11}",
              message =
                  "must be an Italian fiscal code (16 characters, or 11 digits for organisations)")
          String fiscalCode,
      @Size(max = 200) String name,
      @Email @Size(max = 320) String email,
      @Pattern(regexp = "\\+?[0-9 .-]{6,20}", message = "must be a phone number") String phone,
      @Schema(description = "Partita IVA of a business")
          @Pattern(regexp = "\\d{11}", message = "must be 11 digits")
          String vatNumber) {

    @AssertTrue(
        message =
            "at least one of fiscalCode, vatNumber, email or phone is needed to identify the requester")
    @Schema(hidden = true)
    boolean isIdentifiable() {
      return notBlank(fiscalCode) || notBlank(vatNumber) || notBlank(email) || notBlank(phone);
    }

    private static boolean notBlank(String value) {
      return value != null && !value.isBlank();
    }
  }

  @Schema(name = "RequestedCategory")
  record Category(@NotBlank @Size(max = 100) String topic, @Size(max = 100) String reason) {}
}
