package it.sportello.channel.phone.asterisk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import it.sportello.channel.phone.TelephonyEvent;
import it.sportello.channel.phone.TelephonyEventKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Maps the events of Asterisk's REST interface (ARI, the WebSocket of a Stasis application) onto
 * the telephony port's events. The dialplan hands inbound calls to the Stasis application with the
 * queue as first argument ({@code Stasis(sportello,general)}); the ACD sets the channel variable
 * {@code SPORTELLO_AGENT} to the Sportello user id of the agent who answers, and {@code
 * SPORTELLO_TRANSFER} to {@code agent:<id>} or {@code queue:<code>} on a transfer.
 *
 * <ul>
 *   <li>{@code StasisStart} → CALL_OFFERED
 *   <li>{@code ChannelVarset SPORTELLO_AGENT} → CALL_ANSWERED
 *   <li>{@code ChannelVarset SPORTELLO_TRANSFER} → CALL_TRANSFERRED
 *   <li>{@code ChannelDestroyed}: answered (state Up) → CALL_ENDED; else caller hung up (cause 16,
 *       normal clearing) → CALL_ABANDONED; else → CALL_ENDED (lost)
 *   <li>{@code RecordingFinished} → RECORDING_AVAILABLE
 * </ul>
 *
 * No AGENT_STATE: ARI has no queue-member events, and its device states tell an idle phone, not a
 * ready agent (ADR 0007); agents move through their calls only (answered: ON_CALL, ended: WRAP_UP).
 *
 * <p>ARI events carry no id: the event id is derived from the event's type, channel and timestamp,
 * so the same event delivered twice is processed once.
 */
public final class AriEventMapper {

  static final String AGENT_VARIABLE = "SPORTELLO_AGENT";
  static final String TRANSFER_VARIABLE = "SPORTELLO_TRANSFER";
  private static final int NORMAL_CLEARING = 16;

  /** ARI's timestamps: {@code 2026-11-30T10:15:02.123+0100}. */
  private static final DateTimeFormatter ARI_TIME =
      new DateTimeFormatterBuilder()
          .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
          .optionalStart()
          .appendOffset("+HHMM", "Z")
          .optionalEnd()
          .optionalStart()
          .appendOffset("+HH:MM", "Z")
          .optionalEnd()
          .toFormatter();

  private final ObjectMapper json;

  public AriEventMapper(ObjectMapper json) {
    this.json = json;
  }

  /** The internal event for an ARI message, if it is one we follow. */
  public Optional<TelephonyEvent> map(String message) {
    JsonNode event;
    try {
      event = json.readTree(message);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String type = event.path("type").asText();
    JsonNode channel = event.path("channel");
    String channelId = channel.path("id").asText(null);
    Instant at = time(event.path("timestamp").asText(null));
    String caller = blankToNull(channel.path("caller").path("number").asText(null));
    return switch (type) {
      case "StasisStart" -> {
        JsonNode args = event.path("args");
        String queue = args.isArray() && !args.isEmpty() ? args.get(0).asText() : null;
        yield Optional.of(
            event(
                event, TelephonyEventKind.CALL_OFFERED, channelId, at, queue, caller, null, null));
      }
      case "ChannelVarset" -> {
        String variable = event.path("variable").asText();
        String value = blankToNull(event.path("value").asText(null));
        if (channelId == null || value == null) {
          yield Optional.empty();
        }
        if (AGENT_VARIABLE.equals(variable)) {
          yield Optional.of(
              event(
                  event,
                  TelephonyEventKind.CALL_ANSWERED,
                  channelId,
                  at,
                  null,
                  caller,
                  value,
                  null));
        }
        if (TRANSFER_VARIABLE.equals(variable)) {
          boolean toQueue = value.startsWith("queue:");
          String target = value.substring(value.indexOf(':') + 1);
          yield Optional.of(
              new TelephonyEvent(
                  id(event),
                  TelephonyEventKind.CALL_TRANSFERRED,
                  channelId,
                  at,
                  null,
                  caller,
                  null,
                  toQueue ? null : target,
                  toQueue ? target : null,
                  null,
                  null,
                  null,
                  null));
        }
        yield Optional.empty();
      }
      case "ChannelDestroyed" -> {
        boolean answered = "Up".equals(channel.path("state").asText());
        boolean callerHungUp = event.path("cause").asInt() == NORMAL_CLEARING;
        TelephonyEventKind kind =
            !answered && callerHungUp
                ? TelephonyEventKind.CALL_ABANDONED
                : TelephonyEventKind.CALL_ENDED;
        yield Optional.of(event(event, kind, channelId, at, null, caller, null, null));
      }
      case "RecordingFinished" -> {
        JsonNode recording = event.path("recording");
        String target = recording.path("target_uri").asText("");
        String callId = target.startsWith("channel:") ? target.substring(8) : target;
        if (callId.isEmpty()) {
          yield Optional.empty();
        }
        yield Optional.of(
            new TelephonyEvent(
                id(event),
                TelephonyEventKind.RECORDING_AVAILABLE,
                callId,
                at,
                null,
                null,
                null,
                null,
                null,
                null,
                "audio/" + recording.path("format").asText("wav"),
                recording.has("duration") ? recording.path("duration").asInt() : null,
                "ari:recording:" + recording.path("name").asText()));
      }
      default -> Optional.empty();
    };
  }

  private TelephonyEvent event(
      JsonNode event,
      TelephonyEventKind kind,
      String callId,
      Instant at,
      String queue,
      String caller,
      String agent,
      String toAgent) {
    return new TelephonyEvent(
        id(event), kind, callId, at, queue, caller, agent, toAgent, null, null, null, null, null);
  }

  private static String id(JsonNode event) {
    String key =
        event.path("type").asText()
            + "|"
            + event.path("channel").path("id").asText(event.path("recording").path("name").asText())
            + "|"
            + event.path("variable").asText()
            + "|"
            + event.path("timestamp").asText();
    try {
      return "ari-"
          + HexFormat.of()
              .formatHex(
                  MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)))
              .substring(0, 40);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Instant time(String text) {
    if (text == null || text.isBlank()) {
      return Instant.now();
    }
    return OffsetDateTime.parse(text, ARI_TIME).toInstant();
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
