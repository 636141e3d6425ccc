package it.sportello.reporting;

import it.sportello.sla.SlaProperties.Start;
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
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
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

  /** What a contract SLA measures: tickets (working time) or inbound calls. */
  public enum Measure {
    /** Tickets: working time from reception to taking in charge, pauses subtracted. */
    TAKEN_IN_CHARGE_WITHIN,
    /** Tickets: working time from reception to the solution, pauses subtracted. */
    SOLVED_WITHIN,
    /** Calls: share of the calls offered that found a free line (not turned away busy). */
    LINE_FREE,
    /**
     * Calls: share of the answered calls that waited in queue less than {@code within}; with a
     * {@code limit}, every answered call must have waited at most that long.
     */
    ANSWERED_WITHIN,
    /** Calls: share of the calls queued that the caller abandoned before an answer. */
    ABANDONED,
    /**
     * Calls: share of the answered calls whose ticket was solved at level 1, without escalation.
     */
    FIRST_CONTACT_RESOLUTION;

    public boolean onTickets() {
      return this == TAKEN_IN_CHARGE_WITHIN || this == SOLVED_WITHIN;
    }
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
   * @param within the working-time target of a ticket ({@code PT4H}), or the queue time of an
   *     answered call ({@code PT30S}, {@code ANSWERED_WITHIN})
   * @param limit {@code ANSWERED_WITHIN}: the longest wait any answered call may have had ({@code
   *     PT90S}); none: no such bound
   * @param channels the channels whose tickets count (ticket SLAs)
   * @param clockStart per channel, where the working time starts counting for {@code
   *     TAKEN_IN_CHARGE_WITHIN} (default: reception), as the timers of that channel's SLA policy
   *     count it (voicemail: from the next working day)
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
      Duration limit,
      Set<Channel> channels,
      Map<Channel, Start> clockStart,
      @NotNull @DecimalMin("0") @DecimalMax("100") BigDecimal threshold,
      @DefaultValue("AT_LEAST") Comparison comparison,
      @Positive Long plannedMonthlyVolume,
      @NotNull @DecimalMin("0") BigDecimal penaltyPerPoint,
      @DefaultValue("STARTED_POINT") PenaltyRounding penaltyRounding) {

    @ConstructorBinding
    public ContractSla {
      channels = channels == null ? Set.of() : Set.copyOf(channels);
      clockStart = clockStart == null ? Map.of() : Map.copyOf(clockStart);
      if (measure != null && (measure.onTickets() || measure == Measure.ANSWERED_WITHIN)) {
        if (within == null || within.isNegative() || within.isZero()) {
          throw new IllegalArgumentException(code + ": " + measure + " needs a positive 'within'");
        }
      }
      if (limit != null && (measure != Measure.ANSWERED_WITHIN || limit.compareTo(within) < 0)) {
        throw new IllegalArgumentException(
            code + ": a 'limit' belongs to ANSWERED_WITHIN and is at least 'within'");
      }
      if (measure != null && measure.onTickets() && channels.isEmpty()) {
        throw new IllegalArgumentException(code + ": a ticket SLA needs its 'channels'");
      }
    }

    /** A ticket SLA without limit or clock start per channel. */
    public ContractSla(
        String code,
        String description,
        Measure measure,
        Duration within,
        Set<Channel> channels,
        BigDecimal threshold,
        Comparison comparison,
        Long plannedMonthlyVolume,
        BigDecimal penaltyPerPoint,
        PenaltyRounding penaltyRounding) {
      this(
          code,
          description,
          measure,
          within,
          null,
          channels,
          null,
          threshold,
          comparison,
          plannedMonthlyVolume,
          penaltyPerPoint,
          penaltyRounding);
    }

    public boolean measuresTickets() {
      return measure.onTickets();
    }

    /** Where the working time of a ticket received on {@code channel} starts counting. */
    public Start clockStart(String channel) {
      for (Map.Entry<Channel, Start> entry : clockStart.entrySet()) {
        if (entry.getKey().name().equals(channel)) {
          return entry.getValue();
        }
      }
      return Start.RECEPTION;
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
