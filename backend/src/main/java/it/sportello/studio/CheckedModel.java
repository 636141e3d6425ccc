package it.sportello.studio;

import java.util.List;
import java.util.Map;

/**
 * What the engine's side of the studio read in a model: its key (process, decision or form id), the
 * problems it found, the forms its user tasks ask for (user task id to form key) and the decisions
 * its business rule tasks call (task id to decision key).
 */
public record CheckedModel(
    String key,
    List<ModelProblem> problems,
    Map<String, String> formRefs,
    Map<String, String> decisionRefs) {

  public CheckedModel(String key, List<ModelProblem> problems, Map<String, String> formRefs) {
    this(key, problems, formRefs, Map.of());
  }
}
