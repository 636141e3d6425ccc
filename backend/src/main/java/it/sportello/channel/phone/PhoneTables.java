package it.sportello.channel.phone;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The phone channel's SQL that JPA does not express well: the events received once (insert if
 * absent), transfers, recordings and their audit trail, call-back attempts. Tables are named with
 * their schema: the connection's search path is Camunda's.
 */
@Component
class PhoneTables {

  private final JdbcClient jdbc;

  PhoneTables(JdbcTemplate jdbcTemplate) {
    this.jdbc = JdbcClient.create(jdbcTemplate);
  }

  /** Whether the event is new (then it is now recorded). */
  boolean recordEvent(TelephonyEvent event, String bodySha256, String source, Instant now) {
    return jdbc.sql(
                """
                insert into sportello.phone_event (event_id, kind, call_id, body_sha256, occurred_at, received_at, source)
                values (:eventId, :kind, :callId, :sha, :occurredAt, :receivedAt, :source)
                on conflict (event_id) do nothing
                """)
            .param("eventId", event.eventId())
            .param("kind", event.kind().name())
            .param("callId", event.callId())
            .param("sha", bodySha256)
            .param("occurredAt", Timestamp.from(event.occurredAt()))
            .param("receivedAt", Timestamp.from(now))
            .param("source", source)
            .update()
        == 1;
  }

  Optional<String> eventBodyHash(String eventId) {
    return jdbc.sql("select body_sha256 from sportello.phone_event where event_id = :id")
        .param("id", eventId)
        .query(String.class)
        .optional();
  }

  void recordTransfer(long callId, String fromAgent, String toAgent, String toQueue, Instant at) {
    jdbc.sql(
            """
            insert into sportello.phone_call_transfer (call_id, from_agent, to_agent, to_queue, transferred_at)
            values (:callId, :from, :to, :queue, :at)
            """)
        .param("callId", callId)
        .param("from", fromAgent)
        .param("to", toAgent)
        .param("queue", toQueue)
        .param("at", Timestamp.from(at))
        .update();
  }

  void insertRecording(
      Long callId,
      String reference,
      String mediaType,
      Integer durationSeconds,
      Instant recordedAt,
      Instant now) {
    jdbc.sql(
            """
            insert into sportello.phone_recording (call_id, recording_ref, media_type, duration_seconds, recorded_at, stored_at)
            values (:callId, :ref, :mediaType, :duration, :recordedAt, :now)
            """)
        .param("callId", callId)
        .param("ref", reference)
        .param("mediaType", mediaType)
        .param("duration", durationSeconds)
        .param("recordedAt", Timestamp.from(recordedAt))
        .param("now", Timestamp.from(now))
        .update();
  }

  record Recording(long id, String reference, Instant recordedAt) {}

  List<Recording> recordingsBefore(Instant before, int limit) {
    return jdbc.sql(
            """
            select id, recording_ref, recorded_at from sportello.phone_recording
            where recorded_at < :before order by recorded_at, id limit :limit
            for update skip locked
            """)
        .param("before", Timestamp.from(before))
        .param("limit", limit)
        .query(
            (rs, row) ->
                new Recording(
                    rs.getLong("id"),
                    rs.getString("recording_ref"),
                    rs.getTimestamp("recorded_at").toInstant()))
        .list();
  }

  void deleteRecording(long id) {
    jdbc.sql("delete from sportello.phone_recording where id = :id").param("id", id).update();
  }

  void audit(
      String actor, String action, String objectKind, String objectRef, String detail, Instant at) {
    jdbc.sql(
            """
            insert into sportello.phone_audit (occurred_at, actor, action, object_kind, object_ref, detail)
            values (:at, :actor, :action, :kind, :ref, :detail)
            """)
        .param("at", Timestamp.from(at))
        .param("actor", actor)
        .param("action", action)
        .param("kind", objectKind)
        .param("ref", objectRef)
        .param("detail", detail)
        .update();
  }
}
