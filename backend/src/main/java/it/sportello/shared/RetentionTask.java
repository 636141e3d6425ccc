package it.sportello.shared;

import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.RowMapper;

/**
 * One kind of data with a retention period (issue 25 item 4), contributed by the module that owns
 * it and run by the retention job: what the next run would remove before a cut-off, and one bounded
 * batch of the removal. The job gives the cut-off (now minus the kind's configured period); each
 * batch is a transaction of its own, so a run stopped half-way resumes where it stopped.
 */
public interface RetentionTask {

  /** What happens to an item past its period. */
  enum Action {
    DELETE,
    ANONYMISE,
    /** Never removed by the job (reported only). */
    KEEP,
    /** Removed by the process engine's own history cleanup (reported only). */
    ENGINE
  }

  /** What a run with this cut-off would remove: how many items, the oldest one's date. */
  record Preview(long count, Instant oldest) {
    public static final Preview NONE = new Preview(0, null);

    /** A row of {@code select count(*), min(<date>) ...}. */
    public static final RowMapper<Preview> COUNT_AND_OLDEST =
        (rs, row) ->
            new Preview(
                rs.getLong(1), rs.getTimestamp(2) == null ? null : rs.getTimestamp(2).toInstant());

    /**
     * The rows of {@code table} whose {@code column} (a timestamp of this code's choosing, never
     * input) is before the cut-off: how many, and the oldest.
     */
    public static Preview olderThan(
        JdbcOperations jdbc, String table, String column, Instant cutoff) {
      return jdbc.queryForObject(
          "select count(*), min(" + column + ") from " + table + " where " + column + " < ?",
          COUNT_AND_OLDEST,
          Timestamp.from(cutoff));
    }
  }

  /** The kind's key: its period is {@code sportello.retention.periods.<kind>}. */
  String kind();

  Action action();

  Preview preview(Instant cutoff);

  /**
   * Removes at most {@code batchSize} items older than the cut-off, in one transaction; how many.
   */
  int purgeBatch(Instant cutoff, int batchSize);
}
