package it.sportello.distribution;

import io.swagger.v3.oas.annotations.media.Schema;
import it.sportello.sla.SlaService;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The staffing forecast of a week: contacts per hour band and channel ({@link VolumeForecaster}
 * over the history of the activity report's data: inbound calls offered from the phone channel's
 * calls, every other channel from the tickets received), the operators each hour band needs for the
 * phone level ({@link ErlangC} with the measured handling time) and for the offline work (workload
 * ÷ productive time, the day's work spread over its open hour bands, which the offline service
 * levels, in hours, allow), and the past weeks' forecast against what came, with the MAPE.
 */
@Service
public class StaffingForecasts {

  public static final String PHONE = "PHONE";
  public static final String CHAT = "CHAT";
  public static final String METHOD =
      "Average of the same weekday and hour band over the last weeks × linear trend factor"
          + " (least squares on the weekly totals)";

  private final JdbcClient jdbc;
  private final SlaService sla;
  private final Clock clock;
  private final StaffingProperties properties;

  StaffingForecasts(
      JdbcTemplate jdbcTemplate, SlaService sla, Clock clock, StaffingProperties properties) {
    this.jdbc = JdbcClient.create(jdbcTemplate);
    this.sla = sla;
    this.clock = clock;
    this.properties = properties;
  }

  @Schema(description = "One hour band of the forecast week")
  public record Band(
      LocalDate day,
      @Schema(description = "Start hour of the band, 0–23") int hour,
      @Schema(description = "Contacts expected per channel") Map<String, Double> volumes,
      @Schema(description = "Operators on the phone for the contract's level (Erlang C)")
          int phoneOperators,
      @Schema(description = "Offline workload of the band in operator hours")
          double offlineWorkloadHours,
      @Schema(description = "Operators on offline work, the day's workload spread over its bands")
          int offlineOperators) {}

  @Schema(description = "A past week: forecast against actual, per channel and in total")
  public record PastWeek(
      LocalDate weekStart,
      Map<String, Double> forecast,
      Map<String, Double> actual,
      @Schema(description = "Mean absolute percentage error over the hour bands with contacts")
          Map<String, Double> mape,
      Double totalMape) {}

  @Schema(description = "Staffing forecast of a week")
  public record StaffingForecast(
      LocalDate weekStart,
      String method,
      int historyWeeks,
      Map<String, Double> trendFactors,
      @Schema(description = "Average handling time of the answered calls, seconds")
          double callHandlingSeconds,
      @Schema(description = "Answered calls the handling time was measured on (0: default)")
          long callsMeasured,
      double offlineHandlingSeconds,
      double phoneShare,
      long phoneWithinSeconds,
      double productiveShare,
      List<String> channels,
      List<Band> bands,
      List<PastWeek> pastWeeks) {}

  /** The Monday of the next week in the service calendar. */
  public LocalDate nextWeek() {
    return LocalDate.ofInstant(clock.instant(), sla.calendar().zone())
        .with(TemporalAdjusters.next(DayOfWeek.MONDAY));
  }

  @Transactional(readOnly = true)
  public StaffingForecast forecast(LocalDate week) {
    LocalDate monday = week.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    int history = properties.historyWeeks();
    int past = properties.pastWeeks();
    LocalDate first = monday.minusWeeks(history + past);
    Map<String, double[][]> weeks = history(first, history + past);
    List<String> channels = new ArrayList<>(weeks.keySet());

    Map<String, Double> trends = new TreeMap<>();
    Map<String, double[]> forecast = new TreeMap<>();
    for (String channel : channels) {
      double[][] all = weeks.get(channel);
      var result = VolumeForecaster.forecast(List.of(all).subList(past, past + history));
      trends.put(channel, round(result.trendFactor(), 3));
      forecast.put(channel, result.volumes());
    }

    double[] handling = callHandling(monday.minusWeeks(history), monday);
    double callSeconds =
        handling[1] > 0 ? handling[0] : properties.defaultCallHandling().toSeconds();
    double offlineSeconds = properties.offlineHandling().toSeconds();
    List<Band> bands = bands(monday, forecast, callSeconds, offlineSeconds);

    List<PastWeek> pastWeeks = new ArrayList<>();
    for (int w = 0; w < past; w++) {
      pastWeeks.add(pastWeek(first.plusWeeks(history + w), weeks, channels, w, history));
    }
    return new StaffingForecast(
        monday,
        METHOD,
        history,
        trends,
        round(callSeconds, 1),
        (long) handling[1],
        offlineSeconds,
        properties.phoneShare(),
        properties.phoneWithin().toSeconds(),
        properties.productiveShare(),
        channels,
        bands,
        pastWeeks);
  }

