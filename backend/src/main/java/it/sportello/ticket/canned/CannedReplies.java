package it.sportello.ticket.canned;

import it.sportello.contact.ContactRegistry;
import it.sportello.shared.InvalidRequestException;
import it.sportello.shared.NotFoundException;
import it.sportello.shared.OperatorNames;
import it.sportello.ticket.application.TicketQueries;
import it.sportello.ticket.domain.QueueRepository;
import it.sportello.ticket.domain.Ticket;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Canned replies: each user sees and manages their own and sees the shared ones, which only
 * supervisors, knowledge-base editors and administrators manage; a reply rendered for a ticket is
 * in the ticket's language with its placeholders filled in.
 */
@Service
@Transactional
public class CannedReplies {

  /**
   * Who acts.
   *
   * @param managesShared may create, change and delete shared replies
   */
  public record Actor(String userId, boolean managesShared) {}

  /** A reply rendered for a ticket. */
  public record RenderedCannedReply(
      long id, String ticket, String language, String text, List<String> missing) {}

  private final CannedReplyRepository replies;
  private final QueueRepository queues;
  private final TicketQueries tickets;
  private final ContactRegistry contacts;
  private final OperatorNames operators;
  private final Clock clock;
  private final ZoneId zone;

  CannedReplies(
      CannedReplyRepository replies,
      QueueRepository queues,
      TicketQueries tickets,
      ContactRegistry contacts,
      OperatorNames operators,
      Clock clock,
      @Value("${sportello.sla.calendar.zone}") ZoneId zone) {
    this.replies = replies;
    this.queues = queues;
    this.tickets = tickets;
    this.contacts = contacts;
    this.operators = operators;
    this.clock = clock;
    this.zone = zone;
  }

  /**
   * The actor's own replies and the shared ones, by title.
   *
   * @param text words that title or a body must contain (case-insensitive); null: all
   * @param queue a queue: the replies for it and those for every queue; null: all
   */
  @Transactional(readOnly = true)
  public List<CannedReply> visible(Actor actor, String text, String queue) {
    String needle = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
    return replies.visibleTo(actor.userId()).stream()
        .filter(
            reply -> queue == null || reply.getQueue() == null || reply.getQueue().equals(queue))
        .filter(reply -> needle.isEmpty() || matches(reply, needle))
        .toList();
  }

  private static boolean matches(CannedReply reply, String needle) {
    return reply.getTitle().toLowerCase(Locale.ROOT).contains(needle)
        || reply.bodies().values().stream()
            .anyMatch(body -> body.toLowerCase(Locale.ROOT).contains(needle));
  }

  /** One reply the actor may see (else 404). */
  @Transactional(readOnly = true)
  public CannedReply get(Actor actor, long id) {
    return visibleOne(actor, id);
  }

  public CannedReply create(Actor actor, CannedReplyDraft draft) {
    if (draft.shared() && !actor.managesShared()) {
      throw new AccessDeniedException("Only supervisors and knowledge-base editors share replies");
    }
    checkQueue(draft.queue());
    return replies.save(
        new CannedReply(
            draft.shared() ? null : actor.userId(), draft, actor.userId(), clock.instant()));
  }

  /**
   * Changes a reply; {@code version} is the one the user edited (else 409). Whether it is shared
   * stays as it was.
   */
  public CannedReply update(Actor actor, long id, long version, CannedReplyDraft draft) {
    CannedReply reply = editable(actor, id, version);
    checkQueue(draft.queue());
    reply.edit(draft, actor.userId(), clock.instant());
    replies.flush();
    return reply;
  }

  public void delete(Actor actor, long id) {
    CannedReply reply = visibleOne(actor, id);
    mayChange(actor, reply);
    reply.delete(actor.userId(), clock.instant());
  }

  /** The reply for a ticket the reader may read, in the ticket's language, filled in. */
  @Transactional(readOnly = true)
  public RenderedCannedReply render(
      Actor actor, long id, String ticketNumber, TicketQueries.Reader reader) {
    CannedReply reply = visibleOne(actor, id);
    Ticket ticket = tickets.get(ticketNumber, reader);
    String language = reply.languageOf(ticket.getLanguage());
    String requester =
        ticket.getRequesterId() == null ? null : contacts.get(ticket.getRequesterId()).getName();
    CannedText.Values values =
        new CannedText.Values(
            requester,
            ticket.getNumber(),
            ticket.getSubject(),
            operators.nameOf(actor.userId()).orElse(actor.userId()),
            LocalDate.ofInstant(clock.instant(), zone));
    CannedText.Rendered rendered = CannedText.render(reply.bodyIn(language), values, language);
    return new RenderedCannedReply(
        reply.getId(), ticket.getNumber(), language, rendered.text(), rendered.missing());
  }

  private CannedReply visibleOne(Actor actor, long id) {
    return replies
        .findById(id)
        .filter(reply -> !reply.isDeleted())
        .filter(reply -> reply.isShared() || reply.getOwner().equals(actor.userId()))
        .orElseThrow(() -> new NotFoundException("No canned reply with id " + id));
  }

  private CannedReply editable(Actor actor, long id, long version) {
    CannedReply reply = visibleOne(actor, id);
    mayChange(actor, reply);
    if (reply.getVersion() != version) {
      throw new ObjectOptimisticLockingFailureException(CannedReply.class, id);
    }
    return reply;
  }

  private static void mayChange(Actor actor, CannedReply reply) {
    if (reply.isShared() && !actor.managesShared()) {
      throw new AccessDeniedException(
          "Only supervisors and knowledge-base editors change shared replies");
    }
  }

  private void checkQueue(String queue) {
    if (queue != null && !queues.existsById(queue)) {
      throw new InvalidRequestException("queue", "unknown queue " + queue);
    }
  }
}
