package it.sportello.citizen;

import it.sportello.contact.ContactRegistry;
import it.sportello.contact.Interaction;
import it.sportello.contact.InteractionLog;
import it.sportello.document.Documents;
import it.sportello.document.OwnerKind;
import it.sportello.document.StoredDocument;
import it.sportello.shared.ConflictException;
import it.sportello.shared.InvalidRequestException;
import it.sportello.shared.NotFoundException;
import it.sportello.ticket.application.TicketIntake;
import it.sportello.ticket.domain.Ticket;
import it.sportello.ticket.domain.TicketEvent;
import it.sportello.ticket.domain.TicketEventKind;
import it.sportello.ticket.domain.TicketRepository;
import it.sportello.ticket.domain.TicketStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The citizen's personal area: their requests on every channel (matched by fiscal code and, when
 * the identity provider vouched for it, e-mail), what the citizen may see of each, their contacts,
 * and their reply to a request waiting for them. A request of anyone else is "not found", whatever
 * its number.
 */
@Service
public class CitizenRequests {

  /** The longest reply accepted (the same order as a mail's text). */
  static final int MAX_TEXT = 20_000;

  static final int MAX_FILES = 10;

  private final ContactRegistry contacts;
  private final InteractionLog interactions;
  private final TicketRepository tickets;
  private final TicketIntake intake;
  private final Documents documents;

  CitizenRequests(
      ContactRegistry contacts,
      InteractionLog interactions,
      TicketRepository tickets,
      TicketIntake intake,
      Documents documents) {
    this.contacts = contacts;
    this.interactions = interactions;
    this.tickets = tickets;
    this.intake = intake;
    this.documents = documents;
  }

  /** What the citizen sees of their request, in plain words (the web application names them). */
  public enum CitizenRequestStatus {
    /** Registered, nobody has taken it in charge yet. */
    RECEIVED,
    IN_PROGRESS,
    /** The administration asked the citizen for something: they can reply. */
    WAITING_FOR_YOU,
    ANSWERED,
    CLOSED
  }

  /** A step of the request's path as the citizen sees it: no internal notes, no operator names. */
  public enum CitizenStepKind {
    RECEIVED,
    TAKEN_IN_CHARGE,
    /** Passed to a specialist or an office of the administration. */
    FORWARDED,
    DATA_REQUESTED,
    YOUR_MESSAGE,
    REMINDER_SENT,
    /**
     * A call-back is planned (the answer by phone the citizen chose, or an operator's call-back).
     */
    CALL_BACK_PLANNED,
    CALLED_BACK,
    /** We called and did not reach the citizen. */
    CALL_BACK_MISSED,
    MESSAGE_SENT,
    ANSWERED,
    CLOSED
  }

  public record CitizenRequestSummary(
      String number,
      String subject,
      String channel,
      CitizenRequestStatus status,
      Instant receivedAt,
      Instant expectedAnswerBy,
      Instant closedAt) {}

  public record CitizenRequestStep(CitizenStepKind kind, Instant at, String text) {}

  public record CitizenDocument(
      long id, String fileName, String mediaType, long size, Instant at) {}

  public record CitizenRequestDetail(
      CitizenRequestSummary summary,
      String description,
      String question,
      String answer,
      List<CitizenRequestStep> steps,
      List<CitizenDocument> documents) {}

  public record CitizenContactEntry(
      Instant at,
      String channel,
      Interaction.Direction direction,
      Interaction.Kind kind,
      String requestNumber,
      String text) {}

  /** A file the citizen sends with a reply. */
  public interface Upload {
    String fileName();

    InputStream open() throws IOException;
  }

  @Transactional(readOnly = true)
  public Page<CitizenRequestSummary> requests(Citizen citizen, Pageable pageable) {
    Set<Long> ids = contactIds(citizen);
    if (ids.isEmpty()) {
      return new PageImpl<>(List.of(), pageable, 0);
    }
    return tickets
        .findByRequesterIdInOrderByReceivedAtDescIdDesc(ids, pageable)
        .map(CitizenRequests::summary);
  }

