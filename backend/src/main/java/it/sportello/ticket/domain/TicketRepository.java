package it.sportello.ticket.domain;

import it.sportello.shared.NotFoundException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

public interface TicketRepository
    extends JpaRepository<Ticket, Long>, JpaSpecificationExecutor<Ticket> {

  Optional<Ticket> findByNumber(String number);

  /**
   * @throws NotFoundException if no ticket has this number
   */
  default Ticket getByNumber(String number) {
    return findByNumber(number)
        .orElseThrow(() -> new NotFoundException("No ticket with number " + number));
  }

  List<Ticket> findByNumberIn(Collection<String> numbers);

  @Query(
      """
      select t.number from Ticket t
      where t.requesterId in :requesterIds and t.status <> it.sportello.ticket.domain.TicketStatus.CLOSED
      order by t.receivedAt desc""")
  List<String> findOpenNumbersByRequesterIdIn(Collection<Long> requesterIds, Limit limit);

  /** A requester's tickets (one person may be several contacts), newest first. */
  org.springframework.data.domain.Page<Ticket> findByRequesterIdInOrderByReceivedAtDescIdDesc(
      Collection<Long> requesterIds, org.springframework.data.domain.Pageable pageable);

  Optional<Ticket> findByCreatedByAndIdempotencyKey(String createdBy, String idempotencyKey);
}
