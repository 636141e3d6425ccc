package it.sportello.audit;

import it.sportello.audit.AuditLog.Verification;
import it.sportello.notification.AppNotificationKind;
import it.sportello.notification.InAppNotifications;
import it.sportello.notification.Recipient;
import it.sportello.platform.security.Role;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Verifies the audit chain every night (at {@code sportello.audit.verify-cron} in the service
 * calendar's zone); a broken chain is logged as an error and notified to the administrators, once
 * per first bad row. An intact chain is logged with its row count and last hash, so that the log
 * itself keeps an outside anchor of the chain's end.
 */
@Component
class AuditChainWatch {

  private static final Logger log = LoggerFactory.getLogger(AuditChainWatch.class);

  private final AuditLog audit;
  private final InAppNotifications notifications;

  AuditChainWatch(AuditLog audit, InAppNotifications notifications) {
    this.audit = audit;
    this.notifications = notifications;
  }

  @Scheduled(
      cron = "${sportello.audit.verify-cron:0 15 3 * * *}",
      zone = "${sportello.sla.calendar.zone}")
  void nightly() {
    check();
  }

  /** Verifies the chain now; alerts when it is broken. */
  Verification check() {
    Verification verification = audit.verify();
    if (verification.intact()) {
      log.info("Audit chain intact: {} rows", verification.rows());
      return verification;
    }
    log.error(
        "AUDIT CHAIN BROKEN at row {}: {} ({} rows intact before it)",
        verification.firstBadSeq(),
        verification.problem(),
        verification.rows());
    notifications.publish(
        "audit-chain-broken:" + verification.firstBadSeq(),
        AppNotificationKind.AUDIT_CHAIN_BROKEN,
        "",
        Map.of("seq", String.valueOf(verification.firstBadSeq())),
        List.of(Recipient.group(Role.ADMIN.groupId())));
    return verification;
  }
}
