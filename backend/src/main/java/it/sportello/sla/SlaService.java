package it.sportello.sla;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;

/** Computes SLA deadlines on the service calendar: the one place where working time is counted. */
@Service
public class SlaService {

  private static final DateTimeFormatter MONTH_DAY = DateTimeFormatter.ofPattern("MM-dd");

  private final ServiceCalendar calendar;
  private final SlaProperties properties;

  SlaService(SlaProperties properties) {
    this.properties = properties;
    this.calendar = calendarOf(properties.calendar());
  }

  public ServiceCalendar calendar() {
    return calendar;
  }

  public boolean hasPolicy(String policy) {
    return properties.policies().containsKey(policy);
  }

  /** Targets of a ticket received at {@code receivedAt} under {@code policy}. */
  public SlaTargets targets(String policy, Instant receivedAt) {
    SlaProperties.Policy targets = policy(policy);
    Instant takeInChargeFrom =
        targets.takeInChargeFrom() == SlaProperties.Start.NEXT_WORKING_DAY
            ? calendar.firstOpeningOfNextWorkingDay(receivedAt)
            : receivedAt;
    Instant takeInChargeDueAt = calendar.addWorkingTime(takeInChargeFrom, targets.takeInCharge());
    Instant resolutionDueAt = calendar.addWorkingTime(receivedAt, targets.resolution());
    return new SlaTargets(
        policy,
        takeInChargeDueAt,
        atRiskFrom(targets.takeInCharge(), takeInChargeDueAt),
        resolutionDueAt,
        atRiskFrom(targets.resolution(), resolutionDueAt));
  }

  /**
   * The instant from which a deadline is at risk: the one where {@link #state} turns from {@code
   * ON_TRACK} to {@code AT_RISK}.
   *
   * @param target the policy's working time for this target
   */
  public Instant atRiskFrom(Duration target, Instant due) {
    return calendar.subtractWorkingTime(due, atRiskWorkingTime(target));
  }

  /**
   * Where a target stands at {@code now}.
   *
   * @param target the policy's working time for this target
   * @param reachedAt when the target was reached (taken in charge, resolved), or null
   */
  public SlaState state(
      Duration target, Instant due, Instant reachedAt, boolean paused, Instant now) {
    if (reachedAt != null) {
      return reachedAt.isAfter(due) ? SlaState.MISSED : SlaState.MET;
    }
    if (paused) {
      return SlaState.PAUSED;
    }
    if (now.isAfter(due)) {
      return SlaState.BREACHED;
    }
    Duration left = calendar.workingTimeBetween(now, due);
    return left.compareTo(atRiskWorkingTime(target)) <= 0 ? SlaState.AT_RISK : SlaState.ON_TRACK;
  }

  /** Deadlines up to this instant are at risk at {@code now} (if not already past). */
  public Instant atRiskHorizon(Duration target, Instant now) {
    return calendar.addWorkingTime(now, atRiskWorkingTime(target));
  }

  private Duration atRiskWorkingTime(Duration target) {
    return Duration.ofMillis((long) (target.toMillis() * properties.atRiskShare()));
  }

  /** The policy's working-time targets. */
  public SlaProperties.Policy policy(String policy) {
    return Optional.ofNullable(properties.policies().get(policy))
        .orElseThrow(() -> new IllegalArgumentException("Unknown SLA policy " + policy));
  }

  /** A deadline moved on by the working time that passed while the SLA clock was paused. */
  public Instant extendByPause(Instant deadline, Instant pausedAt, Instant resumedAt) {
    return calendar.addWorkingTime(deadline, calendar.workingTimeBetween(pausedAt, resumedAt));
  }

  /**
   * When to remind a silent requester and when to close for no reply, counted from {@code askedAt}.
   */
  public ReplyWindow replyWindow(Instant askedAt) {
    return new ReplyWindow(
        calendar.addWorkingTime(askedAt, properties.requesterReply().reminderAfter()),
        calendar.addWorkingTime(askedAt, properties.requesterReply().closeAfter()));
  }

  public record ReplyWindow(Instant remindAt, Instant closeAt) {}

  static ServiceCalendar calendarOf(SlaProperties.Calendar config) {
    Map<DayOfWeek, List<OpeningHours>> hours = new EnumMap<>(DayOfWeek.class);
    config
        .openingHours()
        .forEach(
            (day, ranges) -> hours.put(day, ranges.stream().map(OpeningHours::parse).toList()));
    Set<MonthDay> localHolidays = new HashSet<>();
    for (String monthDay : Optional.ofNullable(config.localHolidays()).orElse(List.of())) {
      localHolidays.add(MonthDay.parse(monthDay, MONTH_DAY));
    }
    Set<LocalDate> closed =
        new HashSet<>(Optional.ofNullable(config.closedDates()).orElse(List.of()));
    return new ServiceCalendar(
        config.zone(), hours, config.nationalHolidays(), localHolidays, closed);
  }
}
