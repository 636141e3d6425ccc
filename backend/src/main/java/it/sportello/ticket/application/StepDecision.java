package it.sportello.ticket.application;

import it.sportello.shared.InvalidRequestException;
import java.util.Arrays;
import java.util.List;

/**
 * A decision taken in one step of a ticket's life: one enum per step, so that a switch over a
 * step's decisions is checked for completeness by the compiler and a value the step does not know
 * never gets past {@link TicketStep#decision(String)}. The constants' names are the values the BPMN
 * gateways route on and the forms offer ({@code TicketDecisionsAgreementTest} checks both).
 */
public sealed interface StepDecision
    permits StepDecision.Level1,
        StepDecision.Level2,
        StepDecision.CallBack,
        StepDecision.Office,
        StepDecision.Level3 {

  /** The value as the process and the forms carry it. */
  String name();

  /** Level 1 (first contact). */
  enum Level1 implements StepDecision {
    SOLVE,
    ESCALATE,
    REQUEST_DATA,
    CLOSE_INCOMPLETE
  }

  /** Level 2 (specialists). */
  enum Level2 implements StepDecision {
    SOLVE,
    CALL_BACK,
    INVOLVE_OFFICE,
    REQUEST_DATA,
    CLOSE_INCOMPLETE
  }

  /** The outcome of calling the requester back. */
  enum CallBack implements StepDecision {
    SOLVED,
    NOT_SOLVED
  }

  /** The office involved by level 2. */
  enum Office implements StepDecision {
    ANSWER,
    REJECT
  }

  /** Level 3 (after an office's rejection). */
  enum Level3 implements StepDecision {
    REASSIGN,
    RETURN
  }

  /** The names of the given constants, in declaration order. */
  static List<String> names(StepDecision[] values) {
    return Arrays.stream(values).map(StepDecision::name).toList();
  }

  /** The constant named {@code value}, or 400 naming the field {@code decision}. */
  static <D extends Enum<D> & StepDecision> D parse(Class<D> type, String value) {
    for (D constant : type.getEnumConstants()) {
      if (constant.name().equals(value)) {
        return constant;
      }
    }
    throw new InvalidRequestException(
        "decision", "must be one of " + String.join(", ", names(type.getEnumConstants())));
  }
}
