package it.sportello.distribution;

import io.swagger.v3.oas.annotations.media.Schema;
import it.sportello.channel.phone.CallRecordings;
import it.sportello.channel.phone.CallRecordings.RecordingAudio;
import it.sportello.channel.phone.CallRecordings.RecordingEntry;
import it.sportello.shared.FieldViolation;
import it.sportello.shared.InvalidRequestException;
import it.sportello.shared.NotFoundException;
import it.sportello.sla.SlaService;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Random samples of call recordings for supervisors and the customer's auditors: drawn with a seed
 * ({@link RecordingSampler}) among the recordings of a period, queue and topic, which the phone
 * channel lists through {@link CallRecordings}; shown by opaque ids only (the day, the length, the
 * queue and topic, never who spoke); every listening logged.
 */
@Service
public class RecordingSamples {

  /** The largest sample one may draw. */
  public static final int MAX_SIZE = 200;

  private final JdbcClient jdbc;
  private final CallRecordings recordings;
  private final SlaService sla;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  RecordingSamples(
      JdbcTemplate jdbcTemplate, CallRecordings recordings, SlaService sla, Clock clock) {
    this.jdbc = JdbcClient.create(jdbcTemplate);
    this.recordings = recordings;
    this.sla = sla;
    this.clock = clock;
  }

  /** What to draw: the period's days in the service calendar, optional filters, a seed or none. */
  public record DrawRequest(
      LocalDate from, LocalDate to, String queue, String topic, int size, Long seed) {}

  @Schema(description = "A sampled recording, by its opaque id only")
  public record SampleItem(
      int position,
      UUID opaqueId,
      @Schema(description = "Day of the call in the service calendar") LocalDate day,
      Integer durationSeconds,
      String queue,
      String topic,
      @Schema(description = "False when the recording is no longer kept") boolean available) {}

  @Schema(description = "A sample of recordings and how it was drawn")
  public record Sample(
      long id,
      long seed,
      LocalDate from,
      LocalDate to,
      String queue,
      String topic,
      int requestedSize,
      @Schema(description = "Recordings matching the filters when drawn") int population,
      String drawnBy,
      Instant drawnAt,
      List<SampleItem> items) {}

  @Schema(description = "One listening of a sampled recording")
  public record Listening(long sampleId, UUID opaqueId, String listenedBy, Instant listenedAt) {}

  @Transactional
  public Sample draw(DrawRequest request, String user) {
    List<FieldViolation> violations = new ArrayList<>();
    if (request.from() == null) {
      violations.add(new FieldViolation("from", "is required"));
    }
    if (request.to() == null) {
      violations.add(new FieldViolation("to", "is required"));
    }
    if (request.from() != null && request.to() != null && request.to().isBefore(request.from())) {
      violations.add(new FieldViolation("to", "must not be before from"));
    }
    if (request.size() < 1 || request.size() > MAX_SIZE) {
      violations.add(new FieldViolation("size", "must be between 1 and " + MAX_SIZE));
    }
    if (!violations.isEmpty()) {
      throw new InvalidRequestException(violations);
    }
    ZoneId zone = sla.calendar().zone();
    long seed = request.seed() != null ? request.seed() : random.nextLong() >>> 1;
    String queue = blankToNull(request.queue());
    String topic = blankToNull(request.topic());
    List<RecordingEntry> population =
        recordings.find(
            request.from().atStartOfDay(zone).toInstant(),
            request.to().plusDays(1).atStartOfDay(zone).toInstant(),
            queue,
            topic);
    List<Long> drawn =
        RecordingSampler.draw(
            population.stream().map(RecordingEntry::id).toList(), seed, request.size());
    Instant now = clock.instant();
    long id =
        jdbc.sql(
                """
                insert into sportello.distribution_recording_sample
                  (seed, period_from, period_to, queue, topic, requested_size, population, drawn_by, drawn_at)
                values (:seed, :from, :to, :queue, :topic, :size, :population, :user, :now)
                returning id
                """)
            .param("seed", seed)
            .param("from", request.from())
            .param("to", request.to())
            .param("queue", queue)
            .param("topic", topic)
            .param("size", request.size())
            .param("population", population.size())
            .param("user", user)
            .param("now", Timestamp.from(now))
            .query(Long.class)
            .single();
    for (int position = 0; position < drawn.size(); position++) {
      long recording = drawn.get(position);
      jdbc.sql(
              """
              insert into sportello.distribution_recording_sample_item (sample_id, position, opaque_id, recording_id)
              values (:sample, :position, :opaque, :recording)
              """)
          .param("sample", id)
          .param("position", position + 1)
          .param("opaque", RecordingSampler.opaqueId(seed, recording))
          .param("recording", recording)
          .update();
    }
    return sample(id);
  }

