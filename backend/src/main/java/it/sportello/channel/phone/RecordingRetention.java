package it.sportello.channel.phone;

import it.sportello.shared.RetentionTask;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes call recordings past their retention period ({@code
 * sportello.retention.periods.recordings}, 180 days), each with an entry in the phone audit trail,
 * in batches: one kind of the nightly retention job, which gives the cut-off. Rows are locked and
 * skipped, so each recording is deleted and audited once even if two runs overlapped.
 */
@Component
public class RecordingRetention implements RetentionTask {

  static final String ACTOR = "retention-job";
  private static final int BATCH = 200;

  private final PhoneTables tables;
  private final JdbcTemplate jdbc;
  private final TransactionTemplate transactions;
  private final Clock clock;

  RecordingRetention(
      PhoneTables tables,
      JdbcTemplate jdbc,
      PlatformTransactionManager transactionManager,
      Clock clock) {
    this.tables = tables;
    this.jdbc = jdbc;
    this.transactions = new TransactionTemplate(transactionManager);
    this.clock = clock;
  }

  @Override
  public String kind() {
    return "recordings";
  }

  @Override
  public Action action() {
    return Action.DELETE;
  }

  @Override
  public Preview preview(Instant cutoff) {
    return Preview.olderThan(jdbc, "sportello.phone_recording", "recorded_at", cutoff);
  }

  @Override
  public int purgeBatch(Instant cutoff, int batchSize) {
    Instant now = clock.instant();
    long days = Duration.between(cutoff, now).toDays();
    Integer deleted =
        transactions.execute(
            status -> {
              var expired = tables.recordingsBefore(cutoff, batchSize);
              for (var recording : expired) {
                tables.deleteRecording(recording.id());
                tables.audit(
                    ACTOR,
                    "RECORDING_DELETED",
                    "PHONE_RECORDING",
                    recording.reference(),
                    "Registrazione "
                        + recording.id()
                        + " del "
                        + recording.recordedAt()
                        + " cancellata: conservazione di "
                        + days
                        + " giorni scaduta",
                    now);
              }
              return expired.size();
            });
    return deleted == null ? 0 : deleted;
  }

  /** Deletes every recording older than {@code retention}; how many (tests, one kind alone). */
  public int deleteExpired(Duration retention) {
    Instant cutoff = clock.instant().minus(retention);
    int total = 0;
    int deleted;
    do {
      deleted = purgeBatch(cutoff, BATCH);
      total += deleted;
    } while (deleted == BATCH);
    return total;
  }
}
