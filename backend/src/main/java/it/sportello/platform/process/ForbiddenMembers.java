package it.sportello.platform.process;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.CaseService;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcOperations;

/**
 * Members and objects that no model expression may touch, checked at deployment ({@link
 * ExpressionChecker}) and again at every evaluation ({@link ReflectionGuardElResolver}): reflection
 * and class loading, operating-system processes, the engine's services and Spring's internals.
 */
final class ForbiddenMembers {

  private static final String REFLECTION = "reaches Java reflection or class loading";
  private static final String ENGINE = "reaches the engine's services";
  private static final String PROCESS = "runs operating-system processes";

  /** Method names and the bean-property names they are read as. */
  private static final Map<String, String> NAMES =
      Map.ofEntries(
          Map.entry("getClass", REFLECTION),
          Map.entry("class", REFLECTION),
          Map.entry("forName", REFLECTION),
          Map.entry("getClassLoader", REFLECTION),
          Map.entry("classLoader", REFLECTION),
          Map.entry("getContextClassLoader", REFLECTION),
          Map.entry("contextClassLoader", REFLECTION),
          Map.entry("loadClass", REFLECTION),
          Map.entry("defineClass", REFLECTION),
          Map.entry("invoke", REFLECTION),
          Map.entry("invokeExact", REFLECTION),
          Map.entry("newInstance", REFLECTION),
          Map.entry("getMethod", REFLECTION),
          Map.entry("getMethods", REFLECTION),
          Map.entry("getField", REFLECTION),
          Map.entry("getFields", REFLECTION),
          Map.entry("getConstructor", REFLECTION),
          Map.entry("getConstructors", REFLECTION),
          Map.entry("setAccessible", REFLECTION),
          Map.entry("getModule", REFLECTION),
          Map.entry("getProcessEngineServices", ENGINE),
          Map.entry("processEngineServices", ENGINE),
          Map.entry("getProcessEngine", ENGINE),
          Map.entry("processEngine", ENGINE),
          Map.entry("getProcessEngineConfiguration", ENGINE),
          Map.entry("processEngineConfiguration", ENGINE),
          Map.entry("getRuntime", PROCESS),
          Map.entry("exec", PROCESS));

  /** Objects on which an expression may neither call a method nor read a property. */
  private static final List<Class<?>> TYPES =
      List.of(
          Class.class,
          ClassLoader.class,
          Module.class,
          ModuleLayer.class,
          Thread.class,
          ThreadGroup.class,
          Runtime.class,
          ProcessBuilder.class,
          Process.class,
          ProcessHandle.class,
          ProcessEngine.class,
          ProcessEngineServices.class,
          ProcessEngineConfiguration.class,
          CommandContext.class,
          RuntimeService.class,
          RepositoryService.class,
          TaskService.class,
          HistoryService.class,
          IdentityService.class,
          ManagementService.class,
          AuthorizationService.class,
          FormService.class,
          FilterService.class,
          ExternalTaskService.class,
          CaseService.class,
          DecisionService.class,
          BeanFactory.class,
          Environment.class,
          DataSource.class,
          Connection.class,
          JdbcOperations.class,
          EntityManager.class,
          EntityManagerFactory.class);

  /** Delegates and listeners are named whole: the engine calls them, expressions do not. */
  private static final List<Class<?>> WHOLE =
      List.of(JavaDelegate.class, TaskListener.class, ExecutionListener.class);

  private ForbiddenMembers() {}

  /** Why calling or reading {@code name} is refused, on any object. */
  static Optional<String> reasonForName(String name) {
    if (name == null) {
      return Optional.empty();
    }
    String reason = NAMES.get(name);
    if (reason == null && (name.startsWith("getDeclared") || name.startsWith("declared"))) {
      reason = REFLECTION;
    }
    return Optional.ofNullable(reason).map(why -> "'" + name + "' " + why);
  }

  /** Why touching any member of {@code base} is refused. */
  static Optional<String> reasonForBase(Object base) {
    if (base == null) {
      return Optional.empty();
    }
    String packageName = base.getClass().getPackageName();
    if (packageName.startsWith("java.lang.reflect") || packageName.startsWith("java.lang.invoke")) {
      return Optional.of("a " + base.getClass().getName() + " " + REFLECTION);
    }
    for (Class<?> type : TYPES) {
      if (type.isInstance(base)) {
        return Optional.of("a " + type.getSimpleName() + " may not be used in an expression");
      }
    }
    for (Class<?> type : WHOLE) {
      if (type.isInstance(base)) {
        return Optional.of(
            "a " + type.getSimpleName() + " is named whole: its members may not be used");
      }
    }
    return Optional.empty();
  }
}
