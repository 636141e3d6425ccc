package it.sportello.citizen;

import it.sportello.contact.ContactRegistry;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The citizen's appointments: the times agreed for calling them back about one of their requests
 * (the slot they chose on the request form when they asked to be answered by phone, or the one an
 * operator set). Read from the phone channel's call-backs of the citizen's tickets, matched as the
 * area matches requests (fiscal code, and the identity's verified e-mail).
 */
@Service
public class CitizenAppointments {

  /** An appointment stays listed this long after its time (the call may come a little late). */
  private static final Duration GRACE = Duration.ofHours(1);

  /**
   * @param status PLANNED (to come), DONE (the citizen was reached), MISSED (not reached)
   */
  public record Appointment(
      long id, String requestNumber, String subject, Instant at, AppointmentStatus status) {}

  public enum AppointmentStatus {
    PLANNED,
    DONE,
    MISSED
  }

  private final JdbcClient jdbc;
  private final ContactRegistry contacts;
  private final Clock clock;

  CitizenAppointments(JdbcClient jdbc, ContactRegistry contacts, Clock clock) {
    this.jdbc = jdbc;
    this.contacts = contacts;
    this.clock = clock;
  }

  /** The citizen's appointments from an hour ago on, the next first. */
  @Transactional(readOnly = true)
  public List<Appointment> upcoming(Citizen citizen) {
    Set<Long> ids =
        contacts.ofCitizen(citizen.fiscalCode(), citizen.emailVerified() ? citizen.email() : null);
    if (ids.isEmpty()) {
      return List.of();
    }
    return jdbc.sql(
            """
            select cb.id, t.number, t.subject, cb.appointment_at, cb.status
            from sportello.phone_callback cb
            join sportello.ticket t on t.number = cb.ticket_number
            where t.requester_id in (:ids) and cb.appointment_at is not null
              and cb.appointment_at >= :from
            order by cb.appointment_at, cb.id""")
        .param("ids", ids)
        .param("from", Timestamp.from(clock.instant().minus(GRACE)))
        .query(
            (rs, n) ->
                new Appointment(
                    rs.getLong("id"),
                    rs.getString("number"),
                    rs.getString("subject"),
                    rs.getTimestamp("appointment_at").toInstant(),
                    switch (rs.getString("status")) {
                      case "REACHED" -> AppointmentStatus.DONE;
                      case "NOT_REACHED" -> AppointmentStatus.MISSED;
                      default -> AppointmentStatus.PLANNED;
                    }))
        .list();
  }
}
