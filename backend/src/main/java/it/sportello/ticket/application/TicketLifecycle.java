package it.sportello.ticket.application;

import static it.sportello.ticket.domain.TicketEventKind.DATA_INCOMPLETE;
import static it.sportello.ticket.domain.TicketEventKind.DATA_REQUESTED;

import it.sportello.contact.Contact;
import it.sportello.contact.ContactRegistry;
import it.sportello.notification.AppNotificationKind;
import it.sportello.notification.InAppNotifications;
import it.sportello.notification.Notification.RecipientKind;
import it.sportello.notification.NotificationRequest;
import it.sportello.notification.Notifications;
import it.sportello.shared.ConflictException;
import it.sportello.sla.SlaService;
import it.sportello.sla.SlaService.ReplyWindow;
import it.sportello.sla.SlaTargets;
import it.sportello.ticket.TicketClosed;
import it.sportello.ticket.domain.Channel;
import it.sportello.ticket.domain.Queue;
import it.sportello.ticket.domain.QueueRepository;
import it.sportello.ticket.domain.Ticket;
import it.sportello.ticket.domain.TicketEvent;
import it.sportello.ticket.domain.TicketEventKind;
import it.sportello.ticket.domain.TicketRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The automatic steps of a ticket's life, each called by one delegate of the {@code ticket}
 * process: classification and SLA targets, escalations, waiting for the requester with the SLA
 * clock paused, closure with the requester notified. Every step is safe to run again (a retried
 * job).
 */
@Service
public class TicketLifecycle {

  /** The key of the answer channel a citizen chose on the web form, in the ticket's context. */
  public static final String WEB_ANSWER_CHANNEL = "answerChannel";

  /** The key of the call-back slot a citizen chose (an ISO instant), in the ticket's context. */
  public static final String CALLBACK_AT = "callbackAt";

  public static final String SUPERVISORS_GROUP = "supervisor";

  private final TicketRepository tickets;
  private final QueueRepository queues;
  private final ContactRegistry contacts;
  private final Notifications notifications;
  private final InAppNotifications inApp;
  private final SlaService sla;
  private final Clock clock;
  private final ApplicationEventPublisher events;

  TicketLifecycle(
      TicketRepository tickets,
      QueueRepository queues,
      ContactRegistry contacts,
      Notifications notifications,
      InAppNotifications inApp,
      SlaService sla,
      Clock clock,
      ApplicationEventPublisher events) {
    this.tickets = tickets;
    this.queues = queues;
    this.contacts = contacts;
    this.notifications = notifications;
    this.inApp = inApp;
    this.sla = sla;
    this.clock = clock;
    this.events = events;
  }

  /** Where a classified ticket waits and by when it must be taken in charge and solved. */
  public record Classification(String queue, String backOfficeGroup, SlaTargets targets) {}

  /** A deadline and the instant from which it is at risk. */
  public record Deadline(Instant dueAt, Instant atRiskFrom) {}

  /**
   * Classifies the ticket the decision classified, found by its number (one query).
   *
   * @see #classify(long, String, String, int, String)
   */
  @Transactional
  public Classification classify(String number, String queueCode, int priority, String slaPolicy) {
    return classify(tickets.getByNumber(number), queueCode, priority, slaPolicy);
  }

  /**
   * Classifies a ticket known by its id: the intake's, opened in this transaction, is read from the
   * persistence context, without a query and without the flush a query by number makes first.
   */
  @Transactional
  public Classification classify(
      long ticketId, String number, String queueCode, int priority, String slaPolicy) {
    Ticket ticket =
        tickets
            .findById(ticketId)
            .filter(found -> found.getNumber().equals(number))
            .orElseThrow(
                () -> new IllegalStateException("No ticket " + number + " with id " + ticketId));
    return classify(ticket, queueCode, priority, slaPolicy);
  }

