package it.sportello.citizen;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import it.sportello.IntegrationTest;
import it.sportello.TestIdentityProvider;
import it.sportello.processes.TicketProcess.Elements;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.assertj.core.api.SoftAssertions;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The citizens' personal area behind the SPID/CIE login of the tests' identity provider ({@link
 * TestIdentityProvider}, realm {@code cittadini}): the claims make the citizen, the area shows
 * their requests on every channel and nobody else's, their reply resumes a data-integration request
 * at the level that asked, and a citizen's session opens no staff door.
 */
class CitizenAreaIT extends IntegrationTest {

  private static final Path OPENAPI =
      Path.of(System.getProperty("sportello.frontend.dir", "../frontend"), "openapi.json");

  @Autowired TaskService taskService;
  @Autowired org.camunda.bpm.engine.RuntimeService runtimeService;
  @Autowired org.camunda.bpm.engine.ManagementService managementService;
  @Autowired org.springframework.jdbc.core.JdbcTemplate jdbcTemplate;

  @Test
  void theFiscalNumberWithItsPrefixAndAPlainFiscalCodeClaimBothMakeTheCitizen() throws Exception {
    String fiscalCode = fiscalCode();
    Browser spid =
        login(
            Map.of(
                "fiscalNumber", "TINIT-" + fiscalCode,
                "given_name", "Maria",
                "family_name", "Rossi",
                "email", "maria.rossi@example.it",
                "acr", "https://www.spid.gov.it/SpidL2"));
    JsonNode citizen = spid.json("GET", "/api/citizen/session").get("citizen");
    assertThat(citizen.get("fiscalCode").asText()).isEqualTo(fiscalCode);
    assertThat(citizen.get("givenName").asText()).isEqualTo("Maria");
    assertThat(citizen.get("familyName").asText()).isEqualTo("Rossi");
    assertThat(citizen.get("email").asText()).isEqualTo("maria.rossi@example.it");
    assertThat(citizen.get("scheme").asText()).isEqualTo("SPID");
    assertThat(citizen.get("level").asText()).isEqualTo("L2");

    String other = fiscalCode();
    Browser cie =
        login(
            Map.of(
                "fiscal_code",
                other.toLowerCase(),
                "given_name",
                "Luca",
                "family_name",
                "Neri",
                "amr",
                List.of("cie")));
    JsonNode cieCitizen = cie.json("GET", "/api/citizen/session").get("citizen");
    assertThat(cieCitizen.get("fiscalCode").asText()).isEqualTo(other);
    assertThat(cieCitizen.get("scheme").asText()).isEqualTo("CIE");
    assertThat(cieCitizen.get("level").asText()).isEqualTo("L3");
  }

  @Test
  void aLoginWithoutAFiscalCodeFailsAndALevelBelowTheMinimumIsRefused() throws Exception {
    Browser nobody = new Browser();
    HttpResponse<String> back = nobody.roundTrip(Map.of("given_name", "Senza", "acr", "SpidL2"));
    assertThat(back.headers().firstValue("Location").orElseThrow())
        .endsWith("/self-service/area?error=login");
    assertThat(nobody.json("GET", "/api/citizen/session").path("citizen").isMissingNode()).isTrue();
    assertThat(nobody.send("GET", "/api/citizen/requests").statusCode()).isEqualTo(401);

    Browser levelOne =
        login(
            Map.of(
                "fiscalNumber", "TINIT-" + fiscalCode(), "acr", "https://www.spid.gov.it/SpidL1"));
    HttpResponse<String> refused = levelOne.send("GET", "/api/citizen/requests");
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(json.readTree(refused.body()).get("detail").asText()).contains("level 2");
  }

