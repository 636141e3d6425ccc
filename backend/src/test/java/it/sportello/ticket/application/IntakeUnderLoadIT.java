package it.sportello.ticket.application;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import it.sportello.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 26: an intake holds one database connection, never one while waiting for another. Twice as
 * many intakes as the pool has connections, started together, all open their ticket; with the
 * ticket number taken in a transaction of its own every one of them held a connection and waited
 * for a second, and the pool waited on itself until its timeout.
 */
class IntakeUnderLoadIT extends IntegrationTest {

  @Autowired TicketIntake intake;
  @Autowired DataSource dataSource;

  @Test
  void moreConcurrentIntakesThanPoolConnectionsAllSucceed() throws Exception {
    HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
    int connections = pool.getMaximumPoolSize();
    int intakes = connections * 2;
    // a pool waiting on itself fails after the pool's connection timeout (10 s, application.yml),
    // not at once
    // one intake first: a cold application (first process start, caches) is slow, not stuck
    intake.open(
        json.convertValue(ticketRequest(fiscalCode(), "Warm-up"), OpenTicketCommand.class),
        null,
        "operator1");
    ExecutorService threads = Executors.newFixedThreadPool(intakes);
    try {
      CyclicBarrier start = new CyclicBarrier(intakes);
      List<Future<String>> numbers = new ArrayList<>();
      for (int i = 0; i < intakes; i++) {
        String subject = "Intake under load " + i;
        numbers.add(
            threads.submit(
                () -> {
                  OpenTicketCommand command =
                      json.convertValue(
                          ticketRequest(fiscalCode(), subject), OpenTicketCommand.class);
                  start.await();
                  return intake.open(command, null, "operator1").ticket().getNumber();
                }));
      }
      List<String> opened = new ArrayList<>();
      for (Future<String> number : numbers) {
        opened.add(number.get(5, TimeUnit.MINUTES));
      }
      assertThat(opened)
          .hasSize(intakes)
          .doesNotHaveDuplicates()
          .allMatch(n -> n.startsWith("RS-"));
    } finally {
      threads.shutdownNow();
    }
  }
}
