package it.sportello.ticket.application;

import it.sportello.contact.Contact;
import it.sportello.contact.ContactRegistry;
import it.sportello.document.Documents;
import it.sportello.document.OwnerKind;
import it.sportello.document.StoredDocument;
import it.sportello.shared.ConflictException;
import it.sportello.shared.InvalidRequestException;
import it.sportello.shared.NotFoundException;
import it.sportello.ticket.domain.Ticket;
import it.sportello.ticket.domain.TicketRepository;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Links between tickets and merging a duplicate into its primary ticket. A link is one row per
 * pair, seen from both tickets; a merge closes the duplicate through its process (outcome
 * DUPLICATE), writes the merge on both paths, links the two as duplicates and makes the duplicate's
 * documents readable from the primary too. Nothing is deleted. Every operation is idempotent: the
 * same request again changes nothing and answers the same.
 */
@Service
public class TicketRelations {

  public enum LinkKind {
    RELATED,
    DUPLICATE
  }

  /** How the other ticket relates to this one when they were merged. */
  public enum Merge {
    /** This ticket was merged into the other. */
    MERGED_INTO,
    /** The other ticket was merged into this one. */
    MERGED_IN
  }

  /** A linked ticket as seen from one of the two. */
  public record Link(
      String number,
      LinkKind kind,
      Merge merge,
      String subject,
      String status,
      Instant receivedAt,
      String createdBy,
      Instant createdAt) {}

  /** The outcome of a merge: {@code replayed} when it had already been done. */
  public record Merged(String number, String into, boolean replayed) {}

  private final TicketRepository tickets;
  private final ContactRegistry contacts;
  private final TicketProcessPort process;
  private final Documents documents;
  private final JdbcClient jdbc;
  private final Clock clock;

