package it.sportello.ticket.application;

import it.sportello.notification.TicketTasks;
import it.sportello.shared.ForbiddenException;
import it.sportello.shared.NotFoundException;
import it.sportello.ticket.domain.Channel;
import it.sportello.ticket.domain.Ticket;
import it.sportello.ticket.domain.TicketEvent;
import it.sportello.ticket.domain.TicketRepository;
import it.sportello.ticket.domain.TicketStatus;
import it.sportello.ticket.domain.TicketType;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Limit;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads tickets for the API: one by number, or a filtered page, newest first; each within the
 * reader's need to know ({@link NeedToKnowProperties}).
 */
@Service
public class TicketQueries {

  private static final Logger log = LoggerFactory.getLogger(TicketQueries.class);

  private final TicketRepository tickets;
  private final NeedToKnowProperties needToKnow;
  private final TicketTasks tasks;
  private final ApplicationEventPublisher events;

  TicketQueries(
      TicketRepository tickets,
      NeedToKnowProperties needToKnow,
      TicketTasks tasks,
      ApplicationEventPublisher events) {
    this.tickets = tickets;
    this.needToKnow = needToKnow;
    this.tasks = tasks;
    this.events = events;
  }

  /** Whether a reader may read a ticket. */
  public enum Access {
    GRANTED,
    /** Staff outside their need to know: refused (403) unless they break the glass. */
    NEED_TO_KNOW,
    /** Not for this reader at all (an office, an external system): the ticket stays hidden. */
    HIDDEN
  }

  /** Filters of the ticket list; null means "any". */
  public record TicketFilter(
      TicketStatus status,
      String queue,
      Channel channel,
      TicketType type,
      Long requesterId,
      Instant receivedFrom,
      Instant receivedTo) {}

  /**
   * Who reads tickets. Front- and back-office staff and supervisors read every ticket; an office
   * reads the tickets that were assigned to one of its groups; an external system reads the tickets
   * it opened.
   */
  public record Reader(
      String userId, boolean staff, Collection<String> groups, String breakGlassReason) {

    public Reader(String userId, boolean staff, Collection<String> groups) {
      this(userId, staff, groups, null);
    }

    /** Opened it, or it was assigned to one of the reader's offices. */
    boolean ownsOrOffice(Ticket ticket) {
      return userId.equals(ticket.getCreatedBy())
          || ticket.getEvents().stream().anyMatch(event -> inGroup(event.getOffice()));
    }

    /** Whether the reader belongs to this group (false for none). */
    boolean inGroup(String group) {
      return group != null && groups.contains(group);
    }

    boolean breaksGlass() {
      return staff && breakGlassReason != null && !breakGlassReason.isBlank();
    }
  }

  /** Whether this reader may read this ticket (its events loaded). */
  public Access access(Ticket ticket, Reader reader) {
    if (!reader.staff()) {
      return reader.ownsOrOffice(ticket) ? Access.GRANTED : Access.HIDDEN;
    }
    String queue = ticket.getQueue();
    if (needToKnow.restrictedQueues().contains(queue)) {
      // its members, and whoever the procedure gave its work to (a privacy request escalated to
      // level 2 is level 2's work, without making level 2 a member of the privacy queue)
      return reader.inGroup(queue) || worksOn(ticket, reader)
          ? Access.GRANTED
          : Access.NEED_TO_KNOW;
    }
    if (readsAll(reader)
        || reader.inGroup(queue)
        || reader.ownsOrOffice(ticket)
        || worksOn(ticket, reader)) {
      return Access.GRANTED;
    }
    return Access.NEED_TO_KNOW;
  }

  /** Worked on the ticket, or is the assignee or a candidate of one of its open tasks. */
  private boolean worksOn(Ticket ticket, Reader reader) {
    return ticket.getEvents().stream().anyMatch(event -> reader.userId().equals(event.getActor()))
        || tasks.openTasks(ticket.getNumber()).stream()
            .anyMatch(
                task ->
                    reader.userId().equals(task.assignee())
                        || task.candidateGroups().stream().anyMatch(reader::inGroup));
  }

  boolean readsAll(Reader reader) {
    return reader.groups().stream().anyMatch(needToKnow.readAllGroups()::contains);
  }

  /** Whether the queue is restricted (the privacy queue): only its members read its tickets. */
  public boolean restricted(String queue) {
    return queue != null && needToKnow.restrictedQueues().contains(queue);
  }

  /** The restricted queues this reader is not a member of. */
  public List<String> barredQueues(Reader reader) {
    return needToKnow.restrictedQueues().stream()
        .filter(queue -> !reader.groups().contains(queue))
        .sorted()
        .toList();
  }

