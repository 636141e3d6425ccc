package it.sportello.ticket.application;

import static org.assertj.core.api.Assertions.assertThat;

import it.sportello.IntegrationTest;
import jakarta.persistence.EntityManagerFactory;
import java.util.Arrays;
import java.util.UUID;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 26, "a cheaper request path": what an intake asks of Hibernate, counted with its statistics
 * (switched on for this test only; the shared context keeps them off). The classification reads the
 * new ticket from the persistence context: no query by number (and no auto-flush before one). The
 * three queries left: the idempotency key's earlier ticket, the requester by fiscal code and by
 * e-mail.
 */
class IntakeStatementsIT extends IntegrationTest {

  @Autowired TicketIntake intake;
  @Autowired EntityManagerFactory entityManagerFactory;

  private Statistics statistics;

  @BeforeEach
  void on() {
    statistics = entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
    // one intake first: the first one loads the queues and other reference rows
    open("Warm-up");
    statistics.setStatisticsEnabled(true);
    statistics.clear();
  }

  @AfterEach
  void off() {
    statistics.setStatisticsEnabled(false);
    statistics.clear();
  }

  private void open(String subject) {
    intake.open(
        json.convertValue(ticketRequest(fiscalCode(), subject), OpenTicketCommand.class),
        UUID.randomUUID().toString(),
        "operator1");
  }

  @Test
  void anIntakeQueriesNoTicketByNumber() {
    int intakes = 5;
    for (int i = 0; i < intakes; i++) {
      open("Statements per intake " + i);
    }

    System.out.printf(
        "IntakeStatementsIT per intake: %.1f JDBC statements by Hibernate, %.1f queries,"
            + " %.1f flushes, %.1f inserts, %.1f updates, %.1f entity loads; queries: %s%n",
        statistics.getPrepareStatementCount() / (double) intakes,
        statistics.getQueryExecutionCount() / (double) intakes,
        statistics.getFlushCount() / (double) intakes,
        statistics.getEntityInsertCount() / (double) intakes,
        statistics.getEntityUpdateCount() / (double) intakes,
        statistics.getEntityLoadCount() / (double) intakes,
        Arrays.toString(statistics.getQueries()));
    // before: the classification's "select ... from sportello.ticket t1_0 where t1_0.number=?"
    assertThat(statistics.getQueries())
        .noneMatch(query -> query.contains("sportello.ticket ") && query.contains(".number=?"));
    assertThat(statistics.getQueryExecutionCount()).isEqualTo(3L * intakes);
  }
}
