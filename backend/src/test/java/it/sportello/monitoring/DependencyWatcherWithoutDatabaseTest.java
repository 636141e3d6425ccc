package it.sportello.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.DefaultHealthContributorRegistry;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * PostgreSQL itself is down: the change cannot be recorded and the outbox cannot be written, so the
 * channels tell the contacts directly, once per change, and once more at the recovery.
 */
class DependencyWatcherWithoutDatabaseTest {

  private final List<Alert> toldDirectly = new ArrayList<>();

  private final AlertChannel channel =
      new AlertChannel() {
        @Override
        public String name() {
          return "test";
        }

        @Override
        public void send(Alert alert, List<String> contacts) {
          throw new AssertionError("the outbox is in the database that is down");
        }

        @Override
        public boolean sendWithoutDatabase(Alert alert, List<String> contacts) {
          assertThat(contacts).containsExactly("esercizio@comune.example");
          toldDirectly.add(alert);
          return true;
        }
      };

  @Test
  void theDatabasesOutageIsToldDirectlyOnceAndItsRecoveryOnce() throws SQLException {
    DataSource unreachable = mock(DataSource.class);
    when(unreachable.getConnection()).thenThrow(new SQLException("Connection refused"));
    DefaultHealthContributorRegistry registry = new DefaultHealthContributorRegistry();
    AtomicReference<Health> db =
        new AtomicReference<>(Health.down().withDetail("error", "Connection refused").build());
    registry.registerContributor("db", (HealthIndicator) db::get);
    DependencyWatcher watcher =
        new DependencyWatcher(
            registry,
            new AlertProperties(
                false,
                Duration.ofMinutes(1),
                2,
                List.of("esercizio@comune.example"),
                List.of("ping"),
                List.of(),
                "node-a",
                List.of(),
                List.of()),
            List.of(channel),
            new JdbcTemplate(unreachable),
            new DataSourceTransactionManager(unreachable),
            Clock.systemUTC(),
            new SimpleMeterRegistry());

    assertThat(watcher.check()).isEmpty();
    assertThat(watcher.check())
        .singleElement()
        .satisfies(a -> assertThat(a.status()).isEqualTo("DOWN"));
    watcher.check();
    watcher.check();
    assertThat(toldDirectly).hasSize(1);

    db.set(Health.up().build());
    watcher.check();
    watcher.check();
    watcher.check();
    assertThat(toldDirectly).extracting(Alert::status).containsExactly("DOWN", "UP");
    assertThat(toldDirectly.get(1).previous()).isEqualTo("DOWN");
  }
}
