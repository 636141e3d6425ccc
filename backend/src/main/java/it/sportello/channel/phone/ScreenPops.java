package it.sportello.channel.phone;

import it.sportello.channel.phone.ScreenPop.Caller;
import it.sportello.channel.phone.ScreenPop.HistoryItem;
import it.sportello.channel.phone.ScreenPop.OpenTicket;
import it.sportello.contact.Contact;
import it.sportello.contact.ContactRegistry;
import it.sportello.contact.InteractionLog;
import it.sportello.ticket.application.TicketQueries;
import java.time.Clock;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;

/**
 * Builds the screen pop of a call for an operator and publishes it; the web adapter delivers it to
 * the operator's browsers once the transaction that caused it has committed.
 */
@Component
class ScreenPops {

  static final int OPEN_TICKETS = 5;
  static final int HISTORY = 5;

  private final ContactRegistry contacts;
  private final InteractionLog interactions;
  private final TicketQueries tickets;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  ScreenPops(
      ContactRegistry contacts,
      InteractionLog interactions,
      TicketQueries tickets,
      ApplicationEventPublisher events,
      Clock clock) {
    this.contacts = contacts;
    this.interactions = interactions;
    this.tickets = tickets;
    this.events = events;
    this.clock = clock;
  }

  void pop(PhoneCall call, String agent, String reason, List<Contact> callers) {
    if (agent == null || agent.isBlank()) {
      return;
    }
    events.publishEvent(build(call, agent, reason, callers));
  }

  ScreenPop build(PhoneCall call, String agent, String reason, List<Contact> callers) {
    Contact caller =
        call.getContactId() != null
            ? contacts.get(call.getContactId())
            : (callers.size() == 1 ? callers.get(0) : null);
    List<OpenTicket> open = List.of();
    List<HistoryItem> history = List.of();
    if (caller != null) {
      List<String> numbers = tickets.openNumbersOfRequesters(List.of(caller.getId()), OPEN_TICKETS);
      var byNumber = tickets.byNumbers(numbers);
      open =
          numbers.stream()
              .map(byNumber::get)
              .filter(java.util.Objects::nonNull)
              .map(
                  t ->
                      new OpenTicket(
                          t.getNumber(),
                          // a restricted queue's ticket (privacy) by number and state only: the
                          // pop goes to whoever answers, the ticket page checks their need to know
                          tickets.restricted(t.getQueue()) ? null : t.getSubject(),
                          t.getStatus().name(),
                          t.getReceivedAt()))
              .toList();
      var recent = interactions.history(caller.getId(), PageRequest.of(0, HISTORY)).getContent();
      var restricted =
          tickets
              .byNumbers(
                  recent.stream()
                      .map(i -> i.getTicketNumber())
                      .filter(java.util.Objects::nonNull)
                      .distinct()
                      .toList())
              .values()
              .stream()
              .filter(t -> tickets.restricted(t.getQueue()))
              .map(t -> t.getNumber())
              .collect(java.util.stream.Collectors.toSet());
      history =
          recent.stream()
              .map(
                  i ->
                      new HistoryItem(
                          i.getOccurredAt(),
                          i.getChannel(),
                          i.getKind().name(),
                          restricted.contains(i.getTicketNumber()) ? null : i.getSummary(),
                          i.getTicketNumber()))
              .toList();
    }
    return new ScreenPop(
        agent,
        reason,
        call.getCallId(),
        "PHONE",
        call.getQueue(),
        call.getCallerNumber(),
        caller == null
            ? null
            : new Caller(
                caller.getId(), caller.getName(), caller.getFiscalCode(), caller.getEmail()),
        callers.size(),
        call.waitedSecondsAt(clock.instant()),
        call.getOfferedAt(),
        call.getTicketNumber(),
        open,
        history);
  }
}
