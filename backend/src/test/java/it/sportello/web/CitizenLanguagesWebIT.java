package it.sportello.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import it.sportello.IntegrationTest;
import it.sportello.TestIdentityProvider;
import it.sportello.search.SearchIndex;
import it.sportello.search.SearchNodes;
import it.sportello.search.embedded.EmbeddedSearchNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 20, journey (c), in headless Chromium ({@code frontend/e2e/citizen-languages.mjs}): every
 * citizen page (request form, tracking page, public knowledge base, personal area and its request
 * page) in each of the four languages, chosen with the pages' switch; texts from the locale files,
 * {@code <html lang>}, axe-core without serious or critical violations and no sideways scrolling at
 * 320 px. Here: the request sent from the form carries the language to the ticket and to its
 * receipt, whose tracking link opens the page in that language. French runs once {@code fr.json}
 * exists.
 */
class CitizenLanguagesWebIT extends IntegrationTest {

  private static final Pattern REQUEST = Pattern.compile("request (\\S+) tracked as (\\w+)");
  private static final Path LOCALES =
      Path.of(System.getProperty("sportello.frontend.dir", "../frontend"), "src", "locales")
          .toAbsolutePath()
          .normalize();

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired EmbeddedSearchNode node;
  @Autowired SearchIndex searchIndex;

  /** The form suggests public articles and the knowledge base page searches: the node answers. */
  @BeforeEach
  void searchNodeIsUpAndTheIndexInStep() throws Exception {
    SearchNodes.upAndInStep(node, searchIndex);
  }

  @ParameterizedTest
  @ValueSource(strings = {"de", "fr", "it", "en"})
  void everyCitizenPageIsInTheLanguageAccessibleAndFitsAPhone(String language) throws Exception {
    assumeTrue(
        Files.exists(LOCALES.resolve(language + ".json")),
        () ->
            "skipped: " + LOCALES.resolve(language + ".json") + " is absent (not translated yet)");
    String fiscalCode = fiscalCode();
    String subject = "Richiesta in attesa " + language + " " + System.nanoTime();
    Map<String, Object> request = ticketRequest(fiscalCode, subject);
    request.put("language", language);
    String waiting = post("/api/tickets", "api-client", request).getBody().get("number").asText();
    complete(task("operator1", waiting), "operator1", Map.of("decision", "ESCALATE"));
    complete(
        task("operator2", waiting),
        "operator2",
        Map.of("decision", "REQUEST_DATA", "missingData", "La ricevuta del pagamento"));
    TestIdentityProvider.browserCitizen(
        Map.of(
            "fiscalNumber", "TINIT-" + fiscalCode,
            "given_name", "Anna",
            "family_name", "Gruber",
            "acr", "https://www.spid.gov.it/SpidL2"));

    BrowserScript.Run run =
        BrowserScript.run(
            "citizen-languages.mjs",
            port,
            language,
            Map.of("CITIZEN_WAITING", subject),
            Duration.ofMinutes(4));

    assertThat(run.finished()).as("finished in time:%n%s", run.output()).isTrue();
    assertThat(run.exitValue()).as("output:%n%s", run.output()).isZero();
    assertThat(run.output())
        .contains("form, sent, tracking, kb, kb-article")
        .contains("area-welcome, area, area-request");
    Matcher sent = REQUEST.matcher(run.output());
    assertThat(sent.find()).as(run.output()).isTrue();
    assertThat(
            get("/api/tickets/" + sent.group(1), "supervisor").getBody().get("language").asText())
        .as("the form sends the page's language")
        .isEqualTo(language);
    Map<String, Object> receipt =
        jdbc.sql(
                "select language, payload ->> 'trackingLink' as link"
                    + " from sportello.notification_outbox where dedup_key = ?")
            .param(sent.group(1) + ":WEB_REQUEST_RECEIVED")
            .query()
            .singleRow();
    assertThat(receipt.get("language")).isEqualTo(language);
    if (language.equals("it")) {
      assertThat((String) receipt.get("link")).doesNotContain("?lang=");
    } else {
      assertThat((String) receipt.get("link"))
          .as("the tracking link opens the page in the request's language")
          .endsWith("?lang=" + language);
    }
  }

  private String task(String user, String number) {
    var items = get("/api/tasks?businessKey=" + number, user).getBody().get("items");
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
