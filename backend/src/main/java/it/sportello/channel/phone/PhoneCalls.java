package it.sportello.channel.phone;

import it.sportello.contact.Interaction;
import it.sportello.contact.InteractionLog;
import it.sportello.shared.ConflictException;
import it.sportello.shared.NotFoundException;
import it.sportello.ticket.domain.Ticket;
import it.sportello.ticket.domain.TicketRepository;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What operators do with calls: read one, link it to the ticket it is about. */
@Service
public class PhoneCalls {

  private final PhoneCallRepository calls;
  private final TicketRepository tickets;
  private final InteractionLog interactions;
  private final Clock clock;
  private final PhoneTexts texts;

  PhoneCalls(
      PhoneCallRepository calls,
      TicketRepository tickets,
      InteractionLog interactions,
      Clock clock,
      PhoneTexts texts) {
    this.texts = texts;
    this.calls = calls;
    this.tickets = tickets;
    this.interactions = interactions;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  public PhoneCall get(String callId) {
    return calls
        .findByCallId(callId)
        .orElseThrow(() -> new NotFoundException("No call with id " + callId));
  }

  /**
   * Links the call to a ticket (one just opened from the intake form, or an open one of the
   * caller): the call goes on the ticket's path and, if the caller was not known, on the
   * requester's history. Linking again to the same ticket changes nothing.
   */
  @Transactional
  public PhoneCall linkTicket(String callId, String ticketNumber, String operator) {
    PhoneCall call = get(callId);
    if (ticketNumber.equals(call.getTicketNumber())) {
      return call;
    }
    Ticket ticket = tickets.getByNumber(ticketNumber);
    if (ticket.isClosed()) {
      throw new ConflictException(
          409, "Ticket " + ticketNumber + " is closed; open a new ticket instead.");
    }
    Instant now = clock.instant();
    call.linkTicket(ticketNumber);
    call.identify(ticket.getRequesterId());
    ticket.callLinked(operator, texts.callLinked(call, callId, ticket.getLanguage()), now);
    if (call.getInteractionId() == null) {
      Interaction interaction =
          interactions.record(
              ticket.getRequesterId(),
              ticket.getId(),
              ticket.getNumber(),
              "PHONE",
              Interaction.Direction.INBOUND,
              Interaction.Kind.CALL,
              texts.callLinkedToRequest(ticket.getNumber(), ticket.getLanguage()),
              call.getAnsweredAt() != null ? call.getAnsweredAt() : now,
              operator);
      call.interactionRecorded(interaction.getId());
    }
    return call;
  }
}
