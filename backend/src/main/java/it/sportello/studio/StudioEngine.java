package it.sportello.studio;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The engine as the studio needs it (implemented in {@code process}, the only Camunda code). */
public interface StudioEngine {

  /** The deployed processes and decisions (every version) and the shipped forms. */
  List<DeployedModel> deployed();

  /** The content of one deployed model, by its definition id (forms: their path). */
  Optional<String> content(DraftKind kind, String id);

  /** The content of the latest deployed model with this key. */
  Optional<String> latest(DraftKind kind, String key);

  /**
   * Checks a model as the engine would at deployment, without deploying: the engine's parser with
   * its parse listeners (the model-safety listener among them) and pre-deployers, plus the house
   * rules for BPMN. Touches no table.
   */
  CheckedModel check(DraftKind kind, String content);

  /** Deploys the resources (name to content) as one deployment; returns its id. */
  String deploy(String name, Map<String, String> resources);
}
