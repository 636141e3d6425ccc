package it.sportello.reporting.delivery;

import it.sportello.reporting.delivery.ReportDeliveryProperties.Schedule;
import it.sportello.shared.TextTemplates;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * The subject and text of a delivery's mail in the schedule's language: the bundle {@value #BUNDLE}
 * of {@link TextTemplates} ({@code templates/report-delivery/<language>.properties}, replaceable
 * from the templates directory; Italian for a language without its own text).
 */
final class DeliveryTexts {

  /** The bundle of the delivery mail in {@link TextTemplates}. */
  static final String BUNDLE = "report-delivery";

  record Text(String subject, String body) {}

  private DeliveryTexts() {}

  static Text render(
      TextTemplates texts,
      Schedule schedule,
      ReportPeriod period,
      ZonedDateTime at,
      String fileName) {
    String language = schedule.language();
    DateTimeFormatter day = DateTimeFormatter.ofPattern(text(texts, "dayFormat", language));
    DateTimeFormatter time = DateTimeFormatter.ofPattern(text(texts, "timeFormat", language));
    Map<String, String> values =
        Map.of(
            "report", text(texts, "report." + schedule.report().name(), language),
            "reportInText", text(texts, "reportInText." + schedule.report().name(), language),
            "period", period.label(),
            "from", day.format(period.from()),
            "to", day.format(period.to()),
            "file", fileName,
            "at", time.format(at),
            "zone", at.getZone().getId(),
            "schedule", schedule.id(),
            "description",
                schedule.description() == null || schedule.description().isBlank()
                    ? ""
                    : schedule.description().strip() + "\n\n");
    return new Text(
        texts.render(BUNDLE, "subject", language, values),
        texts.render(BUNDLE, "body", language, values));
  }

  private static String text(TextTemplates texts, String key, String language) {
    return texts.render(BUNDLE, key, language, Map.of());
  }
}
