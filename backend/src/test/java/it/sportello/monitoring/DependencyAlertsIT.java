package it.sportello.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import it.sportello.IntegrationTest;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthContributorRegistry;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 25 item 8: a dependency that goes down is told once after the grace checks (2 in the tests'
 * configuration, like production), never again while it stays down, and once more when it recovers;
 * each change recorded. The dependency is a stoppable health indicator registered for the test (the
 * watcher reads every indicator of the registry, as it reads the database's, the search engine's,
 * each mailbox's, the telephony platform's and the job executor's). And the Prometheus endpoint:
 * the scrape account reads it, nobody else.
 */
class DependencyAlertsIT extends IntegrationTest {

  @Autowired DependencyWatcher watcher;
  @Autowired HealthContributorRegistry registry;
  @Autowired JdbcTemplate jdbc;

  @Test
  void anOutageIsToldOnceAfterTheGraceAndTheRecoveryOnce() {
    String name = "fake-" + UUID.randomUUID().toString().substring(0, 8);
    AtomicReference<Health> state = new AtomicReference<>(Health.up().build());
    registry.registerContributor(name, (HealthIndicator) state::get);
    try {
      assertThat(alertsFor(name, watcher.check())).isEmpty();

      state.set(Health.down().withDetail("error", "Connection refused: localhost:1").build());
      assertThat(alertsFor(name, watcher.check()))
          .as("first failed check: within the grace")
          .isEmpty();
      List<Alert> down = alertsFor(name, watcher.check());
      assertThat(down)
          .singleElement()
          .satisfies(
              alert -> {
                assertThat(alert.status()).isEqualTo("DOWN");
                assertThat(alert.previous()).isEqualTo("UP");
                assertThat(alert.details()).contains("Connection refused");
              });
      assertThat(mailsAbout(name)).hasSize(1);
      // still down: no second mail
      for (int i = 0; i < 3; i++) {
        assertThat(alertsFor(name, watcher.check())).isEmpty();
      }
      assertThat(mailsAbout(name)).hasSize(1);

      state.set(Health.up().build());
      assertThat(alertsFor(name, watcher.check())).isEmpty();
      assertThat(alertsFor(name, watcher.check()))
          .singleElement()
          .satisfies(alert -> assertThat(alert.recovery()).isTrue());
      assertThat(alertsFor(name, watcher.check())).isEmpty();

      List<String> mails = mailsAbout(name);
      assertThat(mails).hasSize(2);
      assertThat(mails.get(0)).contains("NON DISPONIBILE").contains("DOWN");
      assertThat(mails.get(1)).contains("Ripristinato");
      assertThat(
              jdbc.queryForList(
                  "select status from sportello.dependency_state_change where dependency = ? order by id",
                  String.class,
                  name))
          .containsExactly("DOWN", "UP");
      assertThat(
              jdbc.queryForList(
                  "select recipient from sportello.outbound_mail where subject like ?",
                  String.class,
                  "%" + name + "%"))
          .containsOnly("esercizio@comune.example");
    } finally {
      registry.unregisterContributor(name);
    }
  }

  @Test
  void aBlipShorterThanTheGraceIsNotTold() {
    String name = "blip-" + UUID.randomUUID().toString().substring(0, 8);
    AtomicReference<Health> state = new AtomicReference<>(Health.up().build());
    registry.registerContributor(name, (HealthIndicator) state::get);
    try {
      state.set(Health.down().build());
      watcher.check();
      state.set(Health.up().build());
      watcher.check();
      watcher.check();
      assertThat(mailsAbout(name)).isEmpty();
      assertThat(
              jdbc.queryForObject(
                  "select count(*) from sportello.dependency_state_change where dependency = ?",
                  Long.class,
                  name))
          .isZero();
    } finally {
      registry.unregisterContributor(name);
    }
  }

  @Test
  void prometheusIsForTheScrapeAccountOnly() {
    String name = "metric-" + UUID.randomUUID().toString().substring(0, 8);
    registry.registerContributor(name, (HealthIndicator) () -> Health.down().build());
    try {
      watcher.check();
      HttpHeaders scrape = new HttpHeaders();
      scrape.setBasicAuth("prometheus", METRICS_SCRAPE_PASSWORD);
      ResponseEntity<String> metrics =
          rest.exchange(
              "/actuator/prometheus", HttpMethod.GET, new HttpEntity<>(scrape), String.class);
      assertThat(metrics.getStatusCode()).isEqualTo(HttpStatus.OK);
      assertThat(metrics.getBody())
          .contains("sportello_dependency_up{dependency=\"db\"")
          .contains("sportello_dependency_up{dependency=\"" + name + "\"} 0.0")
          .contains("sportello_jobs_failed")
          .contains("sportello_incidents_open")
          .contains("sportello_mail_outbox_pending")
          .contains("sportello_mail_quarantine_size");

      assertThat(rest.getForEntity("/actuator/prometheus", String.class).getStatusCode())
          .isEqualTo(HttpStatus.UNAUTHORIZED);
      HttpHeaders wrong = new HttpHeaders();
      wrong.setBasicAuth("prometheus", "wrong");
      assertThat(
              rest.exchange(
                      "/actuator/prometheus", HttpMethod.GET, new HttpEntity<>(wrong), String.class)
                  .getStatusCode())
          .isEqualTo(HttpStatus.UNAUTHORIZED);
      // staff, even an administrator, do not read it with their login
      HttpHeaders admin = new HttpHeaders();
      admin.setBasicAuth("admin", "demo");
      assertThat(
              rest.exchange(
                      "/actuator/prometheus", HttpMethod.GET, new HttpEntity<>(admin), String.class)
                  .getStatusCode())
          .isEqualTo(HttpStatus.UNAUTHORIZED);
    } finally {
      registry.unregisterContributor(name);
    }
  }

  private static List<Alert> alertsFor(String dependency, List<Alert> alerts) {
    return alerts.stream().filter(a -> a.dependency().equals(dependency)).toList();
  }

  private List<String> mailsAbout(String dependency) {
    return jdbc.queryForList(
        "select subject || ' ' || body from sportello.outbound_mail where subject like ? order by id",
        String.class,
        "%" + dependency + "%");
  }
}
