package it.sportello.ticket.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import it.sportello.shared.FieldViolation;
import it.sportello.shared.InvalidRequestException;
import org.junit.jupiter.api.Test;

/** Each step parses its own decisions; anything else is a bad request naming the field. */
class TicketStepTest {

  @Test
  void aStepParsesItsOwnDecisionsToItsType() {
    assertThat(TicketStep.LEVEL1.decision("SOLVE")).isEqualTo(StepDecision.Level1.SOLVE);
    assertThat(TicketStep.LEVEL2.decision("INVOLVE_OFFICE"))
        .isEqualTo(StepDecision.Level2.INVOLVE_OFFICE);
    assertThat(TicketStep.CALL_BACK.decision("NOT_SOLVED"))
        .isEqualTo(StepDecision.CallBack.NOT_SOLVED);
    assertThat(TicketStep.OFFICE.decision("REJECT")).isEqualTo(StepDecision.Office.REJECT);
    assertThat(TicketStep.LEVEL3.decision("RETURN")).isEqualTo(StepDecision.Level3.RETURN);
    for (TicketStep step : TicketStep.values()) {
      assertThat(step.decisions())
          .allSatisfy(value -> assertThat(step.decision(value).name()).isEqualTo(value));
    }
  }

  @Test
  void aTypoOrAnotherStepsDecisionIsABadRequestNamingTheField() {
    for (String wrong : new String[] {"SOLVED", "solve", "INVOLVE_OFFICE", "", null}) {
      InvalidRequestException error =
          catchThrowableOfType(
              () -> TicketStep.LEVEL1.decision(wrong), InvalidRequestException.class);
      assertThat(error).as("decision %s", wrong).isNotNull();
      assertThat(error.violations()).extracting(FieldViolation::field).containsExactly("decision");
      assertThat(error.violations().get(0).message())
          .isEqualTo("must be one of SOLVE, ESCALATE, REQUEST_DATA, CLOSE_INCOMPLETE");
    }
  }
}
