package it.sportello.reporting;

import it.sportello.reporting.ReportingProperties.Comparison;
import it.sportello.reporting.ReportingProperties.ContractSla;
import it.sportello.reporting.ReportingProperties.Overflow;
import it.sportello.reporting.ReportingProperties.PenaltyRounding;
import it.sportello.reporting.SlaFigures.Group;
import it.sportello.reporting.SlaFigures.Status;
import it.sportello.reporting.TicketResult.Result;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Counts the per-ticket (or per-call) results of one contract SLA and turns them into its monthly
 * figures. Plain Java: the arithmetic of thresholds, overflow and penalties lives here.
 *
 * <p>The value is the share of the counted items (met + missed) that went the way the threshold is
 * about: the met ones for {@code AT_LEAST} (taken in charge in time), the missed ones for {@code
 * AT_MOST} (calls abandoned).
 */
public final class SlaTally {

  static final String NO_KEY = "-";
  private static final String PHONE = "PHONE";
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private final ContractSla sla;
  private long volume;
  private final long[] counts = new long[3];
  private final ZoneId zone;
  private long overLimit;
  private final Map<String, Long> excludedByReason = new TreeMap<>();
  private final Map<String, Map<String, long[]>> breakdown = new LinkedHashMap<>();

  /** Days of reception in UTC; see {@link #SlaTally(ContractSla, ZoneId)}. */
  public SlaTally(ContractSla sla) {
    this(sla, ZoneOffset.UTC);
  }

  /**
   * @param zone where a ticket's (or call's) day of arrival is reckoned, for the daily breakdown
   */
  public SlaTally(ContractSla sla, ZoneId zone) {
    this.sla = sla;
    this.zone = zone;
    for (String dimension : List.of("channel", "queue", "type", "day")) {
      breakdown.put(dimension, new TreeMap<>());
    }
  }

  public ContractSla sla() {
    return sla;
  }

  public void add(TicketResult result) {
    TicketTimes ticket = result.ticket();
    add(
        result.result(),
        result.reason(),
        ticket.channel(),
        ticket.queue(),
        ticket.type(),
        ticket.receivedAt());
  }

  public void add(CallResult result) {
    CallTimes call = result.call();
    add(result.result(), result.reason(), PHONE, call.queue(), call.ticketType(), call.offeredAt());
    if (result.overLimit()) {
      overLimit++;
    }
  }

  private void add(
      Result result, Enum<?> reason, String channel, String queue, String type, Instant arrival) {
    volume++;
    int index = result.ordinal();
    counts[index]++;
    if (reason != null && result == Result.EXCLUDED) {
      excludedByReason.merge(reason.name(), 1L, Long::sum);
    }
    count("channel", channel, index);
    count("queue", queue, index);
    count("type", type, index);
    count("day", arrival == null ? null : LocalDate.ofInstant(arrival, zone).toString(), index);
  }

  private void count(String dimension, String key, int index) {
    breakdown.get(dimension).computeIfAbsent(key == null ? NO_KEY : key, k -> new long[3])[index]++;
  }

  public SlaFigures figures(Overflow overflow) {
    long met = counts[0];
    long missed = counts[1];
    BigDecimal threshold = sla.threshold();
    BigDecimal overflowPoints = overflowPoints(overflow);
    BigDecimal adjusted =
        sla.comparison() == Comparison.AT_MOST
            ? threshold.add(overflowPoints).min(HUNDRED)
            : threshold.subtract(overflowPoints).max(BigDecimal.ZERO);
    BigDecimal exact = share(met, missed);
    BigDecimal withinLimit =
        sla.limit() == null ? null : exactShare(met + missed - overLimit, overLimit);
    Status status;
    BigDecimal shortfall = BigDecimal.ZERO;
    String note = null;
    if (exact == null) {
      status = Status.NO_DATA;
      note =
          sla.measuresTickets()
              ? "No ticket reached or missed its target in this month."
              : "No call counted for this service level in this month.";
    } else {
      BigDecimal gap =
          sla.comparison() == Comparison.AT_MOST
              ? exact.subtract(adjusted)
              : adjusted.subtract(exact);
      if (withinLimit != null) {
        // every call within the limit: each point under 100% (less the overflow points, as for
        // any threshold) is a point of shortfall too; the larger gap counts
        gap = gap.max(HUNDRED.subtract(overflowPoints).subtract(withinLimit));
      }
      status = gap.signum() > 0 ? Status.MISSED : Status.MET;
      shortfall = gap.max(BigDecimal.ZERO);
    }
    BigDecimal shortfallPoints = shortfall.setScale(2, RoundingMode.HALF_UP);
    BigDecimal penaltyPoints =
        sla.penaltyRounding() == PenaltyRounding.PRO_RATA
            ? shortfallPoints
            : shortfall.setScale(0, RoundingMode.CEILING);
    BigDecimal penalty =
        penaltyPoints.multiply(sla.penaltyPerPoint()).setScale(2, RoundingMode.HALF_UP);
    Map<String, List<Group>> groups = new LinkedHashMap<>();
    breakdown.forEach(
        (dimension, byKey) -> {
          List<Group> list = new ArrayList<>();
          byKey.forEach((key, c) -> list.add(new Group(key, c[0], c[1], c[2], value(c[0], c[1]))));
          groups.put(dimension, list);
        });
    return new SlaFigures(
        sla.code(),
        sla.description(),
        sla.measure(),
        sla.within(),
        sla.limit(),
        new TreeSet<>(sla.channels().stream().map(Enum::name).toList()),
        sla.comparison(),
        threshold,
        sla.plannedMonthlyVolume(),
        volume,
        overflowPoints,
        adjusted,
        met,
        missed,
        counts[2],
        new TreeMap<>(excludedByReason),
        value(met, missed),
        sla.limit() == null ? null : overLimit,
        withinLimit == null ? null : withinLimit.setScale(2, RoundingMode.HALF_UP),
        status,
        shortfallPoints,
        penaltyPoints,
        penalty,
        note,
        groups);
  }

  /**
   * Whole steps of {@code stepPercent} above the planned volume, times the points per step: plan
   * 1000, volume 1250, 10% steps → 2 steps → 2 points.
   */
  BigDecimal overflowPoints(Overflow overflow) {
    Long plan = sla.plannedMonthlyVolume();
    if (plan == null || volume <= plan) {
      return BigDecimal.ZERO;
    }
    long steps = (volume - plan) * 100 / (plan * overflow.stepPercent());
    return overflow.pointsPerStep().multiply(BigDecimal.valueOf(steps));
  }

  /**
   * The share the threshold is about, exactly: met for {@code AT_LEAST}, missed for {@code
   * AT_MOST}.
   */
  private BigDecimal share(long met, long missed) {
    return sla.comparison() == Comparison.AT_MOST
        ? exactShare(missed, met)
        : exactShare(met, missed);
  }

  /** {@code part} ÷ ({@code part} + {@code rest}) in percent, null if both are zero. */
  private static BigDecimal exactShare(long part, long rest) {
    long counted = part + rest;
    if (counted == 0) {
      return null;
    }
    return BigDecimal.valueOf(part * 100)
        .divide(BigDecimal.valueOf(counted), 10, RoundingMode.HALF_UP);
  }

  private BigDecimal value(long met, long missed) {
    BigDecimal exact = share(met, missed);
    return exact == null ? null : exact.setScale(2, RoundingMode.HALF_UP);
  }
}
