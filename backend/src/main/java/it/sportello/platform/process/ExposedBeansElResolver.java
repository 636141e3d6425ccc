package it.sportello.platform.process;

import java.beans.FeatureDescriptor;
import java.util.Iterator;
import org.camunda.bpm.impl.juel.jakarta.el.ELContext;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.PropertyNotWritableException;

/**
 * Resolves a name at the root of an expression to a Spring bean only if it is allowlisted (in place
 * of Camunda's resolver, which exposes every bean). The bean is looked up when the expression runs,
 * not when the engine starts: delegates depend on the engine's services.
 */
class ExposedBeansElResolver extends ELResolver {

  private final SpringModelBeans beans;

  ExposedBeansElResolver(SpringModelBeans beans) {
    this.beans = beans;
  }

  @Override
  public Object getValue(ELContext context, Object base, Object property) {
    if (base == null && property instanceof String name && beans.isExposed(name)) {
      Object bean = beans.bean(name);
      context.setPropertyResolved(true);
      return bean;
    }
    return null;
  }

  @Override
  public boolean isReadOnly(ELContext context, Object base, Object property) {
    if (base == null && property instanceof String name && beans.isExposed(name)) {
      context.setPropertyResolved(true);
      return true;
    }
    return false;
  }

  @Override
  public void setValue(ELContext context, Object base, Object property, Object value) {
    if (base == null && property instanceof String name && beans.isExposed(name)) {
      throw new PropertyNotWritableException("Cannot set the bean '" + name + "'");
    }
  }

  @Override
  public Class<?> getType(ELContext context, Object base, Object property) {
    return null;
  }

  @Override
  public Iterator<FeatureDescriptor> getFeatureDescriptors(ELContext context, Object base) {
    return null;
  }

  @Override
  public Class<?> getCommonPropertyType(ELContext context, Object base) {
    return Object.class;
  }
}
