package it.sportello.citizen;

import it.sportello.contact.ContactRegistry;
import it.sportello.ticket.application.CallbackAppointments;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.RowCallbackHandler;
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
  private final CallbackAppointments callbacks;
  private final Clock clock;

  CitizenAppointments(
      JdbcClient jdbc, ContactRegistry contacts, CallbackAppointments callbacks, Clock clock) {
    this.jdbc = jdbc;
    this.contacts = contacts;
    this.callbacks = callbacks;
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
    Map<String, String> subjects = new HashMap<>();
    jdbc.sql("select number, subject from sportello.ticket where requester_id in (:ids)")
        .param("ids", ids)
        .query(
            (RowCallbackHandler)
                rs -> subjects.put(rs.getString("number"), rs.getString("subject")));
    return callbacks.of(subjects.keySet(), clock.instant().minus(GRACE)).stream()
        .map(
            booked ->
                new Appointment(
                    booked.id(),
                    booked.ticketNumber(),
                    subjects.get(booked.ticketNumber()),
                    booked.at(),
                    switch (booked.state()) {
                      case DONE -> AppointmentStatus.DONE;
                      case MISSED -> AppointmentStatus.MISSED;
                      case PLANNED -> AppointmentStatus.PLANNED;
                    }))
        .toList();
  }
}