  @Test
  void theAreaListsTheRequestsOfEveryChannelOfTheFiscalCodeAndNobodyElses() throws Exception {
    String fiscalCode = fiscalCode();
    String byPhone = open(fiscalCode, "PHONE", "Telefonata sulla TARI");
    String byMail = open(fiscalCode, "EMAIL", "Mail sul rimborso");
    String byWeb = open(fiscalCode, "WEB", "Modulo web sulla residenza");
    String someoneElses = open(fiscalCode(), "WEB", "Richiesta di un altro cittadino");

    Browser citizen = login(spidL2(fiscalCode));
    JsonNode page = citizen.json("GET", "/api/citizen/requests?size=10");
    assertThat(page.get("items").findValuesAsText("number"))
        .containsExactly(byWeb, byMail, byPhone);
    assertThat(page.get("items").findValuesAsText("channel"))
        .containsExactly("WEB", "EMAIL", "PHONE");
    assertThat(page.get("items").findValuesAsText("status")).containsOnly("RECEIVED");
    assertThat(page.get("items").get(0).path("expectedAnswerBy").isTextual()).isTrue();

    JsonNode detail = citizen.json("GET", "/api/citizen/requests/" + byPhone);
    assertThat(detail.at("/summary/subject").asText()).isEqualTo("Telefonata sulla TARI");
    assertThat(detail.get("steps").findValuesAsText("kind")).startsWith("RECEIVED");

    // somebody else's request, by its number or by guessing, is simply not there
    assertThat(citizen.send("GET", "/api/citizen/requests/" + someoneElses).statusCode())
        .isEqualTo(404);
    assertThat(citizen.send("GET", "/api/citizen/requests/RS-1999-999999").statusCode())
        .isEqualTo(404);
    assertThat(
            citizen
                .multipart("/api/citizen/requests/" + someoneElses + "/replies", "Ecco", null)
                .statusCode())
        .isEqualTo(404);

    JsonNode contacts = citizen.json("GET", "/api/citizen/contacts?size=50");
    assertThat(contacts.get("items").findValuesAsText("requestNumber"))
        .contains(byPhone, byMail, byWeb)
        .doesNotContain(someoneElses);
  }

  @Test
  void aReplyFromTheAreaResumesTheDataIntegrationAtTheLevelThatAskedWithItsAttachment()
      throws Exception {
    String fiscalCode = fiscalCode();
    String number = open(fiscalCode, "EMAIL", "Rimborso TARI 2025");
    complete(
        taskId("operator1", number),
        "operator1",
        Map.of("decision", "ESCALATE", "note", "Serve il back office"));
    post(
        "/api/tickets/" + number + "/notes",
        "operator2",
        Map.of("text", "Nota riservata: pratica sospetta"));
    complete(
        taskId("operator2", number),
        "operator2",
        Map.of("decision", "REQUEST_DATA", "missingData", "Copia della ricevuta di pagamento"));

    Browser citizen = login(spidL2(fiscalCode));
    JsonNode waiting = citizen.json("GET", "/api/citizen/requests/" + number);
    assertThat(waiting.at("/summary/status").asText()).isEqualTo("WAITING_FOR_YOU");
    assertThat(waiting.get("question").asText()).isEqualTo("Copia della ricevuta di pagamento");
    // no internal notes, no operator names
    assertThat(waiting.toString()).doesNotContain("riservata", "operator1", "operator2");
    assertThat(waiting.get("steps").findValuesAsText("kind"))
        .containsSubsequence("RECEIVED", "TAKEN_IN_CHARGE", "FORWARDED", "DATA_REQUESTED");

    HttpResponse<String> reply =
        citizen.multipart(
            "/api/citizen/requests/" + number + "/replies",
            "Allego la ricevuta del pagamento.",
            new byte[] {'%', 'P', 'D', 'F', '-', '1', '.', '4', '\n'});
    assertThat(reply.statusCode()).isEqualTo(201);
    assertThat(json.readTree(reply.body()).get("resumed").asBoolean()).isTrue();

    JsonNode ticket = get("/api/tickets/" + number, "supervisor").getBody();
    assertThat(ticket.get("status").asText()).isEqualTo("IN_PROGRESS");
    assertThat(ticket.get("history").findValuesAsText("kind"))
        .containsSubsequence("DATA_REQUESTED", "REQUESTER_MESSAGE", "SLA_RESUMED");
    assertThat(
            taskService
                .createTaskQuery()
                .processInstanceBusinessKey(number)
                .singleResult()
                .getTaskDefinitionKey())
        .isEqualTo(Elements.LEVEL2);
    assertThat(
            get("/api/tickets/" + number + "/documents", "operator2")
                .getBody()
                .findValuesAsText("fileName"))
        .containsExactly("ricevuta.pdf");

    JsonNode resumed = citizen.json("GET", "/api/citizen/requests/" + number);
    assertThat(resumed.at("/summary/status").asText()).isEqualTo("IN_PROGRESS");
    assertThat(resumed.path("question").isMissingNode()).isTrue();
    assertThat(resumed.get("documents").findValuesAsText("fileName"))
        .containsExactly("ricevuta.pdf");
    long documentId = resumed.get("documents").get(0).get("id").asLong();
    assertThat(
            citizen
                .send("GET", "/api/citizen/requests/" + number + "/documents/" + documentId)
                .statusCode())
        .isEqualTo(200);
    // not waiting any more: a second reply is refused
    assertThat(
            citizen
                .multipart("/api/citizen/requests/" + number + "/replies", "Ancora", null)
                .statusCode())
        .isEqualTo(409);
  }

