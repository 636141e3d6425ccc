package it.sportello.distribution;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The staffing forecast's settings ({@code sportello.distribution.staffing.*}).
 *
 * @param historyWeeks past weeks averaged for each weekday and hour band
 * @param pastWeeks past weeks shown with their forecast, actual and error
 * @param phoneShare the contract's phone level: this share of calls answered within {@code
 *     phoneWithin} (90% within 30 s)
 * @param defaultCallHandling the calls' handling time when no answered call was measured
 * @param offlineHandling the handling time of one offline contact (mail, PEC, web form, ...): not
 *     measured by the application, set by the planners
 * @param productiveShare the share of an operator's hour spent on contacts (the rest: pauses,
 *     training, meetings), for the offline workload
 */
@Validated
@ConfigurationProperties("sportello.distribution.staffing")
public record StaffingProperties(
    @DefaultValue("4") @Min(1) int historyWeeks,
    @DefaultValue("4") @Min(0) int pastWeeks,
    @DefaultValue("0.9") @DecimalMin("0.5") @DecimalMax("0.999") double phoneShare,
    @DefaultValue("30s") Duration phoneWithin,
    @DefaultValue("240s") Duration defaultCallHandling,
    @DefaultValue("10m") Duration offlineHandling,
    @DefaultValue("0.85") @DecimalMin("0.1") @DecimalMax("1.0") double productiveShare) {}
