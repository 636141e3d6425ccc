package it.sportello.channel.mail;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.actuate.health.CompositeHealthContributor;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthContributor;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.NamedContributor;
import org.springframework.stereotype.Component;

/**
 * Each receiving mailbox's health ({@code /actuator/health/mailboxes/<id>}) from its polls: {@code
 * DEGRADED} (the rest of the application works) while the last poll failed (with the error,
 * addresses masked, and the failures in a row), up after a poll without error, unknown before the
 * first poll.
 */
@Component("mailboxesHealthContributor")
class MailboxHealthContributor implements CompositeHealthContributor {

  private final Mailboxes mailboxes;
  private final MailboxHealth health;

  MailboxHealthContributor(Mailboxes mailboxes, MailboxHealth health) {
    this.mailboxes = mailboxes;
    this.health = health;
  }

  private Map<String, HealthContributor> members() {
    Map<String, HealthContributor> members = new LinkedHashMap<>();
    mailboxes.all().stream()
        .filter(Mailbox::receives)
        .forEach(mailbox -> members.put(mailbox.id(), (HealthIndicator) () -> of(mailbox.id())));
    return members;
  }

  Health of(String mailbox) {
    MailboxHealth.Status status = health.of(mailbox);
    Health.Builder builder;
    if (status.consecutiveFailures() > 0) {
      builder =
          Health.status("DEGRADED")
              .withDetail("error", status.lastError())
              .withDetail("failuresInARow", status.consecutiveFailures());
    } else if (status.lastSuccess() != null) {
      builder = Health.up();
    } else {
      builder = Health.unknown();
    }
    if (status.lastSuccess() != null) {
      builder.withDetail("lastSuccess", status.lastSuccess().toString());
    }
    return builder.build();
  }

  @Override
  public HealthContributor getContributor(String name) {
    return members().get(name);
  }

  @Override
  public Iterator<NamedContributor<HealthContributor>> iterator() {
    return members().entrySet().stream()
        .map(e -> NamedContributor.of(e.getKey(), e.getValue()))
        .iterator();
  }
}
