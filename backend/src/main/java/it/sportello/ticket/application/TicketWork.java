package it.sportello.ticket.application;

import static it.sportello.ticket.domain.TicketEventKind.*;

import it.sportello.contact.Interaction;
import it.sportello.contact.InteractionLog;
import it.sportello.shared.FieldViolation;
import it.sportello.shared.InvalidRequestException;
import it.sportello.ticket.domain.OfficeRepository;
import it.sportello.ticket.domain.Ticket;
import it.sportello.ticket.domain.TicketEvent;
import it.sportello.ticket.domain.TicketRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The work done on a ticket in its user tasks: validates each decision and records its effect on
 * the ticket and its path. Called when a task is completed, whichever client completed it.
 */
@Service
public class TicketWork {

  private final TicketRepository tickets;
  private final OfficeRepository offices;
  private final InteractionLog interactions;
  private final Clock clock;

  TicketWork(
      TicketRepository tickets,
      OfficeRepository offices,
      InteractionLog interactions,
      Clock clock) {
    this.tickets = tickets;
    this.offices = offices;
    this.interactions = interactions;
    this.clock = clock;
  }

  /**
   * Checks a decision before the task is completed. @throws InvalidRequestException naming each bad
   * field
   */
  @Transactional(readOnly = true)
  public void validate(String ticketNumber, TicketStep step, TaskDecision decision) {
    List<FieldViolation> violations = new ArrayList<>();
    String choice = decision.decision();
    if (choice == null || !step.decisions().contains(choice)) {
      violations.add(
          new FieldViolation("decision", "must be one of " + String.join(", ", step.decisions())));
      throw new InvalidRequestException(violations);
    }
    switch (step.name() + ":" + choice) {
      case "LEVEL1:SOLVE", "LEVEL2:SOLVE", "CALL_BACK:SOLVED", "OFFICE:ANSWER" ->
          require(violations, "answer", decision.answer());
      case "LEVEL1:REQUEST_DATA", "LEVEL2:REQUEST_DATA" ->
          require(violations, "missingData", decision.missingData());
      case "LEVEL1:CLOSE_INCOMPLETE", "LEVEL2:CLOSE_INCOMPLETE" -> {
        require(violations, "missingData", decision.missingData());
        if (!repliedToADataRequest(tickets.getByNumber(ticketNumber))) {
          violations.add(
              new FieldViolation(
                  "decision",
                  "the requester has not answered a request for data yet: ask for the data"
                      + " first"));
        }
      }
      case "LEVEL2:INVOLVE_OFFICE" -> requireOffice(violations, "office", decision.office());
      case "LEVEL3:REASSIGN" -> {
        requireOffice(violations, "office", decision.office());
        lastRejectingOffice(tickets.getByNumber(ticketNumber))
            .filter(rejecting -> rejecting.equals(decision.office()))
            .ifPresent(
                rejecting ->
                    violations.add(
                        new FieldViolation(
                            "office",
                            "office "
                                + rejecting
                                + " has just rejected this request: choose the competent office")));
      }
      case "OFFICE:REJECT" -> {
        require(violations, "rejectionReason", decision.rejectionReason());
        if (!isBlank(decision.suggestedOffice())
            && !offices.existsById(decision.suggestedOffice())) {
          violations.add(
              new FieldViolation(
                  "suggestedOffice", "unknown office " + decision.suggestedOffice()));
        }
      }
      default -> {}
    }
    if (!violations.isEmpty()) {
      throw new InvalidRequestException(violations);
    }
  }

