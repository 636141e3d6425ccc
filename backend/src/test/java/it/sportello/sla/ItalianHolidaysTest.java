package it.sportello.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ItalianHolidaysTest {

  @ParameterizedTest(name = "Easter {0} = {1}")
  @CsvSource({
    "2000, 2000-04-23",
    "2019, 2019-04-21",
    "2024, 2024-03-31",
    "2025, 2025-04-20",
    "2026, 2026-04-05",
    "2027, 2027-03-28",
    "2038, 2038-04-25"
  })
  void easterSunday(int year, LocalDate expected) {
    assertThat(ItalianHolidays.easterSunday(year)).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2026-01-01",
        "2026-01-06",
        "2026-04-05",
        "2026-04-06",
        "2026-04-25",
        "2026-05-01",
        "2026-06-02",
        "2026-08-15",
        "2026-10-04",
        "2026-11-01",
        "2026-12-08",
        "2026-12-25",
        "2026-12-26",
        "2027-03-29",
        "2025-04-21",
        "2024-04-01"
      })
  void nationalHolidays(LocalDate date) {
    assertThat(ItalianHolidays.isNationalHoliday(date)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2025-10-04",
        "2026-03-10",
        "2026-06-03",
        "2026-06-29",
        "2026-12-07",
        "2027-03-30"
      })
  void ordinaryDays(LocalDate date) {
    assertThat(ItalianHolidays.isNationalHoliday(date)).isFalse();
  }

  @Test
  void sanFrancescoIsNationalOnlyFrom2026() {
    assertThat(ItalianHolidays.nationalHolidays(2025))
        .hasSize(12)
        .doesNotContain(LocalDate.of(2025, 10, 4));
    assertThat(ItalianHolidays.nationalHolidays(2026))
        .hasSize(13)
        .contains(LocalDate.of(2026, 10, 4));
    assertThat(ItalianHolidays.nationalHolidays(2030)).contains(LocalDate.of(2030, 10, 4));
  }

  @Test
  void holidaySetIsCachedAndUnmodifiable() {
    var holidays = ItalianHolidays.nationalHolidays(2027);
    assertThat(ItalianHolidays.nationalHolidays(2027)).isSameAs(holidays);
    assertThatThrownBy(() -> holidays.add(LocalDate.of(2027, 7, 1)))
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
