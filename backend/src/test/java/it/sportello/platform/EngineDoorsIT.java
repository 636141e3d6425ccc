package it.sportello.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import it.sportello.ProcedureTestSupport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The moves of the outside review (issue "close the engine's back doors", point 2), each tried
 * again through the engine's doors ({@code /engine-rest}, the webapps' REST behind a Tasklist or
 * Cockpit login) and, behind them, against the engine's own rules: none does any harm.
 */
class EngineDoorsIT extends ProcedureTestSupport {

  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;
  @Autowired HistoryService historyService;

  @AfterEach
  void noEngineUser() {
    identityService.clearAuthentication();
  }

  @Test
  void aSubmitterCannotHandTheirReviewToSomeoneElseNorCompleteIt() {
    String letter = letterInReview();
    Task review = openTask(letter);
    String webapp = "/camunda/api/engine/engine/default/task/" + review.getId();
    Webapp office1 = webappLogin("office1");

    assertThat(office1.post(webapp + "/assignee", Map.of("userId", "headoffice1")).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(office1.post(webapp + "/claim", Map.of("userId", "headoffice1")).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    ResponseEntity<JsonNode> completed =
        office1.post(
            webapp + "/complete",
            Map.of("variables", Map.of("approvalDecision", Map.of("value", "APPROVE"))));
    assertThat(completed.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(completed.getBody().path("detail").asText()).contains("/api");

    // behind the doors, the engine's own permissions and rules: as if a Tasklist had let them in
    identityService.setAuthentication("office1", List.of("office", "office-tributi"));
    assertThatThrownBy(() -> taskService.setAssignee(review.getId(), "headoffice1"))
        .isInstanceOf(AuthorizationException.class);
    assertThatThrownBy(
            () -> taskService.complete(review.getId(), Map.of("approvalDecision", "APPROVE")))
        .isInstanceOf(AuthorizationException.class);
    // a candidate works the task (claims, completes) but claims it for no one else
    identityService.setAuthentication("headoffice1", List.of("head-office", "office"));
    assertThatThrownBy(() -> taskService.claim(review.getId(), "office1"))
        .hasStackTraceContaining("AuthorizationException")
        .hasStackTraceContaining("'office1' is not a member of the groups it is offered to");
    assertThatThrownBy(() -> taskService.claim(review.getId(), "manager1"))
        .hasStackTraceContaining("'manager1' is not a member of the groups it is offered to");
    identityService.clearAuthentication();

    assertThat(openTask(letter).getId()).isEqualTo(review.getId());
    assertThat(openTask(letter).getAssignee()).isNull();
  }

  @Test
  void fourEyesHoldBehindTheDoorsTooTheDrafterDecidesUnderTheirOwnName() {
    // the head of office is also in the Tributi office and drafts the answer himself
    String letter = letterInReview("headoffice1");
    Task review = openTask(letter);

    identityService.setAuthentication("headoffice1", List.of("head-office", "office"));
    taskService.claim(review.getId(), "headoffice1");
    assertThatThrownBy(
            () -> taskService.complete(review.getId(), Map.of("approvalDecision", "APPROVE")))
        .hasStackTraceContaining("Four eyes");
    identityService.clearAuthentication();
    assertThat(openTask(letter).getId()).isEqualTo(review.getId());
  }

  @Test
  void anAnalystCannotAssignNorCompleteReviewsAndSignatures() {
    String letter = letterInReview();
    Task review = openTask(letter);

    for (String path :
        List.of(
            "/engine-rest/task/" + review.getId(),
            "/engine-rest/engine/default/task/" + review.getId(),
            "/engine-rest//task/" + review.getId())) {
      assertThat(
              post(path + "/assignee", "analyst", Map.of("userId", "headoffice1")).getStatusCode())
          .as(path)
          .isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(post(path + "/complete", "analyst", Map.of()).getStatusCode())
          .as(path)
          .isEqualTo(HttpStatus.FORBIDDEN);
    }
    Webapp cockpit = webappLogin("analyst");
    assertThat(
            cockpit
                .post(
                    "/camunda/api/engine/engine/default/task/" + review.getId() + "/assignee",
                    Map.of("userId", "headoffice1"))
                .getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);

    // an administrator passes the doors, not the task rules: only a member of the approver group
    // holds the review, and only the one holding it decides
    assertThat(
            post(
                    "/engine-rest/task/" + review.getId() + "/assignee",
                    "admin",
                    Map.of("userId", "manager1"))
                .getBody()
                .path("message")
                .asText())
        .contains("'manager1' is not a member of the groups it is offered to [head-office]");
    assertThat(openTask(letter).getAssignee()).isNull();
    assertThat(
            call(
                    HttpMethod.POST,
                    "/engine-rest/task/" + review.getId() + "/assignee",
                    "admin",
                    Map.of("userId", "headoffice1"))
                .getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(
            post(
                    "/engine-rest/task/" + review.getId() + "/complete",
                    "admin",
                    Map.of("variables", Map.of("approvalDecision", Map.of("value", "APPROVE"))))
                .getBody()
                .path("message")
                .asText())
        .contains("it is held by 'headoffice1', not by 'admin'");
    assertThat(openTask(letter).getId()).isEqualTo(review.getId());
  }

  @Test
  void aLevelOneOperatorCannotRerouteNorWorkTicketsThroughTheEngine() {
    String number = ticket();
    Task level1 = openTask(number);
    String instance = level1.getProcessInstanceId();
    Webapp operator1 = webappLogin("operator1");

    assertThat(operator1.apps()).doesNotContain("tasklist", "cockpit", "admin");
    String engine = "/camunda/api/engine/engine/default";
    assertThat(
            operator1
                .put(
                    engine + "/process-instance/" + instance + "/variables/backOfficeGroup",
                    Map.of("value", "level1", "type", "String"))
                .getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(
            operator1
                .post(
                    engine + "/task/" + level1.getId() + "/variables",
                    Map.of("modifications", Map.of("queue", Map.of("value", "level1"))))
                .getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(
            operator1
                .post(engine + "/task/" + level1.getId() + "/assignee", Map.of("userId", "office1"))
                .getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(runtimeService.getVariable(instance, "backOfficeGroup")).isNotEqualTo("level1");
    assertThat(openTask(number).getAssignee()).isNull();

    // the engine's permissions behind the door: a candidate works a task, but does not change it
    identityService.setAuthentication("operator1", List.of("level1", "general"));
    assertThatThrownBy(() -> taskService.setVariable(level1.getId(), "queue", "level1"))
        .isInstanceOf(AuthorizationException.class);
    assertThatThrownBy(() -> taskService.setAssignee(level1.getId(), "office1"))
        .isInstanceOf(AuthorizationException.class);
  }

  @Test
  void anExternalSystemStartsOnlyItsProcessesAtTheirStartAndTouchesNothingElse() {
    String number = ticket();
    String instance = openTask(number).getProcessInstanceId();
    Map<String, Object> anywhere =
        Map.of(
            "businessKey",
            "KB-" + UUID.randomUUID(),
            "startInstructions",
            List.of(
                Map.of("type", "startBeforeActivity", "activityId", "serviceTask_publishArticle")));

    for (String process : List.of("kb-publication", "complaint", "correspondence", "ticket")) {
      ResponseEntity<JsonNode> started =
          post("/engine-rest/process-definition/key/" + process + "/start", "api-client", anywhere);
      assertThat(started.getStatusCode()).as(process).isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(started.getBody().path("detail").asText()).contains("may not start");
    }
    Map<String, Object> involvement = new LinkedHashMap<>();
    involvement.put("businessKey", number);
    involvement.put(
        "variables",
        Map.of(
            "office", Map.of("value", "office-urp", "type", "String"),
            "resolutionDueAt", Map.of("value", "2030-01-01T10:00:00.000+0100", "type", "Date")));
    for (String flag : List.of("startInstructions", "skipCustomListeners", "skipIoMappings")) {
      Map<String, Object> request = new LinkedHashMap<>(involvement);
      request.put(
          flag,
          flag.equals("startInstructions")
              ? List.of(
                  Map.of(
                      "type", "startBeforeActivity", "activityId", "userTask_answerOfficeRequest"))
              : true);
      ResponseEntity<JsonNode> started =
          post(
              "/engine-rest/process-definition/key/office-involvement/start",
              "api-client",
              request);
      assertThat(started.getStatusCode()).as(flag).isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(started.getBody().path("detail").asText()).contains(flag);
    }

    String base = "/engine-rest/process-instance/" + instance;
    assertThat(
            post(
                    base + "/modification",
                    "api-client",
                    Map.of(
                        "instructions",
                        List.of(
                            Map.of(
                                "type",
                                "startBeforeActivity",
                                "activityId",
                                "serviceTask_closeTicket"))))
                .getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(
            call(HttpMethod.PUT, base + "/suspended", "api-client", Map.of("suspended", true))
                .getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(
            post(
                    base + "/variables",
                    "api-client",
                    Map.of("modifications", Map.of("queue", Map.of("value", "privacy"))))
                .getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(get(base + "/variables", "api-client").getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(get("/engine-rest/history/variable-instance", "api-client").getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(get("/engine-rest/process-instance", "api-client").getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);

    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instance).count())
        .isEqualTo(1);
    assertThat(runtimeService.createProcessInstanceQuery().suspended().count()).isZero();
    assertThat(runtimeService.getVariable(instance, "queue")).isNotEqualTo("privacy");
  }

  @Test
  void anAnalystReadsButDeletesNothing() {
    String number = ticket();
    String instance = openTask(number).getProcessInstanceId();

    assertThat(
            call(HttpMethod.DELETE, "/engine-rest/process-instance/" + instance, "analyst", null)
                .getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(
            call(
                    HttpMethod.DELETE,
                    "/engine-rest/history/process-instance/" + instance,
                    "analyst",
                    null)
                .getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(
            post(
                    "/engine-rest/process-instance/delete",
                    "analyst",
                    Map.of("processInstanceIds", List.of(instance), "deleteReason", "x"))
                .getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    // reading stays open to analysts (Cockpit)
    assertThat(get("/engine-rest/process-instance/" + instance, "analyst").getStatusCode())
        .isEqualTo(HttpStatus.OK);

    // the engine's permissions behind the door
    identityService.setAuthentication("analyst", List.of("analyst"));
    assertThatThrownBy(() -> runtimeService.deleteProcessInstance(instance, "x"))
        .isInstanceOf(AuthorizationException.class);
    assertThatThrownBy(() -> runtimeService.suspendProcessInstanceById(instance))
        .isInstanceOf(AuthorizationException.class);
    identityService.clearAuthentication();

    assertThat(openTask(number).getProcessInstanceId()).isEqualTo(instance);
    assertThat(
            historyService.createHistoricProcessInstanceQuery().processInstanceId(instance).count())
        .isEqualTo(1);
  }

  @Test
  void deploymentsHereAreForAdministratorsOnlyHoweverThePathIsSpelled() {
    for (String path :
        List.of(
            "/engine-rest/engine/default/deployment/create",
            "/engine-rest/deployment/create/",
            "/engine-rest//deployment/create",
            "/engine-rest/deployment/create;x=y")) {
      for (String user : List.of("supervisor", "api-client", "analyst")) {
        // Spring Security's firewall already refuses a ';' in the path (400); the door the rest
        assertThat(post(path, user, Map.of()).getStatusCode())
            .as("%s as %s", path, user)
            .isEqualTo(path.contains(";") ? HttpStatus.BAD_REQUEST : HttpStatus.FORBIDDEN);
      }
    }
  }

  @Test
  void tasklistIsForAdministratorsOnlyCockpitForSupervisorsAndAnalysts() {
    assertThat(webappLogin("operator1").apps()).doesNotContain("tasklist", "cockpit", "admin");
    assertThat(webappLogin("headoffice1").apps()).doesNotContain("tasklist", "cockpit", "admin");
    assertThat(webappLogin("supervisor").apps())
        .contains("cockpit")
        .doesNotContain("tasklist", "admin");
    assertThat(webappLogin("analyst").apps())
        .contains("cockpit")
        .doesNotContain("tasklist", "admin");
    assertThat(webappLogin("admin").apps()).contains("admin", "cockpit", "tasklist");
  }

  private String ticket() {
    ResponseEntity<JsonNode> opened =
        post("/api/tickets", "api-client", ticketRequest(fiscalCode(), "Porte del motore"));
    assertThat(opened.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    return opened.getBody().path("number").asText();
  }

  /**
   * A letter whose answer office1 drafted and submitted: its review waits for the head of office.
   */
  private String letterInReview() {
    return letterInReview("office1");
  }

  private String letterInReview(String drafter) {
    Map<String, Object> request = new LinkedHashMap<>();
    request.put("direction", "INCOMING");
    request.put("subject", "Istanza di accesso agli atti");
    request.put("classification", "tributi/rimborsi");
    request.put(
        "correspondent",
        Map.of("name", "Anna Verdi", "email", "anna." + UUID.randomUUID() + "@example.it"));
    request.put("office", "office-tributi");
    request.put("sendBy", "EMAIL");
    request.put("text", "Chiedo copia della delibera.");
    ResponseEntity<JsonNode> registered = post("/api/correspondence", "secretariat1", request);
    assertThat(registered.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    String number = registered.getBody().path("letter").path("protocolNumber").asText();
    ResponseEntity<JsonNode> submitted =
        complete(
            taskFor(number, drafter).path("id").asText(),
            drafter,
            Map.of("draftDecision", "SUBMIT", "answerText", "Ecco la delibera."));
    assertThat(submitted.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(taskFor(number, "headoffice1").path("taskKey").asText())
        .isEqualTo("userTask_decideApproval");
    return number;
  }

  /** The one open task of a case, its called approval's included. */
  private Task openTask(String businessKey) {
    JsonNode task =
        taskFor(businessKey, businessKey.startsWith("RS-") ? "operator1" : "headoffice1");
    return taskService.createTaskQuery().taskId(task.path("id").asText()).singleResult();
  }

  /** A browser logged in to Camunda's webapps, with their session and CSRF token. */
  private record Webapp(EngineDoorsIT test, List<String> cookies, String xsrf, List<String> apps) {

    ResponseEntity<JsonNode> post(String path, Object body) {
      return exchange(HttpMethod.POST, path, body);
    }

    ResponseEntity<JsonNode> put(String path, Object body) {
      return exchange(HttpMethod.PUT, path, body);
    }

    private ResponseEntity<JsonNode> exchange(HttpMethod method, String path, Object body) {
      HttpHeaders headers = new HttpHeaders();
      headers.add(HttpHeaders.COOKIE, String.join("; ", cookies));
      headers.add("X-XSRF-TOKEN", xsrf);
      headers.setContentType(MediaType.APPLICATION_JSON);
      return test.rest.exchange(path, method, new HttpEntity<>(body, headers), JsonNode.class);
    }
  }

  private Webapp webappLogin(String user) {
    ResponseEntity<String> page = rest.getForEntity("/camunda/app/welcome/default/", String.class);
    Map<String, String> cookies = new LinkedHashMap<>();
    remember(cookies, page.getHeaders());
    HttpHeaders headers = new HttpHeaders();
    headers.add("X-XSRF-TOKEN", cookies.get("XSRF-TOKEN"));
    headers.add(HttpHeaders.COOKIE, cookieHeader(cookies));
    headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    ResponseEntity<JsonNode> login =
        rest.exchange(
            "/camunda/api/admin/auth/user/default/login/welcome",
            HttpMethod.POST,
            new HttpEntity<>("username=" + user + "&password=demo", headers),
            JsonNode.class);
    assertThat(login.getStatusCode()).as(String.valueOf(login.getBody())).isEqualTo(HttpStatus.OK);
    remember(cookies, login.getHeaders());
    List<String> apps = new ArrayList<>();
    login.getBody().get("authorizedApps").forEach(app -> apps.add(app.asText()));
    List<String> pairs =
        cookies.entrySet().stream().map(each -> each.getKey() + "=" + each.getValue()).toList();
    return new Webapp(this, pairs, cookies.get("XSRF-TOKEN"), apps);
  }

  private static void remember(Map<String, String> cookies, HttpHeaders headers) {
    List<String> set = headers.get(HttpHeaders.SET_COOKIE);
    if (set == null) {
      return;
    }
    for (String cookie : set) {
      String pair = cookie.split(";")[0];
      int equals = pair.indexOf('=');
      cookies.put(pair.substring(0, equals), pair.substring(equals + 1));
    }
  }

  private static String cookieHeader(Map<String, String> cookies) {
    return String.join(
        "; ",
        cookies.entrySet().stream().map(each -> each.getKey() + "=" + each.getValue()).toList());
  }
}