  @Test
  void aCitizensSessionOpensNoStaffEndpointAndNoEngineResource() throws Exception {
    Browser citizen = login(spidL2(fiscalCode()));
    assertThat(citizen.send("GET", "/api/citizen/requests").statusCode()).isEqualTo(200);
    Browser anonymous = new Browser();
    anonymous.send("GET", "/api/citizen/session");

    List<String[]> operations = new ArrayList<>();
    JsonNode paths = json.readTree(Files.readString(OPENAPI)).get("paths");
    for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> path = it.next();
      if (path.getKey().startsWith("/api/citizen/")) {
        continue;
      }
      path.getValue()
          .fieldNames()
          .forEachRemaining(
              method -> operations.add(new String[] {method.toUpperCase(), path.getKey()}));
    }
    for (String engine :
        List.of(
            "GET /engine-rest/process-definition",
            "GET /engine-rest/process-instance",
            "GET /engine-rest/task",
            "GET /engine-rest/engine/default/task",
            "GET /engine-rest/history/process-instance",
            "GET /engine-rest/user",
            "POST /engine-rest/deployment/create",
            "POST /engine-rest/process-definition/key/ticket-handling/start")) {
      operations.add(engine.split(" "));
    }
    assertThat(operations).hasSizeGreaterThan(50);

