package it.sportello.platform.process;

import static org.assertj.core.api.Assertions.assertThat;

import it.sportello.platform.process.ExpressionChecker.Use;
import it.sportello.platform.process.ModelBeans.Kind;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ExpressionCheckerTest {

  /** The application's beans as the checker sees them: two delegates, a helper, two others. */
  private static final ModelBeans BEANS =
      new ModelBeans() {
        private final Map<String, Kind> kinds =
            Map.of(
                "closeTicketDelegate", Kind.DELEGATE,
                "ticketTaskListener", Kind.DELEGATE,
                "kbDeadlines", Kind.HELPER,
                "jdbcTemplate", Kind.HIDDEN,
                "identityService", Kind.HIDDEN);

        @Override
        public Kind kindOf(String name) {
          return kinds.getOrDefault(name, Kind.VARIABLE);
        }

        @Override
        public Set<String> exposed() {
          return Set.of("closeTicketDelegate", "ticketTaskListener", "kbDeadlines");
        }
      };

  private final ExpressionChecker checker = new ExpressionChecker(BEANS);

  @ParameterizedTest
  @ValueSource(
      strings = {
        // what the shipped models write
        "${resolutionDueAt}",
        "${level1Decision == 'ESCALATE'}",
        "${'head-office'}",
        "${currentLevel == 2}",
        "${execution.getVariable('resolutionAtRiskFrom')}",
        "${kbDeadlines.dueDate('P5D')}",
        // other ordinary expressions
        "${task.getVariable('queue')}",
        "Ticket ${number} (${queue})",
        "${map[key]}",
        "${list[0].name}",
        "${now()}",
        "plain text, no expression",
        ""
      })
  void allowsVariablesHelpersAndTheEnginesOwnObjects(String expression) {
    assertThat(checker.check(expression, Use.VALUE)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"${closeTicketDelegate}", "${ticketTaskListener}", "#{ticketTaskListener}"})
  void allowsADelegateExpressionNamingOneAllowlistedDelegate(String expression) {
    assertThat(checker.check(expression, Use.DELEGATE)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "${''.getClass().forName('java.lang.Runtime').getRuntime().exec('id')}|'getClass' reaches Java reflection",
        "${''.getClass().forName('java.lang.Runtime').getRuntime().exec('id')}|'forName' reaches Java reflection",
        "${''.getClass().forName('java.lang.Runtime').getRuntime().exec('id')}|'exec' runs operating-system processes",
        "${text.class.classLoader}|'class' reaches Java reflection",
        "${text['class']}|'class' reaches Java reflection",
        "${x.getClassLoader()}|'getClassLoader' reaches Java reflection",
        "${m.invoke(null)}|'invoke' reaches Java reflection",
        "${c.newInstance()}|'newInstance' reaches Java reflection",
        "${c.getDeclaredMethods()}|'getDeclaredMethods' reaches Java reflection",
        "${c.getMethod('x')}|'getMethod' reaches Java reflection",
        "${execution.getProcessEngineServices().getRuntimeService()}|'getProcessEngineServices' reaches the engine's services",
        "${execution.processEngine}|'processEngine' reaches the engine's services",
        "${task.processEngineServices.identityService}|'processEngineServices' reaches the engine's services",
        "${jdbcTemplate.queryForList('select * from requester')}|names the bean 'jdbcTemplate', which models may not use",
        "${identityService.createUserQuery().list()}|names the bean 'identityService', which models may not use",
        "${list[jdbcTemplate]}|names the bean 'jdbcTemplate'",
        "${closeTicketDelegate.execute(execution)}|uses a member of the delegate 'closeTicketDelegate'",
        "${a + }|is not a valid expression"
      })
  void refusesAndSaysWhy(String expression, String reason) {
    assertThat(checker.check(expression, Use.VALUE))
        .anySatisfy(r -> assertThat(r).contains(reason));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "${jdbcTemplate}",
        "${someVariable}",
        "${kbDeadlines}",
        "${execution}",
        "${a}${b}"
      })
  void refusesADelegateExpressionThatIsNotOneAllowlistedDelegate(String expression) {
    assertThat(checker.check(expression, Use.DELEGATE))
        .anySatisfy(
            reason ->
                assertThat(reason)
                    .contains("a delegate expression names one allowlisted delegate or listener"));
  }
}
