package it.sportello.ticket.application;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * The times agreed for calling a requester back about a ticket: kept by the phone channel, read by
 * whoever shows or reminds them (the citizens' area) without knowing the phone channel's tables.
 */
public interface CallbackAppointments {

  /** The appointment's state: to come, the requester was reached, or not reached. */
  enum State {
    PLANNED,
    DONE,
    MISSED
  }

  /** One agreed call-back time of the ticket {@code ticketNumber}. */
  record Appointment(long id, String ticketNumber, Instant at, State state) {}

  /** The appointments of these tickets at or after {@code from}, the earliest first. */
  List<Appointment> of(Collection<String> ticketNumbers, Instant from);
}
