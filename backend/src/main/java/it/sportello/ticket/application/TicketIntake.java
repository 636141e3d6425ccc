package it.sportello.ticket.application;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import it.sportello.audit.AuditEntry;
import it.sportello.audit.AuditLog;
import it.sportello.contact.Contact;
import it.sportello.contact.ContactRegistry;
import it.sportello.contact.Interaction;
import it.sportello.contact.InteractionLog;
import it.sportello.shared.ConflictException;
import it.sportello.shared.NotFoundException;
import it.sportello.sla.SlaService;
import it.sportello.ticket.domain.Ticket;
import it.sportello.ticket.domain.Ticket.NewTicket;
import it.sportello.ticket.domain.TicketRepository;
import it.sportello.ticket.domain.TicketType;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Opens tickets from any channel and takes in requesters' messages. Registering the requester, the
 * ticket, the interaction and starting the process happen in one transaction: a failure leaves
 * nothing behind.
 */
@Service
public class TicketIntake {

  private final TicketRepository tickets;
  private final TicketNumbers numbers;
  private final ContactRegistry contacts;
  private final InteractionLog interactions;
  private final TicketProcessPort process;
  private final SlaService sla;
  private final ObjectMapper objectMapper;
  private final ReportedTimes reportedTimes;
  private final Clock clock;
  private final TicketAwareness awareness;
  private final TransactionTemplate transactions;
  private final AuditLog audit;

  TicketIntake(
      TicketRepository tickets,
      TicketNumbers numbers,
      ContactRegistry contacts,
      InteractionLog interactions,
      TicketProcessPort process,
      SlaService sla,
      ObjectMapper objectMapper,
      ReportedTimes reportedTimes,
      Clock clock,
      TicketAwareness awareness,
      PlatformTransactionManager transactionManager,
      AuditLog audit) {
    this.transactions = new TransactionTemplate(transactionManager);
    this.audit = audit;
    this.tickets = tickets;
    this.numbers = numbers;
    this.contacts = contacts;
    this.interactions = interactions;
    this.process = process;
    this.sla = sla;
    this.objectMapper = objectMapper;
    this.reportedTimes = reportedTimes;
    this.clock = clock;
    this.awareness = awareness;
  }

  /** The ticket, and whether it was opened by an earlier request with the same idempotency key. */
  public record Opened(Ticket ticket, boolean replayed) {}

  /**
   * Opens the ticket in one transaction. Two requests with the same idempotency key may race: the
   * loser's insert violates the key's unique index; when this call owns its transaction it is run
   * once more and answers with the winner's ticket (inside a caller's transaction the violation
   * leaves as it is, since that transaction is lost anyway).
   */
  public Opened open(OpenTicketCommand command, String idempotencyKey, String user) {
    boolean ownTransaction = !TransactionSynchronizationManager.isActualTransactionActive();
    try {
      return transactions.execute(status -> openOnce(command, idempotencyKey, user));
    } catch (DataIntegrityViolationException concurrentDuplicate) {
      if (idempotencyKey == null || !ownTransaction) {
        throw concurrentDuplicate;
      }
      return transactions.execute(status -> openOnce(command, idempotencyKey, user));
    }
  }

  /**
   * Opens a ticket for a requester who declared who they are without proving it (the public web
   * form): the requester is found by fiscal code only and an existing contact is never completed
   * with the declared data ({@link ContactRegistry#identifyDeclared}).
   */
  public Opened openDeclared(OpenTicketCommand command, String user) {
    return transactions.execute(status -> openOnce(command, null, user, false));
  }

  private Opened openOnce(OpenTicketCommand command, String idempotencyKey, String user) {
    return openOnce(command, idempotencyKey, user, true);
  }

