package it.sportello.platform.process;

import org.camunda.bpm.engine.impl.el.VariableContextElResolver;
import org.camunda.bpm.engine.impl.el.VariableScopeElResolver;
import org.camunda.bpm.engine.spring.SpringExpressionManager;
import org.camunda.bpm.engine.test.mock.MockElResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ArrayELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.BeanELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.CompositeELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ListELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.MapELResolver;
import org.springframework.context.ApplicationContext;

/**
 * Camunda's Spring expression manager (7.24) with two changes to its resolver chain: {@link
 * ReflectionGuardElResolver} first, and {@link ExposedBeansElResolver} (the allowlist) in place of
 * the resolver that exposes every bean of the context. The rest is Camunda's chain, in its order:
 * variables, variable contexts (DMN), test mocks, arrays, lists, maps, bean properties. Also serves
 * the JUEL expressions of DMN decisions.
 */
class GuardedExpressionManager extends SpringExpressionManager {

  private final SpringModelBeans beans;

  GuardedExpressionManager(ApplicationContext applicationContext, SpringModelBeans beans) {
    super(applicationContext, null);
    this.beans = beans;
  }

  @Override
  protected ELResolver createElResolver() {
    CompositeELResolver resolver = new CompositeELResolver();
    resolver.add(new ReflectionGuardElResolver());
    resolver.add(new VariableScopeElResolver());
    resolver.add(new VariableContextElResolver());
    resolver.add(new MockElResolver());
    resolver.add(new ExposedBeansElResolver(beans));
    resolver.add(new ArrayELResolver());
    resolver.add(new ListELResolver());
    resolver.add(new MapELResolver());
    resolver.add(new BeanELResolver());
    return resolver;
  }
}
