package it.sportello.channel.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import it.sportello.IntegrationTest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 20, item 1 and the contract: a citizen's request from the public form without login, its
 * context, the abuse controls (challenge, honeypot, rate limit), tracking by private token, and
 * contacts deflected by an article.
 */
class PublicRequestIT extends IntegrationTest {

  static final String CHROME_ON_WINDOWS =
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko)"
          + " Chrome/120.0.0.0 Safari/537.36";
  static final ZoneId SERVICE_ZONE = ZoneId.of("Europe/Rome");

  @Autowired JdbcClient jdbc;

  @Test
  void aRequestFromTheFormOpensAWebTicketWithItsContextAndATrackingToken() {
    String address = "198.51.100.1";
    String subject = "TARI non riconosciuta " + UUID.randomUUID();
    Instant start = Instant.now();
    clock.pin(start);
    String challenge = challenge(address);
    clock.pin(start.plusSeconds(5));

    ResponseEntity<JsonNode> created = submit(form(subject, challenge), address, CHROME_ON_WINDOWS);

    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    String number = created.getBody().path("number").asText();
    String token = created.getBody().path("trackingToken").asText();
    assertThat(number).isNotBlank();
    assertThat(token).as("256 random bits, base64url").hasSizeGreaterThanOrEqualTo(43);

    JsonNode ticket = get("/api/tickets/" + number, "operator1").getBody();
    assertThat(ticket.path("channel").asText()).isEqualTo("WEB");
    assertThat(ticket.path("subject").asText()).isEqualTo(subject);
    JsonNode context = ticket.path("context");
    assertThat(context.path("page").asText()).isEqualTo("/tributi/tari");
    assertThat(context.path("errorCode").asText()).isEqualTo("E-402");
    assertThat(context.path("service").asText()).isEqualTo("tari-online");
    assertThat(context.path("browser").asText()).isEqualTo("Chrome 120");
    assertThat(context.path("os").asText()).isEqualTo("Windows 10");
    assertThat(context.path("language").asText()).isEqualTo("it");

    assertThat(
            jdbc.sql("select count(*) from sportello.web_request where token_hash = ?")
                .param(token.getBytes())
                .query(Long.class)
                .single())
        .as("the token itself is never stored")
        .isZero();

    ResponseEntity<JsonNode> tracked = publicGet("/api/public/requests/" + token, address);
    assertThat(tracked.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(tracked.getBody().path("number").asText()).isEqualTo(number);
    assertThat(tracked.getBody().path("subject").asText()).isEqualTo(subject);
    assertThat(tracked.getBody().path("status").path("code").asText())
        .isIn("RECEIVED", "IN_PROGRESS");
    assertThat(tracked.getBody().path("status").path("label").asText()).isNotBlank();

    for (String other :
        new String[] {
          token.substring(0, token.length() - 1) + (token.endsWith("A") ? "B" : "A"),
          UUID.randomUUID().toString() + UUID.randomUUID(),
          "x"
        }) {
      assertThat(publicGet("/api/public/requests/" + other, address).getStatusCode())
          .as("any other token is unknown")
          .isEqualTo(HttpStatus.NOT_FOUND);
    }

    Map<String, Object> receipt =
        jdbc.sql(
                "select recipient, channel, language, payload ->> 'trackingLink' as link"
                    + " from sportello.notification_outbox where dedup_key = ?")
            .param(number + ":WEB_REQUEST_RECEIVED")
            .query()
            .singleRow();
    assertThat(receipt.get("recipient")).isEqualTo("giulia.verdi@example.it");
    assertThat(receipt.get("channel")).isEqualTo("EMAIL");
    assertThat((String) receipt.get("link")).endsWith("/self-service/requests/" + token);
  }

  @Test
  void aFilledHoneypotIsRefusedAndNothingIsStored() {
    String address = "198.51.100.2";
    String subject = "Honeypot " + UUID.randomUUID();
    Instant start = Instant.now();
    clock.pin(start);
    String challenge = challenge(address);
    clock.pin(start.plusSeconds(5));
    Map<String, Object> form = form(subject, challenge);
    form.put("website", "https://spam.example");

    ResponseEntity<JsonNode> refused = submit(form, address, CHROME_ON_WINDOWS);

    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(refused.getBody().path("errors").get(0).path("field").asText()).isEqualTo("website");
    assertThat(ticketsWithSubject(subject)).isZero();
    assertThat(submit(form(subject, challenge), address, CHROME_ON_WINDOWS).getStatusCode())
        .as("the refused request did not spend the challenge")
        .isEqualTo(HttpStatus.CREATED);
  }

  @Test
  void theChallengeMustBeSignedOldEnoughAndUnused() {
    String address = "198.51.100.3";
    String subject = "Challenge " + UUID.randomUUID();
    Instant start = Instant.now();
    clock.pin(start);
    String challenge = challenge(address);

    assertThat(field(submit(form(subject, challenge), address, CHROME_ON_WINDOWS)))
        .as("sent at once, as a script would")
        .isEqualTo("challenge");
    assertThat(field(submit(form(subject, null), address, CHROME_ON_WINDOWS)))
        .isEqualTo("challenge");
    String[] parts = challenge.split("\\.");
    String forged = parts[0] + "." + (Long.parseLong(parts[1]) - 60_000) + "." + parts[2];
    clock.pin(start.plusSeconds(5));
    assertThat(field(submit(form(subject, forged), address, CHROME_ON_WINDOWS)))
        .as("an issue time changed by the client breaks the signature")
        .isEqualTo("challenge");
    assertThat(ticketsWithSubject(subject)).isZero();

    assertThat(submit(form(subject, challenge), address, CHROME_ON_WINDOWS).getStatusCode())
        .isEqualTo(HttpStatus.CREATED);
    assertThat(field(submit(form(subject, challenge), address, CHROME_ON_WINDOWS)))
        .as("spent")
        .isEqualTo("challenge");
    assertThat(ticketsWithSubject(subject)).isEqualTo(1);
  }

  @Test
  void badInputIsA400NamingTheFields() {
    String address = "198.51.100.4";
    Instant start = Instant.now();
    clock.pin(start);
    String challenge = challenge(address);
    clock.pin(start.plusSeconds(5));

    Map<String, Object> noConsent = form("Senza consenso", challenge);
    noConsent.put("privacyConsent", false);
    assertThat(field(submit(noConsent, address, CHROME_ON_WINDOWS))).isEqualTo("privacyConsent");

    Map<String, Object> unknownTopic = form("Argomento ignoto", challenge);
    unknownTopic.put("topic", "non-esiste");
    assertThat(field(submit(unknownTopic, address, CHROME_ON_WINDOWS))).isEqualTo("topic");

    Map<String, Object> wrongReason = form("Motivo sbagliato", challenge);
    wrongReason.put("reason", "certificati");
    assertThat(field(submit(wrongReason, address, CHROME_ON_WINDOWS))).isEqualTo("reason");

    Map<String, Object> badMail = form("Posta sbagliata", challenge);
    badMail.put("requester", Map.of("name", "Giulia Verdi", "email", "non-una-mail"));
    assertThat(field(submit(badMail, address, CHROME_ON_WINDOWS))).isEqualTo("requester.email");
  }

  @Test
  void beyondTheLimitPerAddressTheFormAnswers429ProblemDetails() {
    String address = "198.51.100.5";
    clock.pin(Instant.now());
    for (int i = 1; i <= 10; i++) {
      assertThat(submit(Map.of(), address, CHROME_ON_WINDOWS).getStatusCode())
          .as("request %s", i)
          .isEqualTo(HttpStatus.BAD_REQUEST);
    }
    ResponseEntity<JsonNode> refused = submit(Map.of(), address, CHROME_ON_WINDOWS);
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
    assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(refused.getHeaders().getFirst("Retry-After")).isNotBlank();
    assertThat(submit(Map.of(), "198.51.100.6", CHROME_ON_WINDOWS).getStatusCode())
        .as("another address has its own allowance")
        .isEqualTo(HttpStatus.BAD_REQUEST);
  }

  @Test
  void anArticleThatSolvedTheProblemIsCountedAsADeflectedContact() {
    Instant day = LocalDate.of(2035, 3, 11).atTime(10, 0).atZone(SERVICE_ZONE).toInstant();
    clock.pin(day);
    long article =
        jdbc.sql("select id from sportello.kb_article where external_key = 'demo-tari-pagamento'")
            .query(Long.class)
            .single();
    String report = "/api/reports/kb-usage?from=2035-03-11&to=2035-03-11";
    long before =
        get(report, "manager1").getBody().path("totals").path("deflectedContacts").asLong();

    ResponseEntity<JsonNode> recorded =
        call(
            HttpMethod.POST,
            "/api/public/requests/deflections",
            null,
            Map.of("articleId", article, "subject", "come pago la tari"),
            Map.of("X-Forwarded-For", "198.51.100.7"));

    assertThat(recorded.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(get(report, "manager1").getBody().path("totals").path("deflectedContacts").asLong())
        .isEqualTo(before + 1);
    assertThat(
            call(
                    HttpMethod.POST,
                    "/api/public/requests/deflections",
                    null,
                    Map.of("articleId", 999_999_999L),
                    Map.of("X-Forwarded-For", "198.51.100.7"))
                .getStatusCode())
        .as("only a published public article")
        .isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void whatTheFormDeclaresNeverChangesAContactThatExists() {
    // the victim wrote by mail: a contact with an e-mail and no fiscal code
    String victimEmail = "vittima." + UUID.randomUUID().toString().substring(0, 8) + "@example.it";
    Map<String, Object> byMail =
        ticketRequest(fiscalCode(), "Domanda per e-mail " + UUID.randomUUID());
    byMail.put("requester", Map.of("name", "Vittima Esempio", "email", victimEmail));
    assertThat(post("/api/tickets", "operator1", byMail).getStatusCode())
        .isEqualTo(HttpStatus.CREATED);
    // someone else types the victim's e-mail with their own fiscal code
    String attackerFiscalCode = fiscalCode();
    String address = "198.51.100.31";
    Instant start = Instant.now();
    clock.pin(start);
    String challenge = challenge(address);
    clock.pin(start.plusSeconds(5));
    Map<String, Object> form = form("Richiesta " + UUID.randomUUID(), challenge);
    form.put(
        "requester",
        Map.of("name", "Altra Persona", "email", victimEmail, "fiscalCode", attackerFiscalCode));

    assertThat(submit(form, address, CHROME_ON_WINDOWS).getStatusCode())
        .isEqualTo(HttpStatus.CREATED);

    assertThat(
            jdbc.sql(
                    "select count(*) from sportello.contact where email = ? and fiscal_code is null")
                .param(victimEmail)
                .query(Long.class)
                .single())
        .as("the victim's contact did not take the typed fiscal code (it would open their area)")
        .isEqualTo(1);
    assertThat(
            jdbc.sql("select count(*) from sportello.contact where fiscal_code = ?")
                .param(attackerFiscalCode)
                .query(Long.class)
                .single())
        .as("the declared requester is a contact of their own")
        .isEqualTo(1);
  }

  private String challenge(String address) {
    ResponseEntity<JsonNode> response = publicGet("/api/public/requests/challenge", address);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    return response.getBody().path("token").asText();
  }

  private ResponseEntity<JsonNode> publicGet(String path, String address) {
    return call(HttpMethod.GET, path, null, null, Map.of("X-Forwarded-For", address));
  }

  private ResponseEntity<JsonNode> submit(
      Map<String, Object> form, String address, String userAgent) {
    return call(
        HttpMethod.POST,
        "/api/public/requests",
        null,
        form,
        Map.of("X-Forwarded-For", address, "User-Agent", userAgent));
  }

  private static String field(ResponseEntity<JsonNode> response) {
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    return response.getBody().path("errors").get(0).path("field").asText();
  }

  private long ticketsWithSubject(String subject) {
    return jdbc.sql("select count(*) from sportello.ticket where subject = ?")
        .param(subject)
        .query(Long.class)
        .single();
  }

  static Map<String, Object> form(String subject, String challenge) {
    Map<String, Object> form = new LinkedHashMap<>();
    form.put("topic", "tributi");
    form.put("reason", "tari");
    form.put("subject", subject);
    form.put("description", "Il portale risponde con l'errore E-402 quando pago la TARI.");
    form.put("language", "it");
    form.put("answerChannel", "EMAIL");
    form.put("requester", Map.of("name", "Giulia Verdi", "email", "giulia.verdi@example.it"));
    form.put(
        "context", Map.of("page", "/tributi/tari", "errorCode", "E-402", "service", "tari-online"));
    form.put("privacyConsent", true);
    if (challenge != null) {
      form.put("challenge", challenge);
    }
    return form;
  }
}
