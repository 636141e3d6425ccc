package it.sportello.platform.process;

import java.util.ArrayList;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * The engine's side of "one set of rules whatever the door":
 *
 * <ul>
 *   <li>a task's candidates may work it (claim, complete) but not change it: the engine's default
 *       UPDATE on a candidate's tasks would let anyone in the group set the assignee to anyone and
 *       write the process's variables ({@code TASK_WORK} instead);
 *   <li>every user task of every model carries {@link TaskRules} as a built-in listener.
 * </ul>
 */
@Component
class EngineRulesPlugin extends AbstractProcessEnginePlugin {

  private final TaskRules rules = new TaskRules();

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setDefaultUserPermissionForTask(Permissions.TASK_WORK);
    if (configuration.getCustomPostBPMNParseListeners() == null) {
      configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
    }
    configuration
        .getCustomPostBPMNParseListeners()
        .add(
            new AbstractBpmnParseListener() {
              @Override
              public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
                TaskDefinition definition =
                    ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
                definition.addBuiltInTaskListener(TaskListener.EVENTNAME_ASSIGNMENT, rules);
                definition.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, rules);
              }
            });
  }
}
