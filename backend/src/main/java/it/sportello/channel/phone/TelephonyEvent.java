package it.sportello.channel.phone;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/**
 * One event of the telephony platform, in our terms. Drivers map their protocol onto it; the CTI
 * webhook receives it as JSON.
 */
@Schema(description = "An event of the telephony platform (CTI)")
public record TelephonyEvent(
    @Schema(description = "Unique id of the event: a repeated id is acknowledged without effect")
        @NotBlank
        @Size(max = 200)
        String eventId,
    @NotNull TelephonyEventKind kind,
    @Schema(description = "The platform's id of the call (also of the call a voicemail belongs to)")
        @NotBlank
        @Size(max = 200)
        String callId,
    @Schema(description = "When it happened on the platform") @NotNull Instant occurredAt,
    @Schema(description = "ACD queue (CALL_OFFERED)") @Size(max = 50) String queue,
    @Schema(description = "Caller id, e.g. +390612345678") @Size(max = 30) String callerNumber,
    @Schema(description = "Sportello user id of the agent offered, answering or transferring")
        @Size(max = 100)
        String agent,
    @Schema(description = "CALL_TRANSFERRED: the agent receiving the call") @Size(max = 100)
        String toAgent,
    @Schema(description = "CALL_TRANSFERRED: the queue receiving the call (e.g. level2)")
        @Size(max = 50)
        String toQueue,
    @Schema(description = "VOICEMAIL_LEFT: the audio, Base64") String audioBase64,
    @Schema(description = "VOICEMAIL_LEFT / RECORDING_AVAILABLE: media type, e.g. audio/wav")
        @Size(max = 100)
        String mediaType,
    @Schema(description = "VOICEMAIL_LEFT / RECORDING_AVAILABLE: length in seconds") @PositiveOrZero
        Integer durationSeconds,
    @Schema(description = "RECORDING_AVAILABLE: where the recording is kept (URL or platform id)")
        @Size(max = 500)
        String recordingRef) {}
