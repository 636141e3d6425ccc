package it.sportello.ticket.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import it.sportello.platform.security.GroupAuthorities;
import it.sportello.shared.web.PageResponse;
import it.sportello.ticket.domain.Channel;
import it.sportello.ticket.domain.TicketType;
import it.sportello.ticket.process.TicketTaskFilters;
import it.sportello.worklist.InboxFilter;
import it.sportello.worklist.WorkItem;
import it.sportello.worklist.Worker;
import it.sportello.worklist.Worklist;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.Locale;
import java.util.Map;
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
  private final TicketViews views;

  InboxController(Worklist worklist, TicketViews views) {
    this.worklist = worklist;
    this.views = views;
  }

  /** The SLA states a waiting task can be in, as an inbox filter. */
  enum SlaFilter {
    ON_TRACK(InboxFilter.Urgency.ON_TIME),
    AT_RISK(InboxFilter.Urgency.FOLLOW_UP),
    BREACHED(InboxFilter.Urgency.OVERDUE);

    private final InboxFilter.Urgency urgency;

    SlaFilter(InboxFilter.Urgency urgency) {
      this.urgency = urgency;
    }
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
      @Parameter(description = "Only this priority (1 urgent .. 4 low)")
          @RequestParam(required = false)
          @Min(1)
          @Max(4)
          Integer priority,
      @Parameter(description = "Only tasks whose SLA deadline is in this state")
          @RequestParam(required = false)
          SlaFilter sla,
      @Parameter(description = "Ticket numbers containing this text")
          @RequestParam(required = false)
          String number,
      @Parameter(
              description =
                  "Requester: part of the name, or a whole fiscal code, VAT number, e-mail or"
                      + " phone")
          @RequestParam(required = false)
          String requester,
      @RequestParam(defaultValue = "0") @Min(0) int page,
      @RequestParam(defaultValue = "25") @Min(1) @Max(200) int size) {
    Worker worker =
        new Worker(
            authentication.getName(), GroupAuthorities.groupIds(authentication.getAuthorities()));
    Map<String, Object> variables =
        TicketTaskFilters.variables(queue, type, channel, language, priority);
    InboxFilter filter =
        new InboxFilter(
            null,
            isBlank(number) ? null : number.strip().toUpperCase(Locale.ROOT),
            isBlank(requester) ? null : requester,
            variables,
            sla == null ? null : sla.urgency);
    Page<WorkItem> tasks = worklist.inbox(worker, filter, page, size);
    return new PageResponse<>(
        views.rows(tasks.getContent()),
        tasks.getNumber(),
        tasks.getSize(),
        tasks.getTotalElements(),
        tasks.getTotalPages());
  }

  private static boolean isBlank(String text) {
    return text == null || text.isBlank();
  }
}
