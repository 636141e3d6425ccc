package it.sportello.kb.process;

import it.sportello.platform.process.ExpressionHelper;
import it.sportello.processes.KbPublicationProcess.Beans;
import it.sportello.sla.SlaService;
import java.time.Clock;
import java.time.Period;
import java.time.ZoneId;
import java.util.Date;
import org.springframework.stereotype.Component;

/**
 * Due and follow-up dates of the KB tasks: {@code ${kbDeadlines.dueDate('P5D')}}, calendar days
 * from now on the application's clock. Allowlisted for the models' expressions.
 */
@ExpressionHelper
@Component(Beans.DEADLINES)
public class KbDeadlines {

  private final Clock clock;
  private final ZoneId zone;

  KbDeadlines(Clock clock, SlaService sla) {
    this.clock = clock;
    this.zone = sla.calendar().zone();
  }

  public Date dueDate(String period) {
    return Date.from(clock.instant().atZone(zone).plus(Period.parse(period)).toInstant());
  }
}