  /**
   * The ticket, when the reader may read it; outside their need to know only with a break-glass
   * reason (published as a {@link BreakGlassRead}).
   *
   * @throws NotFoundException also when the reader may not see the ticket at all (its existence
   *     stays hidden)
   * @throws ForbiddenException when it is outside the staff reader's need to know
   */
  @Transactional(readOnly = true)
  public Ticket get(String number, Reader reader) {
    Ticket ticket = tickets.getByNumber(number);
    ticket.getEvents().size();
    switch (access(ticket, reader)) {
      case GRANTED -> {}
      case HIDDEN -> throw new NotFoundException("No ticket with number " + number);
      case NEED_TO_KNOW -> {
        if (!reader.breaksGlass()) {
          throw new ForbiddenException(
              "Ticket "
                  + number
                  + " is outside your need to know; a justified read states its reason"
                  + " (breakGlass parameter or X-Break-Glass-Reason header) and is audited");
        }
        log.warn(
            "Break-glass read of ticket {} by {}: {}",
            number,
            reader.userId(),
            reader.breakGlassReason());
        events.publishEvent(
            new BreakGlassRead(number, reader.userId(), reader.breakGlassReason().strip()));
      }
    }
    return ticket;
  }

  /** Whether the reader may see the ticket with this number (false also when there is none). */
  @Transactional(readOnly = true)
  public boolean mayRead(String number, Reader reader) {
    return tickets
        .findByNumber(number)
        .map(ticket -> access(ticket, reader) == Access.GRANTED)
        .orElse(false);
  }

  /** The tickets with these numbers, by number; unknown numbers are left out. */
  @Transactional(readOnly = true)
  public Map<String, Ticket> byNumbers(Collection<String> numbers) {
    return numbers.isEmpty()
        ? Map.of()
        : tickets.findByNumberIn(numbers).stream()
            .collect(Collectors.toMap(Ticket::getNumber, ticket -> ticket));
  }

  /** Numbers of the open tickets of these requesters, newest first, at most {@code limit}. */
  @Transactional(readOnly = true)
  public List<String> openNumbersOfRequesters(Collection<Long> requesterIds, int limit) {
    return requesterIds.isEmpty()
        ? List.of()
        : tickets.findOpenNumbersByRequesterIdIn(requesterIds, Limit.of(limit));
  }

  @Transactional(readOnly = true)
  public Page<Ticket> search(TicketFilter filter, Reader reader, int page, int size) {
    return tickets.findAll(
        specification(filter).and(readableBy(reader)),
        PageRequest.of(page, size, Sort.by(Sort.Order.desc("receivedAt"), Sort.Order.desc("id"))));
  }

  private Specification<Ticket> readableBy(Reader reader) {
    if (!reader.staff()) {
      return outsideStaff(reader);
    }
    List<String> barred = barredQueues(reader);
    boolean readsAll = readsAll(reader);
    return (root, query, builder) -> {
      Predicate allowed = builder.conjunction();
      if (!barred.isEmpty()) {
        allowed = builder.not(root.get("queue").in(barred));
      }
      if (readsAll) {
        return allowed;
      }
      // the list's need to know: the reader's queues, the tickets they worked on or their
      // offices were assigned (a single read also counts the candidates of its open tasks)
      Subquery<Long> involved = query.subquery(Long.class);
      Root<TicketEvent> event = involved.from(TicketEvent.class);
      involved
          .select(builder.literal(1L))
          .where(
              builder.equal(event.get("ticket"), root),
              reader.groups().isEmpty()
                  ? builder.equal(event.get("actor"), reader.userId())
                  : builder.or(
                      builder.equal(event.get("actor"), reader.userId()),
                      event.get("office").in(reader.groups())));
      return builder.and(
          allowed,
          reader.groups().isEmpty()
              ? builder.exists(involved)
              : builder.or(root.get("queue").in(reader.groups()), builder.exists(involved)));
    };
  }

  private static Specification<Ticket> outsideStaff(Reader reader) {
    return (root, query, builder) -> {
      Subquery<Long> assigned = query.subquery(Long.class);
      Root<TicketEvent> event = assigned.from(TicketEvent.class);
      assigned
          .select(builder.literal(1L))
          .where(
              builder.equal(event.get("ticket"), root),
              reader.groups().isEmpty()
                  ? builder.disjunction()
                  : event.get("office").in(reader.groups()));
      return builder.or(
          builder.equal(root.get("createdBy"), reader.userId()), builder.exists(assigned));
    };
  }

  private static Specification<Ticket> specification(TicketFilter filter) {
    return (root, query, builder) -> {
      List<Predicate> predicates = new ArrayList<>();
      if (filter.status() != null)
        predicates.add(builder.equal(root.get("status"), filter.status()));
      if (filter.queue() != null) predicates.add(builder.equal(root.get("queue"), filter.queue()));
      if (filter.channel() != null)
        predicates.add(builder.equal(root.get("channel"), filter.channel()));
      if (filter.type() != null) predicates.add(builder.equal(root.get("type"), filter.type()));
      if (filter.requesterId() != null)
        predicates.add(builder.equal(root.get("requesterId"), filter.requesterId()));
      if (filter.receivedFrom() != null) {
        predicates.add(builder.greaterThanOrEqualTo(root.get("receivedAt"), filter.receivedFrom()));
      }
      if (filter.receivedTo() != null)
        predicates.add(builder.lessThan(root.get("receivedAt"), filter.receivedTo()));
      return builder.and(predicates.toArray(Predicate[]::new));
    };
  }
}
