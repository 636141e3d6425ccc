package it.sportello.ticket.web;

import it.sportello.kb.TicketUseKind;
import it.sportello.shared.FieldViolation;
import it.sportello.shared.InvalidRequestException;
import java.util.ArrayList;
import java.util.List;

/**
 * An article used to answer a ticket.
 *
 * @param ticket the ticket's number; required
 * @param kind inserted in the reply, linked, or marked as the answer; required
 * @param searchId the search (suggestions or search) that found the article, if any
 */
record TicketUseRequest(String ticket, TicketUseKind kind, Long searchId) {

  /** The use, or 400 naming each bad field. */
  TicketUseRequest validated() {
    List<FieldViolation> violations = new ArrayList<>();
    if (ticket == null || ticket.isBlank()) {
      violations.add(new FieldViolation("ticket", "must not be blank"));
    } else if (ticket.strip().length() > 30) {
      violations.add(new FieldViolation("ticket", "at most 30 characters"));
    }
    if (kind == null) {
      violations.add(new FieldViolation("kind", "one of INSERTED, LINKED, ANSWERED"));
    }
    if (!violations.isEmpty()) {
      throw new InvalidRequestException(violations);
    }
    return new TicketUseRequest(ticket.strip(), kind, searchId);
  }
}
