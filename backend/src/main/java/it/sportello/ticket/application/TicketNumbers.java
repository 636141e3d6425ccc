package it.sportello.ticket.application;

import it.sportello.sla.SlaService;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Readable ticket numbers, {@code RS-<year>-<6 digits>}, restarting every year: one PostgreSQL
 * sequence per year ({@code sportello.ticket_number_<year>}). {@code nextval} runs on the caller's
 * connection, in its transaction, and holds no lock after the call: concurrent intakes neither
 * queue behind each other's process start nor need a second pool connection (issue 26: a number
 * taken in a transaction of its own made every intake wait for a second connection, and a full pool
 * waited on itself). A number whose intake then fails is skipped (gaps are harmless, duplicates are
 * impossible).
 *
 * <p>The sequences of the current and the next year are created at start-up; a year without one (an
 * application running across New Year's Day since the year before) creates it in the first intake's
 * transaction, serialised by an advisory lock so concurrent first intakes wait for it.
 */
@Component
class TicketNumbers {

  private static final Logger log = LoggerFactory.getLogger(TicketNumbers.class);

  /** Advisory lock key of the sequences' creation (any constant not used elsewhere). */
  private static final long CREATION_LOCK = 0x5469636b65744eL;

  private final JdbcTemplate jdbc;
  private final Clock clock;
  private final SlaService sla;
  private final TransactionTemplate transactions;

  TicketNumbers(
      JdbcTemplate jdbc,
      Clock clock,
      SlaService sla,
      PlatformTransactionManager transactionManager) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.sla = sla;
    this.transactions = new TransactionTemplate(transactionManager);
  }

  @Transactional(propagation = Propagation.MANDATORY)
  public String next() {
    int year = year();
    Long value = nextValue(year);
    if (value == null) {
      create(year);
      value = nextValue(year);
    }
    return format(year, value);
  }

  /** The sequences of this year and the next exist when the first request comes. */
  @EventListener(ApplicationReadyEvent.class)
  public void prepare() {
    int year = year();
    for (int y = year - 1; y <= year + 1; y++) {
      if (!exists(y)) {
        int creating = y;
        try {
          // each year in a transaction of its own (the creation's lock is transaction-scoped)
          transactions.executeWithoutResult(status -> create(creating));
        } catch (DataAccessException e) {
          // a database user without CREATE on the schema (least privilege): the DBA creates the
          // year's sequence; the first intake of a year without one says so
          log.warn("Cannot create the ticket-number sequence of {}: {}", y, e.getMessage());
        }
      }
    }
  }

  /**
   * The year in the service calendar's zone: a ticket opened on New Year's Eve in Rome is of that
   * year.
   */
  private int year() {
    return clock.instant().atZone(sla.calendar().zone()).getYear();
  }

  private Long nextValue(int year) {
    // nextval(null) is null: a missing sequence is not an error that would abort the transaction
    return jdbc.queryForObject("select nextval(to_regclass(?::text))", Long.class, sequence(year));
  }

  private boolean exists(int year) {
    return Boolean.TRUE.equals(
        jdbc.queryForObject(
            "select to_regclass(?::text) is not null", Boolean.class, sequence(year)));
  }

  /** Creates the year's sequence after the numbers already given that year (counter, tickets). */
  private void create(int year) {
    jdbc.queryForObject("select pg_advisory_xact_lock(?)", Object.class, CREATION_LOCK);
    Long last =
        jdbc.queryForObject(
            """
            select greatest(
                (select last_value from sportello.ticket_number_counter where year = ?),
                (select max(substring(number from 9)::bigint) from sportello.ticket
                  where number like ? and substring(number from 9) ~ '^[0-9]+$'),
                0)""",
            Long.class,
            year,
            "RS-" + year + "-%");
    jdbc.execute(
        "create sequence if not exists %s as bigint start with %d"
            .formatted(sequence(year), last + 1));
    log.info("Ticket numbers of {}: sequence {} from {}", year, sequence(year), last + 1);
  }

  private static String sequence(int year) {
    return "sportello.ticket_number_" + year;
  }

  static String format(int year, long value) {
    return "RS-%d-%06d".formatted(year, value);
  }
}
