package it.sportello.casefile;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The timeline of letters and complaints ({@code case_event}): written once, read in order. */
@Service
public class Timeline {

  private final JdbcTemplate jdbc;
  private final Clock clock;

  Timeline(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Transactional
  public void record(
      SubjectKind kind, String number, String eventKind, String actor, String detail) {
    record(kind, number, eventKind, actor, detail, null);
  }

  @Transactional
  public void record(
      SubjectKind kind,
      String number,
      String eventKind,
      String actor,
      String detail,
      Long documentId) {
    jdbc.update(
        """
        insert into sportello.case_event (subject_kind, subject_number, occurred_at, kind, actor,
            detail, document_id) values (?, ?, ?, ?, ?, ?, ?)""",
        kind.name(),
        number,
        Timestamp.from(clock.instant()),
        eventKind,
        actor,
        detail,
        documentId);
  }

  @Transactional(readOnly = true)
  public List<TimelineEntry> entries(SubjectKind kind, String number) {
    return jdbc.query(
        """
        select id, occurred_at, kind, actor, detail, document_id from sportello.case_event
        where subject_kind = ? and subject_number = ? order by occurred_at, id""",
        (rs, n) ->
            new TimelineEntry(
                rs.getLong("id"),
                rs.getTimestamp("occurred_at").toInstant(),
                rs.getString("kind"),
                rs.getString("actor"),
                rs.getString("detail"),
                (Long) rs.getObject("document_id")),
        kind.name(),
        number);
  }

  /** Whether the timeline has an event of this kind (idempotent steps check before recording). */
  @Transactional(readOnly = true)
  public boolean has(SubjectKind kind, String number, String eventKind) {
    return Boolean.TRUE.equals(
        jdbc.queryForObject(
            """
            select exists (select 1 from sportello.case_event
            where subject_kind = ? and subject_number = ? and kind = ?)""",
            Boolean.class,
            kind.name(),
            number,
            eventKind));
  }
}
