package it.sportello.platform.process;

import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ListableBeanFactory;

/**
 * The allowlist read from the Spring context: every bean typed {@link JavaDelegate}, {@link
 * TaskListener} or {@link ExecutionListener}, and every bean marked {@link ExpressionHelper}. The
 * names are read from the bean definitions once, on first use, without creating any bean; the beans
 * themselves are fetched when an expression needs them.
 */
class SpringModelBeans implements ModelBeans {

  private static final Logger log = LoggerFactory.getLogger(SpringModelBeans.class);

  private static final Class<?>[] DELEGATE_TYPES = {
    JavaDelegate.class, TaskListener.class, ExecutionListener.class
  };

  private final ListableBeanFactory beanFactory;
  private volatile Map<String, Kind> exposed;

  SpringModelBeans(ListableBeanFactory beanFactory) {
    this.beanFactory = beanFactory;
  }

  @Override
  public Kind kindOf(String name) {
    Kind kind = allowlist().get(name);
    if (kind != null) {
      return kind;
    }
    return beanFactory.containsBean(name) ? Kind.HIDDEN : Kind.VARIABLE;
  }

  @Override
  public Set<String> exposed() {
    return allowlist().keySet();
  }

  boolean isExposed(String name) {
    return allowlist().containsKey(name);
  }

  Object bean(String name) {
    return beanFactory.getBean(name);
  }

  private Map<String, Kind> allowlist() {
    Map<String, Kind> result = exposed;
    if (result == null) {
      synchronized (this) {
        result = exposed;
        if (result == null) {
          result = readAllowlist();
          exposed = result;
          log.info("Model expressions may name these beans: {}", result);
        }
      }
    }
    return result;
  }

  private Map<String, Kind> readAllowlist() {
    Map<String, Kind> allowlist = new TreeMap<>();
    // allowEagerInit = false: types come from the definitions (and @Bean return types), no bean is
    // created, so this works while the engine itself is being built
    for (Class<?> type : DELEGATE_TYPES) {
      for (String name : beanFactory.getBeanNamesForType(type, true, false)) {
        allowlist.put(name, Kind.DELEGATE);
      }
    }
    for (String name : beanFactory.getBeanNamesForType(Object.class, true, false)) {
      if (!allowlist.containsKey(name)
          && beanFactory.findAnnotationOnBean(name, ExpressionHelper.class, false) != null) {
        allowlist.put(name, Kind.HELPER);
      }
    }
    return Collections.unmodifiableMap(allowlist);
  }
}
