package it.sportello.channel.mail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.media.Schema;
import it.sportello.channel.mail.InboundMessageTable.Identity;
import it.sportello.channel.mail.MailPort.HeldMessage;
import it.sportello.channel.mail.MailPort.MailboxSession;
import it.sportello.shared.DbText;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Once a day, compares what each receiving mailbox's server holds (the headers of the messages of
 * the last {@code lookback}) with our {@code inbound_message} rows, and reports the messages we
 * have no row for: marked as read by someone in a mail client before we fetched them, or lost on
 * the way. A message is recognised by the key we give it (its Message-ID) or by the hash of its
 * headers without the transport headers ({@link MessageFingerprint}), for messages without a
 * Message-ID. The report is logged at WARN and kept ({@code mail_reconciliation}), the latest per
 * mailbox shown to supervisors.
 */
@Service
public class MailReconciliation {

  private static final Logger log = LoggerFactory.getLogger(MailReconciliation.class);
  private static final Session SESSION = Session.getInstance(new Properties());
  private static final int BATCH = 500;

  /** At most this many missing messages are kept in a report; the count is always complete. */
  static final int MAX_LISTED = 1000;

  /**
   * A message the server holds that we have no row for.
   *
   * @param messageId its Message-ID, null when it has none
   * @param headerHash the hash of its headers without the transport headers
   * @param seen whether it is marked as seen on the server (by us, or by someone in a mail client)
   */
  public record Missing(
      long uid,
      String messageId,
      String headerHash,
      long size,
      Instant receivedAt,
      boolean seen,
      String sender,
      String subject) {}

  /**
   * One mailbox's reconciliation.
   *
   * @param held how many messages of the period the server holds
   * @param missingCount how many of them we have no row for
   * @param missing those messages (at most 1000)
   * @param error why the server could not be read, null when it could
   */
  @Schema(name = "MailReconciliationReport")
  public record Report(
      String mailboxId,
      Instant checkedAt,
      int held,
      int missingCount,
      List<Missing> missing,
      String error) {}

  private final Mailboxes mailboxes;
  private final MailPort port;
  private final InboundMessageTable messages;
  private final MailProperties mailProperties;
  private final MailReconciliationProperties properties;
  private final JdbcTemplate jdbc;
  private final ObjectMapper json;
  private final Clock clock;

  MailReconciliation(
      Mailboxes mailboxes,
      MailPort port,
      InboundMessageTable messages,
      MailProperties mailProperties,
      MailReconciliationProperties properties,
      JdbcTemplate jdbc,
      ObjectMapper json,
      Clock clock) {
    this.mailboxes = mailboxes;
    this.port = port;
    this.messages = messages;
    this.mailProperties = mailProperties;
    this.properties = properties;
    this.jdbc = jdbc;
    this.json = json;
    this.clock = clock;
  }

  @Scheduled(cron = "${sportello.mail.reconciliation.cron:0 30 6 * * *}")
  void scheduled() {
    if (mailProperties.polling().enabled()) {
      reconcileAll();
    }
  }

  /** Reconciles every receiving mailbox now, with the configured grace period. */
  public List<Report> reconcileAll() {
    List<Report> reports = new ArrayList<>();
    for (Mailbox mailbox : mailboxes.all()) {
      if (mailbox.receives()) {
        reports.add(reconcile(mailbox, properties.grace()));
      }
    }
    return reports;
  }

  /**
   * Reconciles the mailbox now: messages younger than {@code grace} are not reported (the next poll
   * takes them in). The report is kept and returned; a server that cannot be read gives a report
   * with the error.
   */
  public Report reconcile(Mailbox mailbox, Duration grace) {
    Instant now = clock.instant();
    Report report;
    try (MailboxSession session = port.open(mailbox)) {
      List<HeldMessage> held = session.held(now.minus(properties.lookback()));
      Instant youngest = now.minus(grace);
      List<Missing> missing = new ArrayList<>();
      for (int from = 0; from < held.size(); from += BATCH) {
        missing.addAll(
            missing(mailbox, held.subList(from, Math.min(held.size(), from + BATCH)), youngest));
      }
      report =
          new Report(
              mailbox.id(),
              now,
              held.size(),
              missing.size(),
              List.copyOf(missing.subList(0, Math.min(missing.size(), MAX_LISTED))),
              null);
    } catch (RuntimeException e) {
      String reason = MaskedAddresses.maskAll(reason(e));
      log.warn("Reconciling mailbox {} failed: {}", mailbox.id(), reason);
      log.debug("Reconciling mailbox {} failed", mailbox.id(), e);
      report = new Report(mailbox.id(), now, 0, 0, List.of(), DbText.bounded(reason, 2000));
    }
    if (report.missingCount() > 0) {
      log.warn(
          "Mailbox {}: {} of the {} messages on the server have not been taken in (uids {})",
          mailbox.id(),
          report.missingCount(),
          report.held(),
          report.missing().stream().limit(20).map(Missing::uid).toList());
    } else if (report.error() == null) {
      log.info(
          "Mailbox {}: the {} messages on the server are accounted for",
          mailbox.id(),
          report.held());
    }
    save(report);
    return report;
  }

