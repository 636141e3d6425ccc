package it.sportello.casefile;

import it.sportello.sla.ServiceCalendar;
import it.sportello.sla.SlaService;
import java.time.Instant;
import java.time.LocalDate;
import org.springframework.stereotype.Component;

/**
 * Deadlines in working days on the service calendar (the SLA's): a deadline falls at the end of its
 * working day in the calendar's zone.
 */
@Component
public class WorkingDays {

  private final SlaService sla;

  WorkingDays(SlaService sla) {
    this.sla = sla;
  }

  /** The end of the {@code days}-th working day after the day of {@code from}. */
  public Instant after(Instant from, int days) {
    ServiceCalendar calendar = sla.calendar();
    LocalDate date = from.atZone(calendar.zone()).toLocalDate();
    int left = days;
    while (left > 0) {
      date = date.plusDays(1);
      if (!calendar.isClosedDay(date)) {
        left--;
      }
    }
    return endOf(date);
  }

  /**
   * The end of the {@code days}-th working day before the day of {@code deadline} (not before
   * {@code notBefore}).
   */
  public Instant before(Instant deadline, int days, Instant notBefore) {
    ServiceCalendar calendar = sla.calendar();
    LocalDate date = deadline.atZone(calendar.zone()).toLocalDate();
    int left = days;
    while (left > 0) {
      date = date.minusDays(1);
      if (!calendar.isClosedDay(date)) {
        left--;
      }
    }
    Instant at = endOf(date);
    return at.isBefore(notBefore) ? notBefore : at;
  }

  private Instant endOf(LocalDate date) {
    return date.plusDays(1).atStartOfDay(sla.calendar().zone()).toInstant().minusSeconds(1);
  }
}
