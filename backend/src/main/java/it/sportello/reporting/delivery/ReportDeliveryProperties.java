package it.sportello.reporting.delivery;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.validation.annotation.Validated;

/**
 * {@code sportello.reporting.deliveries}: the report sets sent by mail on a schedule, and {@code
 * sportello.reporting.schedule-deliveries} (on by default; tests trigger explicitly).
 *
 * @param deliveries the schedules, each with an id of its own
 * @param scheduleDeliveries whether the schedules run on their cron
 */
@Validated
@ConfigurationProperties("sportello.reporting")
public record ReportDeliveryProperties(
    @NotNull @DefaultValue List<@Valid Schedule> deliveries,
    @DefaultValue("true") boolean scheduleDeliveries) {

  public ReportDeliveryProperties {
    deliveries = deliveries == null ? List.of() : List.copyOf(deliveries);
    Set<String> ids = new HashSet<>();
    for (Schedule schedule : deliveries) {
      if (schedule.id() != null && !ids.add(schedule.id())) {
        throw new IllegalArgumentException(
            "sportello.reporting.deliveries: the id " + schedule.id() + " is used twice");
      }
    }
  }

  /**
   * One scheduled delivery.
   *
   * @param id its id, kept on every delivery (do not rename a schedule in use)
   * @param description what it is for, shown in the UI and in the mail
   * @param cron when it runs, a Spring cron expression ({@code second minute hour day month
   *     weekday}) in the service calendar's zone, e.g. {@code 0 0 7 1 * *}
   * @param report which report set, for the period that ended last
   * @param recipients the e-mail addresses it goes to, one mail each
   * @param language the language of the mail's subject and text ({@code it}, {@code en})
   * @param mailbox the mailbox it leaves from; none: the default outbound mailbox
   */
  public record Schedule(
      @NotBlank
          @Pattern(
              regexp = "[a-z0-9][a-z0-9-]{0,59}",
              message = "must be lower-case letters, digits and dashes, at most 60")
          String id,
      String description,
      @NotBlank String cron,
      @NotNull ReportSet report,
      @NotEmpty List<@NotBlank @Email String> recipients,
      @NotNull
          @DefaultValue("it")
          @Pattern(regexp = "it|en|de|fr", message = "must be one of it, en, de, fr")
          String language,
      String mailbox) {

    public Schedule {
      recipients =
          recipients == null
              ? List.of()
              : recipients.stream().map(r -> r == null ? null : r.strip()).toList();
      if (cron != null && !cron.isBlank() && !CronExpression.isValidExpression(cron)) {
        throw new IllegalArgumentException(
            id + ": cron '" + cron + "' is not a Spring cron expression, e.g. 0 0 7 1 * *");
      }
    }
  }
}
