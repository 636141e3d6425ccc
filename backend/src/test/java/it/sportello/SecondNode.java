package it.sportello;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A second application instance in the test's JVM, on the test's database: node B of the two-node
 * tests. No schedules, mail, search node or job executor of its own, and no Camunda web
 * applications: their runtime delegates are static, and a second set that starts and stops in the
 * same JVM left Cockpit's and Admin's API answering 500 on the tests' own application for the rest
 * of the run.
 */
public final class SecondNode {

  private SecondNode() {}

  /** Starts node B on a free port; the caller closes it. */
  public static ConfigurableApplicationContext start(DataSource dataSource) throws SQLException {
    HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
    return new SpringApplicationBuilder(SportelloApplication.class)
        .run(
            "--server.port=0",
            "--spring.datasource.url=" + pool.getJdbcUrl(),
            "--spring.datasource.username=" + pool.getUsername(),
            "--spring.datasource.password="
                + (pool.getPassword() == null ? "" : pool.getPassword()),
            "--spring.datasource.hikari.maximum-pool-size=5",
            // one JVM, two engines: node B's under a name of its own
            "--camunda.bpm.process-engine-name=nodeb",
            "--camunda.bpm.job-execution.enabled=false",
            "--camunda.bpm.webapp.enabled=false",
            "--sportello.mail.embedded-server.smtp-port=0",
            "--sportello.mail.embedded-server.imap-port=0",
            "--sportello.mail.polling.enabled=false",
            "--sportello.mail.outbound.enabled=false",
            "--sportello.reporting.schedule-deliveries=false",
            "--sportello.alerts.schedule=false",
            "--sportello.distribution.schedule-rounds=false",
            "--sportello.search.embedded.start-on-startup=false",
            "--sportello.search.indexer.enabled=false",
            "--spring.jmx.enabled=false",
            "--server.shutdown=immediate");
  }
}
