package it.sportello.presence;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who is on a ticket: each open page sends a heartbeat (what it is doing) that keeps its row alive
 * for {@code sportello.presence.ttl}; a page that stops (closed tab, lost network) simply expires.
 * Stored in PostgreSQL so that two workers on two application nodes see each other.
 */
@Service
public class TicketPresence {

  private final JdbcTemplate jdbc;
  private final Clock clock;
  private final Duration ttl;

  TicketPresence(
      JdbcTemplate jdbc, Clock clock, @Value("${sportello.presence.ttl:PT30S}") Duration ttl) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.ttl = ttl;
  }

  /** The user is on the ticket doing {@code activity}. @return the others on it now */
  @Transactional
  public List<Presence> heartbeat(String number, String userId, Activity activity) {
    Instant now = clock.instant();
    jdbc.update("delete from sportello.ticket_presence where expires_at <= ?", Timestamp.from(now));
    jdbc.update(
        "insert into sportello.ticket_presence"
            + " (ticket_number, user_id, activity, since, activity_since, expires_at)"
            + " values (?, ?, ?, ?, ?, ?)"
            + " on conflict (ticket_number, user_id) do update set"
            + " activity_since = case when ticket_presence.activity = excluded.activity"
            + " then ticket_presence.activity_since else excluded.activity_since end,"
            + " activity = excluded.activity, expires_at = excluded.expires_at",
        number,
        userId,
        activity.name(),
        Timestamp.from(now),
        Timestamp.from(now),
        Timestamp.from(now.plus(ttl)));
    return others(number, userId);
  }

  /** The others on the ticket now, those replying first. */
  @Transactional(readOnly = true)
  public List<Presence> others(String number, String userId) {
    return jdbc.query(
        "select user_id, activity, since, activity_since from sportello.ticket_presence"
            + " where ticket_number = ? and user_id <> ? and expires_at > ?"
            + " order by case activity when 'REPLYING' then 0 else 1 end, since",
        (rs, row) ->
            new Presence(
                rs.getString(1),
                Activity.valueOf(rs.getString(2)),
                rs.getTimestamp(3).toInstant(),
                rs.getTimestamp(4).toInstant()),
        number,
        userId,
        Timestamp.from(clock.instant()));
  }

  /** The user left the ticket's page. */
  @Transactional
  public void leave(String number, String userId) {
    jdbc.update(
        "delete from sportello.ticket_presence where ticket_number = ? and user_id = ?",
        number,
        userId);
  }
}
