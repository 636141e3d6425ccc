package it.sportello.channel.mail;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Gauges of the mail channel on {@code /actuator/prometheus}: {@code sportello.mail.outbox.pending}
 * (messages waiting to be sent: a growing backlog means the SMTP server or a mailbox is failing)
 * and {@code sportello.mail.quarantine.size} (received messages that wait for a person).
 */
@Component
class MailMetrics implements MeterBinder {

  private final JdbcTemplate jdbc;

  MailMetrics(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  private double count(String sql) {
    Long count = jdbc.queryForObject(sql, Long.class);
    return count == null ? 0 : count;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    Gauge.builder(
            "sportello.mail.outbox.pending",
            this,
            m -> m.count("select count(*) from sportello.outbound_mail where status = 'PENDING'"))
        .description("Mail in the outbox waiting to be sent")
        .register(registry);
    Gauge.builder(
            "sportello.mail.quarantine.size",
            this,
            m ->
                m.count(
                    "select count(*) from sportello.inbound_message where status = 'QUARANTINED'"))
        .description("Received mail in quarantine")
        .register(registry);
  }
}
