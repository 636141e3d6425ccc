package it.sportello.ticket.application;

import it.sportello.notification.AppNotificationKind;
import it.sportello.sla.SlaProperties;
import it.sportello.sla.SlaService;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Notices tickets whose deadline has become at risk in the SLA module's sense (the policy's at-risk
 * share of the working window used, as {@link SlaService#state} counts it) and tells whoever works
 * them and the supervisors, once per deadline. Safe on every node at once: the notification of one
 * deadline is written once whoever finds it.
 */
@Component
public class SlaRiskWatch {

  private static final int BATCH = 500;

  private final JdbcTemplate jdbc;
  private final SlaService sla;
  private final TicketAwareness awareness;
  private final Clock clock;

  SlaRiskWatch(JdbcTemplate jdbc, SlaService sla, TicketAwareness awareness, Clock clock) {
    this.jdbc = jdbc;
    this.sla = sla;
    this.awareness = awareness;
    this.clock = clock;
  }

  @Scheduled(
      fixedDelayString = "${sportello.notifications.at-risk-scan-every:PT1M}",
      initialDelayString = "${sportello.notifications.at-risk-scan-every:PT1M}")
  void scheduledScan() {
    scan();
  }

  /**
   * Notifies the deadlines at risk now and not yet notified. @return how many deadlines were
   * notified now
   */
  @Transactional
  public int scan() {
    Instant now = clock.instant();
    int found = 0;
    List<String> policies =
        jdbc.queryForList(
            "select distinct sla_policy from sportello.ticket"
                + " where closed_at is null and sla_policy is not null",
            String.class);
    for (String policy : policies) {
      if (!sla.hasPolicy(policy)) {
        continue;
      }
      SlaProperties.Policy targets = sla.policy(policy);
      found +=
          notify(
              policy,
              "take_in_charge",
              "taken_in_charge_at",
              now,
              sla.atRiskHorizon(targets.takeInCharge(), now),
              AppNotificationKind.TAKE_IN_CHARGE_AT_RISK);
      found +=
          notify(
              policy,
              "resolution",
              "resolved_at",
              now,
              sla.atRiskHorizon(targets.resolution(), now),
              AppNotificationKind.RESOLUTION_AT_RISK);
    }
    return found;
  }

  private int notify(
      String policy,
      String target,
      String reachedColumn,
      Instant now,
      Instant horizon,
      AppNotificationKind kind) {
    List<DueTicket> due =
        jdbc.query(
            "select number, "
                + target
                + "_due_at from sportello.ticket where closed_at is null and sla_paused_at is null"
                + " and sla_policy = ? and "
                + reachedColumn
                + " is null and not "
                + target
                + "_breached and "
                + target
                + "_due_at > ? and "
                + target
                + "_due_at <= ?"
                // the deadlines notified already are not picked again: beyond a batch of them,
                // the others would wait for ever
                + " and not exists (select 1 from sportello.app_notification n where n.dedup_key ="
                + " number || ':"
                + kind.name()
                + ":' || floor(extract(epoch from "
                + target
                + "_due_at) * 1000)::bigint)"
                + " order by "
                + target
                + "_due_at limit "
                + BATCH,
            (rs, row) -> new DueTicket(rs.getString(1), rs.getTimestamp(2).toInstant()),
            policy,
            Timestamp.from(now),
            Timestamp.from(horizon));
    due.forEach(ticket -> awareness.atRisk(ticket.number(), kind, ticket.dueAt()));
    return due.size();
  }

  private record DueTicket(String number, Instant dueAt) {}
}
