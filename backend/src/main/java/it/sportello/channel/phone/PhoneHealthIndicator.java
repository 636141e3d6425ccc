package it.sportello.channel.phone;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The telephony platform's health ({@code /actuator/health/phone}), from the CTI events it sends:
 * when the last one arrived. With {@code sportello.phone.health.max-silence} set (e.g. {@code 15m}
 * where the platform sends a heartbeat or calls never stop during service hours), a longer silence
 * is {@code DEGRADED}; without it the indicator only reports the last event.
 */
@Component("phoneHealthIndicator")
class PhoneHealthIndicator extends AbstractHealthIndicator {

  static final Status DEGRADED = new Status("DEGRADED");

  private final JdbcTemplate jdbc;
  private final Clock clock;
  private final PhoneHealthProperties properties;

  PhoneHealthIndicator(JdbcTemplate jdbc, Clock clock, PhoneHealthProperties properties) {
    super("Telephony check failed");
    this.jdbc = jdbc;
    this.clock = clock;
    this.properties = properties;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    Timestamp last =
        jdbc.queryForObject("select max(received_at) from sportello.phone_event", Timestamp.class);
    Instant lastEvent = last == null ? null : last.toInstant();
    Duration maxSilence = properties.maxSilence();
    boolean silent =
        maxSilence != null
            && (lastEvent == null || lastEvent.isBefore(clock.instant().minus(maxSilence)));
    builder.status(silent ? DEGRADED : Status.UP);
    if (lastEvent != null) {
      builder.withDetail("lastEvent", lastEvent.toString());
    }
    if (silent) {
      builder.withDetail("error", "no CTI event for more than " + maxSilence);
    }
  }
}
