package it.sportello.kb.process;

import it.sportello.platform.process.ExpressionHelper;
import it.sportello.processes.KbPublicationProcess.Beans;
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

  KbDeadlines(Clock clock) {
    this.clock = clock;
  }

  public Date dueDate(String period) {
    return Date.from(
        clock.instant().atZone(ZoneId.of("Europe/Rome")).plus(Period.parse(period)).toInstant());
  }
}
