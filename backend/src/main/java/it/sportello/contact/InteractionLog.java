package it.sportello.contact;

import it.sportello.contact.Interaction.Direction;
import it.sportello.contact.Interaction.Kind;
import java.time.Instant;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Records every contact with a requester and reads their history back, newest first. */
@Service
public class InteractionLog {

  private final InteractionRepository interactions;
  private final ContactRegistry contacts;

  InteractionLog(InteractionRepository interactions, ContactRegistry contacts) {
    this.interactions = interactions;
    this.contacts = contacts;
  }

  @Transactional
  public Interaction record(
      long contactId,
      Long ticketId,
      String ticketNumber,
      String channel,
      Direction direction,
      Kind kind,
      String summary,
      Instant occurredAt,
      String recordedBy) {
    return interactions.save(
        new Interaction(
            contactId,
            ticketId,
            ticketNumber,
            channel,
            direction,
            kind,
            summary,
            occurredAt,
            recordedBy));
  }

  /** The interaction recorded last about the ticket, if any. */
  @Transactional(readOnly = true)
  public Optional<Interaction> latestOfTicket(long ticketId) {
    return interactions.findFirstByTicketIdOrderByIdDesc(ticketId);
  }

  @Transactional(readOnly = true)
  public Page<Interaction> history(long contactId, Pageable pageable) {
    contacts.get(contactId);
    return interactions.findByContactIdOrderByOccurredAtDescIdDesc(contactId, pageable);
  }

  /** The history of several contacts (one person's), newest first. */
  @Transactional(readOnly = true)
  public Page<Interaction> history(java.util.Collection<Long> contactIds, Pageable pageable) {
    return interactions.findByContactIdInOrderByOccurredAtDescIdDesc(contactIds, pageable);
  }

  /** The interactions recorded about the ticket, oldest first. */
  @Transactional(readOnly = true)
  public java.util.List<Interaction> ofTicket(long ticketId) {
    return interactions.findByTicketIdOrderByIdAsc(ticketId);
  }
}