  /**
   * @throws NotFoundException when no request of this citizen has this number (theirs or not)
   */
  @Transactional(readOnly = true)
  public CitizenRequestDetail request(Citizen citizen, String number) {
    Ticket ticket = own(citizen, number);
    List<CitizenRequestStep> steps = new ArrayList<>();
    String question = null;
    for (TicketEvent event : ticket.getEvents()) {
      CitizenStepKind kind = visible(event.getKind());
      if (kind == null) {
        continue;
      }
      String text =
          switch (kind) {
            case DATA_REQUESTED, YOUR_MESSAGE, MESSAGE_SENT -> event.getDetail();
            default -> null;
          };
      if (kind == CitizenStepKind.DATA_REQUESTED) {
        question = event.getDetail();
      }
      steps.add(new CitizenRequestStep(kind, event.getOccurredAt(), text));
    }
    return new CitizenRequestDetail(
        summary(ticket),
        ticket.getDescription(),
        ticket.getStatus() == TicketStatus.WAITING_FOR_REQUESTER ? question : null,
        ticket.isClosed() ? ticket.getAnswer() : null,
        steps,
        documentsOf(ticket));
  }

  /** A document of the citizen's request (one they sent or one sent to them). */
  @Transactional(readOnly = true)
  public StoredDocument document(Citizen citizen, String number, long documentId) {
    Ticket ticket = own(citizen, number);
    return visibleDocuments(ticket).stream()
        .filter(document -> document.id() == documentId)
        .findFirst()
        .orElseThrow(
            () -> new NotFoundException("Request " + number + " has no document " + documentId));
  }

  public InputStream content(long documentId) {
    return documents.content(documentId);
  }

