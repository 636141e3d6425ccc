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

  /** The content of one version of a deployed process or decision. */
  Optional<String> version(DraftKind kind, String key, int version);

  /**
   * The tests kept with a deployed decision (its deployment's {@code <key>.tests.json}, else the
   * ones shipped beside the shipped table), by the decision's definition id.
   */
  Optional<String> tests(String decisionDefinitionId);

  /** The tests kept with the latest deployed decision of this key. */
  Optional<String> latestTests(String decisionKey);

  /**
   * Runs a decision table's tests with the engine's DMN engine: each case's inputs evaluated, its
   * expected outputs compared with the first matching rule's. Nothing is written.
   *
   * @throws IllegalArgumentException when the tests are not in the expected form
   */
  List<DecisionTestResult> runTests(String dmn, String tests);

  /**
   * Checks a model as the engine would at deployment, without deploying: the engine's parser with
   * its parse listeners (the model-safety listener among them) and pre-deployers, plus the house
   * rules for BPMN. Touches no table.
   */
  CheckedModel check(DraftKind kind, String content);

  /** Deploys the resources (name to content) as one deployment; returns its id. */
  String deploy(String name, Map<String, String> resources);
}
