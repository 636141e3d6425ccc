package it.sportello.casefile;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code sportello.procedures.*}: deadlines of the formal procedures, in working days of the
 * service calendar.
 *
 * @param answerWorkingDays a letter's answer is due this many working days after registration
 * @param reminderWorkingDaysBefore the office is reminded this many working days before
 * @param approvalWorkingDays an approval is due this many working days after it is asked
 * @param checkWorkingDays a complaint's preliminary check is due this many days after the report
 * @param counterArgumentsWorkingDays the supplier's deadline for counter-arguments after the notice
 * @param evaluationWorkingDays the evaluation is due this many days after that deadline
 */
@Validated
@ConfigurationProperties("sportello.procedures")
public record ProceduresProperties(
    @Min(1) @DefaultValue("30") int answerWorkingDays,
    @Min(0) @DefaultValue("5") int reminderWorkingDaysBefore,
    @Min(1) @DefaultValue("3") int approvalWorkingDays,
    @Min(1) @DefaultValue("10") int checkWorkingDays,
    @Min(1) @DefaultValue("10") int counterArgumentsWorkingDays,
    @Min(1) @DefaultValue("15") int evaluationWorkingDays) {}
