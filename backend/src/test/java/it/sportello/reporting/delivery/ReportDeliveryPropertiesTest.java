package it.sportello.reporting.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.sportello.reporting.delivery.ReportDeliveryProperties.Schedule;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportDeliveryPropertiesTest {

  private static Schedule schedule(String id, String cron, List<String> recipients, String lang) {
    return new Schedule(id, "Prova", cron, ReportSet.WEEKLY, recipients, lang, null);
  }

  @Test
  void aCronThatIsNotSpringsIsRefusedNamingTheSchedule() {
    assertThatThrownBy(() -> schedule("weekly", "0 7 * * MON", List.of("a@example.it"), "it"))
        .hasMessageContaining("weekly")
        .hasMessageContaining("0 7 * * MON");
  }

  @Test
  void scheduleIdsAreUnique() {
    Schedule one = schedule("weekly", "0 0 7 * * MON", List.of("a@example.it"), "it");
    assertThatThrownBy(() -> new ReportDeliveryProperties(List.of(one, one), true))
        .hasMessageContaining("weekly is used twice");
  }

  @Test
  void recipientsMustBeAddressesAndTheLanguageOneOfTheServicesFour() {
    Validator validator = Validation.buildDefaultValidatorFactory().getValidator();
    assertThat(
            validator.validate(schedule("weekly", "0 0 7 * * MON", List.of("a@example.it"), "en")))
        .isEmpty();
    assertThat(
            validator.validate(schedule("weekly", "0 0 7 * * MON", List.of("a@example.it"), "de")))
        .isEmpty();
    assertThat(
            validator.validate(schedule("weekly", "0 0 7 * * MON", List.of("a@example.it"), "fr")))
        .isEmpty();
    assertThat(
            validator.validate(
                schedule("Weekly!", "0 0 7 * * MON", List.of("not an address", " "), "es")))
        .extracting(violation -> violation.getPropertyPath().toString())
        .containsExactlyInAnyOrder(
            "id", "recipients[0].<list element>", "recipients[1].<list element>", "language");
    assertThat(validator.validate(schedule("weekly", "0 0 7 * * MON", List.of(), "it")))
        .extracting(violation -> violation.getPropertyPath().toString())
        .containsExactly("recipients");
  }

  private static final it.sportello.shared.TextTemplates TEXTS =
      new it.sportello.shared.TextTemplates(new it.sportello.shared.TemplateProperties(null, "it"));

  @Test
  void theMailIsWrittenInTheSchedulesLanguage() {
    ReportPeriod week = ReportPeriod.parse(ReportSet.WEEKLY, "2026-W48");
    var at = LocalDate.parse("2026-11-30").atTime(7, 0).atZone(ZoneId.of("Europe/Rome"));
    DeliveryTexts.Text english =
        DeliveryTexts.render(
            TEXTS,
            schedule("weekly", "0 0 7 * * MON", List.of("a@example.it"), "en"),
            week,
            at,
            "activity-2026-W48.xlsx");
    assertThat(english.subject()).isEqualTo("Sportello – Weekly activity report 2026-W48");
    assertThat(english.body())
        .contains("from 2026-11-23 to 2026-11-29", "activity-2026-W48.xlsx", "2026-11-30 07:00");
    DeliveryTexts.Text italian =
        DeliveryTexts.render(
            TEXTS,
            schedule("weekly", "0 0 7 * * MON", List.of("a@example.it"), "it"),
            week,
            at,
            "activity-2026-W48.xlsx");
    assertThat(italian.subject()).isEqualTo("Sportello – Report attività settimanale 2026-W48");
    assertThat(italian.body()).contains("dal 23/11/2026 al 29/11/2026", "Prova");
    DeliveryTexts.Text german =
        DeliveryTexts.render(
            TEXTS,
            schedule("weekly", "0 0 7 * * MON", List.of("a@example.it"), "de"),
            week,
            at,
            "activity-2026-W48.xlsx");
    assertThat(german.subject()).isEqualTo("Sportello – Wöchentlicher Tätigkeitsbericht 2026-W48");
    assertThat(german.body())
        .contains("vom 23.11.2026 bis 29.11.2026", "30.11.2026 07:00", "Prova");
    DeliveryTexts.Text french =
        DeliveryTexts.render(
            TEXTS,
            schedule("weekly", "0 0 7 * * MON", List.of("a@example.it"), "fr"),
            week,
            at,
            "activity-2026-W48.xlsx");
    assertThat(french.subject()).isEqualTo("Sportello – Rapport d'activité hebdomadaire 2026-W48");
    assertThat(french.body()).contains("du 23/11/2026 au 29/11/2026", "30/11/2026 07:00", "Prova");
    assertThat(
            DeliveryTexts.render(
                    TEXTS,
                    schedule("weekly", "0 0 7 * * MON", List.of("a@example.it"), "es"),
                    week,
                    at,
                    "activity-2026-W48.xlsx")
                .subject())
        .as("a language without texts: Italian")
        .isEqualTo(italian.subject());
  }
}
