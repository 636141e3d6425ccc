package it.sportello.ticket.application;

import it.sportello.shared.FieldViolation;
import it.sportello.shared.InvalidRequestException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Instants that callers report instead of our clock measuring them: when a contact was received
 * ({@code receivedAt} of a ticket), when a telephony event happened ({@code occurredAt}). They
 * start SLA clocks and fill the contract's reports, so an absurd one (a ticket "received" in 1900,
 * a call next week) is refused, naming the field.
 */
@Component
public class ReportedTimes {

  private final IntakeProperties properties;
  private final Clock clock;

  ReportedTimes(IntakeProperties properties, Clock clock) {
    this.properties = properties;
    this.clock = clock;
  }

  /**
   * @throws InvalidRequestException naming {@code field} when {@code reported} lies more than the
   *     allowed age in the past or more than the clock skew in the future
   */
  public void check(String field, Instant reported) {
    violation(field, reported)
        .ifPresent(
            violation -> {
              throw new InvalidRequestException(List.of(violation));
            });
  }

  /** What is wrong with {@code reported}, if anything ({@code null} is fine: "now"). */
  public Optional<FieldViolation> violation(String field, Instant reported) {
    if (reported == null) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    if (reported.isAfter(now.plus(properties.maxClockSkew()))) {
      return Optional.of(new FieldViolation(field, "must not be in the future"));
    }
    if (reported.isBefore(now.minus(properties.maxReportedAge()))) {
      return Optional.of(
          new FieldViolation(
              field,
              "must not be more than "
                  + properties.maxReportedAge().toDays()
                  + " days in the past"));
    }
    return Optional.empty();
  }
}
