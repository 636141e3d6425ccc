package it.sportello.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import it.sportello.TestIdentityProvider;
import it.sportello.processes.TicketProcess.Elements;
import java.time.Duration;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The citizen's journey in headless Chromium ({@code frontend/e2e/citizen.mjs}), in Italian and
 * English: SPID login through the tests' identity provider, the area lists the requests opened by
 * phone, mail and web with the citizen's fiscal code, and the answer to a data request sent from
 * the area with an attachment resumes the ticket at level 2, which asked.
 */
class CitizenAreaWebIT extends BrowserIT {

  @Autowired TaskService taskService;

  @ParameterizedTest
  @ValueSource(strings = {"it", "en"})
  void theCitizenSeesEveryChannelsRequestsAndAnswersTheQuestionFromTheArea(String language)
      throws Exception {
    String fiscalCode = fiscalCode();
    String phone = open(fiscalCode, "PHONE", "Telefonata TARI " + language);
    open(fiscalCode, "EMAIL", "Mail rimborso " + language);
    String web = open(fiscalCode, "WEB", "Modulo residenza " + language);
    complete(
        task("operator1", web),
        "operator1",
        Map.of("decision", "ESCALATE", "note", "Al back office"));
    complete(
        task("operator2", web),
        "operator2",
        Map.of("decision", "REQUEST_DATA", "missingData", "La ricevuta del pagamento"));
    // a published notice with a deadline: the area shows it and the citizen asks for a reminder
    String notice = "Rata TARI " + language + " " + fiscalCode.substring(0, 6);
    Map<String, Object> draft = new java.util.LinkedHashMap<>();
    draft.put("audience", "CITIZENS");
    draft.put("kind", "DEADLINE");
    draft.put("title", Map.of("it", notice, "en", notice));
    draft.put("body", Map.of("it", "Paga la rata entro la scadenza.", "en", "Pay it in time."));
    draft.put("validFrom", java.time.Instant.now().minusSeconds(60).toString());
    // the deadline is a day on the service calendar, whose zone is Rome's
    draft.put(
        "deadline",
        java.time.LocalDate.now(java.time.ZoneId.of("Europe/Rome")).plusDays(30).toString());
    long noticeId = post("/api/notices", "communications1", draft).getBody().get("id").asLong();
    post("/api/notices/" + noticeId + "/publish", "communications1", null);
    TestIdentityProvider.browserCitizen(
        Map.of(
            "fiscalNumber", "TINIT-" + fiscalCode,
            "given_name", "Maria",
            "family_name", "Bianchi",
            "email", "maria.bianchi@example.it",
            "acr", "https://www.spid.gov.it/SpidL2"));

    String output =
        browse(
            "citizen.mjs",
            language,
            Map.of(
                "CITIZEN_SUBJECTS",
                "Telefonata TARI "
                    + language
                    + "|Mail rimborso "
                    + language
                    + "|Modulo residenza "
                    + language,
                "CITIZEN_WAITING",
                "Modulo residenza " + language,
                "CITIZEN_NOTICE",
                notice),
            Duration.ofMinutes(4));
    assertThat(output)
        .contains("citizen " + language + ": area listed 3 requests")
        .contains("notice shown and reminder set");
    assertThat(
            get("/api/public/notices?language=" + language, null)
                .getBody()
                .findValuesAsText("title"))
        .contains(notice);
    JsonNode ticket = get("/api/tickets/" + web, "supervisor").getBody();
    assertThat(ticket.get("status").asText()).isEqualTo("IN_PROGRESS");
    assertThat(
            taskService
                .createTaskQuery()
                .processInstanceBusinessKey(web)
                .singleResult()
                .getTaskDefinitionKey())
        .isEqualTo(Elements.LEVEL2);
    assertThat(
            get("/api/tickets/" + web + "/documents", "operator2")
                .getBody()
                .findValuesAsText("fileName"))
        .containsExactly("ricevuta.pdf");
    assertThat(get("/api/tickets/" + phone, "supervisor").getBody().get("status").asText())
        .isNotEqualTo("CLOSED");
  }

  private String open(String fiscalCode, String channel, String subject) {
    Map<String, Object> request = ticketRequest(fiscalCode, subject);
    request.put("channel", channel);
    JsonNode opened = post("/api/tickets", "api-client", request).getBody();
    return opened.get("number").asText();
  }

  private String task(String user, String number) {
    JsonNode items = get("/api/tasks?businessKey=" + number, user).getBody().get("items");
    assertThat(items).as("tasks of %s for %s", user, number).hasSize(1);
    return items.get(0).get("id").asText();
  }

  private void complete(String taskId, String user, Map<String, String> form) {
    assertThat(
            post("/api/tasks/" + taskId + "/complete", user, form)
                .getStatusCode()
                .is2xxSuccessful())
        .isTrue();
  }
}
