package it.sportello.channel.phone;

import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes call recordings older than {@code sportello.phone.recordings.retention} (180 days), each
 * with an entry in the phone audit trail, in batches; nightly at {@code
 * sportello.phone.recordings.cleanup-cron}. Several nodes may run it at once: rows are locked and
 * skipped, so each recording is deleted and audited once.
 */
@Component
public class RecordingRetention {

  static final String ACTOR = "retention-job";
  private static final int BATCH = 200;
  private static final Logger log = LoggerFactory.getLogger(RecordingRetention.class);

  private final PhoneTables tables;
  private final PhoneProperties properties;
  private final TransactionTemplate transactions;
  private final Clock clock;

  RecordingRetention(
      PhoneTables tables,
      PhoneProperties properties,
      PlatformTransactionManager transactionManager,
      Clock clock) {
    this.tables = tables;
    this.properties = properties;
    this.transactions = new TransactionTemplate(transactionManager);
    this.clock = clock;
  }

  @Scheduled(cron = "${sportello.phone.recordings.cleanup-cron:0 30 2 * * *}")
  void scheduled() {
    int deleted = deleteExpired();
    if (deleted > 0) {
      log.info("Deleted {} call recordings past their retention period", deleted);
    }
  }

  /** Deletes the recordings past the retention period; how many. */
  public int deleteExpired() {
    Instant now = clock.instant();
    Instant before = now.minus(properties.recordings().retention());
    int total = 0;
    while (true) {
      Integer deleted =
          transactions.execute(
              status -> {
                var expired = tables.recordingsBefore(before, BATCH);
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
                          + properties.recordings().retention().toDays()
                          + " giorni scaduta",
                      now);
                }
                return expired.size();
              });
      total += deleted;
      if (deleted < BATCH) {
        return total;
      }
    }
  }
}
