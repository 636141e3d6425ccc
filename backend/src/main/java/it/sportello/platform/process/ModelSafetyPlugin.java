package it.sportello.platform.process;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * A model is code: this plugin makes the engine run only the code we ship. Expressions see only the
 * allowlisted beans and no reflective member ({@link GuardedExpressionManager}); deployments, from
 * any caller, are refused when a model holds scripts, class names or unsafe expressions ({@link
 * ModelSafetyParseListener}, {@link ModelSafetyDeployer}); no script engine is installed ({@link
 * NoScriptEngines}). See {@code docs/security.md}.
 */
@Component
class ModelSafetyPlugin extends AbstractProcessEnginePlugin {

  private final ApplicationContext applicationContext;

  ModelSafetyPlugin(ApplicationContext applicationContext) {
    this.applicationContext = applicationContext;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    SpringModelBeans beans = new SpringModelBeans(applicationContext);
    ExpressionChecker expressions = new ExpressionChecker(beans);

    configuration.setExpressionManager(new GuardedExpressionManager(applicationContext, beans));

    List<BpmnParseListener> parseListeners =
        new ArrayList<>(
            configuration.getCustomPreBPMNParseListeners() == null
                ? List.of()
                : configuration.getCustomPreBPMNParseListeners());
    parseListeners.add(0, new ModelSafetyParseListener(expressions));
    configuration.setCustomPreBPMNParseListeners(parseListeners);

    List<Deployer> preDeployers =
        new ArrayList<>(
            configuration.getCustomPreDeployers() == null
                ? List.of()
                : configuration.getCustomPreDeployers());
    preDeployers.add(0, new ModelSafetyDeployer(expressions));
    configuration.setCustomPreDeployers(preDeployers);

    configuration.setScriptEngineResolver(new NoScriptEngines());
  }
}
