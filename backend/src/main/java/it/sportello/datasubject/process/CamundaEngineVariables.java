package it.sportello.datasubject.process;

import it.sportello.datasubject.EngineVariables;
import java.util.List;
import java.util.Locale;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.springframework.stereotype.Component;

/**
 * Removes the variables that mention a person from the erased tickets' process instances. By ADR 1
 * variables carry ids and decisions only, so this normally finds nothing; it is the net for a
 * variable set through the engine's own REST API or Tasklist. The engine's other text about its
 * processes (business keys, tasks, comments, operation log, incidents, errors) is anonymised by
 * {@link EngineMentions}.
 */
@Component
class CamundaEngineVariables implements EngineVariables {

  private final HistoryService historyService;
  private final RuntimeService runtimeService;
  private final EngineMentions mentions;

  CamundaEngineVariables(
      HistoryService historyService,
      RuntimeService runtimeService,
      org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate jdbc) {
    this.historyService = historyService;
    this.runtimeService = runtimeService;
    this.mentions = new EngineMentions(jdbc);
  }

  @Override
  public java.util.Map<String, Integer> anonymiseMentions(
      List<String> keptBusinessKeys, List<String> identifiers) {
    return mentions.anonymise(keptBusinessKeys, identifiers);
  }

  @Override
  public int eraseMentions(List<String> businessKeys, List<String> identifiers) {
    List<String> needles =
        identifiers.stream()
            .filter(s -> s != null && s.length() >= 5)
            .map(s -> s.toLowerCase(Locale.ROOT))
            .toList();
    if (needles.isEmpty()) {
      return 0;
    }
    int removed = 0;
    for (String businessKey : businessKeys) {
      for (HistoricProcessInstance instance :
          historyService
              .createHistoricProcessInstanceQuery()
              .processInstanceBusinessKey(businessKey)
              .list()) {
        for (HistoricVariableInstance variable :
            historyService
                .createHistoricVariableInstanceQuery()
                .processInstanceId(instance.getId())
                .list()) {
          if (mentions(variable.getValue(), needles)) {
            if (instance.getEndTime() == null) {
              for (VariableInstance running :
                  runtimeService
                      .createVariableInstanceQuery()
                      .processInstanceIdIn(instance.getId())
                      .variableName(variable.getName())
                      .list()) {
                runtimeService.removeVariable(running.getExecutionId(), running.getName());
              }
            }
            historyService.deleteHistoricVariableInstance(variable.getId());
            removed++;
          }
        }
      }
    }
    return removed;
  }

  private static boolean mentions(Object value, List<String> needles) {
    if (value == null) {
      return false;
    }
    String text = value.toString().toLowerCase(Locale.ROOT);
    return needles.stream().anyMatch(text::contains);
  }
}
