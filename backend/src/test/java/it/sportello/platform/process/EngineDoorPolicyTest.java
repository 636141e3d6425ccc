package it.sportello.platform.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EngineDoorPolicyTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final EngineDoorPolicy policy = new EngineDoorPolicy(List.of("office-involvement"));

  @ParameterizedTest
  @CsvSource({
    "/task/42/complete, /task/42/complete",
    "/engine/default/task/42/complete, /task/42/complete",
    "//engine/default//task/42/complete/, /task/42/complete",
    "/deployment/create;jsessionid=1, /deployment/create",
    "/engine/default, /",
    "/engine, /engine"
  })
  void theResourceIsNamedHoweverThePathIsSpelled(String path, String resource) {
    assertThat(EngineDoorPolicy.resource(path)).isEqualTo(resource);
  }

  @Test
  void administratorsPass() {
    assertThat(refusal(List.of("camunda-admin"), "DELETE", "/process-instance/1", null)).isEmpty();
    assertThat(refusal(List.of("camunda-admin"), "POST", "/task/1/complete", null)).isEmpty();
  }

  @Test
  void nobodyElseChangesTasksOrRunningProcesses() {
    for (List<String> groups :
        List.of(
            List.of("analyst"),
            List.of("supervisor"),
            List.of("level1", "general"),
            List.of("head-office", "office"))) {
      assertThat(refusal(groups, "POST", "/task/1/complete", null))
          .hasValueSatisfying(reason -> assertThat(reason).contains("/api"));
      assertThat(refusal(groups, "POST", "/engine/default/task/1/assignee", null)).isPresent();
      assertThat(refusal(groups, "PUT", "/process-instance/1/variables/queue", null)).isPresent();
      assertThat(refusal(groups, "POST", "/process-instance/1/modification", null)).isPresent();
      assertThat(refusal(groups, "DELETE", "/process-instance/1", null)).isPresent();
      assertThat(refusal(groups, "POST", "/process-instance/delete", null)).isPresent();
      assertThat(refusal(groups, "DELETE", "/history/process-instance/1", null)).isPresent();
      assertThat(refusal(groups, "POST", "/history/process-instance/delete", null)).isPresent();
      assertThat(refusal(groups, "POST", "/history/cleanup", null)).isPresent();
      assertThat(refusal(groups, "POST", "/message", null)).isPresent();
      assertThat(refusal(groups, "POST", "/signal", null)).isPresent();
      assertThat(refusal(groups, "PUT", "/job/1/retries", null)).isPresent();
      assertThat(refusal(groups, "POST", "/process-definition/key/ticket/start", null)).isPresent();
    }
  }

  @Test
  void supervisorsAndAnalystsReadAndQuery() {
    for (String group : List.of("supervisor", "analyst")) {
      assertThat(refusal(List.of(group), "GET", "/process-instance/1/variables", null)).isEmpty();
      assertThat(refusal(List.of(group), "POST", "/process-instance", null)).isEmpty();
      assertThat(refusal(List.of(group), "POST", "/task/count", null)).isEmpty();
      assertThat(refusal(List.of(group), "POST", "/history/process-instance", null)).isEmpty();
      assertThat(refusal(List.of(group), "POST", "/history/task/count", null)).isEmpty();
      assertThat(refusal(List.of(group), "POST", "/job-definition", null)).isEmpty();
    }
  }

  @Test
  void onlyAdministratorsDeployHereAnalystsThroughTheStudio() {
    assertThat(refusal(List.of("analyst"), "POST", "/deployment/create", null))
        .hasValueSatisfying(reason -> assertThat(reason).contains("studio"));
    assertThat(refusal(List.of("analyst"), "POST", "/engine/default/deployment/create/", null))
        .isPresent();
    assertThat(refusal(List.of("camunda-admin"), "POST", "/deployment/create", null)).isEmpty();
    assertThat(refusal(List.of("supervisor"), "POST", "/engine/default/deployment/create", null))
        .isPresent();
    assertThat(refusal(List.of("api-client"), "POST", "/deployment/create/", null)).isPresent();
    assertThat(refusal(List.of("analyst"), "DELETE", "/deployment/1", null)).isPresent();
    assertThat(refusal(List.of("analyst"), "POST", "/deployment/1/redeploy", null)).isPresent();
    assertThat(EngineDoorPolicy.isDeployment("POST", "/engine/default/deployment/create/"))
        .isTrue();
  }

  @Test
  void anExternalSystemStartsItsProcessesAtTheirStartEventsOnly() throws Exception {
    List<String> apiClient = List.of("api-client");
    String start = "/process-definition/key/office-involvement/start";
    assertThat(refusal(apiClient, "POST", start, "{\"businessKey\":\"RS-1\"}")).isEmpty();
    assertThat(
            refusal(
                apiClient,
                "POST",
                start,
                "{\"withVariablesInReturn\":false,\"startInstructions\":[]}"))
        .isEmpty();
    assertThat(
            refusal(
                apiClient,
                "POST",
                start,
                "{\"startInstructions\":[{\"type\":\"startBeforeActivity\",\"activityId\":\"x\"}]}"))
        .hasValueSatisfying(reason -> assertThat(reason).contains("startInstructions"));
    assertThat(refusal(apiClient, "POST", start, "{\"skipCustomListeners\":true}")).isPresent();
    assertThat(refusal(apiClient, "POST", start, "{\"skipIoMappings\":\"true\"}")).isPresent();
    assertThat(refusal(apiClient, "POST", "/process-definition/key/kb-publication/start", "{}"))
        .hasValueSatisfying(
            reason -> assertThat(reason).contains("may not start 'kb-publication'"));
    assertThat(refusal(apiClient, "POST", "/process-definition/abc:1:2/start", "{}")).isPresent();
    assertThat(refusal(apiClient, "GET", "/process-definition/key/office-involvement", null))
        .isEmpty();
    assertThat(refusal(apiClient, "GET", "/process-instance/1/variables", null)).isPresent();
    assertThat(refusal(apiClient, "GET", "/history/process-instance", null)).isPresent();
    assertThat(refusal(apiClient, "POST", "/process-instance", "{}")).isPresent();
  }

  private Optional<String> refusal(List<String> groups, String method, String path, String body) {
    return policy.refusal(groups, method, path, () -> parse(body));
  }

  private static JsonNode parse(String body) {
    try {
      return body == null ? null : JSON.readTree(body);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }
}
