package it.sportello.ticket.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import it.sportello.platform.security.GroupAuthorities;
import it.sportello.processes.TicketProcess.Variables;
import it.sportello.shared.web.PageResponse;
import it.sportello.ticket.domain.Channel;
import it.sportello.ticket.domain.TicketType;
import it.sportello.worklist.InboxEvents;
import it.sportello.worklist.InboxFilter;
import it.sportello.worklist.WorkItem;
import it.sportello.worklist.Worker;
import it.sportello.worklist.Worklist;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.data.domain.Page;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** The operator's inbox: their tasks and their groups' tasks, with the ticket each one is about. */
@Tag(name = "Inbox", description = "Tasks with their tickets, by SLA deadline")
@Validated
@RestController
@RequestMapping("/api/inbox")
class InboxController {

  private final Worklist worklist;
  private final TicketViews views;
  private final InboxEvents events;

  InboxController(Worklist worklist, TicketViews views, InboxEvents events) {
    this.worklist = worklist;
    this.views = views;
    this.events = events;
  }

  @Operation(
      summary = "Server-sent events: 'tasks' whenever tasks are created, claimed or completed",
      description = "The event carries no data; reload the inbox when it arrives.")
  @GetMapping(value = "/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  SseEmitter events() {
    return events.subscribe();
  }

  @Operation(summary = "My inbox: tasks assigned to me or offered to my groups, by SLA deadline")
  @GetMapping
  PageResponse<TicketViews.InboxRow> inbox(
      Authentication authentication,
      @Parameter(description = "Only this queue") @RequestParam(required = false) String queue,
      @Parameter(description = "Only this ticket type") @RequestParam(required = false)
          TicketType type,
      @Parameter(description = "Only this channel") @RequestParam(required = false) Channel channel,
      @Parameter(description = "Only tickets in this language") @RequestParam(required = false)
          String language,
      @Parameter(description = "Ticket numbers containing this text")
          @RequestParam(required = false)
          String number,
      @RequestParam(defaultValue = "0") @Min(0) int page,
      @RequestParam(defaultValue = "25") @Min(1) @Max(200) int size) {
    Worker worker =
        new Worker(
            authentication.getName(), GroupAuthorities.groupIds(authentication.getAuthorities()));
    Map<String, String> variables = new HashMap<>();
    if (queue != null) variables.put(Variables.QUEUE, queue);
    if (type != null) variables.put(Variables.TICKET_TYPE, type.name());
    if (channel != null) variables.put(Variables.CHANNEL, channel.name());
    if (language != null) variables.put(Variables.LANGUAGE, language);
    InboxFilter filter =
        new InboxFilter(
            null,
            number == null || number.isBlank() ? null : number.strip().toUpperCase(Locale.ROOT),
            variables);
    Page<WorkItem> tasks = worklist.inbox(worker, filter, page, size);
    return new PageResponse<>(
        views.rows(tasks.getContent()),
        tasks.getNumber(),
        tasks.getSize(),
        tasks.getTotalElements(),
        tasks.getTotalPages());
  }
}
