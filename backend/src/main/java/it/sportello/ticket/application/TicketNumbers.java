package it.sportello.ticket.application;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Readable ticket numbers, {@code RS-<year>-<6 digits>}, restarting every year. The counter row is
 * bumped in its own short transaction so that concurrent intakes do not queue behind each other's
 * process start; a number whose intake then fails is skipped (gaps are harmless, duplicates are
 * impossible).
 */
@Component
class TicketNumbers {

  private final JdbcTemplate jdbc;
  private final TransactionTemplate newTransaction;
  private final Clock clock;

  TicketNumbers(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, Clock clock) {
    this.jdbc = jdbc;
    this.newTransaction = new TransactionTemplate(transactionManager);
    this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.clock = clock;
  }

  String next(ZoneId zone) {
    int year = clock.instant().atZone(zone).getYear();
    Long value =
        newTransaction.execute(
            status ->
                jdbc.queryForObject(
                    """
        insert into sportello.ticket_number_counter as counter (year, last_value) values (?, 1)
        on conflict (year) do update set last_value = counter.last_value + 1
        returning last_value""",
                    Long.class,
                    year));
    return format(year, value);
  }

  static String format(int year, long value) {
    return "RS-%d-%06d".formatted(year, value);
  }
}
