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

  /**
   * Numbers of the open tickets whose requester's name contains {@code text} (lower case, no
   * wildcards) or whose fiscal code, VAT number, e-mail or phone equals it, as {@code
   * ContactRegistry.search} matches contacts, in one join: however many contacts share the name.
   * Nearest resolution deadline first (the inbox's order), at most {@code limit}.
   */
  @Query(
      nativeQuery = true,
      value =
          """
          select t.number from sportello.ticket t
          join sportello.contact c on c.id = t.requester_id
          where t.status <> 'CLOSED' and c.merged_into_id is null
            and (lower(c.name) like '%' || :text || '%'
             or upper(c.fiscal_code) = upper(:text) or upper(c.vat_number) = upper(:text)
             or lower(c.email) = :text or c.phone = :text)
          order by t.resolution_due_at nulls last, t.id
          limit :limit""")
  List<String> findOpenNumbersOfRequestersMatching(String text, int limit);

  /** A requester's tickets (one person may be several contacts), newest first. */
  org.springframework.data.domain.Page<Ticket> findByRequesterIdInOrderByReceivedAtDescIdDesc(
      Collection<Long> requesterIds, org.springframework.data.domain.Pageable pageable);

  Optional<Ticket> findByCreatedByAndIdempotencyKey(String createdBy, String idempotencyKey);
}