  /**
   * The citizen's reply to a request waiting for them, with files: the same path as a reply by mail
   * (the message resumes the data-integration procedure at the level that asked; the files belong
   * to the ticket and to the message).
   *
   * @return whether it resumed the waiting procedure
   */
  public boolean reply(Citizen citizen, String number, String text, List<Upload> files) {
    String message = text == null ? "" : text.strip();
    if (message.isEmpty()) {
      throw new InvalidRequestException("text", "must not be blank");
    }
    if (message.length() > MAX_TEXT) {
      throw new InvalidRequestException("text", "at most " + MAX_TEXT + " characters");
    }
    if (files.size() > MAX_FILES) {
      throw new InvalidRequestException("files", "at most " + MAX_FILES + " files");
    }
    Ticket ticket = own(citizen, number);
    if (ticket.getStatus() != TicketStatus.WAITING_FOR_REQUESTER) {
      throw new ConflictException(
          409, "Request " + number + " is not waiting for an answer from you.");
    }
    // the files are read and stored (text extracted) before the message's short transaction
    List<StoredDocument> stored = new ArrayList<>();
    for (Upload file : files) {
      try (InputStream content = file.open()) {
        stored.add(documents.store(file.fileName(), content));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    boolean resumed =
        intake.receiveMessage(number, message, "WEB", "citizen:" + citizen.fiscalCode());
    Long interactionId =
        interactions.latestOfTicket(ticket.getId()).map(Interaction::getId).orElse(null);
    for (StoredDocument document : stored) {
      documents.link(document, OwnerKind.TICKET, ticket.getId());
      if (interactionId != null) {
        documents.link(document, OwnerKind.INTERACTION, interactionId);
      }
    }
    return resumed;
  }

  /** Calls, mails, web messages with the citizen, newest first; an operator's call notes stay. */
  @Transactional(readOnly = true)
  public Page<CitizenContactEntry> contacts(Citizen citizen, Pageable pageable) {
    Set<Long> ids = contactIds(citizen);
    if (ids.isEmpty()) {
      return new PageImpl<>(List.of(), pageable, 0);
    }
    return interactions
        .history(ids, pageable)
        .map(
            interaction ->
                new CitizenContactEntry(
                    interaction.getOccurredAt(),
                    interaction.getChannel(),
                    interaction.getDirection(),
                    interaction.getKind(),
                    interaction.getTicketNumber(),
                    interaction.getKind() == Interaction.Kind.MESSAGE
                            || interaction.getKind() == Interaction.Kind.REQUEST
                        ? interaction.getSummary()
                        : null));
  }

  private Set<Long> contactIds(Citizen citizen) {
    return contacts.ofCitizen(
        citizen.fiscalCode(), citizen.emailVerified() ? citizen.email() : null);
  }

  private Ticket own(Citizen citizen, String number) {
    Ticket ticket =
        tickets
            .findByNumber(number)
            .filter(candidate -> contactIds(citizen).contains(candidate.getRequesterId()))
            .orElseThrow(() -> new NotFoundException("You have no request " + number));
    return ticket;
  }

  private static CitizenRequestSummary summary(Ticket ticket) {
    boolean waiting = ticket.getStatus() == TicketStatus.WAITING_FOR_REQUESTER;
    return new CitizenRequestSummary(
        ticket.getNumber(),
        ticket.getSubject(),
        ticket.getChannel().name(),
        status(ticket),
        ticket.getReceivedAt(),
        ticket.isClosed() || waiting ? null : ticket.getResolutionDueAt(),
        ticket.getClosedAt());
  }

  private static CitizenRequestStatus status(Ticket ticket) {
    return switch (ticket.getStatus()) {
      case NEW, OPEN -> CitizenRequestStatus.RECEIVED;
      case IN_PROGRESS, WAITING_FOR_OFFICE -> CitizenRequestStatus.IN_PROGRESS;
      case WAITING_FOR_REQUESTER -> CitizenRequestStatus.WAITING_FOR_YOU;
      case CLOSED ->
          ticket.getAnswer() != null ? CitizenRequestStatus.ANSWERED : CitizenRequestStatus.CLOSED;
    };
  }

  /** The steps a citizen sees, by what they mean to them; every other step stays internal. */
  private static CitizenStepKind visible(TicketEventKind kind) {
    return switch (kind) {
      case RECEIVED -> CitizenStepKind.RECEIVED;
      case TAKEN_IN_CHARGE -> CitizenStepKind.TAKEN_IN_CHARGE;
      case ESCALATED_TO_LEVEL2, OFFICE_ASSIGNED, REASSIGNED, CALL_TRANSFERRED ->
          CitizenStepKind.FORWARDED;
      case DATA_REQUESTED -> CitizenStepKind.DATA_REQUESTED;
      case REQUESTER_MESSAGE -> CitizenStepKind.YOUR_MESSAGE;
      case REQUESTER_REMINDED -> CitizenStepKind.REMINDER_SENT;
      case CALL_BACK_PLANNED -> CitizenStepKind.CALL_BACK_PLANNED;
      case CALL_BACK_ATTEMPTED -> CitizenStepKind.CALLED_BACK;
      case CALL_BACK_FAILED -> CitizenStepKind.CALL_BACK_MISSED;
      case REPLY_SENT -> CitizenStepKind.MESSAGE_SENT;
      case SOLVED -> CitizenStepKind.ANSWERED;
      case CLOSED, CLOSED_FOR_NO_REPLY, CLOSED_DATA_INCOMPLETE, CLOSED_AS_DUPLICATE ->
          CitizenStepKind.CLOSED;
      default -> null;
    };
  }

  private List<CitizenDocument> documentsOf(Ticket ticket) {
    return visibleDocuments(ticket).stream()
        .map(
            d ->
                new CitizenDocument(
                    d.id(), d.fileName(), d.contentMediaType(), d.size(), d.createdAt()))
        .toList();
  }

  /**
   * The files the citizen sent (with a message on any channel) and those sent to them with a reply
   * or the answer; files of internal notes and of staff's own work stay internal.
   */
  private List<StoredDocument> visibleDocuments(Ticket ticket) {
    Map<Long, StoredDocument> visible = new LinkedHashMap<>();
    for (Interaction interaction : interactions.ofTicket(ticket.getId())) {
      documents
          .linkedTo(OwnerKind.INTERACTION, interaction.getId())
          .forEach(d -> visible.putIfAbsent(d.id(), d));
    }
    for (TicketEvent event : ticket.getEvents()) {
      if (event.getKind() == TicketEventKind.REPLY_SENT
          || event.getKind() == TicketEventKind.SOLVED) {
        documents
            .linkedTo(OwnerKind.TICKET_EVENT, event.getId())
            .forEach(d -> visible.putIfAbsent(d.id(), d));
      }
    }
    return List.copyOf(visible.values());
  }
}
