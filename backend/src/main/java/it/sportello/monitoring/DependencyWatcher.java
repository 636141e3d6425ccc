package it.sportello.monitoring;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.health.CompositeHealthContributor;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthContributor;
import org.springframework.boot.actuate.health.HealthContributorRegistry;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.NamedContributor;
import org.springframework.boot.actuate.health.Status;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Checks every health indicator (each member of a composite, e.g. {@code mailboxes/demo}) at every
 * {@code sportello.alerts.check-interval}; a dependency whose state differs from its last recorded
 * one for {@code grace-checks} checks in a row gets a recorded change ({@code
 * dependency_state_change}) and one alert per channel, in the same transaction.
 *
 * <p>Cluster-safe: the shared dependencies (PostgreSQL, the search engine, the telephony platform,
 * the job executor) are judged by one node at a time, the holder of the lease {@code
 * dependency-watcher} in {@code job_lock} (renewed at every check, taken over by another node when
 * its holder stops checking for three intervals); node-local indicators ({@code
 * sportello.alerts.node-local}: disk space, each mailbox's polls) are judged by their own node and
 * named after it ({@code mailboxes/demo@node-a}), so that two nodes' views never alternate under
 * one name. The checks counted towards the grace live in {@code dependency_watch}, one row per
 * dependency locked while it is judged: a new lease holder goes on counting where the last one
 * stopped. The change's key (dependency, previous change) is unique as a last guard.
 *
 * <p>{@code UNKNOWN} (e.g. a mailbox not polled yet) changes nothing; {@code OUT_OF_SERVICE} counts
 * as down. The gauges {@code sportello.dependency.up} (1 up, 0 down or degraded) and {@code
 * sportello.dependency.degraded} follow this node's last check.
 */
@Component
public class DependencyWatcher {

  private static final Logger log = LoggerFactory.getLogger(DependencyWatcher.class);
  static final String UP = "UP";
  static final String DOWN = "DOWN";
  static final String DEGRADED = "DEGRADED";

  static final String LEASE = "dependency-watcher";

  private record Recorded(long id, String status) {}

  private record Pending(String status, int checks, Instant since, String details) {}

  private final HealthContributorRegistry registry;
  private final AlertProperties properties;
  private final List<AlertChannel> channels;
  private final JdbcTemplate jdbc;
  private final TransactionTemplate transactions;
  private final Clock clock;
  private final MeterRegistry meters;
  private final Map<String, Pending> pending = new ConcurrentHashMap<>();
  private final Map<String, String> known = new ConcurrentHashMap<>();
  private final Map<String, String> unrecorded = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> up = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> degraded = new ConcurrentHashMap<>();

  DependencyWatcher(
      HealthContributorRegistry registry,
      AlertProperties properties,
      List<AlertChannel> channels,
      JdbcTemplate jdbc,
      PlatformTransactionManager transactionManager,
      Clock clock,
      MeterRegistry meters) {
    this.registry = registry;
    this.properties = properties;
    this.channels = channels;
    this.jdbc = jdbc;
    this.transactions = new TransactionTemplate(transactionManager);
    this.clock = clock;
    this.meters = meters;
  }

  @Scheduled(
      fixedDelayString = "${sportello.alerts.check-interval:1m}",
      initialDelayString = "${sportello.alerts.check-interval:1m}")
  void scheduled() {
    if (properties.schedule()) {
      check();
    }
  }

  /**
   * Checks every dependency once.
   *
   * @return the alerts recorded by this check
   */
  public List<Alert> check() {
    Map<String, Health> now = observe();
    boolean leader = holdLease();
    List<Alert> alerts = new ArrayList<>();
    now.forEach(
        (dependency, health) -> {
          String status = normalise(health.getStatus());
          gauge(dependency, status);
          if (status == null || (!leader && !dependency.contains("@"))) {
            return;
          }
          try {
            Alert alert = consider(dependency, status, health);
            if (alert != null) {
              alerts.add(alert);
            }
          } catch (RuntimeException e) {
            log.warn("Could not record the state of {}: {}", dependency, e.getMessage());
          }
        });
    return alerts;
  }

  /**
   * Every indicator's health by path, composites flattened, node-local ones suffixed with
   * {@code @<node>}; an indicator that throws is down.
   */
  Map<String, Health> observe() {
    Map<String, Health> result = new LinkedHashMap<>();
    for (NamedContributor<HealthContributor> named : registry) {
      if (!properties.ignored().contains(named.getName())) {
        Map<String, Health> found = new LinkedHashMap<>();
        collect(named.getName(), named.getContributor(), found);
        boolean local = properties.nodeLocal().contains(named.getName());
        found.forEach((path, health) -> result.put(local ? path + "@" + node() : path, health));
      }
    }
    return result;
  }

  String node() {
    return properties.node();
  }

  /**
   * Takes or renews the lease of the shared dependencies' judgement for three check intervals.
   * Without the database nobody can hold it: every node then tells what it sees, directly.
   */
  private boolean holdLease() {
    Instant now = clock.instant();
    Instant until = now.plus(properties.checkInterval().multipliedBy(3));
    try {
      return Boolean.TRUE.equals(
          transactions.execute(
              tx -> {
                jdbc.update(
                    "insert into sportello.job_lock (name, locked_by, locked_at, locked_until)"
                        + " values (?, ?, ?, ?) on conflict (name) do nothing",
                    LEASE,
                    "",
                    java.sql.Timestamp.from(Instant.EPOCH),
                    java.sql.Timestamp.from(Instant.EPOCH));
                return jdbc.update(
                        "update sportello.job_lock set locked_by = ?, locked_at = case when"
                            + " locked_by = ? then locked_at else ? end, locked_until = ?"
                            + " where name = ? and (locked_by = ? or locked_until <= ?)",
                        node(),
                        node(),
                        java.sql.Timestamp.from(now),
                        java.sql.Timestamp.from(until),
                        LEASE,
                        node(),
                        java.sql.Timestamp.from(now))
                    == 1;
              }));
    } catch (DataAccessException | TransactionException databaseDown) {
      return true;
    }
  }

  private static void collect(
      String path, HealthContributor contributor, Map<String, Health> into) {
    if (contributor instanceof HealthIndicator indicator) {
      Health health;
      try {
        health = indicator.health();
      } catch (RuntimeException e) {
        health = Health.down(e).build();
      }
      into.put(path, health);
    } else if (contributor instanceof CompositeHealthContributor composite) {
      for (NamedContributor<HealthContributor> member : composite) {
        collect(path + "/" + member.getName(), member.getContributor(), into);
      }
    }
  }

  private static String normalise(Status status) {
    String code = status.getCode();
    if (Status.UNKNOWN.getCode().equals(code)) {
      return null;
    }
    if (Status.OUT_OF_SERVICE.getCode().equals(code)) {
      return DOWN;
    }
    return code;
  }

  private Alert consider(String dependency, String status, Health health) {
    try {
      return transactions.execute(tx -> considerRecorded(dependency, status, health));
    } catch (DuplicateKeyException anotherNodeWasFirst) {
      return null;
    } catch (DataAccessException | TransactionException databaseDown) {
      return considerUnrecorded(dependency, status, health);
    }
  }

  /**
   * The usual case: the dependency's row in {@code dependency_watch} locked, the checks towards the
   * grace counted there, the change recorded and told when they are enough.
   */
  private Alert considerRecorded(String dependency, String status, Health health) {
    Instant now = clock.instant();
    jdbc.update(
        "insert into sportello.dependency_watch (dependency, checked_at, checked_by)"
            + " values (?, ?, ?) on conflict (dependency) do nothing",
        dependency,
        java.sql.Timestamp.from(now),
        node());
    Pending before =
        jdbc.queryForObject(
            "select pending_status, pending_checks, pending_since, pending_details"
                + " from sportello.dependency_watch where dependency = ? for update",
            (rs, n) ->
                rs.getString(1) == null
                    ? null
                    : new Pending(
                        rs.getString(1),
                        rs.getInt(2),
                        rs.getTimestamp(3).toInstant(),
                        rs.getString(4)),
            dependency);
    Recorded last = last(dependency);
    known.put(dependency, last == null ? UP : last.status());
    pending.remove(dependency);
    String current = unrecorded.getOrDefault(dependency, known.get(dependency));
    Pending seen =
        current.equals(status)
            ? null
            : before == null || !before.status().equals(status)
                ? new Pending(status, 1, now, details(health))
                : new Pending(status, before.checks() + 1, before.since(), details(health));
    boolean confirmed = seen != null && seen.checks() >= properties.graceChecks();
    Pending stays = confirmed ? null : seen;
    jdbc.update(
        "update sportello.dependency_watch set pending_status = ?, pending_checks = ?,"
            + " pending_since = ?, pending_details = ?, checked_at = ?, checked_by = ?"
            + " where dependency = ?",
        stays == null ? null : stays.status(),
        stays == null ? 0 : stays.checks(),
        stays == null ? null : java.sql.Timestamp.from(stays.since()),
        stays == null ? null : stays.details(),
        java.sql.Timestamp.from(now),
        node(),
        dependency);
    if (!confirmed) {
      return null;
    }
    Alert alert = record(dependency, current, seen, last == null ? 0 : last.id());
    unrecorded.remove(dependency);
    known.put(dependency, seen.status());
    return alert;
  }

  /** PostgreSQL does not answer: the grace counted in memory, the change told directly. */
  private Alert considerUnrecorded(String dependency, String status, Health health) {
    String current = unrecorded.getOrDefault(dependency, known.getOrDefault(dependency, UP));
    if (current.equals(status)) {
      pending.remove(dependency);
      return null;
    }
    Pending seen =
        pending.compute(
            dependency,
            (d, p) ->
                p == null || !p.status().equals(status)
                    ? new Pending(status, 1, clock.instant(), details(health))
                    : new Pending(status, p.checks() + 1, p.since(), details(health)));
    if (seen.checks() < properties.graceChecks()) {
      return null;
    }
    pending.remove(dependency);
    return withoutDatabase(dependency, current, seen);
  }

  /**
   * PostgreSQL is down (the change, and the outbox, cannot be written): each channel tells the
   * contacts directly, once per change on this node; the change is remembered in memory, so that
   * the recovery is recorded and told as usual once the database answers again.
   */
  private Alert withoutDatabase(String dependency, String previous, Pending seen) {
    Alert alert =
        new Alert(
            dependency,
            seen.status(),
            previous,
            seen.since(),
            seen.details(),
            dependency + "#unrecorded-" + seen.since().toEpochMilli());
    log.error(
        "Dependency {} is {} and the change cannot be recorded: {}",
        dependency,
        seen.status(),
        seen.details());
    unrecorded.put(dependency, seen.status());
    if (!properties.contacts().isEmpty()) {
      for (AlertChannel channel : channels) {
        if (!channel.tellsWithoutDatabase()) {
          continue;
        }
        if (!channel.sendWithoutDatabase(alert, properties.contacts())) {
          log.error(
              "Alert channel {} could not tell the contacts of {}", channel.name(), alert.key());
        }
      }
    }
    return alert;
  }

  private Alert record(String dependency, String previous, Pending seen, long follows) {
    Instant now = clock.instant();
    String channelNames =
        channels.stream()
            .filter(channel -> channel.tellsAnyone(properties.contacts()))
            .map(AlertChannel::name)
            .collect(Collectors.joining(","));
    Long id =
        jdbc.queryForObject(
            """
            insert into sportello.dependency_state_change
                (dependency, status, previous, follows_id, observed_at, recorded_at, details, channels, alert_key)
            values (?, ?, ?, ?, ?, ?, ?, ?, '')
            returning id""",
            Long.class,
            dependency,
            seen.status(),
            previous,
            follows,
            java.sql.Timestamp.from(seen.since()),
            java.sql.Timestamp.from(now),
            seen.details(),
            channelNames);
    String key = dependency + "#" + id;
    jdbc.update("update sportello.dependency_state_change set alert_key = ? where id = ?", key, id);
    Alert alert = new Alert(dependency, seen.status(), previous, seen.since(), seen.details(), key);
    if (alert.recovery()) {
      log.warn("Dependency {} recovered (was {})", dependency, previous);
    } else {
      log.error("Dependency {} is {}: {}", dependency, seen.status(), seen.details());
    }
    for (AlertChannel channel : channels) {
      if (channel.tellsAnyone(properties.contacts())) {
        channel.send(alert, properties.contacts());
      }
    }
    return alert;
  }

  private Recorded last(String dependency) {
    return jdbc
        .query(
            "select id, status from sportello.dependency_state_change where dependency = ? order by id desc limit 1",
            (rs, n) -> new Recorded(rs.getLong(1), rs.getString(2)),
            dependency)
        .stream()
        .findFirst()
        .orElse(null);
  }

  /** The indicator's details as one line, at most 1,000 characters. */
  private static String details(Health health) {
    String text =
        health.getDetails().entrySet().stream()
            .map(e -> e.getKey() + ": " + e.getValue())
            .collect(Collectors.joining("; "));
    return text.length() <= 1000 ? text : text.substring(0, 999) + "…";
  }

  private void gauge(String dependency, String status) {
    up.computeIfAbsent(
            dependency,
            d -> {
              AtomicInteger value = new AtomicInteger(1);
              Gauge.builder("sportello.dependency.up", value, AtomicInteger::get)
                  .description("1 when the dependency answered normally at the last check, else 0")
                  .tag("dependency", d)
                  .register(meters);
              return value;
            })
        .set(status == null || UP.equals(status) ? 1 : 0);
    degraded
        .computeIfAbsent(
            dependency,
            d -> {
              AtomicInteger value = new AtomicInteger(0);
              Gauge.builder("sportello.dependency.degraded", value, AtomicInteger::get)
                  .description("1 when the dependency was degraded at the last check")
                  .tag("dependency", d)
                  .register(meters);
              return value;
            })
        .set(DEGRADED.equals(status) ? 1 : 0);
  }
}
