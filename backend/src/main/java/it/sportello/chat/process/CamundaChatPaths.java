package it.sportello.chat.process;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import it.sportello.chat.ChatPathEngine;
import it.sportello.platform.process.TaskActors;
import it.sportello.shared.NotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.springframework.stereotype.Component;

/**
 * The guided paths on Camunda: the latest version of each {@code chat-path-*} process is offered; a
 * chat's path runs on the version it started on (the engine keeps a running instance on its
 * definition), so an analyst's redeployment reaches the next chat only. The questions are the user
 * tasks' deployed Camunda Forms; the answers complete the tasks as the chat's system user (assignee
 * {@value ChatPathEngine#SYSTEM_USER}).
 */
@Component
class CamundaChatPaths implements ChatPathEngine {

  /** form-js field types the chat asks as a question (the first one of the form is asked). */
  private static final Set<String> INPUTS =
      Set.of("radio", "select", "checkbox", "textfield", "textarea", "number", "datetime");

  /** How long a path's question may wait for the citizen (the tasks' due date), and its risk. */
  private static final Duration DUE = Duration.ofHours(1);

  private static final Duration AT_RISK = Duration.ofMinutes(30);

  private final RepositoryService repository;
  private final RuntimeService runtime;
  private final TaskService tasks;
  private final FormService forms;
  private final HistoryService history;
  private final ObjectMapper json;
  private final Clock clock;
  private final Map<String, BpmnModelInstance> models = new ConcurrentHashMap<>();

  CamundaChatPaths(
      RepositoryService repository,
      RuntimeService runtime,
      TaskService tasks,
      FormService forms,
      HistoryService history,
      ObjectMapper json,
      Clock clock) {
    this.repository = repository;
    this.runtime = runtime;
    this.tasks = tasks;
    this.forms = forms;
    this.history = history;
    this.json = json;
    this.clock = clock;
  }

  @Override
  public List<Path> paths() {
    return repository
        .createProcessDefinitionQuery()
        .processDefinitionKeyLike(PREFIX + "%")
        .latestVersion()
        .active()
        .orderByProcessDefinitionKey()
        .asc()
        .list()
        .stream()
        .map(this::path)
        .toList();
  }

  @Override
  public Optional<Path> path(String key) {
    if (key == null || !key.startsWith(PREFIX)) {
      return Optional.empty();
    }
    return latest(key).map(this::path);
  }

  /** The latest version of the process {@code key}, while it is active. */
  private Optional<ProcessDefinition> latest(String key) {
    return Optional.ofNullable(
        repository
            .createProcessDefinitionQuery()
            .processDefinitionKey(key)
            .latestVersion()
            .active()
            .singleResult());
  }

  @Override
  public Started start(String key, long chatId, String language) {
    ProcessDefinition definition =
        latest(key).orElseThrow(() -> new NotFoundException("No guided path " + key));
    Map<String, Object> variables = new HashMap<>();
    variables.put("chatId", chatId);
    variables.put("chatLanguage", language);
    variables.put("chatAnswerDueAt", Date.from(clock.instant().plus(DUE)));
    variables.put("chatAnswerAtRiskFrom", Date.from(clock.instant().plus(AT_RISK)));
    String instanceId =
        runtime
            .startProcessInstanceById(definition.getId(), "chat-" + chatId, variables)
            .getProcessInstanceId();
    return new Started(instanceId, definition.getId(), step(instanceId));
  }

  @Override
  public Optional<Question> current(String instanceId) {
    Task task =
        tasks.createTaskQuery().processInstanceId(instanceId).initializeFormKeys().singleResult();
    return task == null ? Optional.empty() : Optional.of(question(task));
  }

