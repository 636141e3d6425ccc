package it.sportello.worklist;

import java.util.Map;

/**
 * Narrows an inbox: one business object ({@code businessKey}), business keys containing a text
 * ({@code businessKeyContains}), and process variables equal to values (e.g. {@code
 * queue=payments}).
 */
public record InboxFilter(
    String businessKey, String businessKeyContains, Map<String, String> variables) {

  public static final InboxFilter NONE = new InboxFilter(null, null, Map.of());

  public static InboxFilter ofBusinessKey(String businessKey) {
    return new InboxFilter(businessKey, null, Map.of());
  }
}
