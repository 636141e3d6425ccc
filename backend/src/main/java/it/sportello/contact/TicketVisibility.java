package it.sportello.contact;

import java.util.Collection;
import java.util.Set;
import org.springframework.security.core.Authentication;

/**
 * Which of a person's tickets a reader may not read (need to know: a restricted queue such as the
 * privacy queue, a ticket outside the reader's work). Implemented by the ticket module, which knows
 * the rules; the contact's history masks what those tickets' interactions say.
 */
public interface TicketVisibility {

  /** The numbers among these that the reader may not read. */
  Set<String> hidden(Collection<String> ticketNumbers, Authentication reader);
}
