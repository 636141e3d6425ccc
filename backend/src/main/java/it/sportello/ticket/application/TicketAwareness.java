package it.sportello.ticket.application;

import it.sportello.notification.AppNotificationKind;
import it.sportello.notification.InAppNotifications;
import it.sportello.notification.Recipient;
import it.sportello.ticket.domain.Ticket;
import it.sportello.ticket.domain.TicketEvent;
import it.sportello.ticket.domain.TicketEventKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Tells the staff working a ticket what happened on it, in the application's bell: who that is is
 * the ticket's business.
 */
@Component
class TicketAwareness {

  private final InAppNotifications inApp;

  TicketAwareness(InAppNotifications inApp) {
    this.inApp = inApp;
  }

  /**
   * The requester wrote: to whoever holds the ticket's open task; when nobody does, to whoever
   * asked them for data or took the ticket in charge; else to the groups its tasks are offered to,
   * or its queue.
   */
  void requesterReplied(Ticket ticket, String channel, Instant at) {
    String number = ticket.getNumber();
    List<Recipient> recipients = inApp.assignees(number);
    if (recipients.isEmpty()) {
      String worker = lastActor(ticket, TicketEventKind.DATA_REQUESTED);
      if (worker == null) {
        worker = ticket.getTakenInChargeBy();
      }
      if (worker != null) {
        recipients = List.of(Recipient.user(worker));
      }
    }
    if (recipients.isEmpty()) {
      recipients = inApp.holders(number);
    }
    if (recipients.isEmpty() && ticket.getQueue() != null) {
      recipients = List.of(Recipient.group(ticket.getQueue()));
    }
    inApp.publish(
        number + ":" + AppNotificationKind.REQUESTER_REPLIED + ":" + at.toEpochMilli(),
        AppNotificationKind.REQUESTER_REPLIED,
        number,
        channel == null ? Map.of() : Map.of("channel", channel),
        recipients);
  }

  /**
   * A deadline of the ticket gets near: to whoever holds it (else the groups it waits for) and to
   * the supervisors, once per deadline.
   */
  void atRisk(String number, AppNotificationKind kind, Instant due) {
    List<Recipient> recipients = new ArrayList<>(inApp.holders(number));
    recipients.add(Recipient.group(TicketLifecycle.SUPERVISORS_GROUP));
    inApp.publish(
        number + ":" + kind + ":" + due.toEpochMilli(),
        kind,
        number,
        Map.of("dueAt", due.toString()),
        recipients);
  }

  private static String lastActor(Ticket ticket, TicketEventKind kind) {
    String actor = null;
    for (TicketEvent event : ticket.getEvents()) {
      if (event.getKind() == kind && event.getActor() != null) {
        actor = event.getActor();
      }
    }
    return actor;
  }
}
