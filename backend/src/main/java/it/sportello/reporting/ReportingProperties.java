package it.sportello.reporting;

import it.sportello.ticket.domain.Channel;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code sportello.reporting.*}: the contract's service levels, measured per calendar month in the
 * zone of the service calendar, and the overflow rule that lowers their thresholds when the month's
 * volume exceeds the planned one.
 *
 * @param slas the contract's service levels, in report order
 * @param overflow how volume above plan lowers the thresholds
 */
@Validated
@ConfigurationProperties("sportello.reporting")
public record ReportingProperties(
    @NotEmpty List<@Valid ContractSla> slas, @Valid @NotNull Overflow overflow) {

  /** What a contract SLA measures. */
  public enum Measure {
    /** Working time from reception to taking in charge, pauses subtracted. */
    TAKEN_IN_CHARGE_WITHIN,
    /** Working time from reception to the solution, pauses subtracted. */
    SOLVED_WITHIN,
    /** A figure of the telephony platform (calls), not of tickets: no data until it exists. */
    CALLS
  }

  /** Whether the measured share must reach the threshold or stay below it. */
  public enum Comparison {
    AT_LEAST,
    AT_MOST
  }

  /** How a shortfall that is not a whole number of points is charged. */
  public enum PenaltyRounding {
    /** Each point or fraction of a point counts as a whole point (0.2 points → 1 point). */
    STARTED_POINT,
    /** In proportion, to the hundredth of a point (0.2 points → 0.2 × the amount). */
    PRO_RATA
  }

  /**
   * One service level of the contract.
   *
   * @param code the contract's code, e.g. {@code SLA.O.1}
   * @param description what it promises, in the contract's words
   * @param measure what is measured
   * @param within the working-time target of a ticket ({@code PT4H}); unused for {@code CALLS}
   * @param channels the channels whose tickets count
   * @param threshold the share in percent, e.g. {@code 80}
   * @param comparison whether the share must be at least or at most the threshold
   * @param plannedMonthlyVolume the volume the contract plans for a month (tickets of these
   *     channels); none: no overflow adjustment
   * @param penaltyPerPoint the penalty for each point below the threshold, in euro
   * @param penaltyRounding how fractions of a point are charged
   */
  public record ContractSla(
      @NotBlank String code,
      @NotBlank String description,
      @NotNull Measure measure,
      Duration within,
      Set<Channel> channels,
      @NotNull @DecimalMin("0") @DecimalMax("100") BigDecimal threshold,
      @DefaultValue("AT_LEAST") Comparison comparison,
      @Positive Long plannedMonthlyVolume,
      @NotNull @DecimalMin("0") BigDecimal penaltyPerPoint,
      @DefaultValue("STARTED_POINT") PenaltyRounding penaltyRounding) {

    public ContractSla {
      channels = channels == null ? Set.of() : Set.copyOf(channels);
      if (measure != null && measure != Measure.CALLS) {
        if (within == null || within.isNegative() || within.isZero()) {
          throw new IllegalArgumentException(code + ": a ticket SLA needs a positive 'within'");
        }
        if (channels.isEmpty()) {
          throw new IllegalArgumentException(code + ": a ticket SLA needs its 'channels'");
        }
      }
    }

    public boolean measuresTickets() {
      return measure != Measure.CALLS;
    }
  }

  /**
   * For each {@code stepPercent} of volume above plan the thresholds move by {@code pointsPerStep}
   * points in the provider's favour (lower for {@code AT_LEAST}, higher for {@code AT_MOST}); a
   * started step does not count.
   */
  public record Overflow(
      @DefaultValue("10") @Positive int stepPercent,
      @DefaultValue("1") @DecimalMin("0") BigDecimal pointsPerStep) {}
}
