package it.sportello.benchmark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** Latencies of one measured operation (thread-safe), and its figures. */
final class Samples {

  private final List<Double> millis = new ArrayList<>();
  private final AtomicLong errors = new AtomicLong();
  private final Map<Integer, Long> statuses = new LinkedHashMap<>();
  private long startedNanos = System.nanoTime();
  private long endedNanos;

  void restart() {
    startedNanos = System.nanoTime();
  }

  synchronized void ok(double elapsedMillis) {
    millis.add(elapsedMillis);
  }

  synchronized void failed(int status) {
    errors.incrementAndGet();
    statuses.merge(status, 1L, Long::sum);
  }

  void stop() {
    endedNanos = System.nanoTime();
  }

  synchronized int count() {
    return millis.size();
  }

  long errors() {
    return errors.get();
  }

  double seconds() {
    return ((endedNanos == 0 ? System.nanoTime() : endedNanos) - startedNanos) / 1e9;
  }

  double throughput() {
    return count() / seconds();
  }

  synchronized double percentile(double p) {
    if (millis.isEmpty()) {
      return Double.NaN;
    }
    double[] sorted = millis.stream().mapToDouble(Double::doubleValue).toArray();
    Arrays.sort(sorted);
    int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }

  /** count, errors, throughput (successes per second), median, p95, p99, max in ms. */
  synchronized Map<String, Object> figures() {
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("count", millis.size());
    figures.put("errors", errors.get());
    if (!statuses.isEmpty()) {
      figures.put("errorStatuses", new LinkedHashMap<>(statuses));
    }
    figures.put("seconds", round(seconds()));
    figures.put("throughputPerSecond", round(millis.size() / seconds()));
    figures.put("medianMs", round(percentile(50)));
    figures.put("p95Ms", round(percentile(95)));
    figures.put("p99Ms", round(percentile(99)));
    figures.put("maxMs", round(percentile(100)));
    return figures;
  }

  static double round(double value) {
    return Double.isNaN(value) || Double.isInfinite(value) ? -1 : Math.round(value * 10) / 10.0;
  }
}
