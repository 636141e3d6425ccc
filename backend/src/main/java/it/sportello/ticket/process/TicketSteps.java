package it.sportello.ticket.process;

import it.sportello.processes.TicketProcess.Elements;
import it.sportello.processes.TicketProcess.Variables;
import it.sportello.ticket.application.TicketStep;
import java.util.Map;
import java.util.Optional;

/** Which user task of the models is which step, and the variable its decision is routed on. */
final class TicketSteps {

  private static final Map<String, TicketStep> STEPS =
      Map.of(
          Elements.LEVEL1, TicketStep.LEVEL1,
          Elements.LEVEL2, TicketStep.LEVEL2,
          Elements.CALL_BACK, TicketStep.CALL_BACK,
          Elements.OFFICE_ANSWER, TicketStep.OFFICE,
          Elements.LEVEL3, TicketStep.LEVEL3);

  private static final Map<TicketStep, String> DECISION_VARIABLES =
      Map.of(
          TicketStep.LEVEL1, Variables.LEVEL1_DECISION,
          TicketStep.LEVEL2, Variables.LEVEL2_DECISION,
          TicketStep.CALL_BACK, Variables.CALL_BACK_RESULT,
          TicketStep.OFFICE, Variables.OFFICE_DECISION,
          TicketStep.LEVEL3, Variables.LEVEL3_DECISION);

  /**
   * Free texts of a decision: kept in our tables, passed to the engine only as transient variables.
   */
  static final String ANSWER = "answer";

  static final String REJECTION_REASON = "rejectionReason";
  static final String SUGGESTED_OFFICE = "suggestedOffice";
  static final String MISSING_DATA = "missingData";
  static final String NOTE = "note";

  static Optional<TicketStep> of(String taskDefinitionKey) {
    return Optional.ofNullable(STEPS.get(taskDefinitionKey));
  }

  static String decisionVariable(TicketStep step) {
    return DECISION_VARIABLES.get(step);
  }

  private TicketSteps() {}
}
