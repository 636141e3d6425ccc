package it.sportello.ticket.application;

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
import org.springframework.data.domain.Limit;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads tickets for the API: one by number, or a filtered page, newest first. */
@Service
public class TicketQueries {

  private final TicketRepository tickets;

  TicketQueries(TicketRepository tickets) {
    this.tickets = tickets;
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
  public record Reader(String userId, boolean staff, Collection<String> groups) {

    boolean canRead(Ticket ticket) {
      return staff
          || userId.equals(ticket.getCreatedBy())
          || ticket.getEvents().stream().anyMatch(event -> groups.contains(event.getOffice()));
    }
  }

  /**
   * @throws NotFoundException also when the reader may not see the ticket (its existence stays
   *     hidden)
   */
  @Transactional(readOnly = true)
  public Ticket get(String number, Reader reader) {
    Ticket ticket = tickets.getByNumber(number);
    ticket.getEvents().size();
    if (!reader.canRead(ticket)) {
      throw new NotFoundException("No ticket with number " + number);
    }
    return ticket;
  }

  /** Whether the reader may see the ticket with this number (false also when there is none). */
  @Transactional(readOnly = true)
  public boolean mayRead(String number, Reader reader) {
    if (reader.staff()) {
      return true;
    }
    return tickets.findByNumber(number).map(reader::canRead).orElse(false);
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

  /**
   * Numbers of the open tickets of the requesters matching {@code text} (part of the name, or a
   * whole fiscal code, VAT number, e-mail or phone), nearest resolution deadline first, at most
   * {@code limit}: one SQL join, not a list of contacts first, so a common surname finds every
   * requester who bears it.
   */
  @Transactional(readOnly = true)
  public List<String> openNumbersOfRequestersMatching(String text, int limit) {
    String needle =
        text.strip().toLowerCase(java.util.Locale.ROOT).replace("%", "").replace("_", "");
    return needle.isEmpty()
        ? List.of()
        : tickets.findOpenNumbersOfRequestersMatching(needle, limit);
  }

  @Transactional(readOnly = true)
  public Page<Ticket> search(TicketFilter filter, Reader reader, int page, int size) {
    return tickets.findAll(
        specification(filter).and(readableBy(reader)),
        PageRequest.of(page, size, Sort.by(Sort.Order.desc("receivedAt"), Sort.Order.desc("id"))));
  }

  private static Specification<Ticket> readableBy(Reader reader) {
    return (root, query, builder) -> {
      if (reader.staff()) {
        return builder.conjunction();
      }
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
