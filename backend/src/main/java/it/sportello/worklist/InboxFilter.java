package it.sportello.worklist;

import java.util.Map;

/**
 * Narrows an inbox. Every criterion is optional (null or empty means "any").
 *
 * @param businessKey exactly this business object
 * @param businessKeyContains business keys containing this text
 * @param requester the requester of the ticket the task is about (business key = ticket number):
 *     part of the name, or a whole fiscal code, VAT number, e-mail or phone; read from the inbox
 *     read model only (ADR 0035, V66)
 * @param variables process variables equal to these values (e.g. {@code queue=payments})
 * @param urgency where the tasks stand against their follow-up and due dates
 */
public record InboxFilter(
    String businessKey,
    String businessKeyContains,
    String requester,
    Map<String, Object> variables,
    Urgency urgency) {

  public static final InboxFilter NONE = new InboxFilter(null, null, null, Map.of(), null);

  public InboxFilter {
    variables = Map.copyOf(variables);
  }

  public static InboxFilter ofBusinessKey(String businessKey) {
    return new InboxFilter(businessKey, null, null, Map.of(), null);
  }

  /**
   * Where a task stands at a given instant: its follow-up date marks when it gets urgent, its due
   * date when it is late.
   */
  public enum Urgency {
    /** Before its follow-up date (or without one), and not late. */
    ON_TIME,
    /** Follow-up date reached, due date not yet passed. */
    FOLLOW_UP,
    /** Due date passed. */
    OVERDUE
  }
}
