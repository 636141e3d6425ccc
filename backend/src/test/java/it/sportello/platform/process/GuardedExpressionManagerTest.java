package it.sportello.platform.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.impl.juel.jakarta.el.ELContext;
import org.camunda.bpm.impl.juel.jakarta.el.ELException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.GenericApplicationContext;

/**
 * The expression manager's resolver chain at run time, through the same entry point the DMN engine
 * uses for JUEL (a variable context, no running process needed).
 */
class GuardedExpressionManagerTest {

  @ExpressionHelper
  public static class Doubler {
    public int twice(int value) {
      return 2 * value;
    }
  }

  /** Stands for any bean outside the allowlist (a JdbcTemplate, a service, ...). */
  static class Secrets {
    public String getPassword() {
      return "secret";
    }
  }

  private static final JavaDelegate DELEGATE = execution -> {};
  private static final GenericApplicationContext CONTEXT = new GenericApplicationContext();

  static {
    CONTEXT.registerBean("closeTicketDelegate", JavaDelegate.class, () -> DELEGATE);
    CONTEXT.registerBean("doubler", Doubler.class);
    CONTEXT.registerBean("secrets", Secrets.class);
    CONTEXT.refresh();
  }

  private final GuardedExpressionManager manager =
      new GuardedExpressionManager(CONTEXT, new SpringModelBeans(CONTEXT));

  @AfterAll
  static void close() {
    CONTEXT.close();
  }

  private Object evaluate(String expression, Map<String, Object> variables) {
    ELContext context = manager.createElContext(Variables.fromMap(variables).asVariableContext());
    return manager.createValueExpression(expression).getValue(context);
  }

  @Test
  void resolvesVariablesAllowlistedBeansAndOrdinaryMembers() {
    assertThat(evaluate("${text.length()}", Map.of("text", "abc"))).isEqualTo(3);
    assertThat(evaluate("${decision == 'APPROVE'}", Map.of("decision", "APPROVE"))).isEqualTo(true);
    assertThat(evaluate("${map.queue}", Map.of("map", Map.of("queue", "general"))))
        .isEqualTo("general");
    assertThat(evaluate("${doubler.twice(21)}", Map.of())).isEqualTo(42);
    assertThat(evaluate("${closeTicketDelegate}", Map.of())).isSameAs(DELEGATE);
  }

  @Test
  void beansOutsideTheAllowlistAreNotThere() {
    assertThatThrownBy(() -> evaluate("${secrets.password}", Map.of()))
        .hasMessageContaining("secrets");
  }

  @Test
  void refusesReflectionWhateverTheNameWasBuiltFrom() {
    assertThatThrownBy(() -> evaluate("${text.getClass()}", Map.of("text", "abc")))
        .isInstanceOf(ELException.class)
        .hasMessageContaining("'getClass' reaches Java reflection");
    assertThatThrownBy(() -> evaluate("${text[member]}", Map.of("text", "abc", "member", "class")))
        .isInstanceOf(ELException.class)
        .hasMessageContaining("'class' reaches Java reflection");
    assertThatThrownBy(
            () ->
                evaluate(
                    "${''.getClass().forName('java.lang.Runtime').getRuntime().exec('id')}",
                    Map.of()))
        .isInstanceOf(ELException.class)
        .hasMessageContaining("Refused by the model rules");
  }

  @Test
  void refusesAnyMemberOfAClassOrOfADelegate() {
    assertThatThrownBy(() -> evaluate("${type.name}", Map.of("type", String.class)))
        .isInstanceOf(ELException.class)
        .hasMessageContaining("a Class may not be used");
    assertThatThrownBy(() -> evaluate("${closeTicketDelegate.execute(null)}", Map.of()))
        .isInstanceOf(ELException.class)
        .hasMessageContaining("is named whole");
  }
}
