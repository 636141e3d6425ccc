package it.sportello.channel.mail.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import it.sportello.channel.mail.TicketMail;
import it.sportello.channel.mail.TicketMail.SentMail;
import it.sportello.ticket.TicketReaders;
import it.sportello.ticket.application.TicketQueries;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Tickets")
@RestController
class TicketMailController {

  private final TicketQueries tickets;
  private final TicketMail mail;

  TicketMailController(TicketQueries tickets, TicketMail mail) {
    this.tickets = tickets;
    this.mail = mail;
  }

  @Operation(
      summary = "The mail sent about the ticket and where it stands",
      description =
          "Acknowledgements, notifications and operators' replies, oldest first: in the outbox"
              + " (with the next attempt), sent, or failed with the last error; for PEC the"
              + " receipts of the providers (accettazione, avvenuta-consegna, errore-consegna, …)"
              + " and the last one as pecState.")
  @GetMapping("/api/tickets/{number}/mails")
  List<SentMail> list(@PathVariable String number, Authentication authentication) {
    tickets.get(number, TicketReaders.of(authentication));
    return mail.about(number);
  }
}
