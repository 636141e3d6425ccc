package it.sportello.ticket.application;

import java.util.List;

/** The user tasks of a ticket's life and the decisions each accepts ({@link StepDecision}). */
public enum TicketStep {
  LEVEL1(StepDecision.Level1.class),
  LEVEL2(StepDecision.Level2.class),
  CALL_BACK(StepDecision.CallBack.class),
  OFFICE(StepDecision.Office.class),
  LEVEL3(StepDecision.Level3.class);

  private final Class<? extends StepDecision> type;

  TicketStep(Class<? extends StepDecision> type) {
    this.type = type;
  }

  /** The type of this step's decisions. */
  public Class<? extends StepDecision> decisionType() {
    return type;
  }

  /** The values this step accepts, as the process and the forms carry them. */
  public List<String> decisions() {
    return StepDecision.names(type.getEnumConstants());
  }

  /**
   * The decision named {@code value}; an unknown one is a 400 naming the field {@code decision}.
   */
  public StepDecision decision(String value) {
    return switch (this) {
      case LEVEL1 -> StepDecision.parse(StepDecision.Level1.class, value);
      case LEVEL2 -> StepDecision.parse(StepDecision.Level2.class, value);
      case CALL_BACK -> StepDecision.parse(StepDecision.CallBack.class, value);
      case OFFICE -> StepDecision.parse(StepDecision.Office.class, value);
      case LEVEL3 -> StepDecision.parse(StepDecision.Level3.class, value);
    };
  }
}
