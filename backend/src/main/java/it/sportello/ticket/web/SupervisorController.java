package it.sportello.ticket.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import it.sportello.ticket.application.QueueStatistics;
import it.sportello.ticket.application.QueueStatistics.QueueFigures;
import it.sportello.worklist.WorkItem;
import it.sportello.worklist.Worklist;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The supervisor's live view: queues with their SLA figures, who holds which task. */
@Tag(name = "Supervisor", description = "Live queues and workload")
@RestController
@RequestMapping("/api/supervisor")
class SupervisorController {

  private static final int ASSIGNED_LIMIT = 500;

  private final QueueStatistics statistics;
  private final Worklist worklist;
  private final TicketViews views;

  SupervisorController(QueueStatistics statistics, Worklist worklist, TicketViews views) {
    this.statistics = statistics;
    this.worklist = worklist;
    this.views = views;
  }

  record Overview(
      List<QueueFigures> queues,
      Map<String, Long> tasksPerOperator,
      List<TicketViews.InboxRow> assigned) {}

  @Operation(
      summary = "Queues (waiting, in progress, oldest wait, SLA at risk and breached) and workload")
  @GetMapping("/overview")
  Overview overview() {
    List<WorkItem> assigned = worklist.assigned(ASSIGNED_LIMIT);
    Map<String, Long> perOperator = new TreeMap<>();
    assigned.forEach(task -> perOperator.merge(task.assignee(), 1L, Long::sum));
    return new Overview(statistics.queues(), perOperator, views.rows(assigned));
  }
}
