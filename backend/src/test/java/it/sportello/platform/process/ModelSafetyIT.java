package it.sportello.platform.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import it.sportello.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.bpmn.deployer.BpmnDeployer;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * A model is code: the attacks of the outside review, replayed. Models that would run scripts,
 * classes, reflection or hidden beans are refused at deployment for every caller (administrators
 * included) with the element named; a model that slips past is still stopped when it runs; the
 * shipped models pass the rules.
 */
class ModelSafetyIT extends IntegrationTest {

  /** What the shell commands of the attacks would create if they ran. */
  private static final Path MARKER = Path.of("target", "model-safety-pwned");

  private static final String RUNTIME =
      "${''.getClass().forName('java.lang.Runtime').getRuntime().exec('touch " + MARKER + "')}";

  @Autowired ProcessEngine processEngine;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired HistoryService historyService;
  @Autowired ApplicationContext applicationContext;

  /** An attack: the model's body (inside the process), and the element that must be named. */
  record Attack(String name, String body, String element) {
    @Override
    public String toString() {
      return name;
    }
  }

  static List<Attack> attacks() {
    return List.of(
        new Attack(
            "script task",
            """
            <startEvent id="start"/>
            <sequenceFlow id="f1" sourceRef="start" targetRef="scriptTask_shell"/>
            <scriptTask id="scriptTask_shell" scriptFormat="javascript">
              <script>java.lang.Runtime.getRuntime().exec('id')</script>
            </scriptTask>
            """,
            "scriptTask_shell"),
        new Attack(
            "camunda:class service task",
            """
            <startEvent id="start"/>
            <sequenceFlow id="f1" sourceRef="start" targetRef="serviceTask_class"/>
            <serviceTask id="serviceTask_class" camunda:class="org.example.Shell"/>
            """,
            "serviceTask_class"),
        new Attack(
            "expression reaching Runtime",
            """
            <startEvent id="start"/>
            <sequenceFlow id="f1" sourceRef="start" targetRef="serviceTask_runtime"/>
            <serviceTask id="serviceTask_runtime" camunda:expression="%s"/>
            """
                .formatted(RUNTIME),
            "serviceTask_runtime"),
        new Attack(
            "expression calling jdbcTemplate",
            """
            <startEvent id="start"/>
            <sequenceFlow id="f1" sourceRef="start" targetRef="serviceTask_jdbc"/>
            <serviceTask id="serviceTask_jdbc" camunda:resultVariable="rows"
                camunda:expression="${jdbcTemplate.queryForList('select fiscal_code, email from requester')}"/>
            """,
            "serviceTask_jdbc"),
        new Attack(
            "expression calling identityService",
            """
            <startEvent id="start"/>
            <sequenceFlow id="f1" sourceRef="start" targetRef="serviceTask_identity"/>
            <serviceTask id="serviceTask_identity" camunda:resultVariable="users"
                camunda:expression="${identityService.createUserQuery().list()}"/>
            """,
            "serviceTask_identity"),
        new Attack(
            "delegate expression naming a bean outside the allowlist",
            """
            <startEvent id="start"/>
            <sequenceFlow id="f1" sourceRef="start" targetRef="serviceTask_hiddenBean"/>
            <serviceTask id="serviceTask_hiddenBean" camunda:delegateExpression="${repositoryService}"/>
            """,
            "serviceTask_hiddenBean"),
        new Attack(
            "script execution listener",
            """
            <startEvent id="startEvent_listener">
              <extensionElements>
                <camunda:executionListener event="start">
                  <camunda:script scriptFormat="groovy">'id'.execute()</camunda:script>
                </camunda:executionListener>
              </extensionElements>
            </startEvent>
            """,
            "startEvent_listener"),
        new Attack(
            "timer start event running the Runtime expression",
            """
            <startEvent id="startEvent_timer">
              <timerEventDefinition id="timer"><timeCycle>R/PT1M</timeCycle></timerEventDefinition>
            </startEvent>
            <sequenceFlow id="f1" sourceRef="startEvent_timer" targetRef="serviceTask_timerRuntime"/>
            <serviceTask id="serviceTask_timerRuntime" camunda:expression="%s"/>
            """
                .formatted(RUNTIME),
            "serviceTask_timerRuntime"),
        new Attack(
            "form handler class (instantiated by the parser itself)",
            """
            <startEvent id="start"/>
            <sequenceFlow id="f1" sourceRef="start" targetRef="userTask_formHandler"/>
            <userTask id="userTask_formHandler"
                camunda:formHandlerClass="it.sportello.platform.process.ModelSafetyIT$Planted"/>
            """,
            "userTask_formHandler"));
  }

