package it.sportello.channel.phone;

import it.sportello.shared.InvalidRequestException;
import it.sportello.sla.ServiceCalendar;
import it.sportello.sla.SlaService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * The slots a call-back can be agreed for (its appointment): half hours wholly inside the service
 * calendar's opening hours, from the next full half hour at least an hour from now, over the next
 * {@value #HORIZON_WORKING_DAYS} working days. The citizen picks one on the request form; an
 * operator may set any of them when scheduling a call-back.
 */
@Service
public class CallbackSlots {

  /** The length of a slot. */
  public static final Duration SLOT = Duration.ofMinutes(30);

  static final int HORIZON_WORKING_DAYS = 10;
  private static final Duration LEAD = Duration.ofHours(1);

  private final SlaService sla;
  private final Clock clock;

  CallbackSlots(SlaService sla, Clock clock) {
    this.sla = sla;
    this.clock = clock;
  }

  /** The free slots from now on, in order (the start of each). */
  public List<Instant> available() {
    ServiceCalendar calendar = sla.calendar();
    Instant earliest = clock.instant().plus(LEAD);
    List<Instant> slots = new ArrayList<>();
    LocalDate day = earliest.atZone(calendar.zone()).toLocalDate();
    int workingDays = 0;
    for (int i = 0; i < 3 * HORIZON_WORKING_DAYS + 10 && workingDays < HORIZON_WORKING_DAYS; i++) {
      if (!calendar.isClosedDay(day)) {
        workingDays++;
        ZonedDateTime start = day.atStartOfDay(calendar.zone());
        for (ZonedDateTime at = start;
            at.toLocalDate().equals(day);
            at = at.plusMinutes(SLOT.toMinutes())) {
          Instant slot = at.toInstant();
          if (!slot.isBefore(earliest) && within(calendar, slot)) {
            slots.add(slot);
          }
        }
      }
      day = day.plusDays(1);
    }
    return slots;
  }

  /**
   * Checks an agreed time: null (none agreed) passes.
   *
   * @throws InvalidRequestException naming {@code field} when it is not one of {@link #available()}
   */
  public Instant check(Instant appointmentAt, String field) {
    if (appointmentAt == null) {
      return null;
    }
    if (!available().contains(appointmentAt)) {
      throw new InvalidRequestException(
          field, "must be one of the call-back slots in the service's opening hours");
    }
    return appointmentAt;
  }

  /** The zone of the service calendar, in which the slots are shown. */
  public String zone() {
    return sla.calendar().zone().getId();
  }

  /** Whether the appointment is still to come (a call-back for a past slot is placed at once). */
  public boolean toCome(Instant appointmentAt) {
    return appointmentAt != null && appointmentAt.isAfter(clock.instant());
  }

  private static boolean within(ServiceCalendar calendar, Instant slot) {
    return calendar.isOpen(slot) && calendar.isOpen(slot.plus(SLOT).minusSeconds(1));
  }
}