  @Override
  public Step answer(String instanceId, Question question, Object value) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(question.key(), value);
    TaskActors.asTheApplication(
        () -> {
          tasks.setAssignee(question.taskId(), SYSTEM_USER);
          tasks.complete(question.taskId(), variables);
        });
    return step(instanceId);
  }

  @Override
  public void cancel(String instanceId, String reason) {
    if (runtime.createProcessInstanceQuery().processInstanceId(instanceId).count() > 0) {
      runtime.deleteProcessInstance(instanceId, reason, false, true);
    }
  }

  // --- internals ---

  private Step step(String instanceId) {
    Optional<Question> next = current(instanceId);
    if (next.isPresent()) {
      return new Step(next, Optional.empty());
    }
    if (runtime.createProcessInstanceQuery().processInstanceId(instanceId).count() > 0) {
      // waiting elsewhere (an analyst's model may wait on something else): no question, no end
      return new Step(Optional.empty(), Optional.empty());
    }
    HistoricProcessInstance instance =
        history.createHistoricProcessInstanceQuery().processInstanceId(instanceId).singleResult();
    List<HistoricActivityInstance> ends =
        history
            .createHistoricActivityInstanceQuery()
            .processInstanceId(instanceId)
            .activityType("noneEndEvent")
            .finished()
            .list();
    if (instance == null || ends.isEmpty()) {
      return new Step(Optional.empty(), Optional.of(new Ending("ANSWER", null, Map.of(), null)));
    }
    BpmnModelInstance model = model(instance.getProcessDefinitionId());
    BaseElement end = model.getModelElementById(ends.get(0).getActivityId());
    Map<String, String> properties = properties(end);
    Map<String, String> texts = new LinkedHashMap<>();
    properties.forEach(
        (name, value) -> {
          if (name.startsWith("chatText.")) {
            texts.put(name.substring("chatText.".length()), value);
          }
        });
    String kind = properties.getOrDefault("chatEnd", "ANSWER").strip().toUpperCase();
    return new Step(
        Optional.empty(),
        Optional.of(
            new Ending(kind, properties.get("chatSearch"), texts, properties.get("chatQueue"))));
  }

  private Path path(ProcessDefinition definition) {
    BpmnModelInstance model = model(definition.getId());
    Process process = model.getModelElementById(definition.getKey());
    Map<String, String> properties = properties(process);
    Map<String, String> titles = new LinkedHashMap<>();
    properties.forEach(
        (name, value) -> {
          if (name.startsWith("chatTitle.")) {
            titles.put(name.substring("chatTitle.".length()), value);
          }
        });
    String name = definition.getName() == null ? definition.getKey() : definition.getName();
    titles.putIfAbsent("it", name);
    List<String> keywords =
        Arrays.stream(properties.getOrDefault("chatKeywords", "").split(","))
            .map(String::strip)
            .filter(word -> !word.isEmpty())
            .toList();
    return new Path(definition.getKey(), name, titles, keywords, properties.get("chatQueue"));
  }

  private Question question(Task task) {
    JsonNode form = form(task.getId());
    JsonNode field = null;
    for (JsonNode component : form.path("components")) {
      if (INPUTS.contains(component.path("type").asText()) && component.hasNonNull("key")) {
        field = component;
        break;
      }
    }
    if (field == null) {
      throw new IllegalStateException(
          "The form of task " + task.getTaskDefinitionKey() + " has no input field");
    }
    List<Option> options = new ArrayList<>();
    for (JsonNode value : field.path("values")) {
      options.add(new Option(value.path("value").asText(), value.path("label").asText()));
    }
    JsonNode validate = field.path("validate");
    String label = field.path("label").asText(field.path("dateLabel").asText(task.getName()));
    return new Question(
        task.getId(),
        form.path("id").asText(),
        field.path("key").asText(),
        field.path("type").asText(),
        label,
        options,
        validate.path("required").asBoolean(false),
        validate.hasNonNull("min") ? validate.get("min").asDouble() : null,
        validate.hasNonNull("max") ? validate.get("max").asDouble() : null,
        validate.hasNonNull("maxLength") ? validate.get("maxLength").asInt() : null);
  }

  private JsonNode form(String taskId) {
    try (InputStream form = forms.getDeployedTaskForm(taskId)) {
      return json.readTree(form);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private BpmnModelInstance model(String definitionId) {
    return models.computeIfAbsent(definitionId, repository::getBpmnModelInstance);
  }

  private static Map<String, String> properties(BaseElement element) {
    Map<String, String> properties = new LinkedHashMap<>();
    ExtensionElements extensions = element == null ? null : element.getExtensionElements();
    if (extensions == null) {
      return properties;
    }
    for (CamundaProperties group :
        extensions.getElementsQuery().filterByType(CamundaProperties.class).list()) {
      for (CamundaProperty property : group.getCamundaProperties()) {
        if (property.getCamundaName() != null && property.getCamundaValue() != null) {
          properties.put(property.getCamundaName(), property.getCamundaValue());
        }
      }
    }
    return properties;
  }
}