  /** A class whose construction leaves the marker: the parser must never instantiate it. */
  public static class Planted {
    public Planted() throws java.io.IOException {
      java.nio.file.Files.createDirectories(MARKER.getParent());
      java.nio.file.Files.writeString(MARKER, "instantiated by the engine's parser");
    }
  }

  static Stream<Arguments> attacksByDeployer() {
    return Stream.of("admin")
        .flatMap(user -> attacks().stream().map(attack -> Arguments.of(user, attack)));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("attacksByDeployer")
  void aModelThatRunsCodeIsRefusedForEveryCaller(String user, Attack attack) {
    String key = "model-safety-" + user + "-" + attack.element().toLowerCase();
    long jobsBefore = managementService.createJobQuery().count();

    ResponseEntity<JsonNode> response =
        deploy(user, Map.of(key + ".bpmn", process(key, attack.body())));

    assertThat(response.getStatusCode())
        .as("%s", response.getBody())
        .isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getBody().get("type").asText()).isEqualTo("ParseException");
    assertThat(response.getBody().get("message").asText())
        .contains("refused by the model rules")
        .contains("'" + attack.element() + "'");
    assertThat(response.getBody().findValuesAsText("mainElementId")).contains(attack.element());
    assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).count())
        .isZero();
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(key).count())
        .isZero();
    assertThat(managementService.createJobQuery().count()).isEqualTo(jobsBefore);
    assertThat(MARKER).doesNotExist();
  }

  @Test
  void theAttacksNameBeansThatExist() {
    // else the refusals above would prove nothing about hidden beans
    assertThat(applicationContext.containsBean("jdbcTemplate")).isTrue();
    assertThat(applicationContext.containsBean("identityService")).isTrue();
    assertThat(applicationContext.containsBean("repositoryService")).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("deployers")
  void aDecisionInAScriptLanguageIsRefused(String user) {
    String dmn =
        """
        <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="definitions_script"
            name="Script" namespace="http://sportello.example/dmn">
          <decision id="decision_script_%1$s" name="Script">
            <decisionTable id="decisionTable_script">
              <input id="input_shell">
                <inputExpression id="inputExpression_shell" typeRef="string" expressionLanguage="javascript">
                  <text>java.lang.Runtime.getRuntime().exec('id')</text>
                </inputExpression>
              </input>
              <output id="output_result" name="result" typeRef="string"/>
            </decisionTable>
          </decision>
        </definitions>
        """
            .formatted(user);

    ResponseEntity<JsonNode> response = deploy(user, Map.of("script-" + user + ".dmn", dmn));

    assertThat(response.getStatusCode())
        .as("%s", response.getBody())
        .isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getBody().get("message").asText())
        .contains("'inputExpression_shell'")
        .contains("'javascript' is a script language");
    assertThat(
            repositoryService
                .createDecisionDefinitionQuery()
                .decisionDefinitionKey("decision_script_" + user)
                .count())
        .isZero();
  }

  static Stream<String> deployers() {
    return Stream.of("admin");
  }

  @Test
  void anHtmlFormOrAScriptFileIsNotDeployed() {
    ResponseEntity<JsonNode> response =
        deploy("admin", Map.of("task.html", "<script>fetch('/api/tickets')</script>"));

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getBody().get("message").asText()).contains("'task.html' is none of them");
  }

  @Test
  void aMemberChosenAtRunTimeCannotReachReflection() {
    // passes the deployment rules: the member's name is a variable
    String key = "model-safety-runtime-member";
    ResponseEntity<JsonNode> deployment =
        deploy(
            "admin",
            Map.of(
                key + ".bpmn",
                process(
                    key,
                    """
                    <startEvent id="start"/>
                    <sequenceFlow id="f1" sourceRef="start" targetRef="serviceTask_member"/>
                    <serviceTask id="serviceTask_member" camunda:expression="${text[member]}"
                        camunda:resultVariable="leak"/>
                    <sequenceFlow id="f2" sourceRef="serviceTask_member" targetRef="end"/>
                    <endEvent id="end"/>
                    """)));
    assertThat(deployment.getStatusCode()).as("%s", deployment.getBody()).isEqualTo(HttpStatus.OK);
    String deploymentId = deployment.getBody().get("id").asText();
    try {
      ProcessInstance harmless =
          runtimeService.startProcessInstanceByKey(key, Map.of("text", "abc", "member", "empty"));
      assertThat(
              historyService
                  .createHistoricVariableInstanceQuery()
                  .processInstanceId(harmless.getId())
                  .variableName("leak")
                  .singleResult()
                  .getValue())
          .isEqualTo(false);

      assertThatThrownBy(
              () ->
                  runtimeService.startProcessInstanceByKey(
                      key, Map.of("text", "abc", "member", "class")))
          .isInstanceOf(ProcessEngineException.class)
          .hasMessageContaining("Refused by the model rules: 'class' reaches Java reflection");
      assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(key).count())
          .isZero();
      assertThat(
              historyService.createHistoricProcessInstanceQuery().processDefinitionKey(key).count())
          .as("only the harmless instance ran")
          .isEqualTo(1);
    } finally {
      repositoryService.deleteDeployment(deploymentId, true);
    }
  }

  @Test
  void aModelThatSlippedPastTheRulesStillCannotReachReflection() throws Exception {
    // as if deployed before the rules existed: the parse listener is taken out for this deployment
    String key = "model-safety-slipped-past";
    String model =
        process(
            key,
            """
            <startEvent id="start"/>
            <exclusiveGateway id="gateway_which"/>
            <sequenceFlow id="f0" sourceRef="start" targetRef="gateway_which"/>
            <sequenceFlow id="f1" sourceRef="gateway_which" targetRef="serviceTask_getClass">
              <conditionExpression>${attack == 'getClass'}</conditionExpression>
            </sequenceFlow>
            <sequenceFlow id="f2" sourceRef="gateway_which" targetRef="serviceTask_runtime">
              <conditionExpression>${attack == 'runtime'}</conditionExpression>
            </sequenceFlow>
            <sequenceFlow id="f3" sourceRef="gateway_which" targetRef="serviceTask_jdbc">
              <conditionExpression>${attack == 'jdbc'}</conditionExpression>
            </sequenceFlow>
            <serviceTask id="serviceTask_getClass" camunda:expression="${text.getClass()}"
                camunda:resultVariable="leak"/>
            <serviceTask id="serviceTask_runtime" camunda:expression="%s"/>
            <serviceTask id="serviceTask_jdbc" camunda:resultVariable="leak"
                camunda:expression="${jdbcTemplate.queryForList('select 1')}"/>
            """
                .formatted(RUNTIME));
    Deployment deployment = deployWithoutTheParseListener(key, model);
    try {
      assertThatThrownBy(
              () ->
                  runtimeService.startProcessInstanceByKey(
                      key, Map.of("attack", "getClass", "text", "abc")))
          .isInstanceOf(ProcessEngineException.class)
          .hasMessageContaining("Refused by the model rules: 'getClass' reaches Java reflection");
      assertThatThrownBy(
              () -> runtimeService.startProcessInstanceByKey(key, Map.of("attack", "runtime")))
          .isInstanceOf(ProcessEngineException.class)
          .hasMessageContaining("Refused by the model rules");
      assertThatThrownBy(
              () -> runtimeService.startProcessInstanceByKey(key, Map.of("attack", "jdbc")))
          .isInstanceOf(ProcessEngineException.class)
          .hasMessageContaining("Cannot resolve identifier 'jdbcTemplate'");

      assertThat(MARKER).doesNotExist();
      assertThat(
              historyService.createHistoricProcessInstanceQuery().processDefinitionKey(key).count())
          .as("every start was rolled back")
          .isZero();
    } finally {
      repositoryService.deleteDeployment(deployment.getId(), true);
    }
  }

  @Test
  void theShippedModelsPassTheRules() throws Exception {
    ProcessEngineConfigurationImpl configuration = configuration();
    assertThat(configuration.getExpressionManager()).isInstanceOf(GuardedExpressionManager.class);
    assertThat(bpmnParseListeners()).hasAtLeastOneElementOfType(ModelSafetyParseListener.class);

    PathMatchingResourcePatternResolver classpath = new PathMatchingResourcePatternResolver();
    Resource[] bpmn = classpath.getResources("classpath*:bpmn/**/*.bpmn");
    Resource[] dmn = classpath.getResources("classpath*:dmn/**/*.dmn");
    Resource[] forms = classpath.getResources("classpath*:forms/**/*.form");
    assertThat(bpmn).hasSizeGreaterThanOrEqualTo(7);
    assertThat(dmn).isNotEmpty();

    // in a tenant of its own, so the application's latest versions stay what they are
    DeploymentBuilder builder =
        repositoryService.createDeployment().name("shipped-models-check").tenantId("model-rules");
    List<Resource> all = new ArrayList<>();
    all.addAll(List.of(bpmn));
    all.addAll(List.of(dmn));
    all.addAll(List.of(forms));
    for (Resource resource : all) {
      builder.addInputStream(resource.getFilename(), resource.getInputStream());
    }
    Deployment deployment = builder.deployWithResult();
    try {
      assertThat(
              repositoryService
                  .createProcessDefinitionQuery()
                  .deploymentId(deployment.getId())
                  .count())
          .isEqualTo(bpmn.length);
      assertThat(
              repositoryService
                  .createDecisionDefinitionQuery()
                  .deploymentId(deployment.getId())
                  .count())
          .isGreaterThanOrEqualTo(dmn.length);
    } finally {
      repositoryService.deleteDeployment(deployment.getId(), true);
    }
  }

  /**
   * Deploys through the engine's second, equivalent set of deployers (the one {@code
   * getDeployers()} returns) with the parse listener taken out, then puts it back; that set then
   * serves the deployment cache, as the original one did.
   */
  private Deployment deployWithoutTheParseListener(String key, String model) {
    ProcessEngineConfigurationImpl configuration = configuration();
    List<BpmnParseListener> listeners = bpmnParseListeners();
    List<BpmnParseListener> removed =
        listeners.stream().filter(ModelSafetyParseListener.class::isInstance).toList();
    assertThat(removed).isNotEmpty();
    listeners.removeAll(removed);
    configuration.getDeploymentCache().setDeployers(configuration.getDeployers());
    try {
      return repositoryService
          .createDeployment()
          .addString(key + ".bpmn", model)
          .name(key)
          .deploy();
    } finally {
      listeners.addAll(0, removed);
    }
  }

  private List<BpmnParseListener> bpmnParseListeners() {
    return configuration().getDeployers().stream()
        .filter(BpmnDeployer.class::isInstance)
        .map(deployer -> ((BpmnDeployer) deployer).getBpmnParser().getParseListeners())
        .findFirst()
        .orElseThrow();
  }

  private ProcessEngineConfigurationImpl configuration() {
    return (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
  }

  private static String process(String key, String body) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
            id="definitions_%1$s" targetNamespace="http://sportello.example/bpmn">
          <process id="%1$s" isExecutable="true" camunda:historyTimeToLive="P1D">
        %2$s
          </process>
        </definitions>
        """
        .formatted(key, body);
  }

  private ResponseEntity<JsonNode> deploy(String user, Map<String, String> files) {
    MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
    parts.add("deployment-name", "model-safety");
    parts.add("deployment-source", "camunda-modeler");
    files.forEach(
        (name, content) ->
            parts.add(name, namedFile(name, content.getBytes(StandardCharsets.UTF_8))));
    return engineDeployment(user, parts);
  }
}
