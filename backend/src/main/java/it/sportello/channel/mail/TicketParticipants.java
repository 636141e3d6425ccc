package it.sportello.channel.mail;

import it.sportello.contact.Contact;
import it.sportello.contact.ContactRegistry;
import it.sportello.ticket.domain.Ticket;
import java.util.Locale;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Who may add to a ticket by mail with only its number in the subject: its requester (by the
 * contact's e-mail address), anyone whose mail was already taken into it, anyone we wrote to about
 * it. Anyone else opens a new ticket linked to it (see {@link InboundMail}).
 */
@Component
class TicketParticipants {

  private final ContactRegistry contacts;
  private final JdbcTemplate jdbc;

  TicketParticipants(ContactRegistry contacts, JdbcTemplate jdbc) {
    this.contacts = contacts;
    this.jdbc = jdbc;
  }

  /** Whether the address is the ticket's requester's or a known participant's. */
  boolean includes(Ticket ticket, String address) {
    if (address == null || address.isBlank()) {
      return false;
    }
    String wanted = address.strip().toLowerCase(Locale.ROOT);
    if (ticket.getRequesterId() != null) {
      Contact requester = contacts.get(ticket.getRequesterId());
      if (requester.getEmail() != null
          && requester.getEmail().strip().toLowerCase(Locale.ROOT).equals(wanted)) {
        return true;
      }
    }
    Boolean known =
        jdbc.queryForObject(
            """
            select exists (select 1 from sportello.inbound_message
                           where ticket_number = ? and status = 'PROCESSED' and lower(sender) = ?)
                or exists (select 1 from sportello.outbound_mail
                           where ticket_number = ? and lower(recipient) = ?)""",
            Boolean.class,
            ticket.getNumber(),
            wanted,
            ticket.getNumber(),
            wanted);
    return Boolean.TRUE.equals(known);
  }
}
