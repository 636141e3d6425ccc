package it.sportello.reporting.delivery;

import it.sportello.reporting.delivery.ReportDeliveryProperties.Schedule;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * The subject and text of a delivery's mail, in Italian, English or German (Italian for a language
 * without its own text, as the mail templates do).
 */
final class DeliveryTexts {

  private static final DateTimeFormatter IT_DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
  private static final DateTimeFormatter IT_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
  private static final DateTimeFormatter EN_DAY = DateTimeFormatter.ISO_LOCAL_DATE;
  private static final DateTimeFormatter EN_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
  private static final DateTimeFormatter DE_DAY = DateTimeFormatter.ofPattern("dd.MM.yyyy");
  private static final DateTimeFormatter DE_TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");

  record Text(String subject, String body) {}

  private DeliveryTexts() {}

  static Text render(Schedule schedule, ReportPeriod period, ZonedDateTime at, String fileName) {
    boolean english = "en".equals(schedule.language());
    String description =
        schedule.description() == null || schedule.description().isBlank()
            ? ""
            : schedule.description().strip() + "\n\n";
    if (english) {
      String what =
          schedule.report() == ReportSet.MONTHLY ? "Monthly SLA report" : "Weekly activity report";
      return new Text(
          "Sportello – " + what + " " + period.label(),
          "Hello,\n\nattached is the "
              + what.toLowerCase(java.util.Locale.ROOT)
              + " for "
              + period.label()
              + " (from "
              + EN_DAY.format(period.from())
              + " to "
              + EN_DAY.format(period.to())
              + "), "
              + fileName
              + ", made on "
              + EN_TIME.format(at)
              + " ("
              + at.getZone().getId()
              + ").\n\n"
              + description
              + "This message was sent automatically by Sportello (scheduled delivery \""
              + schedule.id()
              + "\"); please do not reply to it.\n");
    }
    if ("de".equals(schedule.language())) {
      String what =
          schedule.report() == ReportSet.MONTHLY
              ? "Monatlicher SLA-Bericht"
              : "Wöchentlicher Tätigkeitsbericht";
      return new Text(
          "Sportello – " + what + " " + period.label(),
          "Guten Tag,\n\nim Anhang finden Sie den "
              + what
              + " für "
              + period.label()
              + " (vom "
              + DE_DAY.format(period.from())
              + " bis "
              + DE_DAY.format(period.to())
              + "), "
              + fileName
              + ", erstellt am "
              + DE_TIME.format(at)
              + " (Zeitzone "
              + at.getZone().getId()
              + ").\n\n"
              + description
              + "Diese Nachricht wurde von Sportello automatisch gesendet (geplante Zustellung \""
              + schedule.id()
              + "\"); bitte antworten Sie nicht darauf.\n");
    }
    String what =
        schedule.report() == ReportSet.MONTHLY
            ? "Report SLA mensile"
            : "Report attività settimanale";
    return new Text(
        "Sportello – " + what + " " + period.label(),
        "Buongiorno,\n\nin allegato il "
            + what.substring(0, 1).toLowerCase(java.util.Locale.ROOT)
            + what.substring(1)
            + " del periodo "
            + period.label()
            + " (dal "
            + IT_DAY.format(period.from())
            + " al "
            + IT_DAY.format(period.to())
            + "), "
            + fileName
            + ", generato il "
            + IT_TIME.format(at)
            + " (ora di "
            + at.getZone().getId()
            + ").\n\n"
            + description
            + "Messaggio inviato automaticamente da Sportello (invio programmato \""
            + schedule.id()
            + "\"): si prega di non rispondere.\n");
  }
}
