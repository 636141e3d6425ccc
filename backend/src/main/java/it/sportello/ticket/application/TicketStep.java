package it.sportello.ticket.application;

import java.util.List;

/** The user tasks of a ticket's life and the decisions each accepts. */
public enum TicketStep {
  LEVEL1("SOLVE", "ESCALATE", "REQUEST_DATA", "CLOSE_INCOMPLETE"),
  LEVEL2("SOLVE", "CALL_BACK", "INVOLVE_OFFICE", "REQUEST_DATA", "CLOSE_INCOMPLETE"),
  CALL_BACK("SOLVED", "NOT_SOLVED"),
  OFFICE("ANSWER", "REJECT"),
  LEVEL3("REASSIGN", "RETURN");

  private final List<String> decisions;

  TicketStep(String... decisions) {
    this.decisions = List.of(decisions);
  }

  public List<String> decisions() {
    return decisions;
  }
}
