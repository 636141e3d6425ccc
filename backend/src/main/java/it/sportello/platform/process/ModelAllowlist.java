package it.sportello.platform.process;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.ApplicationContext;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;

/**
 * The beans a model's expressions may name (the allowlist the model-safety checks enforce), for
 * tools that let an analyst pick one instead of typing it: each with what it can be used as.
 */
@Component
@NamedInterface("process")
public class ModelAllowlist {

  private final ApplicationContext context;
  private final SpringModelBeans beans;

  ModelAllowlist(ApplicationContext context) {
    this.context = context;
    this.beans = new SpringModelBeans(context);
  }

  /** The allowlisted beans, by name. */
  public List<AllowedBean> beans() {
    List<AllowedBean> result = new ArrayList<>();
    for (String name : beans.exposed()) {
      Class<?> type = context.getType(name, false);
      List<AllowedBean.Use> uses = new ArrayList<>();
      if (beans.kindOf(name) == ModelBeans.Kind.HELPER) {
        uses.add(AllowedBean.Use.HELPER);
      }
      if (type != null && JavaDelegate.class.isAssignableFrom(type)) {
        uses.add(AllowedBean.Use.DELEGATE);
      }
      if (type != null && TaskListener.class.isAssignableFrom(type)) {
        uses.add(AllowedBean.Use.TASK_LISTENER);
      }
      if (type != null && ExecutionListener.class.isAssignableFrom(type)) {
        uses.add(AllowedBean.Use.EXECUTION_LISTENER);
      }
      result.add(new AllowedBean(name, uses, type == null ? "" : userClass(type).getSimpleName()));
    }
    return result;
  }

  /** The class as written, not a CGLIB proxy's. */
  private static Class<?> userClass(Class<?> type) {
    return type.getName().contains("$$") ? type.getSuperclass() : type;
  }
}
