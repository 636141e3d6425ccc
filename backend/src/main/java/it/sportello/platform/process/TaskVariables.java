package it.sportello.platform.process;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.modulith.NamedInterface;

/**
 * Typed access to the variables a task or execution carries, the one way the task listeners and
 * delegates read them: form fields arrive as strings, numbers or booleans depending on the door
 * (our API, Camunda's Tasklist, {@code /engine-rest}).
 */
@NamedInterface("process")
public final class TaskVariables {

  private TaskVariables() {}

  /** The variable as text; null when it is not set (or {@code name} is null). */
  public static String text(VariableScope scope, String name) {
    Object value = name == null ? null : scope.getVariable(name);
    return value == null ? null : value.toString();
  }

  /** The variable as text; empty when it is not set (or {@code name} is null). */
  public static String textOrEmpty(VariableScope scope, String name) {
    String text = text(scope, name);
    return text == null ? "" : text;
  }

  /** The variable as a long; null when it is not set. */
  public static Long number(VariableScope scope, String name) {
    Object value = scope.getVariable(name);
    if (value == null) {
      return null;
    }
    return value instanceof Number number ? number.longValue() : Long.valueOf(value.toString());
  }

  /** The variable as a map (a decision's result, a JSON object); null when it is not set. */
  @SuppressWarnings("unchecked")
  public static java.util.Map<String, Object> map(VariableScope scope, String name) {
    return (java.util.Map<String, Object>) scope.getVariable(name);
  }
}
