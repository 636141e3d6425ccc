package it.sportello.ticket.application;

import java.time.Instant;

/**
 * A ticket was solved and its requester chose to be answered by phone (the answer channel {@code
 * PHONE} in the ticket's context): the answer is given by a call-back instead of a mail. Published
 * by the ticket's closing step inside its transaction; the phone channel listens and starts the
 * call-back, so that the ticket module does not know the phone channel. A retried closing job
 * publishes it again: the listener must be idempotent.
 *
 * @param ticketNumber the ticket
 * @param answeredBy who solved it (the call-back's task goes to them), or null
 * @param appointmentAt the time agreed for the call (the slot the citizen chose), or null
 */
public record AnswerByPhoneRequested(
    String ticketNumber, String answeredBy, Instant appointmentAt) {}
