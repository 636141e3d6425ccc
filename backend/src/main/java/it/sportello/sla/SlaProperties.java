package it.sportello.sla;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code sportello.sla.*}: the service calendar, the SLA policies by code, how long a ticket waits
 * for the requester (in working time) before a reminder and before it is closed for no reply, and
 * below which share of a target's working time left a ticket counts as at risk.
 */
@Validated
@ConfigurationProperties("sportello.sla")
public record SlaProperties(
    @Valid @NotNull Calendar calendar,
    @NotEmpty Map<String, @Valid Policy> policies,
    @Valid @NotNull RequesterReply requesterReply,
    @DecimalMin("0") @DecimalMax("1") @DefaultValue("0.25") double atRiskShare) {

  /**
   * @param openingHours per weekday, ranges such as {@code 08:00-20:00}; a missing day is closed
   * @param localHolidays month-day pairs such as {@code 06-29} (the patron saint)
   * @param closedDates one-off closures
   */
  public record Calendar(
      @NotNull ZoneId zone,
      boolean nationalHolidays,
      @NotEmpty Map<DayOfWeek, List<String>> openingHours,
      List<String> localHolidays,
      List<LocalDate> closedDates) {}

  /**
   * Working-time targets: take in charge, resolve. Both are counted from reception, except that
   * with {@code take-in-charge-from: NEXT_WORKING_DAY} the take-in-charge time is counted from the
   * first opening of the next working day (voicemail: "within the first 4 working hours of the next
   * working day").
   */
  public record Policy(
      @NotNull Duration takeInCharge, @NotNull Duration resolution, Start takeInChargeFrom) {

    @ConstructorBinding
    public Policy {
      takeInChargeFrom = takeInChargeFrom == null ? Start.RECEPTION : takeInChargeFrom;
    }

    public Policy(Duration takeInCharge, Duration resolution) {
      this(takeInCharge, resolution, Start.RECEPTION);
    }
  }

  /** Where a working-time target starts counting. */
  public enum Start {
    /** When the contact was received. */
    RECEPTION,
    /**
     * At the first opening of the working day after the day of reception (or of the day of
     * reception itself, when received before that day's opening).
     */
    NEXT_WORKING_DAY
  }

  public record RequesterReply(@NotNull Duration reminderAfter, @NotNull Duration closeAfter) {}
}