  /**
   * Records a completed task's decision on the ticket.
   *
   * @return the level that handles the ticket afterwards
   */
  @Transactional
  public int recordDecision(
      String ticketNumber, TicketStep step, TaskDecision decision, String actor) {
    validate(ticketNumber, step, decision);
    Ticket ticket = tickets.getByNumber(ticketNumber);
    Instant now = clock.instant();
    if (step == TicketStep.LEVEL1 || step == TicketStep.LEVEL2) {
      ticket.takeInCharge(actor, now);
    }
    switch (step.name() + ":" + decision.decision()) {
      case "LEVEL1:SOLVE", "LEVEL2:SOLVE" -> ticket.solve(decision.answer(), actor, now);
      case "CALL_BACK:SOLVED" -> {
        ticket.solve(decision.answer(), actor, now);
        interactions.record(
            ticket.getRequesterId(),
            ticket.getId(),
            ticket.getNumber(),
            "PHONE",
            Interaction.Direction.OUTBOUND,
            Interaction.Kind.CALL,
            decision.answer(),
            now,
            actor);
      }
      case "LEVEL1:ESCALATE" -> ticket.escalateToLevel2(actor, decision.note(), now);
      case "LEVEL1:REQUEST_DATA", "LEVEL2:REQUEST_DATA" ->
          ticket.record(DATA_REQUESTED, actor, null, decision.missingData(), now);
      case "LEVEL1:CLOSE_INCOMPLETE", "LEVEL2:CLOSE_INCOMPLETE" ->
          ticket.record(DATA_INCOMPLETE, actor, null, decision.missingData(), now);
      case "LEVEL2:CALL_BACK" ->
          ticket.record(CALL_BACK_PLANNED, actor, null, decision.note(), now);
      case "CALL_BACK:NOT_SOLVED" ->
          ticket.record(CALL_BACK_FAILED, actor, null, decision.note(), now);
      case "LEVEL2:INVOLVE_OFFICE" ->
          ticket.assignToOffice(decision.office(), OFFICE_ASSIGNED, actor, decision.note(), now);
      case "LEVEL3:REASSIGN" ->
          ticket.assignToOffice(decision.office(), REASSIGNED, actor, decision.note(), now);
      case "LEVEL3:RETURN" ->
          ticket.officeResponded(null, RETURNED_TO_LEVEL2, actor, decision.note(), now);
      case "OFFICE:ANSWER" ->
          ticket.officeResponded(decision.office(), OFFICE_ANSWERED, actor, decision.answer(), now);
      case "OFFICE:REJECT" ->
          ticket.officeResponded(
              decision.office(),
              OFFICE_REJECTED,
              actor,
              decision.rejectionReason()
                  + (isBlank(decision.suggestedOffice()) ? "" : " → " + decision.suggestedOffice()),
              now);
      default ->
          throw new IllegalStateException("Unhandled decision " + step + ":" + decision.decision());
    }
    return ticket.getCurrentLevel();
  }

  /**
   * A worker claimed the ticket's first task: the ticket is taken in charge (the SLA's first
   * target).
   */
  @Transactional
  public void takeInCharge(String ticketNumber, String actor) {
    tickets.getByNumber(ticketNumber).takeInCharge(actor, clock.instant());
  }

  private static Optional<String> lastRejectingOffice(Ticket ticket) {
    List<TicketEvent> events = ticket.getEvents();
    for (int i = events.size() - 1; i >= 0; i--) {
      if (events.get(i).getKind() == OFFICE_REJECTED) {
        return Optional.ofNullable(events.get(i).getOffice());
      }
    }
    return Optional.empty();
  }

  private void requireOffice(List<FieldViolation> violations, String field, String office) {
    if (isBlank(office)) {
      violations.add(new FieldViolation(field, "must not be blank"));
    } else if (!offices.existsById(office)) {
      violations.add(new FieldViolation(field, "unknown office " + office));
    }
  }

  private static void require(List<FieldViolation> violations, String field, String value) {
    if (isBlank(value)) {
      violations.add(new FieldViolation(field, "must not be blank"));
    }
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }

  /** Data were requested and the requester has written since. */
  private static boolean repliedToADataRequest(Ticket ticket) {
    boolean requested = false;
    boolean replied = false;
    for (TicketEvent event : ticket.getEvents()) {
      if (event.getKind() == DATA_REQUESTED) {
        requested = true;
        replied = false;
      } else if (event.getKind() == REQUESTER_MESSAGE && requested) {
        replied = true;
      }
    }
    return replied;
  }
}
