package it.sportello.processes;

import static org.assertj.core.api.Assertions.assertThat;

import it.sportello.processes.ClasspathFiles.ClasspathFile;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * One delegate style: every {@code camunda:delegateExpression} in the models names a bean whose
 * name is a constant of a process's {@code Beans} class (the backend's {@code @Component(Beans.X)}
 * uses the same constant), and every such constant is used by a model.
 */
class DelegateBeansTest {

  private static final Pattern DELEGATE = Pattern.compile("delegateExpression=\"([^\"]*)\"");
  private static final Pattern BEAN_USE = Pattern.compile("\\$\\{([a-z][A-Za-z0-9]*)[.}]");
  private static final Class<?>[] PROCESSES = {
    TicketProcess.class,
    ProcedureProcesses.class,
    KbPublicationProcess.class,
    CallbackProcess.class,
    DataSubjectRequestProcess.class,
    SatisfactionSurveyProcess.class,
    CampaignProcess.class
  };

  @Test
  void everyDelegateExpressionNamesABeanConstant() throws IOException {
    Map<String, String> constants = beanConstants();
    Map<String, String> unknown = new TreeMap<>();
    int delegates = 0;
    for (ClasspathFile file : ProcessModels.bpmnFiles()) {
      Matcher matcher = DELEGATE.matcher(text(file));
      while (matcher.find()) {
        delegates++;
        Matcher bean = ProcessModels.BEAN_REFERENCE.matcher(matcher.group(1));
        if (!bean.matches() || !constants.containsKey(bean.group(1))) {
          unknown.put(matcher.group(1), file.toString());
        }
      }
    }
    assertThat(delegates).as("delegate expressions found").isGreaterThan(30);
    assertThat(unknown).as("delegate expressions that are no Beans constant").isEmpty();
  }

  @Test
  void everyBeanConstantIsUsedByAModel() throws IOException {
    TreeSet<String> used = new TreeSet<>();
    for (ClasspathFile file : ProcessModels.bpmnFiles()) {
      Matcher matcher = BEAN_USE.matcher(text(file));
      while (matcher.find()) {
        used.add(matcher.group(1));
      }
    }
    assertThat(used).containsAll(beanConstants().keySet());
  }

  /** Bean name → the constant that holds it, over every process's {@code Beans} class. */
  private static Map<String, String> beanConstants() {
    Map<String, String> constants = new TreeMap<>();
    for (Class<?> process : PROCESSES) {
      for (Class<?> nested : process.getDeclaredClasses()) {
        if (!nested.getSimpleName().equals("Beans")) {
          continue;
        }
        for (Field field : nested.getFields()) {
          if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
            try {
              constants.put(
                  (String) field.get(null), process.getSimpleName() + ".Beans." + field.getName());
            } catch (IllegalAccessException e) {
              throw new AssertionError(e);
            }
          }
        }
      }
    }
    assertThat(constants).as("Beans constants").hasSizeGreaterThan(30);
    return constants;
  }

  private static String text(ClasspathFile file) throws IOException {
    try (InputStream in = file.open()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
