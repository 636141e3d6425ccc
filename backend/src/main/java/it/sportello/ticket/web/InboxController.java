package it.sportello.ticket.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import it.sportello.contact.Contact;
import it.sportello.contact.ContactRegistry;
import it.sportello.platform.security.GroupAuthorities;
import it.sportello.shared.web.PageResponse;
import it.sportello.sla.SlaState;
import it.sportello.ticket.application.TicketQueries;
import it.sportello.ticket.domain.Ticket;
import it.sportello.worklist.WorkItem;
import it.sportello.worklist.Worker;
import it.sportello.worklist.Worklist;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import org.springframework.data.domain.Page;
import org.springframework.security.core.Authentication;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The operator's inbox: their tasks and their groups' tasks, with the ticket each one is about. */
@Tag(name = "Inbox", description = "Tasks with their tickets, by SLA deadline")
@Validated
@RestController
@RequestMapping("/api/inbox")
class InboxController {

  private final Worklist worklist;
  private final TicketQueries tickets;
  private final ContactRegistry contacts;
  private final TicketViews views;

  InboxController(
      Worklist worklist, TicketQueries tickets, ContactRegistry contacts, TicketViews views) {
    this.worklist = worklist;
    this.tickets = tickets;
    this.contacts = contacts;
    this.views = views;
  }

  /**
   * One task and its ticket. {@code slaState} is the state of the target that the task works
   * towards: taking in charge until someone has, then resolution.
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
      SlaState slaState) {}

  @Operation(summary = "My inbox: tasks assigned to me or offered to my groups, by SLA deadline")
  @GetMapping
  PageResponse<InboxRow> inbox(
      Authentication authentication,
      @RequestParam(defaultValue = "0") @Min(0) int page,
      @RequestParam(defaultValue = "25") @Min(1) @Max(200) int size) {
    Worker worker =
        new Worker(
            authentication.getName(), GroupAuthorities.groupIds(authentication.getAuthorities()));
    Page<WorkItem> tasks = worklist.inbox(worker, null, page, size);
    Map<String, Ticket> byNumber =
        tickets.byNumbers(
            tasks.getContent().stream()
                .map(WorkItem::businessKey)
                .filter(Objects::nonNull)
                .toList());
    Map<Long, Contact> requesters =
        contacts.byIds(byNumber.values().stream().map(Ticket::getRequesterId).distinct().toList());
    return PageResponse.of(tasks, task -> row(task, byNumber.get(task.businessKey()), requesters));
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
          null);
    }
    TicketResponse.SlaStates states = views.slaStates(ticket);
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
        ticket.getTakenInChargeAt() == null ? states.takeInCharge() : states.resolution());
  }
}
