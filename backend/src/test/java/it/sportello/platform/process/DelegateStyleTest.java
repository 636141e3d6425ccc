package it.sportello.platform.process;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import it.sportello.processes.CallbackProcess;
import it.sportello.processes.CampaignProcess;
import it.sportello.processes.ChatPathProcesses;
import it.sportello.processes.DataSubjectRequestProcess;
import it.sportello.processes.KbPublicationProcess;
import it.sportello.processes.ProcedureProcesses;
import it.sportello.processes.SatisfactionSurveyProcess;
import it.sportello.processes.TicketProcess;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;

/**
 * One delegate style: each delegate and task listener the models name is a class of its module's
 * {@code process} package, annotated {@code @Component(Beans.X)} with the constant the models use
 * (the processes module checks that every delegate expression is such a constant); no {@code @Bean}
 * lambdas.
 */
class DelegateStyleTest {

  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("it.sportello");

  /** The engine's own rules, registered by the engine configuration, not named by a model. */
  private static final Set<Class<?>> ENGINE_RULES = Set.of(TaskRules.class);

  /**
   * The studio's dry-run engine records the calls of the models' beans with stubs of its own, never
   * beans of the application (ADR 30).
   */
  private static final String DRY_RUN_STUBS = "it.sportello.studio.process.CamundaStudioDryRun$";

  /** Beans the models name that are not delegates (expressions like a due date). */
  private static final Set<String> NOT_DELEGATES = Set.of(KbPublicationProcess.Beans.DEADLINES);

  @Test
  void delegatesAreComponentsOfProcessPackagesAndNoBeanMethodReturnsOne() {
    classes()
        .that()
        .implement(JavaDelegate.class)
        .or()
        .implement(TaskListener.class)
        .or()
        .implement(ExecutionListener.class)
        .and()
        .doNotBelongToAnyOf(TaskRules.class)
        .and()
        .haveNameNotMatching(java.util.regex.Pattern.quote(DRY_RUN_STUBS) + ".*")
        .should()
        .beAnnotatedWith(Component.class)
        .andShould()
        .resideInAPackage("..process..")
        .check(CLASSES);
    noMethods()
        .that()
        .areAnnotatedWith(Bean.class)
        .should()
        .haveRawReturnType(JavaDelegate.class)
        .orShould()
        .haveRawReturnType(TaskListener.class)
        .orShould()
        .haveRawReturnType(ExecutionListener.class)
        .check(CLASSES);
  }

  @Test
  void everyDelegateIsNamedByABeansConstantAndEveryConstantHasItsDelegate() throws Exception {
    TreeMap<String, String> named = new TreeMap<>();
    for (JavaClass type : CLASSES) {
      Class<?> delegate = type.reflect();
      if (ENGINE_RULES.contains(delegate)
          || type.getName().startsWith(DRY_RUN_STUBS)
          || !(JavaDelegate.class.isAssignableFrom(delegate)
              || TaskListener.class.isAssignableFrom(delegate)
              || ExecutionListener.class.isAssignableFrom(delegate))) {
        continue;
      }
      named.put(delegate.getAnnotation(Component.class).value(), delegate.getSimpleName());
    }
    Set<String> constants = new TreeSet<>();
    for (Class<?> process :
        new Class<?>[] {
          TicketProcess.class,
          ProcedureProcesses.class,
          KbPublicationProcess.class,
          CallbackProcess.class,
          DataSubjectRequestProcess.class,
          SatisfactionSurveyProcess.class,
          CampaignProcess.class,
          ChatPathProcesses.class
        }) {
      for (Class<?> nested : process.getDeclaredClasses()) {
        if (nested.getSimpleName().equals("Beans")) {
          for (Field field : nested.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
              constants.add((String) field.get(null));
            }
          }
        }
      }
    }
    constants.removeAll(NOT_DELEGATES);
    assertThat(named.keySet()).hasSize(46).containsExactlyInAnyOrderElementsOf(constants);
  }
}
