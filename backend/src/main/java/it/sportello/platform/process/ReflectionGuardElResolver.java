package it.sportello.platform.process;

import java.beans.FeatureDescriptor;
import java.util.Iterator;
import org.camunda.bpm.impl.juel.jakarta.el.ELContext;
import org.camunda.bpm.impl.juel.jakarta.el.ELException;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;

/**
 * First in the expression resolver chain: refuses, at every evaluation, a method call or property
 * read that {@link ForbiddenMembers} forbids, whatever its name was built from ({@code
 * ${text[member]}} with {@code member = 'class'}) and however the model got deployed. Resolves
 * nothing itself: allowed members go on to the rest of the chain.
 */
class ReflectionGuardElResolver extends ELResolver {

  @Override
  public Object getValue(ELContext context, Object base, Object property) {
    check(base, property);
    return null;
  }

  @Override
  public Object invoke(
      ELContext context, Object base, Object method, Class<?>[] paramTypes, Object[] params) {
    check(base, method);
    return null;
  }

  @Override
  public Class<?> getType(ELContext context, Object base, Object property) {
    check(base, property);
    return null;
  }

  @Override
  public void setValue(ELContext context, Object base, Object property, Object value) {
    check(base, property);
  }

  @Override
  public boolean isReadOnly(ELContext context, Object base, Object property) {
    check(base, property);
    return false;
  }

  @Override
  public Iterator<FeatureDescriptor> getFeatureDescriptors(ELContext context, Object base) {
    return null;
  }

  @Override
  public Class<?> getCommonPropertyType(ELContext context, Object base) {
    return null;
  }

  private static void check(Object base, Object member) {
    if (base == null) {
      return;
    }
    String name = member == null ? null : member.toString();
    ForbiddenMembers.reasonForBase(base)
        .or(() -> ForbiddenMembers.reasonForName(name))
        .ifPresent(
            reason -> {
              throw new ELException("Refused by the model rules: " + reason);
            });
  }
}
