package it.sportello.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import it.sportello.IntegrationTest;
import it.sportello.notification.CitizenMessagePort;
import it.sportello.notification.Notifications;
import it.sportello.notification.citizen.TestCitizenChannels;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.DefaultHealthContributorRegistry;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthContributorRegistry;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Issue 25 item 8 with two nodes (two watchers, each with its own health indicators, on the same
 * database): a shared dependency is judged by the lease holder only, and another node takes over
 * the counting when the lease ends; a node-local indicator that is down on one node and up on the
 * other is told once, under the name of its node, never alternating; and an alert goes through the
 * notification port too (SMS, against the JDK's HTTP server) when contacts are configured.
 */
class ClusterSafeAlertsIT extends IntegrationTest {

  @Autowired JdbcTemplate jdbc;
  @Autowired PlatformTransactionManager transactionManager;
  @Autowired List<AlertChannel> channels;
  @Autowired MailAlertChannel mail;
  @Autowired Notifications notifications;

  private final List<Map<String, String>> sms = new CopyOnWriteArrayList<>();
  private HttpServer gateway;

  @BeforeEach
  void start() throws IOException {
    freeLease();
    gateway = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    gateway.createContext(
        "/sms",
        exchange -> {
          sms.add(
              Map.of(
                  "body",
                  new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8),
                  "authorization",
                  String.valueOf(exchange.getRequestHeaders().getFirst("Authorization"))));
          exchange.sendResponseHeaders(202, -1);
          exchange.close();
        });
    gateway.start();
  }

  @AfterEach
  void stop() {
    gateway.stop(0);
    freeLease();
  }

  /** The other tests' watcher (this JVM's node) must find the lease free. */
  private void freeLease() {
    jdbc.update(
        "update sportello.job_lock set locked_until = '1970-01-01T00:00:00Z' where name = ?",
        DependencyWatcher.LEASE);
  }

  private DependencyWatcher node(
      String node,
      HealthContributorRegistry registry,
      List<String> nodeLocal,
      List<AlertChannel> channels,
      List<String> smsContacts) {
    return new DependencyWatcher(
        registry,
        new AlertProperties(
            false,
            Duration.ofMinutes(1),
            2,
            List.of("esercizio@comune.example"),
            List.of("ping"),
            nodeLocal,
            node,
            List.of(),
            smsContacts),
        channels,
        jdbc,
        transactionManager,
        clock,
        new SimpleMeterRegistry());
  }

  private static HealthContributorRegistry registry(String name, AtomicReference<Health> state) {
    HealthContributorRegistry registry = new DefaultHealthContributorRegistry();
    registry.registerContributor(name, (HealthIndicator) state::get);
    return registry;
  }

  @Test
  void aSharedDependencyIsJudgedByTheLeaseHolderAndTheNextHolderGoesOnCounting() {
    String name = "shared-" + UUID.randomUUID().toString().substring(0, 8);
    AtomicReference<Health> onA = new AtomicReference<>(Health.up().build());
    AtomicReference<Health> onB = new AtomicReference<>(Health.up().build());
    DependencyWatcher a = node("node-a", registry(name, onA), List.of(), List.of(mail), List.of());
    DependencyWatcher b = node("node-b", registry(name, onB), List.of(), List.of(mail), List.of());

    onA.set(Health.down().build());
    onB.set(Health.down().build());
    assertThat(a.check()).as("A takes the lease; first failed check").isEmpty();
    assertThat(b.check()).as("B does not hold the lease: it judges nothing shared").isEmpty();
    assertThat(b.check()).isEmpty();
    assertThat(b.check()).isEmpty();
    assertThat(changes(name)).as("B's checks did not count").isEmpty();

    // A stops (its lease runs out): B takes over and goes on from A's one check
    freeLease();
    assertThat(b.check())
        .singleElement()
        .satisfies(alert -> assertThat(alert.dependency()).isEqualTo(name));
    assertThat(a.check()).as("A, back, no longer holds the lease").isEmpty();
    assertThat(a.check()).isEmpty();
    assertThat(changes(name)).containsExactly("DOWN");
    assertThat(mailsAbout(name)).hasSize(1);
    assertThat(
            jdbc.queryForObject(
                "select locked_by from sportello.job_lock where name = ?",
                String.class,
                DependencyWatcher.LEASE))
        .isEqualTo("node-b");
  }

  @Test
  void aNodeLocalIndicatorIsToldOnceUnderItsNodeAndNeverAlternates() {
    String name = "disk-" + UUID.randomUUID().toString().substring(0, 8);
    AtomicReference<Health> onA =
        new AtomicReference<>(Health.down().withDetail("free", "1 MB").build());
    AtomicReference<Health> onB = new AtomicReference<>(Health.up().build());
    DependencyWatcher a =
        node("node-a", registry(name, onA), List.of(name), List.of(mail), List.of());
    DependencyWatcher b =
        node("node-b", registry(name, onB), List.of(name), List.of(mail), List.of());

    List<Alert> alerts = new CopyOnWriteArrayList<>();
    for (int i = 0; i < 6; i++) {
      alerts.addAll(a.check());
      alerts.addAll(b.check());
    }
    assertThat(alerts)
        .singleElement()
        .satisfies(
            alert -> {
              assertThat(alert.dependency()).isEqualTo(name + "@node-a");
              assertThat(alert.status()).isEqualTo("DOWN");
            });
    assertThat(changes(name + "@node-a")).containsExactly("DOWN");
    assertThat(changes(name + "@node-b")).isEmpty();
    assertThat(changes(name)).isEmpty();
    assertThat(mailsAbout(name + "@node-a")).hasSize(1);
  }

  @Test
  void anAlertGoesThroughTheNotificationPortBySmsToo() {
    String name = "sms-" + UUID.randomUUID().toString().substring(0, 8);
    URI url = URI.create("http://127.0.0.1:" + gateway.getAddress().getPort() + "/sms/send");
    CitizenMessagePort port = TestCitizenChannels.smsGateway(url);
    AlertProperties properties =
        new AlertProperties(
            false,
            Duration.ofMinutes(1),
            2,
            List.of("esercizio@comune.example"),
            List.of("ping"),
            List.of(),
            "node-a",
            List.of(),
            List.of("+393331234567"));
    MessageAlertChannel messages =
        new MessageAlertChannel(List.of(port), notifications, properties, ZoneId.of("Europe/Rome"));
    AtomicReference<Health> state = new AtomicReference<>(Health.down().build());
    DependencyWatcher a =
        node(
            "node-a",
            registry(name, state),
            List.of(),
            List.of(mail, messages),
            List.of("+393331234567"));

    a.check();
    assertThat(a.check()).hasSize(1);
    assertThat(
            jdbc.queryForObject(
                "select channels from sportello.dependency_state_change where dependency = ?",
                String.class,
                name))
        .isEqualTo("email,messages");
    assertThat(TestCitizenChannels.dispatch(List.of(port), notifications, url)).isPositive();
    assertThat(sms)
        .filteredOn(m -> m.get("body").contains(name))
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.get("body")).contains("+393331234567").contains("nello stato DOWN");
              assertThat(m.get("authorization")).isEqualTo("Bearer gw-token");
            });

    // without contacts, or with the port off, the channel tells nobody (off by default)
    MessageAlertChannel off =
        new MessageAlertChannel(
            List.of(port),
            notifications,
            new AlertProperties(
                false,
                Duration.ofMinutes(1),
                2,
                List.of(),
                List.of("ping"),
                List.of(),
                "node-a",
                List.of(),
                List.of()),
            ZoneId.of("Europe/Rome"));
    assertThat(off.tellsAnyone(List.of())).isFalse();
  }

  private List<String> changes(String dependency) {
    return jdbc.queryForList(
        "select status from sportello.dependency_state_change where dependency = ? order by id",
        String.class,
        dependency);
  }

  private List<String> mailsAbout(String dependency) {
    return jdbc.queryForList(
        "select subject from sportello.outbound_mail where subject like ? order by id",
        String.class,
        "%: " + dependency);
  }
}
