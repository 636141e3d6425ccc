package it.sportello.studio;

import java.util.List;

/**
 * One element that differs between two versions of a model.
 *
 * @param elementId the element's id (a form component's id or key)
 * @param type the element's kind ({@code userTask}, {@code rule}, {@code input}, a form field's
 *     type)
 * @param name its name, label or description, as the analyst knows it (null when it has none)
 * @param scope the process or decision it belongs to (null for a form)
 * @param change {@code ADDED}, {@code REMOVED} or {@code CHANGED}
 * @param properties what changed in it (for an added or removed element: what it holds)
 */
public record ModelChange(
    String elementId,
    String type,
    String name,
    String scope,
    String change,
    List<PropertyChange> properties) {

  public static final String ADDED = "ADDED";
  public static final String REMOVED = "REMOVED";
  public static final String CHANGED = "CHANGED";

  /**
   * One property of the element, before and after (null where it is not set).
   *
   * @param property an attribute ({@code name}, {@code camunda:dueDate}), a child's text ({@code
   *     conditionExpression}, {@code timerEventDefinition/timeDate}), or a child's attribute
   *     ({@code extensionElements/camunda:taskListener[2]@event}); in a decision table's rule, the
   *     input or output by its label ({@code input 'Topic'})
   */
  public record PropertyChange(String property, String before, String after) {}
}
