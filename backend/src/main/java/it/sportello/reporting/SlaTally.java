package it.sportello.reporting;

import it.sportello.reporting.ReportingProperties.Comparison;
import it.sportello.reporting.ReportingProperties.ContractSla;
import it.sportello.reporting.ReportingProperties.Overflow;
import it.sportello.reporting.ReportingProperties.PenaltyRounding;
import it.sportello.reporting.SlaFigures.Group;
import it.sportello.reporting.SlaFigures.Status;
import it.sportello.reporting.TicketResult.Reason;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Counts the per-ticket results of one contract SLA and turns them into its monthly figures. Plain
 * Java: the arithmetic of thresholds, overflow and penalties lives here.
 */
public final class SlaTally {

  static final String NO_KEY = "-";
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private final ContractSla sla;
  private long volume;
  private final long[] counts = new long[3];
  private final Map<Reason, Long> excludedByReason = new EnumMap<>(Reason.class);
  private final Map<String, Map<String, long[]>> breakdown = new LinkedHashMap<>();

  public SlaTally(ContractSla sla) {
    this.sla = sla;
    for (String dimension : List.of("channel", "queue", "type")) {
      breakdown.put(dimension, new TreeMap<>());
    }
  }

  public ContractSla sla() {
    return sla;
  }

  public void add(TicketResult result) {
    volume++;
    int index = result.result().ordinal();
    counts[index]++;
    if (result.reason() != null && result.result() == TicketResult.Result.EXCLUDED) {
      excludedByReason.merge(result.reason(), 1L, Long::sum);
    }
    TicketTimes ticket = result.ticket();
    count("channel", ticket.channel(), index);
    count("queue", ticket.queue(), index);
    count("type", ticket.type(), index);
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
    BigDecimal exact = exactShare(met, missed);
    Status status;
    BigDecimal shortfall = BigDecimal.ZERO;
    String note = null;
    if (!sla.measuresTickets()) {
      status = Status.NO_DATA;
      note = "Measured on calls: the telephony platform is not integrated yet.";
    } else if (exact == null) {
      status = Status.NO_DATA;
      note = "No ticket reached or missed its target in this month.";
    } else {
      BigDecimal gap =
          sla.comparison() == Comparison.AT_MOST
              ? exact.subtract(adjusted)
              : adjusted.subtract(exact);
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
        new EnumMap<>(excludedByReason),
        value(met, missed),
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

  private static BigDecimal exactShare(long met, long missed) {
    long counted = met + missed;
    if (counted == 0) {
      return null;
    }
    return BigDecimal.valueOf(met * 100)
        .divide(BigDecimal.valueOf(counted), 10, RoundingMode.HALF_UP);
  }

  static BigDecimal value(long met, long missed) {
    BigDecimal exact = exactShare(met, missed);
    return exact == null ? null : exact.setScale(2, RoundingMode.HALF_UP);
  }
}
