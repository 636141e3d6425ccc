package it.sportello.channel.phone;

import it.sportello.document.Documents;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@link CallRecordings} on the phone channel's tables. The audio is found by the recording's
 * reference: {@code document:<id>} in our document store (recordings delivered with their audio),
 * {@code ari:recording:<name>} on Asterisk's REST interface ({@code GET
 * /ari/recordings/stored/{name}/file}) when the driver is configured. Other references (links to a
 * platform we do not call) have no audio here.
 */
@Component
class PhoneRecordings implements CallRecordings {

  private static final Logger log = LoggerFactory.getLogger(PhoneRecordings.class);
  static final String DOCUMENT = "document:";
  static final String ARI = "ari:recording:";

  private static final String SELECT =
      """
      select r.id, r.recorded_at, c.queue, t.topic, r.duration_seconds, r.media_type
      from sportello.phone_recording r
      left join sportello.phone_call c on c.id = r.call_id
      left join sportello.ticket t on t.number = c.ticket_number
      """;

  private static final RowMapper<RecordingEntry> ENTRY =
      (rs, row) ->
          new RecordingEntry(
              rs.getLong(1),
              rs.getTimestamp(2).toInstant(),
              rs.getString(3),
              rs.getString(4),
              (Integer) rs.getObject(5),
              rs.getString(6));

  private final JdbcClient jdbc;
  private final Documents documents;
  private final PhoneProperties.Asterisk asterisk;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  PhoneRecordings(JdbcTemplate jdbcTemplate, Documents documents, PhoneProperties properties) {
    this.jdbc = JdbcClient.create(jdbcTemplate);
    this.documents = documents;
    this.asterisk = properties.asterisk();
  }

  @Override
  public List<RecordingEntry> find(Instant from, Instant to, String queue, String topic) {
    return jdbc.sql(
            SELECT
                + """
                where r.recorded_at >= :from and r.recorded_at < :to
                  and (cast(:queue as varchar) is null or c.queue = :queue)
                  and (cast(:topic as varchar) is null or t.topic = :topic)
                order by r.recorded_at, r.id
                """)
        .param("from", Timestamp.from(from))
        .param("to", Timestamp.from(to))
        .param("queue", queue)
        .param("topic", topic)
        .query(ENTRY)
        .list();
  }

  @Override
  public Optional<RecordingEntry> get(long recordingId) {
    return jdbc.sql(SELECT + " where r.id = :id").param("id", recordingId).query(ENTRY).optional();
  }

  @Override
  public Optional<RecordingAudio> audio(long recordingId) {
    var found =
        jdbc.sql("select recording_ref, media_type from sportello.phone_recording where id = :id")
            .param("id", recordingId)
            .query((rs, row) -> new String[] {rs.getString(1), rs.getString(2)})
            .optional();
    if (found.isEmpty()) {
      return Optional.empty();
    }
    String reference = found.get()[0];
    String mediaType = found.get()[1] == null ? "audio/wav" : found.get()[1];
    if (reference.startsWith(DOCUMENT)) {
      long id = Long.parseLong(reference.substring(DOCUMENT.length()));
      var document = documents.get(id);
      return Optional.of(new RecordingAudio(mediaType, document.size(), documents.content(id)));
    }
    if (reference.startsWith(ARI) && asterisk.enabled()) {
      return fromAsterisk(reference.substring(ARI.length()), mediaType);
    }
    return Optional.empty();
  }

  private Optional<RecordingAudio> fromAsterisk(String name, String mediaType) {
    URI uri =
        URI.create(
            asterisk.url().replaceAll("/+$", "")
                + "/ari/recordings/stored/"
                + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20")
                + "/file");
    HttpRequest get =
        HttpRequest.newBuilder(uri)
            .timeout(Duration.ofSeconds(30))
            .header(
                "Authorization",
                "Basic "
                    + Base64.getEncoder()
                        .encodeToString(
                            (asterisk.user() + ":" + asterisk.password())
                                .getBytes(StandardCharsets.UTF_8)))
            .GET()
            .build();
    try {
      HttpResponse<InputStream> response =
          http.send(get, HttpResponse.BodyHandlers.ofInputStream());
      if (response.statusCode() != 200) {
        response.body().close();
        log.warn("Asterisk answered {} for a stored recording", response.statusCode());
        return Optional.empty();
      }
      long size = response.headers().firstValueAsLong("Content-Length").orElse(-1);
      return Optional.of(new RecordingAudio(mediaType, size, response.body()));
    } catch (IOException e) {
      log.warn("Asterisk is not reachable for a stored recording: {}", e.getMessage());
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }
}
