package it.sportello.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.zaxxer.hikari.HikariDataSource;
import it.sportello.IntegrationTest;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Issue 26: past its capacity the service refuses at once with 503 problem details and {@code
 * Retry-After} (health still answers), and a pool with every connection in use is reported as a
 * busy service, never as the database being unavailable.
 */
class OverloadIT extends IntegrationTest {

  @Autowired
  @Qualifier("overloadFilterRegistration")
  FilterRegistrationBean<OncePerRequestFilter> overload;

  @Autowired OverloadProperties properties;
  @Autowired DataSource dataSource;

  @Test
  void atCapacityTheApiRefusesWith503AndRetryAfterWhileHealthAnswers() {
    Semaphore permits = ((OverloadFilter.Filter) overload.getFilter()).permits();
    // every turn taken, as by maxConcurrent requests in flight
    permits.acquireUninterruptibly(properties.maxConcurrent());
    ResponseEntity<JsonNode> refused;
    ResponseEntity<String> health;
    try {
      refused = get("/api/inbox", "operator1");
      health = rest.getForEntity("/actuator/health", String.class);
    } finally {
      permits.release(properties.maxConcurrent());
    }
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
    assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(refused.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
    assertThat(refused.getBody().path("title").asText()).isEqualTo("Service busy");
    assertThat(health.getStatusCode()).isEqualTo(HttpStatus.OK);
    // the turns given back, the same request is served
    assertThat(get("/api/inbox", "operator1").getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  @Test
  void aPoolWithEveryConnectionInUseIsABusyServiceNotADatabaseOutage() throws Exception {
    HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
    List<Connection> held = new ArrayList<>();
    ResponseEntity<JsonNode> response;
    try {
      for (int i = 0; i < pool.getMaximumPoolSize(); i++) {
        held.add(pool.getConnection());
      }
      // the request waits the pool's connection timeout (10 s, application.yml) for a connection
      response = post("/api/tickets", "operator1", ticketRequest(fiscalCode(), "Pool busy"));
    } finally {
      for (Connection connection : held) {
        connection.close();
      }
    }
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
    assertThat(response.getHeaders().getContentType())
        .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
    assertThat(response.getBody().path("title").asText()).isEqualTo("Service busy");
    assertThat(response.getBody().path("detail").asText()).doesNotContain("database");
  }
}
