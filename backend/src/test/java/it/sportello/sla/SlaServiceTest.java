package it.sportello.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SlaServiceTest {

  private final SlaService sla =
      new SlaService(
          new SlaProperties(
              new SlaProperties.Calendar(
                  ZoneId.of("Europe/Rome"),
                  true,
                  Map.of(
                      DayOfWeek.MONDAY,
                      List.of("08:00-20:00"),
                      DayOfWeek.TUESDAY,
                      List.of("08:00-20:00"),
                      DayOfWeek.WEDNESDAY,
                      List.of("08:00-20:00"),
                      DayOfWeek.THURSDAY,
                      List.of("08:00-20:00"),
                      DayOfWeek.FRIDAY,
                      List.of("08:00-20:00"),
                      DayOfWeek.SATURDAY,
                      List.of("08:00-14:00")),
                  List.of("06-29"),
                  List.of()),
              Map.of(
                  "STANDARD",
                  new SlaProperties.Policy(Duration.ofHours(4), Duration.ofHours(24)),
                  "VOICEMAIL",
                  new SlaProperties.Policy(
                      Duration.ofHours(4),
                      Duration.ofHours(24),
                      SlaProperties.Start.NEXT_WORKING_DAY)),
              new SlaProperties.RequesterReply(Duration.ofHours(24), Duration.ofHours(60)),
              0.25));

  @Test
  void targetsCountWorkingHoursFromReception() {
    SlaTargets targets = sla.targets("STANDARD", at("2026-11-27T19:30:00+01:00"));

    assertThat(targets.takeInChargeDueAt()).isEqualTo(at("2026-11-28T11:30:00+01:00"));
    // Fri 0.5 h + Sat 6 h + Mon 12 h + Tue 5.5 h = 24 working hours
    assertThat(targets.resolutionDueAt()).isEqualTo(at("2026-12-01T13:30:00+01:00"));
  }

  @Test
  void aPauseMovesTheDeadlineByTheWorkingTimeThatPassedNotTheElapsedTime() {
    Instant deadline = at("2026-12-01T13:30:00+01:00");

    // paused Friday 18:00, resumed Monday 10:00: 2 h Friday + 6 h Saturday + 2 h Monday = 10
    // working hours
    Instant moved =
        sla.extendByPause(
            deadline, at("2026-11-27T18:00:00+01:00"), at("2026-11-30T10:00:00+01:00"));

    // Tuesday 13:30 + 6.5 h to closing + 3.5 h on Wednesday
    assertThat(moved).isEqualTo(at("2026-12-02T11:30:00+01:00"));
  }

  @Test
  void replyWindowIsCountedOnTheCalendar() {
    SlaService.ReplyWindow window = sla.replyWindow(at("2026-11-30T10:00:00+01:00"));

    // 24 working hours: Monday 10 h, Tuesday 12 h, Wednesday 2 h
    assertThat(window.remindAt()).isEqualTo(at("2026-12-02T10:00:00+01:00"));
    // 60 working hours: Monday to Friday 58 h, Saturday 2 h
    assertThat(window.closeAt()).isEqualTo(at("2026-12-05T10:00:00+01:00"));
  }

  @Test
  void stateOfATargetFollowsItsWorkingTimeLeft() {
    Duration target = Duration.ofHours(4);
    Instant due = at("2026-11-28T11:30:00+01:00"); // Saturday

    assertThat(sla.state(target, due, null, false, at("2026-11-27T19:30:00+01:00")))
        .isEqualTo(SlaState.ON_TRACK);
    // Friday 20:00 to Saturday 11:30 is 3.5 working hours: the night does not count
    assertThat(sla.state(target, due, null, false, at("2026-11-27T21:00:00+01:00")))
        .isEqualTo(SlaState.ON_TRACK);
    assertThat(sla.state(target, due, null, false, at("2026-11-28T10:30:00+01:00")))
        .isEqualTo(SlaState.AT_RISK);
    assertThat(sla.state(target, due, null, true, at("2026-11-28T10:30:00+01:00")))
        .isEqualTo(SlaState.PAUSED);
    assertThat(sla.state(target, due, null, false, at("2026-11-28T11:31:00+01:00")))
        .isEqualTo(SlaState.BREACHED);
    assertThat(
            sla.state(
                target, due, at("2026-11-28T11:00:00+01:00"), false, at("2026-12-01T00:00:00Z")))
        .isEqualTo(SlaState.MET);
    assertThat(
            sla.state(
                target, due, at("2026-11-28T12:00:00+01:00"), false, at("2026-12-01T00:00:00Z")))
        .isEqualTo(SlaState.MISSED);
  }

  @Test
  void aVoicemailLeftOnSaturdayAfternoonIsDueWithinTheFirstFourWorkingHoursOfMonday() {
    // Saturday 28 November 2026, 15:00: the service closed at 14:00; Sunday is closed
    SlaTargets targets = sla.targets("VOICEMAIL", at("2026-11-28T15:00:00+01:00"));

    assertThat(targets.takeInChargeDueAt()).isEqualTo(at("2026-11-30T12:00:00+01:00"));
    assertThat(targets.takeInChargeAtRiskFrom()).isEqualTo(at("2026-11-30T11:00:00+01:00"));
  }

  @Test
  void aVoicemailIsDueOnTheNextWorkingDayEvenWhenLeftDuringOpeningHours() {
    // Friday 10:00 (all lines busy): the first four hours of Saturday, 08:00-12:00
    assertThat(sla.targets("VOICEMAIL", at("2026-11-27T10:00:00+01:00")).takeInChargeDueAt())
        .isEqualTo(at("2026-11-28T12:00:00+01:00"));
    // Monday 07:00, before the opening: that same Monday is the next working day
    assertThat(sla.targets("VOICEMAIL", at("2026-11-30T07:00:00+01:00")).takeInChargeDueAt())
        .isEqualTo(at("2026-11-30T12:00:00+01:00"));
    // Monday 28 December 2026 evening: Tuesday; Thursday 31 December evening: not 1 January
    assertThat(sla.targets("VOICEMAIL", at("2026-12-31T21:00:00+01:00")).takeInChargeDueAt())
        .isEqualTo(at("2027-01-02T12:00:00+01:00"));
  }

  @Test
  void unknownPolicyIsRefused() {
    assertThat(sla.hasPolicy("GOLD")).isFalse();
    assertThatThrownBy(() -> sla.targets("GOLD", Instant.now())).hasMessageContaining("GOLD");
  }

  private static Instant at(String time) {
    return OffsetDateTime.parse(time).toInstant();
  }
}
