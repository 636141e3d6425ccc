package it.sportello.reporting;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The monthly SLA report: every contract SLA over the tickets received in the month.
 *
 * @param from start of the month in the service calendar's zone (inclusive)
 * @param to start of the next month (exclusive)
 * @param asOf when the report was made; open tickets are judged on the time elapsed until then
 * @param complete whether the month is over (figures of a running month still move)
 */
public record SlaReport(
    String month,
    OffsetDateTime from,
    OffsetDateTime to,
    OffsetDateTime asOf,
    boolean complete,
    List<SlaFigures> slas,
    BigDecimal totalPenalty) {}
