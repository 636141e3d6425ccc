package it.sportello.ticket.web;

import it.sportello.contact.Contact;
import it.sportello.contact.ContactRegistry;
import it.sportello.sla.SlaProperties;
import it.sportello.sla.SlaService;
import it.sportello.sla.SlaState;
import it.sportello.ticket.application.TicketQueries;
import it.sportello.ticket.domain.Ticket;
import it.sportello.worklist.WorkItem;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Component;

/** Turns tickets into API views: the requester, the service zone and where the SLA stands now. */
@Component
class TicketViews {

  private final ContactRegistry contacts;
  private final TicketQueries tickets;
  private final SlaService sla;
  private final Clock clock;

  TicketViews(ContactRegistry contacts, TicketQueries tickets, SlaService sla, Clock clock) {
    this.contacts = contacts;
    this.tickets = tickets;
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

  /**
   * One task and its ticket. {@code slaState} is the state of the target that the task works
   * towards: taking in charge until someone has, then resolution; {@code slaDueAt} is that target's
   * deadline ({@code dueAt} is the task's own due date). {@code receivedAt} is when the citizen's
   * request arrived: their wait, whatever task is open now.
   */
  record InboxRow(
      String taskId,
      String taskName,
      String taskKey,
      String assignee,
      Instant createdAt,
      Instant dueAt,
      String number,
      String type,
      String channel,
      String language,
      String subject,
      String requesterName,
      String queue,
      Integer priority,
      String status,
      int currentLevel,
      SlaState slaState,
      Instant receivedAt,
      Instant slaDueAt) {

    /**
     * The row without what the ticket says or who asked (a queue outside the reader's need to
     * know).
     */
    InboxRow withheld() {
      return new InboxRow(
          taskId,
          taskName,
          taskKey,
          assignee,
          createdAt,
          dueAt,
          number,
          type,
          channel,
          language,
          null,
          null,
          queue,
          priority,
          status,
          currentLevel,
          slaState,
          receivedAt,
          slaDueAt);
    }
  }

  /** These rows, with the subject and requester of the tickets in these queues withheld. */
  static List<InboxRow> withholding(List<InboxRow> rows, List<String> barredQueues) {
    return barredQueues.isEmpty()
        ? rows
        : rows.stream()
            .map(row -> barredQueues.contains(row.queue()) ? row.withheld() : row)
            .toList();
  }

  /** Tasks with the tickets they are about, in the tasks' order; two queries whatever the count. */
  List<InboxRow> rows(List<WorkItem> tasks) {
    Map<String, Ticket> byNumber =
        tickets.byNumbers(
            tasks.stream().map(WorkItem::businessKey).filter(Objects::nonNull).toList());
    Map<Long, Contact> requesters =
        contacts.byIds(byNumber.values().stream().map(Ticket::getRequesterId).distinct().toList());
    return tasks.stream()
        .map(task -> row(task, byNumber.get(task.businessKey()), requesters))
        .toList();
  }

  private InboxRow row(WorkItem task, Ticket ticket, Map<Long, Contact> requesters) {
    if (ticket == null) {
      return new InboxRow(
          task.id(),
          task.name(),
          task.taskKey(),
          task.assignee(),
          task.createdAt(),
          task.dueAt(),
          task.businessKey(),
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          0,
          null,
          null,
          null);
    }
    TicketResponse.SlaStates states = slaStates(ticket);
    Contact requester = requesters.get(ticket.getRequesterId());
    return new InboxRow(
        task.id(),
        task.name(),
        task.taskKey(),
        task.assignee(),
        task.createdAt(),
        task.dueAt(),
        ticket.getNumber(),
        ticket.getType().name(),
        ticket.getChannel().name(),
        ticket.getLanguage(),
        ticket.getSubject(),
        requester == null ? null : requester.getName(),
        ticket.getQueue(),
        ticket.getPriority(),
        ticket.getStatus().name(),
        ticket.getCurrentLevel(),
        ticket.getTakenInChargeAt() == null ? states.takeInCharge() : states.resolution(),
        ticket.getReceivedAt(),
        ticket.getTakenInChargeAt() == null
            ? ticket.getTakeInChargeDueAt()
            : ticket.getResolutionDueAt());
  }
}
