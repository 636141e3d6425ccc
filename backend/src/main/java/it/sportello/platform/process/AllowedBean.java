package it.sportello.platform.process;

import java.util.List;
import org.springframework.modulith.NamedInterface;

/**
 * One bean a model's expressions may name ({@link ModelAllowlist}).
 *
 * @param uses what it can be used as in a model
 * @param type the bean's class (simple name), a hint of what it does
 */
@NamedInterface("process")
public record AllowedBean(String name, List<Use> uses, String type) {

  /** What an allowlisted bean can be used as in a model. */
  public enum Use {
    /** A service task's {@code camunda:delegateExpression} ({@code JavaDelegate}). */
    DELEGATE,
    /** A user task's {@code camunda:taskListener}. */
    TASK_LISTENER,
    /** A {@code camunda:executionListener}. */
    EXECUTION_LISTENER,
    /** A helper whose methods expressions call ({@link ExpressionHelper}). */
    HELPER
  }
}
