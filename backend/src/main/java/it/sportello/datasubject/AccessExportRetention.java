package it.sportello.datasubject;

import it.sportello.shared.RetentionTask;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Access exports (zip files under {@code sportello.data-subjects.export-directory}) are deleted
 * {@code sportello.retention.periods.access-exports} after they were produced: the person has had
 * them, and a copy of everything about them should not lie about. One kind of the nightly retention
 * job: rows in batches (locked, skipped by a second run), their files after the batch's commit. The
 * request itself stays, with what the archive held.
 */
@Component
class AccessExportRetention implements RetentionTask {

  private final NamedParameterJdbcTemplate jdbc;
  private final TransactionTemplate transactions;
  private final DataSubjectRequests requests;

  AccessExportRetention(
      NamedParameterJdbcTemplate jdbc,
      PlatformTransactionManager transactionManager,
      DataSubjectRequests requests) {
    this.jdbc = jdbc;
    this.transactions = new TransactionTemplate(transactionManager);
    this.requests = requests;
  }

  @Override
  public String kind() {
    return "access-exports";
  }

  @Override
  public Action action() {
    return Action.DELETE;
  }

  @Override
  public Preview preview(Instant cutoff) {
    return Preview.olderThan(
        jdbc.getJdbcOperations(), "sportello.data_subject_export", "created_at", cutoff);
  }

  @Override
  public int purgeBatch(Instant cutoff, int batchSize) {
    List<String> files =
        transactions.execute(
            status -> {
              List<Map<String, Object>> expired =
                  jdbc.queryForList(
                      "select request_id, coalesce(file_name, '') as file_name"
                          + " from sportello.data_subject_export where created_at < :cutoff"
                          + " order by created_at limit :limit for update skip locked",
                      new MapSqlParameterSource("cutoff", Timestamp.from(cutoff))
                          .addValue("limit", batchSize));
              if (expired.isEmpty()) {
                return List.<String>of();
              }
              jdbc.update(
                  "delete from sportello.data_subject_export where request_id in (:ids)",
                  Map.of("ids", expired.stream().map(row -> row.get("request_id")).toList()));
              return expired.stream().map(row -> (String) row.get("file_name")).toList();
            });
    if (files == null) {
      return 0;
    }
    files.stream().filter(name -> !name.isEmpty()).forEach(requests::deleteExportFile);
    return files.size();
  }
}