  private Classification classify(Ticket ticket, String queueCode, int priority, String slaPolicy) {
    Queue queue =
        queues
            .findById(queueCode)
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "The classification decision chose the unknown queue '" + queueCode + "'"));
    if (!sla.hasPolicy(slaPolicy)) {
      throw new IllegalStateException(
          "The classification decision chose the unknown SLA policy '" + slaPolicy + "'");
    }
    SlaTargets targets = sla.targets(slaPolicy, ticket.getReceivedAt());
    ticket.classify(
        queue.getCode(),
        priority,
        slaPolicy,
        targets.takeInChargeDueAt(),
        targets.resolutionDueAt(),
        clock.instant());
    return new Classification(queue.getCode(), queue.getBackOfficeGroup(), targets);
  }

  @Transactional
  public void takeInChargeOverdue(String number) {
    Ticket ticket = tickets.getByNumber(number);
    if (ticket.markTakeInChargeBreached(clock.instant())) {
      notifySupervisors(ticket, "TAKE_IN_CHARGE_OVERDUE", ticket.getTakeInChargeDueAt());
    }
  }

  @Transactional
  public void resolutionOverdue(String number) {
    Ticket ticket = tickets.getByNumber(number);
    if (ticket.markResolutionBreached(clock.instant())) {
      notifySupervisors(ticket, "RESOLUTION_OVERDUE", ticket.getResolutionDueAt());
    }
  }

  /**
   * Pauses the SLA clock and asks the requester for the missing data. @return when to remind, when
   * to give up
   */
  @Transactional
  public ReplyWindow awaitRequester(String number) {
    Ticket ticket = tickets.getByNumber(number);
    Instant now = clock.instant();
    ticket.pauseSla(now);
    notifyRequester(
        ticket,
        "REQUEST_MISSING_DATA",
        now,
        Map.of("missingData", lastDetail(ticket, DATA_REQUESTED)));
    return sla.replyWindow(now);
  }

  @Transactional
  public void remindRequester(String number) {
    Ticket ticket = tickets.getByNumber(number);
    if (ticket.getSlaPausedAt() == null) {
      return;
    }
    ticket.requesterReminded(clock.instant());
    notifyRequester(
        ticket,
        "REMIND_MISSING_DATA",
        ticket.getSlaPausedAt(),
        Map.of("missingData", lastDetail(ticket, DATA_REQUESTED)));
  }

  /**
   * The requester replied: the SLA clock restarts. @return the resolution deadline moved by the
   * pause, with the instant it gets at risk
   */
  @Transactional
  public Deadline resumeAfterReply(String number) {
    Ticket ticket = tickets.getByNumber(number);
    Instant now = clock.instant();
    if (ticket.getSlaPausedAt() != null) {
      ticket.resumeSla(
          sla.extendByPause(ticket.getResolutionDueAt(), ticket.getSlaPausedAt(), now), now);
    }
    Instant due = ticket.getResolutionDueAt();
    return new Deadline(due, sla.atRiskFrom(sla.policy(ticket.getSlaPolicy()).resolution(), due));
  }

  @Transactional
  public void closeForNoReply(String number) {
    Ticket ticket = tickets.getByNumber(number);
    if (ticket.isClosed()) {
      return;
    }
    Instant pausedAt = ticket.getSlaPausedAt();
    ticket.closeForNoReply(clock.instant());
    notifyRequester(ticket, "CLOSED_FOR_NO_REPLY", pausedAt, Map.of());
  }

  /**
   * An operator writes to the requester: recorded on the ticket's path and sent through the
   * requester's channel (the mail of the mailbox the ticket came in on, or SMS).
   *
   * @throws ConflictException if the ticket is closed or the requester has no address
   */
  @Transactional
  public TicketEvent reply(String number, String text, String actor) {
    return reply(number, text, List.of(), actor);
  }

  /**
   * As {@link #reply(String, String, String)}, with files of the ticket that the mail to the
   * requester carries as attachments (by document id, in this order).
   */
  @Transactional
  public TicketEvent reply(
      String number, String text, java.util.Collection<Long> documentIds, String actor) {
    Ticket ticket = tickets.getByNumber(number);
    if (ticket.isClosed()) {
      throw new ConflictException(409, "Ticket " + number + " is closed: open a new one instead.");
    }
    Instant now = clock.instant();
    Map<String, String> values = new LinkedHashMap<>();
    values.put("answer", text);
    if (documentIds != null && !documentIds.isEmpty()) {
      // the mail channel attaches these files of the ticket (NotificationMailer.DOCUMENTS)
      values.put("documents", String.join(",", documentIds.stream().map(String::valueOf).toList()));
    }
    if (!notifyRequester(ticket, "OPERATOR_REPLY", now, values)) {
      throw new ConflictException(
          409, "The requester of ticket " + number + " has no e-mail address or phone number.");
    }
    ticket.replySent(actor, text, now);
    return ticket.lastEvent();
  }

  /** The reply left the data incomplete: close and invite the requester to call. */
  @Transactional
  public void closeForIncompleteData(String number) {
    Ticket ticket = tickets.getByNumber(number);
    if (ticket.isClosed()) {
      return;
    }
    ticket.closeForIncompleteData(clock.instant());
    notifyRequester(
        ticket,
        "CLOSED_DATA_INCOMPLETE",
        ticket.getClosedAt(),
        Map.of("missingData", lastDetail(ticket, DATA_INCOMPLETE)));
  }

  @Transactional
  public void close(String number) {
    Ticket ticket = tickets.getByNumber(number);
    if (ticket.isClosed()) {
      return;
    }
    ticket.close(clock.instant());
    if (ticket.getAnswer() != null && byPhone(ticket)) {
      // the requester chose the phone: the answer is given by a call-back (channel/phone)
      events.publishEvent(
          new AnswerByPhoneRequested(
              number, lastActor(ticket, TicketEventKind.SOLVED), callbackAt(ticket)));
    } else {
      notifyRequester(
          ticket,
          "TICKET_CLOSED",
          ticket.getClosedAt(),
          ticket.getAnswer() == null ? Map.of() : Map.of("answer", ticket.getAnswer()));
    }
    events.publishEvent(new TicketClosed(number));
  }

  /**
   * A merged duplicate closes (outcome DUPLICATE); the requester is not notified: their request
   * goes on in the primary ticket. Safe to run again.
   */
  @Transactional
  public void closeAsDuplicate(String number) {
    tickets.getByNumber(number).closeAsDuplicate(clock.instant());
  }

  private void notifySupervisors(Ticket ticket, String template, Instant due) {
    notifications.queue(
        new NotificationRequest(
            ticket.getNumber() + ":" + template,
            ticket.getId(),
            RecipientKind.GROUP,
            SUPERVISORS_GROUP,
            Notifications.INBOX,
            template,
            "it",
            Map.of(
                "number",
                ticket.getNumber(),
                "queue",
                String.valueOf(ticket.getQueue()),
                "dueAt",
                String.valueOf(due),
                "priority",
                String.valueOf(ticket.getPriority()))));
    // the supervisors see it in the application through the outbox; whoever holds it sees it too
    inApp.publish(
        ticket.getNumber() + ":" + template,
        AppNotificationKind.valueOf(template),
        ticket.getNumber(),
        Map.of("dueAt", String.valueOf(due)),
        inApp.assignees(ticket.getNumber()));
  }

  /**
   * Answers go back by e-mail (PEC when the request came by PEC, or a web request asked for PEC),
   * else by SMS; {@code when} makes the key unique.
   *
   * @return whether the requester has an address to notify
   */
  private boolean notifyRequester(
      Ticket ticket, String template, Instant when, Map<String, String> extra) {
    Contact requester = contacts.get(ticket.getRequesterId());
    String channel;
    String recipient;
    if (requester.getEmail() != null) {
      channel = byPec(ticket) ? "PEC" : "EMAIL";
      recipient = requester.getEmail();
    } else if (requester.getPhone() != null) {
      channel = "SMS";
      recipient = requester.getPhone();
    } else {
      return false;
    }
    Map<String, String> payload = new LinkedHashMap<>(extra);
    payload.put("number", ticket.getNumber());
    payload.put("subject", ticket.getSubject());
    notifications.queue(
        new NotificationRequest(
            ticket.getNumber() + ":" + template + ":" + when.toEpochMilli(),
            ticket.getId(),
            RecipientKind.REQUESTER,
            recipient,
            channel,
            template,
            ticket.getLanguage(),
            payload));
    return true;
  }

  /**
   * By PEC: a request that came by PEC, or a web request whose citizen chose PEC as the answer
   * channel (the form's {@code answerChannel}, kept in the ticket's context).
   */
  private static boolean byPec(Ticket ticket) {
    return ticket.getChannel() == Channel.PEC
        || (ticket.getChannel() == Channel.WEB
            && "PEC".equals(ticket.getContext().get(WEB_ANSWER_CHANNEL)));
  }

  /**
   * By phone: the requester chose a call-back as the answer channel (on the web form, or kept in
   * the context by any channel) and has a phone number.
   */
  private boolean byPhone(Ticket ticket) {
    return "PHONE".equals(ticket.getContext().get(WEB_ANSWER_CHANNEL))
        && contacts.get(ticket.getRequesterId()).getPhone() != null;
  }

  private static Instant callbackAt(Ticket ticket) {
    String at = ticket.getContext().get(CALLBACK_AT);
    try {
      return at == null ? null : Instant.parse(at);
    } catch (java.time.format.DateTimeParseException e) {
      return null;
    }
  }

  private static String lastActor(Ticket ticket, TicketEventKind kind) {
    String actor = null;
    for (TicketEvent event : ticket.getEvents()) {
      if (event.getKind() == kind) {
        actor = event.getActor();
      }
    }
    return actor;
  }

  private static String lastDetail(Ticket ticket, TicketEventKind kind) {
    String detail = "";
    for (TicketEvent event : ticket.getEvents()) {
      if (event.getKind() == kind && event.getDetail() != null) {
        detail = event.getDetail();
      }
    }
    return detail;
  }
}
