package it.sportello.ticket.application;

import it.sportello.contact.TicketVisibility;
import it.sportello.ticket.TicketReaders;
import it.sportello.ticket.application.TicketQueries.Reader;
import it.sportello.ticket.domain.Ticket;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The ticket module's need-to-know rules for the contact's history ({@link TicketQueries}). */
@Component
class ContactTicketVisibility implements TicketVisibility {

  private final TicketQueries tickets;

  ContactTicketVisibility(TicketQueries tickets) {
    this.tickets = tickets;
  }

  @Override
  @Transactional(readOnly = true)
  public Set<String> hidden(Collection<String> ticketNumbers, Authentication reader) {
    Reader asReader = TicketReaders.of(reader);
    // one query for the page's tickets, not one per entry (the history is on every ticket page)
    Map<String, Ticket> found = tickets.byNumbers(Set.copyOf(ticketNumbers));
    return ticketNumbers.stream()
        .filter(
            number ->
                !found.containsKey(number)
                    || tickets.access(found.get(number), asReader) != TicketQueries.Access.GRANTED)
        .collect(Collectors.toSet());
  }
}
