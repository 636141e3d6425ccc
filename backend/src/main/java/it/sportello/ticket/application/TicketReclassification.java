package it.sportello.ticket.application;

import it.sportello.kb.Category;
import it.sportello.kb.CategoryTree;
import it.sportello.shared.ConflictException;
import it.sportello.shared.FieldViolation;
import it.sportello.shared.InvalidRequestException;
import it.sportello.sla.SlaService;
import it.sportello.sla.SlaTargets;
import it.sportello.ticket.domain.Queue;
import it.sportello.ticket.domain.QueueRepository;
import it.sportello.ticket.domain.Ticket;
import it.sportello.ticket.domain.TicketRepository;
import it.sportello.ticket.domain.TicketType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An operator changes a ticket's queue, type, priority or category. The SLA policy is the one the
 * classification decision gives for the new type and category (on the ticket's channel and
 * language); when it changes, both deadlines are computed again from the original receipt time
 * under the new policy, moved on by the working time the ticket already spent waiting for the
 * requester, and the engine's timers and the open tasks' due dates follow. A new queue moves the
 * open level-1 task to the new queue's candidate group (and a level-2 task to its back office). The
 * path records who changed what from what to what, and why.
 */
@Service
public class TicketReclassification {

  /** What to change: a null field stays as it is; {@code category} is a node of the tree. */
  public record Change(
      String queue, String type, Integer priority, String category, String reason) {}

  /** What changed, field by field (empty when the request changed nothing). */
  public record Result(String number, List<String> changed, boolean deadlinesMoved) {}

  private final TicketRepository tickets;
  private final QueueRepository queues;
  private final CategoryTree categories;
  private final SlaService sla;
  private final TicketProcessPort process;
  private final java.time.Clock clock;

  TicketReclassification(
      TicketRepository tickets,
      QueueRepository queues,
      CategoryTree categories,
      SlaService sla,
      TicketProcessPort process,
      java.time.Clock clock) {
    this.tickets = tickets;
    this.queues = queues;
    this.categories = categories;
    this.sla = sla;
    this.process = process;
    this.clock = clock;
  }