  private List<Band> bands(
      LocalDate monday, Map<String, double[]> forecast, double callSeconds, double offlineSeconds) {
    List<Band> bands = new ArrayList<>();
    for (int day = 0; day < 7; day++) {
      double dayWorkload = 0;
      int openBands = 0;
      double[] workload = new double[24];
      for (int hour = 0; hour < 24; hour++) {
        int slot = day * 24 + hour;
        double any = 0;
        for (var entry : forecast.entrySet()) {
          any += entry.getValue()[slot];
          if (offline(entry.getKey())) {
            workload[hour] += entry.getValue()[slot] * offlineSeconds / 3600.0;
          }
        }
        if (any >= 0.05) {
          openBands++;
        }
        dayWorkload += workload[hour];
      }
      int offlineOperators =
          openBands == 0
              ? 0
              : (int) Math.ceil(dayWorkload / (openBands * properties.productiveShare()) - 1e-9);
      for (int hour = 0; hour < 24; hour++) {
        int slot = day * 24 + hour;
        Map<String, Double> volumes = new LinkedHashMap<>();
        double any = 0;
        for (var entry : forecast.entrySet()) {
          volumes.put(entry.getKey(), round(entry.getValue()[slot], 1));
          any += entry.getValue()[slot];
        }
        double calls = forecast.containsKey(PHONE) ? forecast.get(PHONE)[slot] : 0;
        int phone =
            ErlangC.agentsFor(
                calls,
                callSeconds,
                3600,
                properties.phoneShare(),
                properties.phoneWithin().toSeconds());
        bands.add(
            new Band(
                monday.plusDays(day),
                hour,
                volumes,
                phone,
                round(workload[hour], 2),
                any >= 0.05 ? offlineOperators : 0));
      }
    }
    return bands;
  }

  private PastWeek pastWeek(
      LocalDate weekStart,
      Map<String, double[][]> weeks,
      List<String> channels,
      int index,
      int history) {
    Map<String, Double> forecastTotals = new TreeMap<>();
    Map<String, Double> actualTotals = new TreeMap<>();
    Map<String, Double> mapes = new TreeMap<>();
    double[] allForecast = new double[VolumeForecaster.SLOTS];
    double[] allActual = new double[VolumeForecaster.SLOTS];
    for (String channel : channels) {
      double[][] all = weeks.get(channel);
      double[] forecast =
          VolumeForecaster.forecast(List.of(all).subList(index, index + history)).volumes();
      double[] actual = all[index + history];
      double f = 0;
      double a = 0;
      for (int slot = 0; slot < VolumeForecaster.SLOTS; slot++) {
        f += forecast[slot];
        a += actual[slot];
        allForecast[slot] += forecast[slot];
        allActual[slot] += actual[slot];
      }
      forecastTotals.put(channel, round(f, 1));
      actualTotals.put(channel, a);
      Double mape = VolumeForecaster.mape(forecast, actual);
      if (mape != null) {
        mapes.put(channel, round(mape, 1));
      }
    }
    Double total = VolumeForecaster.mape(allForecast, allActual);
    return new PastWeek(
        weekStart, forecastTotals, actualTotals, mapes, total == null ? null : round(total, 1));
  }

  static boolean offline(String channel) {
    return !PHONE.equals(channel) && !CHAT.equals(channel);
  }

  /**
   * Contacts per channel, week and hour band from {@code first} (a Monday) for {@code count} weeks:
   * inbound calls offered, and the tickets received on every channel but the phone (whose tickets
   * come from the calls counted already).
   */
  Map<String, double[][]> history(LocalDate first, int count) {
    ZoneId zone = sla.calendar().zone();
    Timestamp from = Timestamp.from(first.atStartOfDay(zone).toInstant());
    Timestamp to = Timestamp.from(first.plusWeeks(count).atStartOfDay(zone).toInstant());
    Map<String, double[][]> weeks = new TreeMap<>();
    weeks.put(PHONE, new double[count][VolumeForecaster.SLOTS]);
    String calls =
        """
        select 'PHONE', cast(offered_at at time zone :zone as date), cast(extract(hour from offered_at at time zone :zone) as int), count(*)
        from sportello.phone_call
        where direction = 'INBOUND' and offered_at >= :from and offered_at < :to
        group by 1, 2, 3
        """;
    String tickets =
        """
        select channel, cast(received_at at time zone :zone as date), cast(extract(hour from received_at at time zone :zone) as int), count(*)
        from sportello.ticket
        where channel <> 'PHONE' and received_at >= :from and received_at < :to
        group by 1, 2, 3
        """;
    for (String sql : List.of(calls, tickets)) {
      jdbc.sql(sql)
          .param("zone", zone.getId())
          .param("from", from)
          .param("to", to)
          .query(
              rs -> {
                String channel = rs.getString(1);
                long days = ChronoUnit.DAYS.between(first, rs.getObject(2, LocalDate.class));
                if (days < 0 || days >= count * 7L) {
                  return;
                }
                int slot = (int) (days % 7) * 24 + rs.getInt(3);
                weeks
                        .computeIfAbsent(channel, c -> new double[count][VolumeForecaster.SLOTS])[
                        (int) (days / 7)][slot] +=
                    rs.getLong(4);
              });
    }
    return weeks;
  }

  /** The average talk time of the calls answered in the period, and how many there were. */
  private double[] callHandling(LocalDate from, LocalDate to) {
    ZoneId zone = sla.calendar().zone();
    return jdbc.sql(
            """
            select coalesce(avg(talk_seconds), 0), count(*) from sportello.phone_call
            where answered_at >= :from and answered_at < :to and talk_seconds is not null
              and talk_seconds > 0
            """)
        .param("from", Timestamp.from(from.atStartOfDay(zone).toInstant()))
        .param("to", Timestamp.from(to.atStartOfDay(zone).toInstant()))
        .query((rs, row) -> new double[] {rs.getDouble(1), rs.getLong(2)})
        .single();
  }

  private static double round(double value, int decimals) {
    double scale = Math.pow(10, decimals);
    return Math.round(value * scale) / scale;
  }
}
