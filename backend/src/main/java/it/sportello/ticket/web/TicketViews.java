package it.sportello.ticket.web;

import it.sportello.contact.ContactRegistry;
import it.sportello.sla.SlaProperties;
import it.sportello.sla.SlaService;
import it.sportello.ticket.domain.Ticket;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Component;

/** Turns tickets into API views: the requester, the service zone and where the SLA stands now. */
@Component
class TicketViews {

  private final ContactRegistry contacts;
  private final SlaService sla;
  private final Clock clock;

  TicketViews(ContactRegistry contacts, SlaService sla, Clock clock) {
    this.contacts = contacts;
    this.sla = sla;
    this.clock = clock;
  }

  TicketResponse response(Ticket ticket, boolean withHistory) {
    return TicketResponse.of(
        ticket,
        contacts.get(ticket.getRequesterId()),
        sla.calendar().zone(),
        slaStates(ticket),
        withHistory);
  }

  TicketResponse.SlaStates slaStates(Ticket ticket) {
    if (ticket.getSlaPolicy() == null || !sla.hasPolicy(ticket.getSlaPolicy())) {
      return new TicketResponse.SlaStates(null, null);
    }
    SlaProperties.Policy policy = sla.policy(ticket.getSlaPolicy());
    Instant now = clock.instant();
    Instant resolved =
        ticket.getResolvedAt() != null ? ticket.getResolvedAt() : ticket.getClosedAt();
    return new TicketResponse.SlaStates(
        sla.state(
            policy.takeInCharge(),
            ticket.getTakeInChargeDueAt(),
            ticket.getTakenInChargeAt(),
            false,
            now),
        sla.state(
            policy.resolution(),
            ticket.getResolutionDueAt(),
            resolved,
            ticket.getSlaPausedAt() != null,
            now));
  }
}
