package it.sportello.ticket.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import it.sportello.shared.NotFoundException;
import it.sportello.ticket.TicketReaders;
import it.sportello.ticket.application.QueueStatistics;
import it.sportello.ticket.application.QueueStatistics.QueueFigures;
import it.sportello.ticket.application.TicketQueries;
import it.sportello.ticket.domain.Office;
import it.sportello.ticket.domain.OfficeRepository;
import it.sportello.ticket.domain.Queue;
import it.sportello.ticket.domain.QueueRepository;
import it.sportello.worklist.GroupWork;
import it.sportello.worklist.WorkItem;
import it.sportello.worklist.Worklist;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The supervisor's live view: queues with their SLA figures, the open work of every group (queues,
 * levels, offices, head office, secretariat...), who holds which task.
 */
@Tag(name = "Supervisor", description = "Live queues and workload")
@RestController
@RequestMapping("/api/supervisor")
class SupervisorController {

  private static final int ASSIGNED_LIMIT = 500;
  private static final int GROUP_TASKS_LIMIT = 100;

  /** The levels of the service desk, always on the board even when idle. */
  private static final Set<String> LEVELS = Set.of("level1", "level2", "level3");

  private final QueueStatistics statistics;
  private final Worklist worklist;
  private final TicketViews views;
  private final QueueRepository queues;
  private final OfficeRepository offices;
  private final TicketQueries ticketQueries;

  SupervisorController(
      QueueStatistics statistics,
      Worklist worklist,
      TicketViews views,
      QueueRepository queues,
      OfficeRepository offices,
      TicketQueries ticketQueries) {
    this.ticketQueries = ticketQueries;
    this.statistics = statistics;
    this.worklist = worklist;
    this.views = views;
    this.queues = queues;
    this.offices = offices;
  }

  /** What kind of group a row of the board is. */
  enum GroupKind {
    QUEUE,
    LEVEL,
    OFFICE,
    OTHER
  }

  /** The open tasks of one group; names in Italian and English where the registry has them. */
  record GroupFigures(
      String group,
      GroupKind kind,
      String nameIt,
      String nameEn,
      long waiting,
      long inProgress,
      Instant oldestWaitingSince,
      long atRisk,
      long breached) {}

  record Overview(
      List<QueueFigures> queues,
      Map<String, Long> tasksPerOperator,
      List<TicketViews.InboxRow> assigned,
      List<GroupFigures> groups) {}

  @Operation(
      summary = "Queues (waiting, in progress, oldest wait, SLA at risk and breached) and workload",
      description =
          "`queues` counts the open tickets of each level-1 queue; `groups` counts the open tasks"
              + " offered to every group that works them (queues, levels, offices, head office,"
              + " secretariat, management...): the queues, levels and offices always, the others"
              + " when they have work.")
  @GetMapping("/overview")
  Overview overview(Authentication authentication) {
    List<WorkItem> assigned = worklist.assigned(ASSIGNED_LIMIT);
    Map<String, Long> perOperator = new TreeMap<>();
    assigned.forEach(task -> perOperator.merge(task.assignee(), 1L, Long::sum));
    return new Overview(
        statistics.queues(),
        perOperator,
        TicketViews.withholding(views.rows(assigned), barred(authentication)),
        groups());
  }

  /** The restricted queues (privacy) the supervisor is not a member of: their words withheld. */
  private List<String> barred(Authentication authentication) {
    return ticketQueries.barredQueues(TicketReaders.of(authentication));
  }

  @Operation(
      summary = "The tasks offered to a group, by due date",
      description =
          "Waiting ones only (nobody has taken them) unless `waitingOnly=false`; at most 100.")
  @GetMapping("/groups/{group}/tasks")
  List<TicketViews.InboxRow> groupTasks(
      @PathVariable String group,
      @RequestParam(defaultValue = "true") boolean waitingOnly,
      Authentication authentication) {
    if (!worklist.groups().containsKey(group)) {
      throw new NotFoundException("No group " + group);
    }
    return TicketViews.withholding(
        views.rows(worklist.ofGroup(group, waitingOnly, GROUP_TASKS_LIMIT)),
        barred(authentication));
  }

  private List<GroupFigures> groups() {
    Map<String, String[]> names = new LinkedHashMap<>();
    Map<String, GroupKind> kinds = new LinkedHashMap<>();
    for (Queue queue : queues.findAll()) {
      kinds.put(queue.getCode(), GroupKind.QUEUE);
      names.put(queue.getCode(), new String[] {queue.getNameIt(), queue.getNameEn()});
    }
    Map<String, String> known = worklist.groups();
    LEVELS.stream()
        .sorted()
        .filter(known::containsKey)
        .forEach(level -> kinds.putIfAbsent(level, GroupKind.LEVEL));
    for (Queue queue : queues.findAll()) {
      kinds.putIfAbsent(queue.getBackOfficeGroup(), GroupKind.LEVEL);
    }
    for (Office office : offices.findAll()) {
      kinds.putIfAbsent(office.getCode(), GroupKind.OFFICE);
      names.putIfAbsent(office.getCode(), new String[] {office.getName(), office.getName()});
    }
    known.keySet().forEach(group -> kinds.putIfAbsent(group, GroupKind.OTHER));
    List<GroupFigures> figures = new ArrayList<>();
    for (GroupWork work : worklist.workload(List.copyOf(kinds.keySet()))) {
      GroupKind kind = kinds.get(work.group());
      if (kind == GroupKind.OTHER && work.waiting() + work.inProgress() == 0) {
        continue;
      }
      String[] name = names.getOrDefault(work.group(), new String[] {work.name(), work.name()});
      figures.add(
          new GroupFigures(
              work.group(),
              kind,
              name[0],
              name[1],
              work.waiting(),
              work.inProgress(),
              work.oldestWaitingSince(),
              work.atRisk(),
              work.breached()));
    }
    return figures;
  }
}
