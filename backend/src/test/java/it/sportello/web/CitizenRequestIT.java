package it.sportello.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 20, journey (a), in headless Chromium: {@code frontend/e2e/citizen-request.mjs} sends a
 * request from {@code /self-service/request?page=/tributi/tari&errorCode=E-402} without login,
 * follows the tracking link, and operator1 sees the ticket with browser, OS, page and error code;
 * axe-core on every page. Here: the receipt with the tracking link waits in the mail outbox.
 */
class CitizenRequestIT extends BrowserIT {

  private static final Pattern REQUEST = Pattern.compile("request (\\S+) tracked as (\\w+)");

  @Autowired JdbcClient jdbc;

  /** The form suggests public articles while the subject is typed: the search node answers. */
  @BeforeEach
  void searchNodeIsUpAndTheIndexInStep() throws Exception {
    awaitSearchInStep();
  }

  @ParameterizedTest
  @ValueSource(strings = {"it", "en"})
  void anAnonymousRequestReachesTheOperatorWithItsContextAndCanBeTracked(String language)
      throws IOException, InterruptedException {
    String output = browse("citizen-request.mjs", language, Duration.ofMinutes(4));
    Matcher request = REQUEST.matcher(output);
    assertThat(request.find()).as(output).isTrue();
    assertThat(request.group(2)).isIn("RECEIVED", "IN_PROGRESS");
    String link =
        jdbc.sql(
                "select payload ->> 'trackingLink' from sportello.notification_outbox"
                    + " where dedup_key = ?")
            .param(request.group(1) + ":WEB_REQUEST_RECEIVED")
            .query(String.class)
            .single();
    assertThat(link).contains("/self-service/requests/");

    // the citizen follows the link of the mail they received
    String followed =
        browse(
            "citizen-request.mjs",
            language,
            Map.of("CITIZEN_TRACKING_LINK", link, "CITIZEN_TRACKING_NUMBER", request.group(1)),
            Duration.ofMinutes(2));
    assertThat(followed).contains("followed the mailed link of " + request.group(1));
  }
}
