package it.sportello.channel.phone;

import it.sportello.ticket.application.CallbackAppointments;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The call-backs with an agreed time ({@code phone_callback.appointment_at}) as appointments. */
@Component
class PhoneCallbackAppointments implements CallbackAppointments {

  private final JdbcClient jdbc;

  PhoneCallbackAppointments(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public List<Appointment> of(Collection<String> ticketNumbers, Instant from) {
    if (ticketNumbers.isEmpty()) {
      return List.of();
    }
    return jdbc.sql(
            """
            select id, ticket_number, appointment_at, status from sportello.phone_callback
            where ticket_number in (:numbers) and appointment_at >= :from
            order by appointment_at, id""")
        .param("numbers", ticketNumbers)
        .param("from", Timestamp.from(from))
        .query(
            (rs, n) ->
                new Appointment(
                    rs.getLong("id"),
                    rs.getString("ticket_number"),
                    rs.getTimestamp("appointment_at").toInstant(),
                    switch (rs.getString("status")) {
                      case "REACHED" -> State.DONE;
                      case "NOT_REACHED" -> State.MISSED;
                      default -> State.PLANNED;
                    }))
        .list();
  }
}
