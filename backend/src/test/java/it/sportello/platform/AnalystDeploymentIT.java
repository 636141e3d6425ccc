package it.sportello.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import it.sportello.IntegrationTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * A changed model deployed over /engine-rest (an administrator's emergency deployment: analysts go
 * through the studio's four eyes, and /engine-rest refuses them): new tickets use it, running ones
 * finish on theirs.
 */
class AnalystDeploymentIT extends IntegrationTest {

  private static final List<String> FORMS =
      List.of(
          "ticket-level1", "ticket-level2", "ticket-call-back", "ticket-level3", "office-answer");

  @Autowired RuntimeService runtimeService;
  @Autowired RepositoryService repositoryService;

  @Test
  void changedModelIsUsedForNewTicketsWhileRunningOnesKeepTheirVersion() throws IOException {
    String before =
        post("/api/tickets", "api-client", ticketRequest(fiscalCode(), "Prima del rilascio"))
            .getBody()
            .get("number")
            .asText();
    ProcessDefinition oldVersion = definitionOf(before);

    ResponseEntity<JsonNode> deployment = deploy("admin", changedTicketModel());

    assertThat(deployment.getStatusCode())
        .as(String.valueOf(deployment.getBody()))
        .isEqualTo(HttpStatus.OK);
    String after =
        post("/api/tickets", "api-client", ticketRequest(fiscalCode(), "Dopo il rilascio"))
            .getBody()
            .get("number")
            .asText();
    ProcessDefinition newVersion = definitionOf(after);
    assertThat(newVersion.getVersion()).isGreaterThan(oldVersion.getVersion());
    assertThat(newVersion.getVersionTag()).isEqualTo("analyst-change");
    assertThat(definitionOf(before).getId()).isEqualTo(oldVersion.getId());
    assertThat(get("/api/tasks?businessKey=" + after, "operator1").getBody().get("items"))
        .hasSize(1);
  }

  @Test
  void operatorsCannotDeploy() throws IOException {
    assertThat(deploy("operator1", changedTicketModel()).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
  }

  private ProcessDefinition definitionOf(String number) {
    String definitionId =
        runtimeService
            .createProcessInstanceQuery()
            .processInstanceBusinessKey(number)
            .singleResult()
            .getProcessDefinitionId();
    return repositoryService.getProcessDefinition(definitionId);
  }

  private static byte[] changedTicketModel() throws IOException {
    String model =
        new ClassPathResource("bpmn/ticket/ticket.bpmn").getContentAsString(StandardCharsets.UTF_8);
    String changed =
        model
            .replaceFirst("camunda:versionTag=\"[^\"]*\"", "camunda:versionTag=\"analyst-change\"")
            .replace("name=\"Handle request (level 1)\"", "name=\"Handle request (front office)\"");
    assertThat(changed).isNotEqualTo(model);
    return changed.getBytes(StandardCharsets.UTF_8);
  }

  private ResponseEntity<JsonNode> deploy(String user, byte[] ticketModel) throws IOException {
    MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
    parts.add("deployment-name", "ticket-analyst-change");
    parts.add("deployment-source", "camunda-modeler");
    parts.add("ticket.bpmn", namedFile("ticket.bpmn", ticketModel));
    for (String form : FORMS) {
      byte[] content =
          new ClassPathResource("forms/ticket/" + form + ".form").getContentAsByteArray();
      parts.add(form + ".form", namedFile(form + ".form", content));
    }
    return engineDeployment(user, parts);
  }
}
