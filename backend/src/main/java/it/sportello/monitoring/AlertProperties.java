package it.sportello.monitoring;

import jakarta.validation.constraints.Min;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Outage and degradation alerts.
 *
 * @param schedule check on a schedule (tests check explicitly)
 * @param checkInterval how often every dependency is checked
 * @param graceChecks how many checks in a row must agree before a change is announced: with 2 and a
 *     1-minute interval, an outage is told within 2 to 3 minutes (the contract allows 10), and a
 *     blip of one failed check is never told
 * @param contacts e-mail addresses told of every change (SPORTELLO_ALERTS_CONTACTS,
 *     comma-separated)
 * @param ignored health indicators not watched ({@code ping} answers always)
 * @param nodeLocal indicators (or composites, e.g. {@code mailboxes}) that say something about this
 *     node only: each node watches its own, named {@code <indicator>@<node>}; every other indicator
 *     is watched by one node at a time (the lease {@code dependency-watcher})
 * @param node this node's name in the dependencies it names and in the lease (default: the JVM's
 *     {@code pid@host})
 * @param appIoContacts fiscal codes told through App IO as well (when its port is enabled;
 *     SPORTELLO_ALERTS_APP_IO_CONTACTS)
 * @param smsContacts phone numbers told by SMS as well (when its port is enabled;
 *     SPORTELLO_ALERTS_SMS_CONTACTS)
 */
@Validated
@ConfigurationProperties("sportello.alerts")
public record AlertProperties(
    @DefaultValue("true") boolean schedule,
    @DefaultValue("1m") Duration checkInterval,
    @Min(1) @DefaultValue("2") int graceChecks,
    @DefaultValue List<String> contacts,
    @DefaultValue("ping") List<String> ignored,
    @DefaultValue({"diskSpace", "mailboxes", "livenessState", "readinessState"})
        List<String> nodeLocal,
    String node,
    @DefaultValue List<String> appIoContacts,
    @DefaultValue List<String> smsContacts) {

  public AlertProperties {
    if (node == null || node.isBlank()) {
      node = java.lang.management.ManagementFactory.getRuntimeMXBean().getName();
    }
  }
}
