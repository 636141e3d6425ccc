package it.sportello.studio;

import java.util.List;
import java.util.Map;

/**
 * What the engine's side of the studio read in a model: its key (process, decision or form id), the
 * problems it found, and the forms its user tasks ask for (user task id to form key).
 */
public record CheckedModel(String key, List<ModelProblem> problems, Map<String, String> formRefs) {}
