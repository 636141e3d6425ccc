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
    @Schema(
            description =
                "The platform's id of the call (also of the call a voicemail belongs to); required"
                    + " for every kind but AGENT_STATE")
        @Size(max = 200)
        String callId,
    @Schema(
            description =
                "When it happened on the platform: not in the future, at most"
                    + " sportello.intake.max-reported-age (default 365 days) ago")
        @NotNull
        Instant occurredAt,
    @Schema(description = "ACD queue (CALL_OFFERED; AGENT_STATE: the queue the agent works in)")
        @Size(max = 50)
        String queue,
    @Schema(description = "Caller id, e.g. +390612345678") @Size(max = 30) String callerNumber,
    @Schema(
            description =
                "Sportello user id of the agent offered, answering or transferring (AGENT_STATE:"
                    + " whose state changed)")
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
        String recordingRef,
    @Schema(
            description =
                "AGENT_STATE: the agent's new state in the ACD. LOGGED_OUT: not logged in to any"
                    + " queue; AVAILABLE: ready, calls may be offered; ON_CALL: talking; WRAP_UP:"
                    + " after-call work; PAUSED: logged in but not ready (break, training, back"
                    + " office)")
        AgentState agentState) {

  /** An event without an agent state (every kind but AGENT_STATE). */
  public TelephonyEvent(
      String eventId,
      TelephonyEventKind kind,
      String callId,
      Instant occurredAt,
      String queue,
      String callerNumber,
      String agent,
      String toAgent,
      String toQueue,
      String audioBase64,
      String mediaType,
      Integer durationSeconds,
      String recordingRef) {
    this(
        eventId,
        kind,
        callId,
        occurredAt,
        queue,
        callerNumber,
        agent,
        toAgent,
        toQueue,
        audioBase64,
        mediaType,
        durationSeconds,
        recordingRef,
        null);
  }
}