  @Transactional(readOnly = true)
  public List<Sample> list() {
    return jdbc
        .sql("select id from sportello.distribution_recording_sample order by id desc limit 100")
        .query(Long.class)
        .list()
        .stream()
        .map(id -> header(id, List.of()))
        .toList();
  }

  @Transactional(readOnly = true)
  public Sample sample(long id) {
    record Item(int position, UUID opaqueId, long recordingId) {}
    List<Item> items =
        jdbc.sql(
                """
                select position, opaque_id, recording_id from sportello.distribution_recording_sample_item
                where sample_id = :id order by position
                """)
            .param("id", id)
            .query((rs, row) -> new Item(rs.getInt(1), rs.getObject(2, UUID.class), rs.getLong(3)))
            .list();
    ZoneId zone = sla.calendar().zone();
    Map<Long, RecordingEntry> kept =
        items.stream()
            .map(item -> recordings.get(item.recordingId()))
            .flatMap(java.util.Optional::stream)
            .collect(Collectors.toMap(RecordingEntry::id, Function.identity()));
    List<SampleItem> shown =
        items.stream()
            .map(
                item -> {
                  RecordingEntry entry = kept.get(item.recordingId());
                  return entry == null
                      ? new SampleItem(
                          item.position(), item.opaqueId(), null, null, null, null, false)
                      : new SampleItem(
                          item.position(),
                          item.opaqueId(),
                          entry.recordedAt().atZone(zone).toLocalDate(),
                          entry.durationSeconds(),
                          entry.queue(),
                          entry.topic(),
                          true);
                })
            .toList();
    return header(id, shown);
  }

  private Sample header(long id, List<SampleItem> items) {
    return jdbc.sql(
            """
            select seed, period_from, period_to, queue, topic, requested_size, population, drawn_by, drawn_at
            from sportello.distribution_recording_sample where id = :id
            """)
        .param("id", id)
        .query(
            (rs, row) ->
                new Sample(
                    id,
                    rs.getLong(1),
                    rs.getObject(2, LocalDate.class),
                    rs.getObject(3, LocalDate.class),
                    rs.getString(4),
                    rs.getString(5),
                    rs.getInt(6),
                    rs.getInt(7),
                    rs.getString(8),
                    rs.getTimestamp(9).toInstant(),
                    items))
        .optional()
        .orElseThrow(() -> new NotFoundException("No recording sample " + id));
  }

  /**
   * The audio of a sampled recording, the listening logged (who, when, which recording) when {@code
   * logged}: the first request of a playback, not each range the browser asks for after it.
   */
  @Transactional
  public RecordingAudio listen(long sampleId, UUID opaqueId, String user, boolean logged) {
    long recording =
        jdbc.sql(
                """
                select recording_id from sportello.distribution_recording_sample_item
                where sample_id = :sample and opaque_id = :opaque
                """)
            .param("sample", sampleId)
            .param("opaque", opaqueId)
            .query(Long.class)
            .optional()
            .orElseThrow(() -> new NotFoundException("No such item in sample " + sampleId));
    RecordingAudio audio =
        recordings
            .audio(recording)
            .orElseThrow(() -> new NotFoundException("The recording is no longer available"));
    if (logged) {
      jdbc.sql(
              """
              insert into sportello.distribution_recording_listening
                (sample_id, opaque_id, recording_id, listened_by, listened_at)
              values (:sample, :opaque, :recording, :user, :now)
              """)
          .param("sample", sampleId)
          .param("opaque", opaqueId)
          .param("recording", recording)
          .param("user", user)
          .param("now", Timestamp.from(clock.instant()))
          .update();
    }
    return audio;
  }

  /** The listenings, newest first; of one sample when given. */
  @Transactional(readOnly = true)
  public List<Listening> listenings(Long sampleId) {
    return jdbc.sql(
            """
            select sample_id, opaque_id, listened_by, listened_at from sportello.distribution_recording_listening
            where cast(:sample as bigint) is null or sample_id = :sample
            order by listened_at desc, id desc limit 500
            """)
        .param("sample", sampleId)
        .query(
            (rs, row) ->
                new Listening(
                    rs.getLong(1),
                    rs.getObject(2, UUID.class),
                    rs.getString(3),
                    rs.getTimestamp(4).toInstant()))
        .list();
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
