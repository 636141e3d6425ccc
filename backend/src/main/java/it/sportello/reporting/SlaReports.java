package it.sportello.reporting;

import static it.sportello.shared.DbRows.instant;

import it.sportello.reporting.ReportingProperties.ContractSla;
import it.sportello.sla.SlaService;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;
import javax.sql.DataSource;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The monthly SLA report and the per-ticket results behind it. One streaming pass over the tickets
 * received in the month (SQL with the pause periods taken from each ticket's path), the working
 * time counted in Java on the service calendar of the SLA timers.
 */
@Service
public class SlaReports {

  private static final String TICKETS =
      """
      select t.id, t.number, t.channel, t.queue, t.type, t.status, t.outcome, t.received_at,
             t.taken_in_charge_at, t.resolved_at, t.closed_at, t.sla_paused_at, p.kinds, p.times
      from sportello.ticket t
      left join lateral (
          select array_agg(e.kind order by e.occurred_at, e.id) as kinds,
                 array_agg(e.occurred_at order by e.occurred_at, e.id) as times
          from sportello.ticket_event e
          where e.ticket_id = t.id
            and e.kind in ('SLA_PAUSED', 'SLA_RESUMED', 'CLOSED_FOR_NO_REPLY')) p on true
      where t.received_at >= :from and t.received_at < :to and t.channel in (:channels)
      order by t.received_at, t.id""";

  private static final String CALLS =
      """
      select c.id, c.call_id, c.queue, c.offered_at, c.answered_at, c.ended_at, c.wait_seconds,
             c.outcome, c.agent, c.ticket_number, t.type, t.current_level, t.resolved_at_level
      from sportello.phone_call c
      left join sportello.ticket t on t.number = c.ticket_number
      where c.direction = 'INBOUND' and c.offered_at >= :from and c.offered_at < :to
      order by c.offered_at, c.id""";

  private final NamedParameterJdbcTemplate jdbc;
  private final SlaService sla;
  private final ReportingProperties properties;
  private final Clock clock;

  SlaReports(DataSource dataSource, SlaService sla, ReportingProperties properties, Clock clock) {
    JdbcTemplate template = new JdbcTemplate(dataSource);
    // rows arrive in batches inside the read-only transaction instead of all at once
    template.setFetchSize(2000);
    this.jdbc = new NamedParameterJdbcTemplate(template);
    this.sla = sla;
    this.properties = properties;
    this.clock = clock;
  }

  public List<ContractSla> definitions() {
    return properties.slas();
  }

  public Optional<ContractSla> sla(String code) {
    return properties.slas().stream()
        .filter(definition -> definition.code().equals(code))
        .findFirst();
  }

  public YearMonth currentMonth() {
    return YearMonth.from(clock.instant().atZone(zone()));
  }

  @Transactional(readOnly = true)
  public SlaReport report(YearMonth month) {
    Instant asOf = clock.instant();
    List<SlaTally> tallies =
        properties.slas().stream().map(definition -> new SlaTally(definition, zone())).toList();
    stream(
        month,
        asOf,
        result -> {
          for (SlaTally tally : tallies) {
            if (tally.sla().code().equals(result.sla())) {
              tally.add(result);
            }
          }
        });
    streamCalls(
        month,
        result -> {
          for (SlaTally tally : tallies) {
            if (tally.sla().code().equals(result.sla())) {
              tally.add(result);
            }
          }
        });
    List<SlaFigures> figures =
        tallies.stream().map(tally -> tally.figures(properties.overflow())).toList();
    BigDecimal total =
        figures.stream().map(SlaFigures::penalty).reduce(BigDecimal.ZERO, BigDecimal::add);
    return new SlaReport(
        month.toString(),
        offset(start(month)),
        offset(start(month.plusMonths(1))),
        offset(asOf),
        !asOf.isBefore(start(month.plusMonths(1))),
        figures,
        total);
  }

  /** A page of the per-ticket results, in order of reception. */
  @Transactional(readOnly = true)
  public Page<TicketResult> results(
      YearMonth month, Predicate<TicketResult> filter, int page, int size) {
    PageCollector<TicketResult> collector = new PageCollector<>(filter, page, size);
    stream(month, clock.instant(), collector);
    return collector.page();
  }

  /** A page of the per-call results of the phone SLAs, in order of arrival. */
  @Transactional(readOnly = true)
  public Page<CallResult> callResults(
      YearMonth month, Predicate<CallResult> filter, int page, int size) {
    PageCollector<CallResult> collector = new PageCollector<>(filter, page, size);
    streamCalls(month, collector);
    return collector.page();
  }

  /** Keeps one page of the results that pass the filter, and counts them all. */
  private static final class PageCollector<T> implements Consumer<T> {
    private final Predicate<T> filter;
    private final Pageable pageable;
    private final long skip;
    private final int size;
    private final List<T> items;
    private long total;

    PageCollector(Predicate<T> filter, int page, int size) {
      this.filter = filter;
      this.pageable = PageRequest.of(page, size);
      this.skip = (long) page * size;
      this.size = size;
      this.items = new ArrayList<>(size);
    }

    @Override
    public void accept(T result) {
      if (filter.test(result)) {
        if (total >= skip && items.size() < size) {
          items.add(result);
        }
        total++;
      }
    }

    Page<T> page() {
      return new PageImpl<>(items, pageable, total);
    }
  }

  /** Every per-ticket result of the month, for the exports; the caller keeps nothing in memory. */
  @Transactional(readOnly = true)
  public void forEachResult(YearMonth month, Instant asOf, Consumer<TicketResult> consumer) {
    stream(month, asOf, consumer);
  }

  /** Every per-call result of the phone SLAs in the month, for the exports. */
  @Transactional(readOnly = true)
  public void forEachCallResult(YearMonth month, Consumer<CallResult> consumer) {
    streamCalls(month, consumer);
  }

  public Instant now() {
    return clock.instant();
  }

  public ZoneId zone() {
    return sla.calendar().zone();
  }

  public OffsetDateTime offset(Instant instant) {
    return instant == null ? null : instant.atZone(zone()).toOffsetDateTime();
  }

  private Instant start(YearMonth month) {
    return month.atDay(1).atStartOfDay(zone()).toInstant();
  }

  private void stream(YearMonth month, Instant asOf, Consumer<TicketResult> consumer) {
    List<ContractSla> ticketSlas =
        properties.slas().stream().filter(ContractSla::measuresTickets).toList();
    List<String> channels =
        ticketSlas.stream()
            .flatMap(definition -> definition.channels().stream())
            .map(Enum::name)
            .distinct()
            .toList();
    if (channels.isEmpty()) {
      return;
    }
    SlaEvaluator evaluator = new SlaEvaluator(sla.calendar(), asOf);
    jdbc.query(
        TICKETS,
        new MapSqlParameterSource()
            .addValue("from", Timestamp.from(start(month)))
            .addValue("to", Timestamp.from(start(month.plusMonths(1))))
            .addValue("channels", channels),
        row -> {
          TicketTimes ticket = ticket(row);
          for (ContractSla definition : ticketSlas) {
            if (definition.channels().stream().anyMatch(c -> c.name().equals(ticket.channel()))) {
              consumer.accept(evaluator.evaluate(definition, ticket));
            }
          }
        });
  }

  private void streamCalls(YearMonth month, Consumer<CallResult> consumer) {
    List<ContractSla> callSlas =
        properties.slas().stream().filter(definition -> !definition.measuresTickets()).toList();
    if (callSlas.isEmpty()) {
      return;
    }
    jdbc.query(
        CALLS,
        new MapSqlParameterSource()
            .addValue("from", Timestamp.from(start(month)))
            .addValue("to", Timestamp.from(start(month.plusMonths(1)))),
        row -> {
          CallTimes call = call(row);
          for (ContractSla definition : callSlas) {
            consumer.accept(CallEvaluator.evaluate(definition, call));
          }
        });
  }

  private static CallTimes call(ResultSet row) throws SQLException {
    return new CallTimes(
        row.getLong("id"),
        row.getString("call_id"),
        row.getString("queue"),
        instant(row, "offered_at"),
        instant(row, "answered_at"),
        instant(row, "ended_at"),
        row.getObject("wait_seconds", Integer.class),
        row.getString("outcome"),
        row.getString("agent"),
        row.getString("ticket_number"),
        row.getString("type"),
        row.getObject("current_level", Integer.class),
        row.getObject("resolved_at_level", Integer.class));
  }

  private static TicketTimes ticket(ResultSet row) throws SQLException {
    return new TicketTimes(
        row.getLong("id"),
        row.getString("number"),
        row.getString("channel"),
        row.getString("queue"),
        row.getString("type"),
        row.getString("status"),
        row.getString("outcome"),
        instant(row, "received_at"),
        instant(row, "taken_in_charge_at"),
        instant(row, "resolved_at"),
        instant(row, "closed_at"),
        pauses(row));
  }

  /**
   * The pause periods from the ticket's path: {@code SLA_PAUSED} opens one, {@code SLA_RESUMED} or
   * {@code CLOSED_FOR_NO_REPLY} ends it. A ticket paused with no {@code SLA_PAUSED} on its path
   * (recorded before that event existed) has only its current pause, from {@code sla_paused_at}.
   */
  static List<TicketTimes.Pause> pauses(ResultSet row) throws SQLException {
    List<TicketTimes.Pause> pauses = new ArrayList<>();
    Array kindsArray = row.getArray("kinds");
    Instant open = null;
    if (kindsArray != null) {
      String[] kinds = (String[]) kindsArray.getArray();
      Timestamp[] times = (Timestamp[]) row.getArray("times").getArray();
      for (int i = 0; i < kinds.length; i++) {
        Instant at = times[i].toInstant();
        if (kinds[i].equals("SLA_PAUSED")) {
          if (open == null) {
            open = at;
          }
        } else if (open != null) {
          pauses.add(new TicketTimes.Pause(open, at));
          open = null;
        }
      }
    }
    Instant pausedAt = instant(row, "sla_paused_at");
    if (pausedAt != null) {
      pauses.add(new TicketTimes.Pause(open != null ? open : pausedAt, null));
    }
    return pauses;
  }
}