  @Transactional
  public Result reclassify(String number, Change change, TicketActor actor) {
    Ticket ticket = tickets.getByNumber(number);
    List<FieldViolation> violations = new ArrayList<>();
    Queue queue = null;
    if (change.queue() != null) {
      queue = queues.findById(change.queue()).orElse(null);
      if (queue == null) {
        violations.add(new FieldViolation("queue", "unknown queue '" + change.queue() + "'"));
      }
    }
    TicketType type = ticket.getType();
    if (change.type() != null) {
      try {
        type = TicketType.valueOf(change.type());
      } catch (IllegalArgumentException e) {
        violations.add(new FieldViolation("type", "unknown ticket type '" + change.type() + "'"));
      }
    }
    if (change.priority() != null && (change.priority() < 1 || change.priority() > 4)) {
      violations.add(new FieldViolation("priority", "must be between 1 (urgent) and 4 (low)"));
    }
    String topic = ticket.getTopic();
    String topicReason = ticket.getReason();
    if (change.category() != null) {
      Category node = categories.byCode(change.category()).orElse(null);
      if (node == null) {
        violations.add(
            new FieldViolation("category", "unknown category '" + change.category() + "'"));
      } else {
        List<Category> path = pathTo(node);
        topic = path.get(0).code();
        topicReason = path.size() > 1 ? path.get(1).code() : null;
      }
    }
    if (change.reason() == null || change.reason().isBlank()) {
      violations.add(new FieldViolation("reason", "must say why the ticket is reclassified"));
    }
    if (!violations.isEmpty()) {
      throw new InvalidRequestException(violations);
    }
    if (ticket.isClosed()) {
      throw new ConflictException(409, "Ticket " + number + " is closed: it cannot be changed.");
    }
    if (ticket.getQueue() == null) {
      throw new ConflictException(409, "Ticket " + number + " is not classified yet.");
    }
    actor.requireMayChange(ticket);

    String queueCode = queue == null ? ticket.getQueue() : queue.getCode();
    Queue newQueue = queue == null ? queues.getReferenceById(queueCode) : queue;
    int priority = change.priority() == null ? ticket.getPriority() : change.priority();
    String policy =
        process
            .slaPolicyFor(type.name(), topic, ticket.getChannel().name(), ticket.getLanguage())
            .filter(sla::hasPolicy)
            .orElse(ticket.getSlaPolicy());

    List<String> changed = new ArrayList<>();
    diff(changed, "queue", ticket.getQueue(), queueCode);
    diff(changed, "type", ticket.getType().name(), type.name());
    diff(changed, "priority", String.valueOf(ticket.getPriority()), String.valueOf(priority));
    diff(changed, "topic", ticket.getTopic(), topic);
    diff(changed, "reason", ticket.getReason(), topicReason);
    diff(changed, "sla", ticket.getSlaPolicy(), policy);
    if (changed.isEmpty()) {
      return new Result(number, List.of(), false);
    }
    SlaTargets targets = null;
    if (!policy.equals(ticket.getSlaPolicy())) {
      targets = moved(ticket, policy);
      diff(
          changed,
          "takeInChargeDueAt",
          String.valueOf(ticket.getTakeInChargeDueAt()),
          String.valueOf(targets.takeInChargeDueAt()));
      diff(
          changed,
          "resolutionDueAt",
          String.valueOf(ticket.getResolutionDueAt()),
          String.valueOf(targets.resolutionDueAt()));
    }
    String detail = String.join("; ", changed) + " — " + change.reason().strip();
    ticket.reclassify(
        type,
        queueCode,
        priority,
        topic,
        topicReason,
        policy,
        targets == null ? ticket.getTakeInChargeDueAt() : targets.takeInChargeDueAt(),
        targets == null ? ticket.getResolutionDueAt() : targets.resolutionDueAt(),
        actor.name(),
        detail,
        clock.instant());
    process.reclassified(number, queueCode, newQueue.getBackOfficeGroup(), priority, targets);
    return new Result(number, List.copyOf(changed), targets != null);
  }

  /**
   * The targets under {@code policy} from the original receipt time; the resolution deadline moved
   * on by the working time the ticket has already waited for the requester (the pauses that already
   * moved the old deadline).
   */
  private SlaTargets moved(Ticket ticket, String policy) {
    SlaTargets fresh = sla.targets(policy, ticket.getReceivedAt());
    SlaTargets old = sla.targets(ticket.getSlaPolicy(), ticket.getReceivedAt());
    Duration paused =
        ticket.getResolutionDueAt() == null
                || !ticket.getResolutionDueAt().isAfter(old.resolutionDueAt())
            ? Duration.ZERO
            : sla.calendar().workingTimeBetween(old.resolutionDueAt(), ticket.getResolutionDueAt());
    if (paused.isZero()) {
      return fresh;
    }
    java.time.Instant resolution = sla.calendar().addWorkingTime(fresh.resolutionDueAt(), paused);
    return new SlaTargets(
        policy,
        fresh.takeInChargeDueAt(),
        fresh.takeInChargeAtRiskFrom(),
        resolution,
        sla.atRiskFrom(sla.policy(policy).resolution(), resolution));
  }

  private List<Category> pathTo(Category node) {
    List<Category> path = new ArrayList<>();
    Category current = node;
    for (int depth = 0; current != null && depth < 20; depth++) {
      path.add(0, current);
      current =
          current.parentId() == null ? null : categories.byId(current.parentId()).orElse(null);
    }
    return path;
  }

  private static void diff(List<String> changed, String field, String from, String to) {
    if (!Objects.equals(from, to)) {
      changed.add(field + ": " + (from == null ? "—" : from) + " → " + (to == null ? "—" : to));
    }
  }
}
