package it.sportello.reporting;

import it.sportello.reporting.ReportingProperties.Comparison;
import it.sportello.reporting.ReportingProperties.Measure;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One contract SLA over one month: counts, value, threshold adjusted for overflow, verdict and
 * penalty, with the breakdown by channel, queue, type and day of arrival (ISO date in the service
 * calendar's zone: the SLA's daily trend).
 *
 * @param limit the longest wait any answered call may have had ({@code ANSWERED_WITHIN}), or null
 * @param volume tickets of the SLA's channels received in the month, or inbound calls offered in
 *     the month (all of them, counted or not)
 * @param excludedByReason the excluded tickets or calls by reason ({@link TicketResult.Reason},
 *     {@link CallResult.Reason})
 * @param overflowPoints points the threshold moved because the volume exceeded the plan
 * @param value met ÷ (met + missed) in percent, to the hundredth (missed ÷ (met + missed) for an
 *     {@code AT_MOST} SLA: the share of calls abandoned); null without data
 * @param overLimit calls that waited longer than the limit; null without a limit
 * @param withinLimit share of the counted calls within the limit, to the hundredth; null without a
 *     limit or data
 * @param shortfallPoints points beyond the adjusted threshold, to the hundredth; zero if met
 * @param penaltyPoints the points charged (whole points for {@code STARTED_POINT})
 * @param note why there is no data, if there is none
 */
public record SlaFigures(
    String code,
    String description,
    Measure measure,
    Duration within,
    Duration limit,
    Set<String> channels,
    Comparison comparison,
    BigDecimal threshold,
    Long plannedVolume,
    long volume,
    BigDecimal overflowPoints,
    BigDecimal adjustedThreshold,
    long met,
    long missed,
    long excluded,
    Map<String, Long> excludedByReason,
    BigDecimal value,
    Long overLimit,
    BigDecimal withinLimit,
    Status status,
    BigDecimal shortfallPoints,
    BigDecimal penaltyPoints,
    BigDecimal penalty,
    String note,
    Map<String, List<Group>> breakdown) {

  public enum Status {
    MET,
    MISSED,
    NO_DATA
  }

  /** The figures of one channel, queue or type. */
  public record Group(String key, long met, long missed, long excluded, BigDecimal value) {}
}
