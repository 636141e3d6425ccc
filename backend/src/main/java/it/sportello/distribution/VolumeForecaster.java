package it.sportello.distribution;

import java.util.Arrays;
import java.util.List;

/**
 * The next week's contacts per hour band: the average of the same weekday and hour over the last
 * weeks, times a linear trend factor. The factor is the least-squares line through the weekly
 * totals, extended one week, divided by their mean (kept within {@link #MIN_TREND} and {@link
 * #MAX_TREND}, so that one odd week cannot double or halve a forecast). Pure arithmetic on arrays
 * of {@link #SLOTS} hour bands, Monday 00–01 first.
 */
public final class VolumeForecaster {

  /** Hour bands in a week. */
  public static final int SLOTS = 7 * 24;

  static final double MIN_TREND = 0.5;
  static final double MAX_TREND = 2.0;

  private VolumeForecaster() {}

  /**
   * @param weeks the past weeks' volumes, oldest first, each of {@link #SLOTS} bands
   */
  public static Forecast forecast(List<double[]> weeks) {
    if (weeks.isEmpty()) {
      return new Forecast(new double[SLOTS], 1.0);
    }
    double[] average = new double[SLOTS];
    double[] totals = new double[weeks.size()];
    for (int w = 0; w < weeks.size(); w++) {
      double[] week = weeks.get(w);
      if (week.length != SLOTS) {
        throw new IllegalArgumentException("a week has " + SLOTS + " hour bands");
      }
      for (int slot = 0; slot < SLOTS; slot++) {
        average[slot] += week[slot] / weeks.size();
        totals[w] += week[slot];
      }
    }
    double factor = trendFactor(totals);
    double[] forecast = new double[SLOTS];
    for (int slot = 0; slot < SLOTS; slot++) {
      forecast[slot] = average[slot] * factor;
    }
    return new Forecast(forecast, factor);
  }

  /** The least-squares line through the totals, at the next week, over their mean. */
  static double trendFactor(double[] totals) {
    int n = totals.length;
    double mean = Arrays.stream(totals).average().orElse(0);
    if (n < 2 || mean <= 0) {
      return 1.0;
    }
    double xMean = (n - 1) / 2.0;
    double covariance = 0;
    double variance = 0;
    for (int x = 0; x < n; x++) {
      covariance += (x - xMean) * (totals[x] - mean);
      variance += (x - xMean) * (x - xMean);
    }
    double slope = covariance / variance;
    double next = mean + slope * (n - xMean);
    return Math.max(MIN_TREND, Math.min(MAX_TREND, next / mean));
  }

  /**
   * Mean absolute percentage error in percent over the bands with contacts (a band with none has no
   * percentage); null when no band had any.
   */
  public static Double mape(double[] forecast, double[] actual) {
    double sum = 0;
    int bands = 0;
    for (int slot = 0; slot < actual.length; slot++) {
      if (actual[slot] > 0) {
        sum += Math.abs(actual[slot] - forecast[slot]) / actual[slot];
        bands++;
      }
    }
    return bands == 0 ? null : 100 * sum / bands;
  }

  /** The forecast week's bands and the trend factor applied. */
  public record Forecast(double[] volumes, double trendFactor) {}
}
