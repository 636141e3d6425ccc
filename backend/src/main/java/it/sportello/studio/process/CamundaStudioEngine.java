package it.sportello.studio.process;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import it.sportello.processes.ModelRules;
import it.sportello.studio.CheckedModel;
import it.sportello.studio.DecisionTestResult;
import it.sportello.studio.DeployedModel;
import it.sportello.studio.DraftKind;
import it.sportello.studio.ModelProblem;
import it.sportello.studio.StudioEngine;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.ResourceReport;
import org.camunda.bpm.engine.impl.bpmn.deployer.BpmnDeployer;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParser;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The studio's engine side. Checking a model runs what a deployment runs, on a deployment that is
 * never persisted: the custom pre-deployers (the model-safety deployer) and the engine's BPMN
 * parser with every parse listener (the model-safety listener among them), inside a command context
 * but without any insert; DMN goes through the engine's DMN engine. This is the one place that uses
 * the engine's internal classes ({@code impl}): the public API has no "validate without deploying".
 */
@Component
class CamundaStudioEngine implements StudioEngine {

  /** Where deployments made by the studio come from (the engine's deployment source). */
  static final String SOURCE = "sportello-studio";

  private static final ObjectMapper JSON = new ObjectMapper();

  /** One refusal inside the model-safety listener's message. */
  private static final Pattern SAFETY_VIOLATION =
      Pattern.compile("element '([^']+)' \\(([^)]*)\\): (.*?)(?=; element '|$)", Pattern.DOTALL);

  private final ProcessEngine engine;
  private final RepositoryService repository;

  CamundaStudioEngine(ProcessEngine engine) {
    this.engine = engine;
    this.repository = engine.getRepositoryService();
  }

  @Override
  public List<DeployedModel> deployed() {
    List<DeployedModel> models = new ArrayList<>();
    Map<String, Deployment> deployments = new LinkedHashMap<>();
    for (ProcessDefinition definition :
        repository
            .createProcessDefinitionQuery()
            .orderByProcessDefinitionKey()
            .asc()
            .orderByProcessDefinitionVersion()
            .desc()
            .listPage(0, 2000)) {
      models.add(
          new DeployedModel(
              DraftKind.BPMN,
              definition.getKey(),
              definition.getName(),
              definition.getVersion(),
              definition.getId(),
              deploymentTime(definition.getDeploymentId(), deployments)));
    }
    for (DecisionDefinition definition :
        repository
            .createDecisionDefinitionQuery()
            .orderByDecisionDefinitionKey()
            .asc()
            .orderByDecisionDefinitionVersion()
            .desc()
            .listPage(0, 2000)) {
      models.add(
          new DeployedModel(
              DraftKind.DMN,
              definition.getKey(),
              definition.getName(),
              definition.getVersion(),
              definition.getId(),
              deploymentTime(definition.getDeploymentId(), deployments)));
    }
    for (Map.Entry<String, Resource> form : shippedForms().entrySet()) {
      models.add(
          new DeployedModel(DraftKind.FORM, form.getKey(), form.getKey(), 0, form.getKey(), null));
    }
    return models;
  }

  private java.time.Instant deploymentTime(String deploymentId, Map<String, Deployment> cache) {
    Deployment deployment =
        cache.computeIfAbsent(
            deploymentId, id -> repository.createDeploymentQuery().deploymentId(id).singleResult());
    return deployment == null || deployment.getDeploymentTime() == null
        ? null
        : deployment.getDeploymentTime().toInstant();
  }

  @Override
  public Optional<String> content(DraftKind kind, String id) {
    try {
      return switch (kind) {
        case BPMN -> Optional.of(read(repository.getProcessModel(id)));
        case DMN -> Optional.of(read(repository.getDecisionModel(id)));
        case FORM -> latest(DraftKind.FORM, id);
      };
    } catch (ProcessEngineException e) {
      return Optional.empty();
    }
  }

