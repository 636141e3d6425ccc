package it.sportello.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class VolumeForecasterTest {

  /**
   * A contact centre's week: weekdays 8–18 with a late-morning peak, Saturday morning, no Sunday.
   */
  static double[] pattern() {
    double[] week = new double[VolumeForecaster.SLOTS];
    for (int day = 0; day < 7; day++) {
      for (int hour = 0; hour < 24; hour++) {
        double volume = 0;
        if (day < 5 && hour >= 8 && hour < 18) {
          volume = 30 + 25 * Math.exp(-Math.pow(hour - 10.5, 2) / 4) + (day == 0 ? 10 : 0);
        } else if (day == 5 && hour >= 9 && hour < 13) {
          volume = 15;
        }
        week[day * 24 + hour] = volume;
      }
    }
    return week;
  }

  /** Poisson counts around {@code mean} (Knuth's method, seeded). */
  static double poisson(Random random, double mean) {
    if (mean <= 0) {
      return 0;
    }
    double limit = Math.exp(-mean);
    double product = random.nextDouble();
    int count = 0;
    while (product > limit) {
      product *= random.nextDouble();
      count++;
    }
    return count;
  }

  @Test
  void aGeneratedHistoryWithAKnownWeeklyPatternAndTrendIsRecoveredWithinTenPercent() {
    double[] pattern = pattern();
    double growth = 0.03; // 3% more contacts each week
    Random random = new Random(22);
    List<double[]> history = new ArrayList<>();
    for (int w = 0; w < 6; w++) {
      double[] week = new double[VolumeForecaster.SLOTS];
      for (int slot = 0; slot < week.length; slot++) {
        week[slot] = poisson(random, pattern[slot] * (1 + growth * w));
      }
      history.add(week);
    }
    double[] expected = new double[VolumeForecaster.SLOTS];
    for (int slot = 0; slot < expected.length; slot++) {
      expected[slot] = pattern[slot] * (1 + growth * 6);
    }

    var forecast = VolumeForecaster.forecast(history);

    assertThat(VolumeForecaster.mape(forecast.volumes(), expected)).isLessThan(10.0);
    // the trend is found: the next week is about 1 + 3·0.03 / 1.075 above the history's mean
    assertThat(forecast.trendFactor()).isCloseTo(1.18 / 1.075, within(0.03));
    // no contacts forecast where the pattern has none (Sunday)
    for (int hour = 0; hour < 24; hour++) {
      assertThat(forecast.volumes()[6 * 24 + hour]).isZero();
    }
  }

  @Test
  void withoutTrendTheForecastIsTheSameBandsAverage() {
    double[] a = new double[VolumeForecaster.SLOTS];
    double[] b = new double[VolumeForecaster.SLOTS];
    a[10] = 10;
    b[10] = 20;
    a[40] = 20;
    b[40] = 10;
    var forecast = VolumeForecaster.forecast(List.of(a, b));
    assertThat(forecast.trendFactor()).isEqualTo(1.0);
    assertThat(forecast.volumes()[10]).isEqualTo(15.0);
    assertThat(forecast.volumes()[40]).isEqualTo(15.0);
  }

  @Test
  void oneOddWeekCannotMoreThanDoubleTheForecast() {
    double[] quiet = new double[VolumeForecaster.SLOTS];
    double[] busy = new double[VolumeForecaster.SLOTS];
    quiet[0] = 1;
    busy[0] = 100;
    assertThat(VolumeForecaster.forecast(List.of(quiet, busy)).trendFactor())
        .isEqualTo(VolumeForecaster.MAX_TREND);
  }

  @Test
  void mapeCountsOnlyTheBandsWithContacts() {
    assertThat(VolumeForecaster.mape(new double[] {9, 5, 0}, new double[] {10, 0, 5}))
        .isCloseTo(55.0, within(1e-9));
    assertThat(VolumeForecaster.mape(new double[] {1}, new double[] {0})).isNull();
  }
}
