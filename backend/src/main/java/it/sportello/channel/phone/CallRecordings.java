package it.sportello.channel.phone;

import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The call recordings as other modules may see them (the sampling of recordings for quality
 * audits): when, which queue, which topic, how long, and the audio by the recording's id; never the
 * agent, the caller, their numbers or the ticket.
 */
@org.springframework.modulith.NamedInterface("phone")
public interface CallRecordings {

  /**
   * The recordings made in {@code [from, to)}, optionally of one queue and of one topic (the
   * classification of the call's ticket), oldest first.
   */
  List<RecordingEntry> find(Instant from, Instant to, String queue, String topic);

  /** One recording's entry, if it is still kept. */
  Optional<RecordingEntry> get(long recordingId);

  /**
   * The recording's audio, streamed from where the telephony platform keeps it; empty if it is no
   * longer kept or the platform cannot be reached.
   */
  Optional<RecordingAudio> audio(long recordingId);

  /** A recording, with nothing that identifies the agent or the caller. */
  @org.springframework.modulith.NamedInterface("phone")
  record RecordingEntry(
      long id,
      Instant recordedAt,
      String queue,
      String topic,
      Integer durationSeconds,
      String mediaType) {}

  /** The audio: its type, its length if known (else -1), and the bytes to stream (close it). */
  @org.springframework.modulith.NamedInterface("phone")
  record RecordingAudio(String mediaType, long size, InputStream content) {}
}
