package it.sportello.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.zaxxer.hikari.HikariDataSource;
import it.sportello.IntegrationTest;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
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
    assertThat(refused.getBody().path("type").asText())
        .isEqualTo("urn:sportello:problem:service-busy");
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
    assertThat(response.getBody().path("type").asText())
        .isEqualTo("urn:sportello:problem:service-busy");
    assertThat(response.getBody().path("detail").asText()).doesNotContain("database");
  }

  /**
   * Every request path needs one connection at a time: with a single connection left in the pool,
   * each of these requests is served. A path that held its connection while taking a second (a
   * number or an audit row in a transaction of its own) waited for the pool's timeout and answered
   * 503: with as many such requests in flight as connections, the pool waited on itself.
   */
  @Test
  void withOneConnectionLeftEveryRequestPathIsServed() throws Exception {
    HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
    String email = "one.connection." + System.nanoTime() + "@example.org";
    List<Connection> held = new ArrayList<>();
    List<ResponseEntity<JsonNode>> responses = new ArrayList<>();
    try {
      for (int i = 0; i < pool.getMaximumPoolSize() - 1; i++) {
        held.add(pool.getConnection());
      }
      // the intake (ticket number, contact, interaction, process start, audit row)
      responses.add(post("/api/tickets", "operator1", ticketRequest(fiscalCode(), "One left")));
      // an audited read of personal data (its audit row in the reading transaction)
      responses.add(get("/api/data-subjects?email=" + email, "dpo"));
      responses.add(get("/api/inbox", "operator1"));
      // the saved views' counts, each in a transaction of its own, one after the other
      responses.add(get("/api/tickets/views", "operator1"));
      responses.add(get("/api/tickets/search?q=TARI", "operator1"));
    } finally {
      for (Connection connection : held) {
        connection.close();
      }
    }
    assertThat(responses)
        .allSatisfy(
            response ->
                assertThat(response.getStatusCode().is2xxSuccessful())
                    .as("%s", response.getBody())
                    .isTrue());
  }

  /**
   * More concurrent requests than the pool has connections: those let in all finish (none waits on
   * the pool), the rest are refused at the door with 503 "Service busy", nothing fails otherwise.
   */
  @Test
  void moreConcurrentRequestsThanConnectionsNeverDeadlock() throws Exception {
    HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
    int requests = pool.getMaximumPoolSize() * 2;
    post("/api/tickets", "operator1", ticketRequest(fiscalCode(), "Warm-up"));
    ExecutorService threads = Executors.newFixedThreadPool(requests);
    List<ResponseEntity<JsonNode>> responses = new ArrayList<>();
    try {
      CyclicBarrier start = new CyclicBarrier(requests);
      List<Future<ResponseEntity<JsonNode>>> calls = new ArrayList<>();
      for (int i = 0; i < requests; i++) {
        String subject = "Overload " + i;
        calls.add(
            threads.submit(
                () -> {
                  Map<String, Object> body = ticketRequest(fiscalCode(), subject);
                  start.await();
                  return post("/api/tickets", "operator1", body);
                }));
      }
      for (Future<ResponseEntity<JsonNode>> call : calls) {
        responses.add(call.get(5, TimeUnit.MINUTES));
      }
    } finally {
      threads.shutdownNow();
    }
    List<ResponseEntity<JsonNode>> created =
        responses.stream().filter(r -> r.getStatusCode() == HttpStatus.CREATED).toList();
    List<ResponseEntity<JsonNode>> refused =
        responses.stream().filter(r -> r.getStatusCode() != HttpStatus.CREATED).toList();
    // the first maxConcurrent were let in at once; none of them may fail
    assertThat(created).hasSizeGreaterThanOrEqualTo(properties.maxConcurrent());
    assertThat(refused)
        .allSatisfy(
            response -> {
              assertThat(response.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
              assertThat(response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
              // refused at the door, not after waiting for a connection
              assertThat(response.getBody().path("detail").asText()).contains("at capacity");
            });
  }
}