  @Override
  public Optional<String> latest(DraftKind kind, String key) {
    switch (kind) {
      case BPMN -> {
        ProcessDefinition definition =
            repository
                .createProcessDefinitionQuery()
                .processDefinitionKey(key)
                .latestVersion()
                .singleResult();
        return definition == null ? Optional.empty() : content(kind, definition.getId());
      }
      case DMN -> {
        DecisionDefinition definition =
            repository
                .createDecisionDefinitionQuery()
                .decisionDefinitionKey(key)
                .latestVersion()
                .singleResult();
        return definition == null ? Optional.empty() : content(kind, definition.getId());
      }
      default -> {
        String name = DraftKind.FORM.resourceName(key);
        for (Deployment deployment :
            repository
                .createDeploymentQuery()
                .deploymentSource(SOURCE)
                .orderByDeploymentTime()
                .desc()
                .listPage(0, 200)) {
          if (repository.getDeploymentResourceNames(deployment.getId()).contains(name)) {
            return Optional.of(read(repository.getResourceAsStream(deployment.getId(), name)));
          }
        }
        Resource shipped = shippedForms().get(key);
        if (shipped == null) {
          return Optional.empty();
        }
        try (InputStream in = shipped.getInputStream()) {
          return Optional.of(read(in));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
  }

  @Override
  public Optional<String> version(DraftKind kind, String key, int version) {
    String id =
        switch (kind) {
          case BPMN ->
              Optional.ofNullable(
                      repository
                          .createProcessDefinitionQuery()
                          .processDefinitionKey(key)
                          .processDefinitionVersion(version)
                          .singleResult())
                  .map(ProcessDefinition::getId)
                  .orElse(null);
          case DMN ->
              Optional.ofNullable(
                      repository
                          .createDecisionDefinitionQuery()
                          .decisionDefinitionKey(key)
                          .decisionDefinitionVersion(version)
                          .singleResult())
                  .map(DecisionDefinition::getId)
                  .orElse(null);
          case FORM -> null;
        };
    return id == null ? Optional.empty() : content(kind, id);
  }

  @Override
  public Optional<String> tests(String decisionDefinitionId) {
    DecisionDefinition definition;
    try {
      definition = repository.getDecisionDefinition(decisionDefinitionId);
    } catch (ProcessEngineException e) {
      return Optional.empty();
    }
    String name = testsName(definition.getKey());
    if (repository.getDeploymentResourceNames(definition.getDeploymentId()).contains(name)) {
      return Optional.of(read(repository.getResourceAsStream(definition.getDeploymentId(), name)));
    }
    try {
      Resource[] shipped =
          new PathMatchingResourcePatternResolver().getResources("classpath*:dmn/**/" + name);
      if (shipped.length == 0) {
        return Optional.empty();
      }
      try (InputStream in = shipped[0].getInputStream()) {
        return Optional.of(read(in));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public Optional<String> latestTests(String decisionKey) {
    DecisionDefinition definition =
        repository
            .createDecisionDefinitionQuery()
            .decisionDefinitionKey(decisionKey)
            .latestVersion()
            .singleResult();
    return definition == null ? Optional.empty() : tests(definition.getId());
  }

  /** The resource name of a decision's tests. */
  static String testsName(String decisionKey) {
    return decisionKey + ".tests.json";
  }

  @Override
  public List<DecisionTestResult> runTests(String dmn, String tests) {
    return inCommandContext(() -> DecisionTests.run(configuration().getDmnEngine(), dmn, tests));
  }

  /**
   * Runs the engine's DMN engine inside a command context of its own (its parser reads the engine's
   * configuration from there, for the history time to live); nothing is written.
   */
  private <T> T inCommandContext(java.util.function.Supplier<T> work) {
    return configuration().getCommandExecutorTxRequiresNew().execute(commandContext -> work.get());
  }

  @Override
  public CheckedModel check(DraftKind kind, String content) {
    return switch (kind) {
      case BPMN -> checkBpmn(content);
      case DMN -> checkDmn(content);
      case FORM -> checkForm(content);
    };
  }

  @Override
  public String deploy(String name, Map<String, String> resources) {
    DeploymentBuilder builder = repository.createDeployment().name(name).source(SOURCE);
    resources.forEach(builder::addString);
    return builder.deploy().getId();
  }

  private CheckedModel checkBpmn(String content) {
    BpmnModelInstance model;
    try {
      model = Bpmn.readModelFromStream(stream(content));
    } catch (RuntimeException e) {
      return new CheckedModel(
          null,
          List.of(
              new ModelProblem(null, "not a BPMN model: " + e.getMessage(), ModelProblem.ENGINE)),
          Map.of());
    }
    String key =
        model.getModelElementsByType(Process.class).stream()
            .map(Process::getId)
            .findFirst()
            .orElse(null);
    List<ModelProblem> problems =
        new ArrayList<>(dryDeploy(DraftKind.BPMN.resourceName(key), content, true));
    for (ModelRules.Violation violation : ModelRules.all(model, null)) {
      problems.add(
          new ModelProblem(violation.elementId(), violation.message(), ModelProblem.RULES));
    }
    Map<String, String> decisionRefs = new LinkedHashMap<>();
    for (BusinessRuleTask task : model.getModelElementsByType(BusinessRuleTask.class)) {
      if (task.getCamundaDecisionRef() != null && !task.getCamundaDecisionRef().isBlank()) {
        decisionRefs.put(task.getId(), task.getCamundaDecisionRef());
      }
    }
    return new CheckedModel(key, problems, ModelRules.formRefs(model), decisionRefs);
  }

  private CheckedModel checkDmn(String content) {
    DmnModelInstance model;
    try {
      model = Dmn.readModelFromStream(stream(content));
    } catch (RuntimeException e) {
      return new CheckedModel(
          null,
          List.of(
              new ModelProblem(null, "not a DMN model: " + e.getMessage(), ModelProblem.ENGINE)),
          Map.of());
    }
    String key =
        model.getModelElementsByType(Decision.class).stream()
            .map(Decision::getId)
            .findFirst()
            .orElse(null);
    List<ModelProblem> problems =
        new ArrayList<>(dryDeploy(DraftKind.DMN.resourceName(key), content, false));
    try {
      inCommandContext(
          () -> configuration().getDmnEngine().parseDecisionRequirementsGraph(stream(content)));
    } catch (RuntimeException e) {
      problems.add(new ModelProblem(null, e.getMessage(), ModelProblem.ENGINE));
    }
    return new CheckedModel(key, problems, Map.of());
  }

  private CheckedModel checkForm(String content) {
    JsonNode form;
    try {
      form = JSON.readTree(content);
    } catch (IOException e) {
      return new CheckedModel(
          null,
          List.of(
              new ModelProblem(null, "not a form (JSON): " + e.getMessage(), ModelProblem.ENGINE)),
          Map.of());
    }
    String key = form.path("id").asText(null);
    List<ModelProblem> problems = new ArrayList<>();
    if (!form.path("components").isArray()) {
      problems.add(new ModelProblem(key, "a form has a list of components", ModelProblem.ENGINE));
    }
    if (key != null) {
      problems.addAll(dryDeploy(DraftKind.FORM.resourceName(key), content, false));
    }
    return new CheckedModel(key, problems, Map.of());
  }

  /**
   * Runs the engine's deployment checks on a deployment that exists only in memory: the custom
   * pre-deployers, then (BPMN) the parser with its listeners. Nothing is written.
   */
  private List<ModelProblem> dryDeploy(String resourceName, String content, boolean bpmn) {
    ProcessEngineConfigurationImpl configuration = configuration();
    List<ModelProblem> problems = new ArrayList<>();
    try {
      // a transaction of its own: a refusal must not mark the caller's transaction rollback-only
      configuration
          .getCommandExecutorTxRequiresNew()
          .execute(
              commandContext -> {
                DeploymentEntity deployment = new DeploymentEntity();
                deployment.setName("studio check");
                ResourceEntity resource = new ResourceEntity();
                resource.setName(resourceName);
                resource.setBytes(content.getBytes(StandardCharsets.UTF_8));
                deployment.addResource(resource);
                List<Deployer> preDeployers = configuration.getCustomPreDeployers();
                for (Deployer deployer :
                    preDeployers == null ? List.<Deployer>of() : preDeployers) {
                  deployer.deploy(deployment);
                }
                if (bpmn) {
                  BpmnParse parse =
                      bpmnParser(configuration)
                          .createParse()
                          .deployment(deployment)
                          .sourceString(content)
                          .name(resourceName);
                  parse.execute();
                }
                return null;
              });
    } catch (ParseException e) {
      for (ResourceReport report : e.getResorceReports()) {
        for (Problem problem : report.getErrors()) {
          problems.addAll(split(problem.getMessage(), problem.getMainElementId()));
        }
      }
      if (problems.isEmpty()) {
        problems.add(new ModelProblem(null, e.getMessage(), ModelProblem.ENGINE));
      }
    } catch (ProcessEngineException e) {
      problems.addAll(split(e.getMessage(), null));
    }
    return problems;
  }

  /** One problem per refused element when the model-safety listener refused several at once. */
  private static List<ModelProblem> split(String message, String elementId) {
    List<ModelProblem> problems = new ArrayList<>();
    String text = message == null ? "" : message.replaceFirst(" \\| resource .*$", "");
    Matcher matcher = SAFETY_VIOLATION.matcher(text);
    while (matcher.find()) {
      problems.add(
          new ModelProblem(
              matcher.group(1),
              matcher.group(2) + " '" + matcher.group(1) + "': " + matcher.group(3).strip(),
              ModelProblem.ENGINE));
    }
    if (problems.isEmpty()) {
      problems.add(new ModelProblem(elementId, text, ModelProblem.ENGINE));
    }
    return problems;
  }

  /** The parser the engine's BPMN deployer uses, with every parse listener configured. */
  private static BpmnParser bpmnParser(ProcessEngineConfigurationImpl configuration) {
    return configuration.getDeployers().stream()
        .filter(BpmnDeployer.class::isInstance)
        .map(deployer -> ((BpmnDeployer) deployer).getBpmnParser())
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("The engine has no BPMN deployer"));
  }

  private ProcessEngineConfigurationImpl configuration() {
    return (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
  }

  private static Map<String, Resource> shippedForms() {
    Map<String, Resource> forms = new LinkedHashMap<>();
    try {
      Resource[] resources =
          new PathMatchingResourcePatternResolver().getResources("classpath*:forms/**/*.form");
      java.util.Arrays.sort(resources, Comparator.comparing(Resource::getFilename));
      for (Resource resource : resources) {
        String file = resource.getFilename();
        forms.putIfAbsent(file.substring(0, file.length() - ".form".length()), resource);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return forms;
  }

  private static ByteArrayInputStream stream(String content) {
    return new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8));
  }

  private static String read(InputStream in) {
    try (in) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