  /** The latest report of each mailbox. */
  public List<Report> latest() {
    return jdbc.query(
        """
        select distinct on (mailbox_id) mailbox_id, checked_at, held, missing_count, missing, error
        from sportello.mail_reconciliation order by mailbox_id, checked_at desc, id desc""",
        (rs, n) -> {
          List<Missing> missing = read(rs.getString("missing"));
          return new Report(
              rs.getString("mailbox_id"),
              rs.getTimestamp("checked_at").toInstant(),
              rs.getInt("held"),
              rs.getInt("missing_count"),
              missing,
              rs.getString("error"));
        });
  }

  private List<Missing> missing(Mailbox mailbox, List<HeldMessage> held, Instant youngest) {
    List<String> keys = new ArrayList<>();
    List<String> hashes = new ArrayList<>();
    List<MessageFingerprint> fingerprints = new ArrayList<>();
    for (HeldMessage message : held) {
      MessageFingerprint fingerprint = MessageFingerprint.of(message.headers());
      fingerprints.add(fingerprint);
      keys.add(InboundMail.keyOf(message.headers(), fingerprint));
      keys.add("imap-uid:" + message.uid() + ":" + message.size());
      hashes.add(fingerprint.headerHash());
    }
    Set<String> knownKeys = new HashSet<>();
    Set<String> knownHashes = new HashSet<>();
    for (Identity identity : messages.known(mailbox.id(), keys, hashes)) {
      knownKeys.add(identity.messageKey());
      if (identity.headerHash() != null) {
        knownHashes.add(identity.headerHash());
      }
    }
    List<Missing> missing = new ArrayList<>();
    for (int i = 0; i < held.size(); i++) {
      HeldMessage message = held.get(i);
      MessageFingerprint fingerprint = fingerprints.get(i);
      boolean known =
          knownKeys.contains(keys.get(2 * i))
              || knownKeys.contains(keys.get(2 * i + 1))
              || knownHashes.contains(fingerprint.headerHash());
      boolean young = message.receivedAt() != null && message.receivedAt().isAfter(youngest);
      if (!known && !young) {
        missing.add(describe(message, fingerprint));
      }
    }
    return missing;
  }

  private static Missing describe(HeldMessage message, MessageFingerprint fingerprint) {
    String messageId = null;
    String sender = null;
    String subject = null;
    try {
      MimeMessage headers = new MimeMessage(SESSION, new ByteArrayInputStream(message.headers()));
      messageId = MailClassifier.messageId(headers);
      sender = MailClassifier.from(headers).map(InternetAddress::getAddress).orElse(null);
      subject = headers.getSubject();
    } catch (MessagingException | RuntimeException e) {
      // shown by its uid and hash only
    }
    return new Missing(
        message.uid(),
        DbText.bounded(messageId, 1000),
        fingerprint.headerHash(),
        message.size(),
        message.receivedAt(),
        message.seen(),
        DbText.bounded(sender, 320),
        DbText.bounded(subject, 1000));
  }

  private void save(Report report) {
    try {
      jdbc.update(
          """
          insert into sportello.mail_reconciliation (mailbox_id, checked_at, held, missing_count,
              missing, error)
          values (?, ?, ?, ?, ?::jsonb, ?)""",
          report.mailboxId(),
          Timestamp.from(report.checkedAt()),
          report.held(),
          report.missingCount(),
          json.writeValueAsString(report.missing()),
          report.error());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private List<Missing> read(String missing) {
    try {
      return json.readValue(missing, new TypeReference<List<Missing>>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The failure and its causes, which say what the server answered. */
  private static String reason(Throwable failure) {
    StringBuilder reason = new StringBuilder();
    for (Throwable t = failure; t != null && reason.length() < 2000; t = t.getCause()) {
      reason.append(reason.isEmpty() ? "" : " — caused by: ").append(t.getClass().getSimpleName());
      if (t.getMessage() != null) {
        reason.append(": ").append(t.getMessage());
      }
    }
    return reason.toString();
  }
}
