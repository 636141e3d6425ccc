package it.sportello.casefile;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sequential numbers per series and year ({@code PROT-2026-000001}), gapless: the counter row is
 * bumped in the caller's transaction (the one that registers the letter), so a failed registration
 * gives its number back, and concurrent registrations queue on the row lock.
 */
@Component
public class CaseNumbers {

  private final JdbcTemplate jdbc;
  private final Clock clock;

  CaseNumbers(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Transactional(propagation = Propagation.MANDATORY)
  public String next(String series, ZoneId zone) {
    int year = clock.instant().atZone(zone).getYear();
    Long value =
        jdbc.queryForObject(
            """
            insert into sportello.case_number_counter as counter (series, year, last_value)
            values (?, ?, 1)
            on conflict (series, year) do update set last_value = counter.last_value + 1
            returning last_value""",
            Long.class,
            series,
            year);
    return format(series, year, value);
  }

  static String format(String series, int year, long value) {
    return "%s-%d-%06d".formatted(series, year, value);
  }
}
