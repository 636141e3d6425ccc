package it.sportello.citizen;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The citizens' reminders ({@code sportello.citizen.reminders}).
 *
 * @param answerDueWorkingDaysBefore remind of an answer due this many working days of the service
 *     calendar before its deadline (0: on the deadline's day)
 * @param noticeDeadlineWorkingDaysBefore remind of a notice's deadline this many working days
 *     before it
 * @param every how often the scheduler looks (each node; a reminder still goes out once)
 * @param enabled whether the scheduler runs here (the tests run it explicitly)
 * @param appointmentWorkingDaysBefore remind of a call-back appointment this many working days
 *     before it (0: at the opening of its day)
 * @param confirmationUrl the page a confirmation link opens, with {@code ?confirmEmail=<token>}
 */
@Validated
@ConfigurationProperties("sportello.citizen.reminders")
public record RemindersProperties(
    @DefaultValue("true") boolean enabled,
    @Min(0) @DefaultValue("1") int answerDueWorkingDaysBefore,
    @Min(0) @DefaultValue("2") int noticeDeadlineWorkingDaysBefore,
    @NotNull @DefaultValue("PT5M") Duration every,
    @Min(0) @DefaultValue("1") int appointmentWorkingDaysBefore,
    @NotNull @DefaultValue("http://localhost:8080/self-service/area") String confirmationUrl) {}
