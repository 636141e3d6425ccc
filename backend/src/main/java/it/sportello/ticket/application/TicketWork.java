package it.sportello.ticket.application;

import static it.sportello.ticket.domain.TicketEventKind.DATA_REQUESTED;
import static it.sportello.ticket.domain.TicketEventKind.OFFICE_REJECTED;
import static it.sportello.ticket.domain.TicketEventKind.REQUESTER_MESSAGE;

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
   * field (an unknown decision names {@code decision})
   */
  @Transactional(readOnly = true)
  public void validate(String ticketNumber, TicketStep step, TaskDecision decision) {
    List<FieldViolation> violations = new ArrayList<>();
    StepDecision choice = step.decision(decision.decision());
    Check check =
        switch (step) {
          case LEVEL1 ->
              switch ((StepDecision.Level1) choice) {
                case SOLVE -> Check.ANSWER;
                case ESCALATE -> Check.NOTHING;
                case REQUEST_DATA -> Check.MISSING_DATA;
                case CLOSE_INCOMPLETE -> Check.DATA_STILL_MISSING;
              };
          case LEVEL2 ->
              switch ((StepDecision.Level2) choice) {
                case SOLVE -> Check.ANSWER;
                case CALL_BACK -> Check.NOTHING;
                case INVOLVE_OFFICE -> Check.OFFICE;
                case REQUEST_DATA -> Check.MISSING_DATA;
                case CLOSE_INCOMPLETE -> Check.DATA_STILL_MISSING;
              };
          case CALL_BACK ->
              switch ((StepDecision.CallBack) choice) {
                case SOLVED -> Check.ANSWER;
                case NOT_SOLVED -> Check.NOTHING;
              };
          case OFFICE ->
              switch ((StepDecision.Office) choice) {
                case ANSWER -> Check.ANSWER;
                case REJECT -> Check.REJECTION;
              };
          case LEVEL3 ->
              switch ((StepDecision.Level3) choice) {
                case REASSIGN -> Check.COMPETENT_OFFICE;
                case RETURN -> Check.NOTHING;
              };
        };
    switch (check) {
      case NOTHING -> {}
      case ANSWER -> require(violations, "answer", decision.answer());
      case MISSING_DATA -> require(violations, "missingData", decision.missingData());
      case DATA_STILL_MISSING -> {
        require(violations, "missingData", decision.missingData());
        if (!repliedToADataRequest(tickets.getByNumber(ticketNumber))) {
          violations.add(
              new FieldViolation(
                  "decision",
                  "the requester has not answered a request for data yet: ask for the data"
                      + " first"));
        }
      }
      case OFFICE -> requireOffice(violations, "office", decision.office());
      case COMPETENT_OFFICE -> {
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
      case REJECTION -> {
        require(violations, "rejectionReason", decision.rejectionReason());
        if (!isBlank(decision.suggestedOffice())
            && !offices.existsById(decision.suggestedOffice())) {
          violations.add(
              new FieldViolation(
                  "suggestedOffice", "unknown office " + decision.suggestedOffice()));
        }
      }
    }
    if (!violations.isEmpty()) {
      throw new InvalidRequestException(violations);
    }
  }

  /** What a decision requires besides its value. */
  private enum Check {
    NOTHING,
    ANSWER,
    MISSING_DATA,
    DATA_STILL_MISSING,
    OFFICE,
    COMPETENT_OFFICE,
    REJECTION
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
    StepDecision choice = step.decision(decision.decision());
    // switch expressions: a decision added to a step's enum and not handled here does not compile
    Runnable effect =
        switch (step) {
          case LEVEL1 ->
              switch ((StepDecision.Level1) choice) {
                case SOLVE -> () -> ticket.solve(decision.answer(), actor, now);
                case ESCALATE -> () -> ticket.escalateToLevel2(actor, decision.note(), now);
                case REQUEST_DATA -> () -> ticket.requestData(actor, decision.missingData(), now);
                case CLOSE_INCOMPLETE ->
                    () -> ticket.judgeDataIncomplete(actor, decision.missingData(), now);
              };
          case LEVEL2 ->
              switch ((StepDecision.Level2) choice) {
                case SOLVE -> () -> ticket.solve(decision.answer(), actor, now);
                case CALL_BACK -> () -> ticket.planCallBack(actor, decision.note(), now);
                case INVOLVE_OFFICE ->
                    () -> ticket.involveOffice(decision.office(), actor, decision.note(), now);
                case REQUEST_DATA -> () -> ticket.requestData(actor, decision.missingData(), now);
                case CLOSE_INCOMPLETE ->
                    () -> ticket.judgeDataIncomplete(actor, decision.missingData(), now);
              };
          case CALL_BACK ->
              switch ((StepDecision.CallBack) choice) {
                case SOLVED -> () -> solvedByCallBack(ticket, decision.answer(), actor, now);
                case NOT_SOLVED -> () -> ticket.callBackFailed(actor, decision.note(), now);
              };
          case OFFICE ->
              switch ((StepDecision.Office) choice) {
                case ANSWER ->
                    () -> ticket.officeAnswered(decision.office(), actor, decision.answer(), now);
                case REJECT ->
                    () ->
                        ticket.officeRejected(
                            decision.office(),
                            actor,
                            decision.rejectionReason()
                                + (isBlank(decision.suggestedOffice())
                                    ? ""
                                    : " → " + decision.suggestedOffice()),
                            now);
              };
          case LEVEL3 ->
              switch ((StepDecision.Level3) choice) {
                case REASSIGN ->
                    () -> ticket.reassignToOffice(decision.office(), actor, decision.note(), now);
                case RETURN -> () -> ticket.returnToLevel2(actor, decision.note(), now);
              };
        };
    effect.run();
    return ticket.getCurrentLevel();
  }

  private void solvedByCallBack(Ticket ticket, String answer, String actor, Instant now) {
    ticket.solve(answer, actor, now);
    interactions.record(
        ticket.getRequesterId(),
        ticket.getId(),
        ticket.getNumber(),
        "PHONE",
        Interaction.Direction.OUTBOUND,
        Interaction.Kind.CALL,
        answer,
        now,
        actor);
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