    SoftAssertions softly = new SoftAssertions();
    int closedToVisitors = 0;
    for (String[] operation : operations) {
      String path =
          operation[1]
              .replaceAll("\\{number}", "RS-1999-999999")
              .replaceAll("\\{[^}]+}", "999999999");
      int visitor = anonymous.send(operation[0], path).statusCode();
      if (visitor != 401 && visitor != 403) {
        continue; // a public door (the knowledge base, the session): open to anyone
      }
      closedToVisitors++;
      int status = citizen.send(operation[0], path).statusCode();
      softly.assertThat(status).as("%s %s as a citizen", operation[0], path).isIn(401, 403);
    }
    softly.assertAll();
    assertThat(closedToVisitors).isGreaterThan(50);
  }

  @Test
  void logoutEndsTheSessionHereAndSendsTheBrowserToTheProvidersLogout() throws Exception {
    Browser citizen = login(spidL2(fiscalCode()));
    // the web application reads the session first, which hands it the CSRF token for the form
    assertThat(citizen.json("GET", "/api/citizen/session").path("citizen").isObject()).isTrue();
    HttpResponse<String> out = citizen.send("POST", "/citizen/logout");
    assertThat(out.statusCode()).isEqualTo(302);
    URI endSession = URI.create(out.headers().firstValue("Location").orElseThrow());
    assertThat(endSession.toString()).startsWith(TestIdentityProvider.citizenIssuer() + "/logout?");
    assertThat(query(endSession)).containsKey("id_token_hint");
    assertThat(query(endSession).get("post_logout_redirect_uri")).endsWith("/self-service/area");
    assertThat(citizen.send("GET", "/api/citizen/requests").statusCode()).isEqualTo(401);
  }

  @Test
  void aRequestAnsweredByPhoneIsCalledBackAtTheChosenSlotAndTheAreaShowsTheAppointmentAndTheCall()
      throws Exception {
    String fiscalCode = fiscalCode();
    String address = "198.51.100.77";
    java.time.Instant start = java.time.Instant.now();
    clock.pin(start);
    Map<String, String> forwarded = Map.of("X-Forwarded-For", address);
    String challenge =
        call(
                org.springframework.http.HttpMethod.GET,
                "/api/public/requests/challenge",
                null,
                null,
                forwarded)
            .getBody()
            .path("token")
            .asText();
    clock.pin(start.plusSeconds(5));
    JsonNode slots =
        call(
                org.springframework.http.HttpMethod.GET,
                "/api/public/requests/callback-slots",
                null,
                null,
                forwarded)
            .getBody()
            .get("slots");
    assertThat(slots.size()).as("slots in the calendar's hours").isGreaterThan(3);
    String slot = slots.get(3).asText();
    java.time.ZonedDateTime local =
        java.time.Instant.parse(slot).atZone(java.time.ZoneId.of("Europe/Rome"));
    assertThat(local.getMinute() % 30).as("half hours").isZero();
    assertThat(local.getHour()).as("inside the opening hours").isBetween(8, 19);

    Map<String, Object> form = new java.util.LinkedHashMap<>();
    form.put("topic", "tributi");
    form.put("reason", "tari");
    form.put("subject", "Richiamatemi per la TARI " + UUID.randomUUID());
    form.put("description", "Preferisco una telefonata.");
    form.put("language", "it");
    form.put("answerChannel", "PHONE");
    form.put(
        "requester",
        Map.of(
            "name", "Maria Bianchi",
            "email", "maria.bianchi@example.it",
            "phone", "+39 333 123 4567",
            "fiscalCode", fiscalCode));
    form.put("privacyConsent", true);
    form.put("challenge", challenge);
    form.put("callbackAt", "2020-01-01T10:00:00Z");
    ResponseEntity<JsonNode> refused =
        call(
            org.springframework.http.HttpMethod.POST,
            "/api/public/requests",
            null,
            form,
            forwarded);
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody().path("errors").get(0).path("field").asText())
        .isEqualTo("callbackAt");
    form.put("callbackAt", slot);
    ResponseEntity<JsonNode> created =
        call(
            org.springframework.http.HttpMethod.POST,
            "/api/public/requests",
            null,
            form,
            forwarded);
    assertThat(created.getStatusCode()).as("%s", created.getBody()).isEqualTo(HttpStatus.CREATED);
    String number = created.getBody().path("number").asText();

    complete(
        taskId("operator1", number),
        "operator1",
        Map.of("decision", "SOLVE", "answer", "La rata è stata registrata."));

    JsonNode ticket = get("/api/tickets/" + number, "operator1").getBody();
    assertThat(ticket.get("status").asText()).isEqualTo("CLOSED");
    assertThat(
            jdbcTemplate.queryForList(
                "select template from sportello.notification_outbox n join sportello.ticket t"
                    + " on t.id = n.ticket_id where t.number = ?",
                String.class,
                number))
        .as("the answer goes by phone, not by mail")
        .doesNotContain("TICKET_CLOSED");
    JsonNode callbacks = get("/api/phone/callbacks?ticket=" + number, "operator1").getBody();
    assertThat(callbacks).hasSize(1);
    JsonNode callback = callbacks.get(0);
    assertThat(callback.get("purpose").asText()).isEqualTo("ANSWER");
    assertThat(callback.get("phoneNumber").asText()).isEqualTo("+393331234567");
    assertThat(callback.get("requestedBy").asText()).isEqualTo("operator1");
    assertThat(java.time.Instant.parse(callback.get("appointmentAt").asText()))
        .isEqualTo(java.time.Instant.parse(slot));

    Browser citizen = login(spidL2(fiscalCode));
    JsonNode appointments = citizen.json("GET", "/api/citizen/appointments");
    assertThat(appointments.findValuesAsText("requestNumber")).containsExactly(number);
    assertThat(appointments.get(0).get("status").asText()).isEqualTo("PLANNED");
    assertThat(
            citizen
                .json("GET", "/api/citizen/requests/" + number)
                .get("steps")
                .findValuesAsText("kind"))
        .containsSubsequence("RECEIVED", "ANSWERED", "CLOSED", "CALL_BACK_PLANNED");

    // the call waits for the slot; then it is placed and its outcome recorded from the inbox
    String instance =
        runtimeService
            .createProcessInstanceQuery()
            .processDefinitionKey("callback")
            .processInstanceBusinessKey(number)
            .singleResult()
            .getId();
    org.camunda.bpm.engine.runtime.Job wait =
        managementService
            .createJobQuery()
            .processInstanceId(instance)
            .activityId("intermediateCatchEvent_waitForAppointment")
            .singleResult();
    assertThat(wait.getDuedate().toInstant()).isEqualTo(java.time.Instant.parse(slot));
    managementService.executeJob(wait.getId());
    managementService.executeJob(
        managementService
            .createJobQuery()
            .processInstanceId(instance)
            .activityId("serviceTask_placeCall")
            .singleResult()
            .getId());
    String outcomeTask =
        taskService.createTaskQuery().processInstanceId(instance).singleResult().getId();
    complete(outcomeTask, "operator1", Map.of("callbackOutcome", "REACHED", "note", "Spiegato"));

    assertThat(
            get("/api/tickets/" + number, "operator1")
                .getBody()
                .get("history")
                .findValuesAsText("kind"))
        .containsSubsequence("SOLVED", "CLOSED", "CALL_BACK_PLANNED", "CALL_BACK_ATTEMPTED");
    JsonNode answered = citizen.json("GET", "/api/citizen/requests/" + number);
    assertThat(answered.get("steps").findValuesAsText("kind"))
        .containsSubsequence("CALL_BACK_PLANNED", "CALLED_BACK");
    assertThat(answered.toString()).doesNotContain("operator1", "Spiegato");
    assertThat(citizen.json("GET", "/api/citizen/appointments").get(0).get("status").asText())
        .isEqualTo("DONE");
  }

  @Test
  void aChatInTheAreaCarriesTheCitizensIdentityAndShowsOnTheirContacts() throws Exception {
    String fiscalCode = fiscalCode();
    Browser citizen = login(spidL2(fiscalCode));
    ResponseEntity<JsonNode> started =
        call(
            org.springframework.http.HttpMethod.POST,
            "/api/public/chat/conversations",
            null,
            Map.of("language", "it"),
            Map.of("X-Forwarded-For", it.sportello.chat.ClientAddresses.next()));
    String token = started.getBody().path("token").asText();
    Map<String, String> chat = Map.of("X-Chat-Token", token);
    call(
        org.springframework.http.HttpMethod.POST,
        "/api/public/chat/privacy",
        null,
        Map.of("accepted", true),
        chat);

    // the area's page has loaded the session (which sets the CSRF cookie) before the widget posts
    citizen.json("GET", "/api/citizen/session");
    HttpResponse<String> identified =
        citizen.send("POST", "/api/citizen/chat/identity", "{\"token\":\"" + token + "\"}");
    assertThat(identified.statusCode()).as(identified.body()).isEqualTo(200);
    // a guided path that ends with a ticket: the ticket is the citizen's, without asking who they
    // are
    call(
        org.springframework.http.HttpMethod.POST,
        "/api/public/chat/path",
        null,
        Map.of("path", "chat-path-residence"),
        chat);
    call(
        org.springframework.http.HttpMethod.POST,
        "/api/public/chat/path/answer",
        null,
        Map.of("value", "OTHER"),
        chat);
    JsonNode state =
        call(org.springframework.http.HttpMethod.GET, "/api/public/chat/state", null, null, chat)
            .getBody();
    String number = state.path("ticketNumber").asText();
    assertThat(number).isNotBlank();

    JsonNode ticket = get("/api/tickets/" + number, "supervisor").getBody();
    assertThat(ticket.toString()).contains("Maria Bianchi").contains(fiscalCode);
    JsonNode contacts = citizen.json("GET", "/api/citizen/contacts?size=50");
    assertThat(contacts.get("items").findValuesAsText("requestNumber")).contains(number);
    // another citizen's session cannot take the chat over without its token
    Browser other = login(spidL2(fiscalCode()));
    other.json("GET", "/api/citizen/session");
    assertThat(other.send("POST", "/api/citizen/chat/identity", "{\"token\":\"x\"}").statusCode())
        .isEqualTo(404);
  }

  private static Map<String, Object> spidL2(String fiscalCode) {
    return Map.of(
        "fiscalNumber", "TINIT-" + fiscalCode,
        "given_name", "Maria",
        "family_name", "Bianchi",
        "acr", "https://www.spid.gov.it/SpidL2");
  }

  private Browser login(Map<String, Object> claims) throws Exception {
    Browser browser = new Browser();
    HttpResponse<String> back = browser.roundTrip(claims);
    assertThat(back.statusCode()).isEqualTo(302);
    assertThat(back.headers().firstValue("Location").orElseThrow()).endsWith("/self-service/area");
    return browser;
  }

  private String open(String fiscalCode, String channel, String subject) {
    Map<String, Object> request = ticketRequest(fiscalCode, subject);
    request.put("channel", channel);
    ResponseEntity<JsonNode> opened = post("/api/tickets", "api-client", request);
    assertThat(opened.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    return opened.getBody().get("number").asText();
  }

  private String taskId(String user, String number) {
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

  private static Map<String, String> query(URI uri) {
    return Arrays.stream(uri.getRawQuery().split("&"))
        .map(pair -> pair.split("=", 2))
        .collect(
            Collectors.toMap(
                pair -> pair[0], pair -> URLDecoder.decode(pair[1], StandardCharsets.UTF_8)));
  }

  /** A browser: its cookies (session, CSRF token), no redirects followed. */
  private class Browser {
    private final CookieManager cookies = new CookieManager();
    private final HttpClient client =
        HttpClient.newBuilder()
            .cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    HttpResponse<String> roundTrip(Map<String, Object> claims) throws Exception {
      HttpResponse<String> toProvider = send("GET", "/citizen/oauth2/authorization/citizen");
      assertThat(toProvider.statusCode()).isEqualTo(302);
      URI authorize = URI.create(toProvider.headers().firstValue("Location").orElseThrow());
      assertThat(authorize.toString()).startsWith(TestIdentityProvider.citizenIssuer() + "/auth?");
      Map<String, String> query = query(authorize);
      assertThat(query).containsEntry("client_id", TestIdentityProvider.CITIZEN_CLIENT_ID);
      String code = TestIdentityProvider.citizenCode(query.get("nonce"), claims);
      return send(
          "GET",
          "/citizen/login/oauth2/code/citizen?code="
              + code
              + "&state="
              + java.net.URLEncoder.encode(query.get("state"), StandardCharsets.UTF_8));
    }

    JsonNode json(String method, String path) throws Exception {
      HttpResponse<String> response = send(method, path);
      assertThat(response.statusCode()).as("%s %s", method, path).isEqualTo(200);
      return CitizenAreaIT.this.json.readTree(response.body());
    }

    HttpResponse<String> send(String method, String path) throws IOException, InterruptedException {
      return send(method, path, "{}");
    }

    HttpResponse<String> send(String method, String path, String body)
        throws IOException, InterruptedException {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(URI.create(rest.getRootUri() + path))
              .header("Accept", "application/json")
              .header("X-Requested-With", "XMLHttpRequest");
      if (method.equals("GET") || method.equals("HEAD")) {
        request.method(method, HttpRequest.BodyPublishers.noBody());
      } else {
        xsrf(request);
        request
            .header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(body));
      }
      return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> multipart(String path, String text, byte[] pdf)
        throws IOException, InterruptedException {
      String boundary = "----citizen" + UUID.randomUUID();
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      body.writeBytes(
          ("--"
                  + boundary
                  + "\r\nContent-Disposition: form-data; name=\"text\"\r\n\r\n"
                  + text
                  + "\r\n")
              .getBytes(StandardCharsets.UTF_8));
      if (pdf != null) {
        body.writeBytes(
            ("--"
                    + boundary
                    + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"ricevuta.pdf\"\r\n"
                    + "Content-Type: application/pdf\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(pdf);
        body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
      }
      body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
      HttpRequest.Builder request =
          HttpRequest.newBuilder(URI.create(rest.getRootUri() + path))
              .header("Accept", "application/json")
              .header("Content-Type", "multipart/form-data; boundary=" + boundary)
              .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
      xsrf(request);
      return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private void xsrf(HttpRequest.Builder request) {
      Map<String, String> byName = new HashMap<>();
      for (HttpCookie cookie : cookies.getCookieStore().getCookies()) {
        byName.put(cookie.getName(), cookie.getValue());
      }
      String token = byName.get("SPORTELLO-XSRF-TOKEN");
      if (token != null) {
        request.header("X-XSRF-TOKEN", token);
      }
    }
  }
}