  TicketRelations(
      TicketRepository tickets,
      ContactRegistry contacts,
      TicketProcessPort process,
      Documents documents,
      JdbcClient jdbc,
      Clock clock) {
    this.tickets = tickets;
    this.contacts = contacts;
    this.process = process;
    this.documents = documents;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** The tickets linked to this one, oldest link first. */
  @Transactional(readOnly = true)
  public List<Link> links(String number) {
    Ticket ticket = tickets.getByNumber(number);
    record Row(long otherId, LinkKind kind, String createdBy, Instant createdAt) {}
    List<Row> rows =
        jdbc.sql(
                """
                select case when ticket_id = :id then other_ticket_id else ticket_id end as other,
                       kind, created_by, created_at
                from sportello.ticket_link
                where ticket_id = :id or other_ticket_id = :id
                order by created_at, id""")
            .param("id", ticket.getId())
            .query(
                (rs, n) ->
                    new Row(
                        rs.getLong(1),
                        LinkKind.valueOf(rs.getString(2)),
                        rs.getString(3),
                        rs.getTimestamp(4).toInstant()))
            .list();
    Map<Long, Ticket> others =
        tickets.findAllById(rows.stream().map(Row::otherId).toList()).stream()
            .collect(java.util.stream.Collectors.toMap(Ticket::getId, other -> other));
    return rows.stream()
        .map(
            row -> {
              Ticket other = others.get(row.otherId());
              Merge merge =
                  other.getNumber().equals(ticket.getMergedInto())
                      ? Merge.MERGED_INTO
                      : ticket.getNumber().equals(other.getMergedInto()) ? Merge.MERGED_IN : null;
              return new Link(
                  other.getNumber(),
                  row.kind(),
                  merge,
                  other.getSubject(),
                  other.getStatus().name(),
                  other.getReceivedAt(),
                  row.createdBy(),
                  row.createdAt());
            })
        .toList();
  }

  /**
   * Links two tickets; linking again with the same kind changes nothing, with another kind changes
   * the kind. @return whether anything changed
   */
  @Transactional
  public boolean link(String number, String otherNumber, LinkKind kind, TicketActor actor) {
    Ticket ticket = tickets.getByNumber(number);
    Ticket other = other(ticket, otherNumber, "other");
    actor.requireMayChange(ticket);
    Optional<LinkKind> existing = linkKind(ticket, other);
    if (existing.isPresent() && existing.get() == kind) {
      return false;
    }
    if (existing.isPresent() && merged(ticket, other)) {
      throw new ConflictException(
          409, "Tickets " + number + " and " + otherNumber + " were merged: their link stays.");
    }
    writeLink(ticket, other, kind, actor.name());
    Instant now = clock.instant();
    ticket.linkedTo(other.getNumber(), actor.name(), now);
    other.linkedTo(ticket.getNumber(), actor.name(), now);
    return true;
  }

  /**
   * Removes the link between two tickets; removing an absent link changes nothing. @return whether
   * a link was removed
   */
  @Transactional
  public boolean unlink(String number, String otherNumber, TicketActor actor) {
    Ticket ticket = tickets.getByNumber(number);
    Ticket other = other(ticket, otherNumber, "other");
    actor.requireMayChange(ticket);
    if (linkKind(ticket, other).isEmpty()) {
      return false;
    }
    if (merged(ticket, other)) {
      throw new ConflictException(
          409, "Tickets " + number + " and " + otherNumber + " were merged: their link stays.");
    }
    jdbc.sql("delete from sportello.ticket_link where ticket_id = :low and other_ticket_id = :high")
        .param("low", Math.min(ticket.getId(), other.getId()))
        .param("high", Math.max(ticket.getId(), other.getId()))
        .update();
    Instant now = clock.instant();
    ticket.unlinkedFrom(other.getNumber(), actor.name(), now);
    other.unlinkedFrom(ticket.getNumber(), actor.name(), now);
    return true;
  }

  /**
   * Merges the duplicate {@code number} into the primary {@code into}. Both must be open and of the
   * same requester; when one of the two requesters is unknown (no fiscal code, VAT number, e-mail
   * or phone: an anonymous caller, a senderless letter), a supervisor may confirm that they are the
   * same person ({@code requesterConfirmed}).
   *
   * @throws InvalidRequestException 400 naming {@code into} when it is the ticket itself
   * @throws ConflictException 409 for another requester, a closed ticket or a primary that is
   *     itself a duplicate; 403 when the actor may not change one of the two tickets or confirm
   */
  @Transactional
  public Merged merge(String number, String into, boolean requesterConfirmed, TicketActor actor) {
    Ticket duplicate = tickets.getByNumber(number);
    Ticket primary = other(duplicate, into, "into");
    if (duplicate.getMergedInto() != null) {
      if (duplicate.getMergedInto().equals(primary.getNumber())) {
        return new Merged(number, primary.getNumber(), true);
      }
      throw new ConflictException(
          409, "Ticket " + number + " is already merged into " + duplicate.getMergedInto() + ".");
    }
    if (duplicate.isClosed()) {
      throw new ConflictException(409, "Ticket " + number + " is closed: it cannot be merged.");
    }
    if (primary.isClosed()) {
      throw new ConflictException(
          409, "Ticket " + primary.getNumber() + " is closed: merge into an open ticket.");
    }
    if (primary.getMergedInto() != null) {
      throw new ConflictException(
          409,
          "Ticket "
              + primary.getNumber()
              + " is itself merged into "
              + primary.getMergedInto()
              + ": merge into that one.");
    }
    actor.requireMayChange(duplicate);
    actor.requireMayChange(primary);
    requireSameRequester(duplicate, primary, requesterConfirmed, actor);

    Instant now = clock.instant();
    duplicate.mergeInto(primary.getNumber(), actor.name(), now);
    primary.mergedIn(duplicate.getNumber(), actor.name(), now);
    writeLink(duplicate, primary, LinkKind.DUPLICATE, actor.name());
    for (StoredDocument document : documents.linkedTo(OwnerKind.TICKET, duplicate.getId())) {
      documents.link(document, OwnerKind.TICKET, primary.getId());
    }
    tickets.flush();
    if (!process.mergedAsDuplicate(duplicate.getNumber())) {
      // no running process (a ticket registered without one): close it here
      duplicate.closeAsDuplicate(now);
    }
    return new Merged(number, primary.getNumber(), false);
  }

  /** The primary a merged ticket leads to, following merges; the ticket itself if not merged. */
  @Transactional(readOnly = true)
  public Ticket primaryOf(Ticket ticket) {
    Ticket current = ticket;
    for (int hop = 0; hop < 10 && current.getMergedInto() != null; hop++) {
      current = tickets.getByNumber(current.getMergedInto());
    }
    return current;
  }

  private void requireSameRequester(
      Ticket duplicate, Ticket primary, boolean confirmed, TicketActor actor) {
    if (duplicate.getRequesterId().equals(primary.getRequesterId())) {
      return;
    }
    boolean oneUnknown =
        unknown(contacts.get(duplicate.getRequesterId()))
            || unknown(contacts.get(primary.getRequesterId()));
    if (oneUnknown && confirmed) {
      if (!actor.isSupervisor()) {
        throw new ConflictException(
            403, "Only a supervisor may confirm that an unknown requester is the same person.");
      }
      return;
    }
    throw new ConflictException(
        409,
        oneUnknown
            ? "Tickets "
                + duplicate.getNumber()
                + " and "
                + primary.getNumber()
                + " have different requesters and one is unknown: a supervisor may confirm they"
                + " are the same person."
            : "Tickets "
                + duplicate.getNumber()
                + " and "
                + primary.getNumber()
                + " have different requesters: only tickets of the same requester are merged.");
  }

  private static boolean unknown(Contact contact) {
    return contact.getFiscalCode() == null
        && contact.getVatNumber() == null
        && contact.getEmail() == null
        && contact.getPhone() == null;
  }

  private Ticket other(Ticket ticket, String otherNumber, String field) {
    if (otherNumber == null || otherNumber.isBlank()) {
      throw new InvalidRequestException(field, "must not be blank");
    }
    if (ticket.getNumber().equals(otherNumber.strip())) {
      throw new InvalidRequestException(field, "must be another ticket than " + otherNumber);
    }
    return tickets
        .findByNumber(otherNumber.strip())
        .orElseThrow(() -> new NotFoundException("No ticket with number " + otherNumber));
  }

  private static boolean merged(Ticket a, Ticket b) {
    return a.getNumber().equals(b.getMergedInto()) || b.getNumber().equals(a.getMergedInto());
  }

  private Optional<LinkKind> linkKind(Ticket a, Ticket b) {
    return jdbc.sql(
            "select kind from sportello.ticket_link where ticket_id = :low and other_ticket_id ="
                + " :high")
        .param("low", Math.min(a.getId(), b.getId()))
        .param("high", Math.max(a.getId(), b.getId()))
        .query(String.class)
        .optional()
        .map(LinkKind::valueOf);
  }

  private void writeLink(Ticket a, Ticket b, LinkKind kind, String actor) {
    jdbc.sql(
            """
            insert into sportello.ticket_link (ticket_id, other_ticket_id, kind, created_by, created_at)
            values (:low, :high, :kind, :actor, :now)
            on conflict (ticket_id, other_ticket_id) do update set kind = excluded.kind""")
        .param("low", Math.min(a.getId(), b.getId()))
        .param("high", Math.max(a.getId(), b.getId()))
        .param("kind", kind.name())
        .param("actor", actor)
        .param("now", Timestamp.from(clock.instant()))
        .update();
  }
}