  private Opened openOnce(
      OpenTicketCommand command, String idempotencyKey, String user, boolean requesterKnown) {
    String fingerprint = fingerprint(command);
    if (idempotencyKey != null) {
      Optional<Ticket> earlier = tickets.findByCreatedByAndIdempotencyKey(user, idempotencyKey);
      if (earlier.isPresent()) {
        if (!fingerprint.equals(earlier.get().getIdempotencyFingerprint())) {
          throw new ConflictException(
              422,
              "The Idempotency-Key '"
                  + idempotencyKey
                  + "' was already used for a different request (ticket "
                  + earlier.get().getNumber()
                  + ").");
        }
        return new Opened(earlier.get(), true);
      }
    }
    Instant now = clock.instant();
    reportedTimes.check("receivedAt", command.receivedAt());
    Instant receivedAt = command.receivedAt() == null ? now : command.receivedAt();
    Contact requester =
        requesterKnown
            ? contacts.identify(command.requester())
            : contacts.identifyDeclared(command.requester());
    NewTicket data =
        new NewTicket(
            command.type() == null ? TicketType.Q : command.type(),
            command.channel(),
            command.subject().strip(),
            command.description().strip(),
            command.language(),
            command.topic(),
            command.reason(),
            command.context() == null ? Map.of() : command.context(),
            receivedAt,
            idempotencyKey,
            idempotencyKey == null ? null : fingerprint);
    Ticket ticket = tickets.save(new Ticket(numbers.next(), data, requester.getId(), user, now));
    interactions.record(
        requester.getId(),
        ticket.getId(),
        ticket.getNumber(),
        ticket.getChannel().name(),
        Interaction.Direction.INBOUND,
        Interaction.Kind.REQUEST,
        ticket.getSubject(),
        receivedAt,
        user);
    process.start(ticket);
    // in this transaction: the ticket and its audit row commit together
    audit.record(
        AuditEntry.change(
            user,
            "CREATE",
            "ticket",
            ticket.getNumber(),
            requester.getFiscalCode() != null
                ? requester.getFiscalCode()
                : "contact:" + requester.getId()));
    if (command.firstContactAnswer() != null) {
      process.solveAtFirstContact(ticket.getNumber(), user, command.firstContactAnswer());
    }
    return new Opened(ticket, false);
  }

  /**
   * A message from the requester about their ticket. @return whether it resumed a waiting process
   */
  @Transactional
  public boolean receiveMessage(String number, String text, String channel, String user) {
    return receive(tickets.getByNumber(number), text, channel, user);
  }

  /**
   * A message from the requester brought by {@code reader} (an external system, an operator): only
   * into a ticket they may read, as {@link TicketQueries#get} scopes reads.
   *
   * @return whether it resumed a waiting process
   * @throws NotFoundException also when the reader may not see the ticket: its existence stays
   *     hidden, and nothing is recorded
   */
  @Transactional
  public boolean receiveMessage(
      String number, String text, String channel, String user, TicketQueries.Reader reader) {
    Ticket ticket = tickets.getByNumber(number);
    if (!reader.staff() && !reader.ownsOrOffice(ticket)) {
      throw new NotFoundException("No ticket with number " + number);
    }
    return receive(ticket, text, channel, user);
  }

  private boolean receive(Ticket addressed, String text, String channel, String user) {
    Ticket ticket = addressed;
    // a duplicate merged into another ticket: the message goes to the primary
    for (int hop = 0; ticket.getMergedInto() != null && hop < 10; hop++) {
      ticket = tickets.getByNumber(ticket.getMergedInto());
    }
    String number = ticket.getNumber();
    if (ticket.isClosed()) {
      throw new ConflictException(
          409, "Ticket " + number + " is closed; open a new ticket instead.");
    }
    Instant now = clock.instant();
    ticket.requesterWrote(user, text, now);
    interactions.record(
        ticket.getRequesterId(),
        ticket.getId(),
        number,
        channel == null ? ticket.getChannel().name() : channel,
        Interaction.Direction.INBOUND,
        Interaction.Kind.MESSAGE,
        text,
        now,
        user);
    awareness.requesterReplied(ticket, channel == null ? ticket.getChannel().name() : channel, now);
    return process.requesterReplied(number);
  }

  private String fingerprint(OpenTicketCommand command) {
    try {
      byte[] json =
          objectMapper
              .writer()
              .with(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
              .writeValueAsBytes(command);
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json));
    } catch (JsonProcessingException | NoSuchAlgorithmException e) {
      throw new IllegalStateException("Cannot fingerprint the request", e);
    }
  }
}
