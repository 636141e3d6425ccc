package it.sportello.channel.web;

import io.swagger.v3.oas.annotations.media.Schema;
import it.sportello.channel.web.WebRequests.AnswerChannel;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/** A citizen's request from the public web form. */
record WebRequestForm(
    @Schema(description = "A topic (first level) of the classification tree, by code")
        @NotBlank
        @Size(max = 100)
        String topic,
    @Schema(description = "A reason under the topic (second level), by code")
        @NotBlank
        @Size(max = 100)
        String reason,
    @NotBlank @Size(max = 300) String subject,
    @NotBlank @Size(max = 20000) String description,
    @NotNull @Pattern(regexp = "it|en|de|fr", message = "must be one of it, en, de, fr")
        String language,
    @Schema(
            description =
                "How the citizen wants the answer: EMAIL, PEC (to the e-mail given) or"
                    + " PHONE (a call-back; needs the phone number)")
        @NotNull
        AnswerChannel answerChannel,
    @NotNull @Valid Requester requester,
    @Schema(description = "Passed by the referring service as query parameters of the form's page")
        @Valid
        Context context,
    @Schema(description = "The privacy notice was read and accepted: must be true")
        @NotNull
        @AssertTrue(message = "the privacy notice must be accepted")
        Boolean privacyConsent,
    @Schema(
            description =
                "The token of GET /api/public/requests/challenge, once, after its" + " usableFrom")
        @Size(max = 200)
        String challenge,
    @Schema(description = "Leave empty. A field people never see: a filled one refuses the request")
        @Size(max = 500)
        String website,
    @Schema(
            description =
                "With answerChannel PHONE: the call-back slot the citizen chose (an appointment),"
                    + " one of GET /api/public/requests/callback-slots; left out: any time",
            nullable = true)
        Instant callbackAt) {

  record Requester(
      @NotBlank @Size(max = 200) String name,
      @NotBlank @Email @Size(max = 320) String email,
      @Pattern(regexp = "\\+?[0-9 .-]{6,20}", message = "must be a phone number") String phone,
      @Pattern(
              regexp = "[A-Za-z]{6}\\d{2}[A-Za-z]\\d{2}[A-Za-z]\\d{3}[A-Za-z]",
              message = "must be an Italian fiscal code (16 characters)")
          String fiscalCode) {}

  record Context(
      @Size(max = 500) String page,
      @Size(max = 100) String errorCode,
      @Size(max = 100) String service) {}
}
