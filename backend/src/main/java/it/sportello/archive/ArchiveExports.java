package it.sportello.archive;

import com.fasterxml.jackson.databind.ObjectMapper;
import it.sportello.audit.AuditEntry;
import it.sportello.audit.AuditLog;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Full exports in the background, one at a time per node (each reads the whole schema): an
 * administrator asks, the archive is written under {@code sportello.archive.directory}; the job
 * (state, progress, file, who asked) is kept in {@code archive_export_job}, so that it survives a
 * restart and every node answers about it. A job whose node stopped while it was queued or running
 * is reported FAILED once it has been silent for {@code sportello.archive.stale-after}. Each
 * request and each download is audited.
 */
@Service
public class ArchiveExports implements DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(ArchiveExports.class);
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

  /** A job's state. */
  public enum State {
    QUEUED,
    RUNNING,
    DONE,
    FAILED
  }

  /**
   * An export.
   *
   * @param tablesDone tables written so far (progress)
   * @param manifest what the archive holds, when done
   */
  public record Job(
      String id,
      State state,
      String requestedBy,
      Instant requestedAt,
      Instant finishedAt,
      long tablesDone,
      String fileName,
      Long size,
      String error,
      ArchiveManifest manifest) {}

  private static final String NODE =
      java.lang.management.ManagementFactory.getRuntimeMXBean().getName();

  private final ArchiveExport export;
  private final Path directory;
  private final Clock clock;
  private final AuditLog audit;
  private final JdbcTemplate jdbc;
  private final ObjectMapper json;
  private final java.time.Duration staleAfter;
  private final ExecutorService worker =
      Executors.newSingleThreadExecutor(r -> new Thread(r, "archive-export"));

  ArchiveExports(
      DataSource dataSource,
      ArchiveProperties properties,
      Clock clock,
      AuditLog audit,
      ObjectMapper json,
      @Value("${spring.flyway.default-schema:sportello}") String schema) {
    this.export = new ArchiveExport(dataSource, schema, clock);
    this.directory = Path.of(properties.directory()).toAbsolutePath();
    this.clock = clock;
    this.audit = audit;
    this.jdbc = new JdbcTemplate(dataSource);
    this.json = json;
    this.staleAfter = properties.staleAfter();
  }

  /** Queues an export; returns at once. */
  public Job start(String user) {
    String id = UUID.randomUUID().toString();
    Instant now = clock.instant();
    Job job =
        new Job(
            id,
            State.QUEUED,
            user,
            now,
            null,
            0,
            // the job's id in the name: two exports in the same second never share a file
            "sportello-" + STAMP.format(now) + "-" + id.substring(0, 8) + ".zip",
            null,
            null,
            null);
    jdbc.update(
        "insert into sportello.archive_export_job (id, state, requested_by, requested_at,"
            + " file_name, node, heartbeat_at) values (?, 'QUEUED', ?, ?, ?, ?, ?)",
        id,
        user,
        Timestamp.from(now),
        job.fileName(),
        NODE,
        Timestamp.from(now));
    audit.record(AuditEntry.change(user, "EXPORT_ALL", "archive", id, null));
    worker.execute(() -> run(id));
    return job;
  }

  public Optional<Job> find(String id) {
    failStale();
    return jdbc.query(SELECT + " where id = ?", this::job, id).stream().findFirst();
  }

  /** The latest 100 jobs, newest first. */
  public List<Job> all() {
    failStale();
    return jdbc.query(SELECT + " order by requested_at desc, id limit 100", this::job);
  }

  private static final String SELECT =
      "select id, state, requested_by, requested_at, finished_at, tables_done, file_name,"
          + " size_bytes, error, cast(manifest as text) as manifest"
          + " from sportello.archive_export_job";

  private Job job(ResultSet rs, int row) throws SQLException {
    String manifest = rs.getString("manifest");
    Timestamp finished = rs.getTimestamp("finished_at");
    long size = rs.getLong("size_bytes");
    boolean noSize = rs.wasNull();
    try {
      return new Job(
          rs.getString("id"),
          State.valueOf(rs.getString("state")),
          rs.getString("requested_by"),
          rs.getTimestamp("requested_at").toInstant(),
          finished == null ? null : finished.toInstant(),
          rs.getLong("tables_done"),
          rs.getString("file_name"),
          noSize ? null : size,
          rs.getString("error"),
          manifest == null ? null : json.readValue(manifest, ArchiveManifest.class));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("Unreadable manifest of export " + rs.getString("id"), e);
    }
  }

  /** Jobs whose node stopped while they were queued or running: silent too long, FAILED. */
  private void failStale() {
    Instant now = clock.instant();
    jdbc.update(
        "update sportello.archive_export_job set state = 'FAILED', finished_at = ?,"
            + " error = 'interrupted: the application stopped on ' || node || ' before it ended'"
            + " where state in ('QUEUED', 'RUNNING') and heartbeat_at < ?",
        Timestamp.from(now),
        Timestamp.from(now.minus(staleAfter)));
  }

  private void update(String id, State state, long tablesDone) {
    jdbc.update(
        "update sportello.archive_export_job set state = ?, tables_done = ?, heartbeat_at = ?"
            + " where id = ?",
        state.name(),
        tablesDone,
        Timestamp.from(clock.instant()),
        id);
  }

  /** The archive of a finished job, its download audited. */
  public Optional<Path> file(String id, String user) {
    return find(id)
        .filter(job -> job.state() == State.DONE)
        .map(
            job -> {
              audit.record(AuditEntry.change(user, "DOWNLOAD_EXPORT", "archive", id, null));
              return directory.resolve(job.fileName());
            });
  }

  private void run(String id) {
    Job job = find(id).orElseThrow();
    update(id, State.RUNNING, 0);
    Path target = directory.resolve(job.fileName());
    try {
      ArchiveManifest manifest = write(target, done -> update(id, State.RUNNING, done));
      jdbc.update(
          "update sportello.archive_export_job set state = 'DONE', tables_done = ?,"
              + " finished_at = ?, heartbeat_at = ?, size_bytes = ?,"
              + " manifest = cast(? as jsonb), error = null where id = ?",
          manifest.tables().size(),
          Timestamp.from(clock.instant()),
          Timestamp.from(clock.instant()),
          Files.size(target),
          json.writeValueAsString(manifest),
          id);
      log.info("Full export {} written to {}", id, target);
    } catch (IOException | SQLException | RuntimeException e) {
      log.error("Full export {} failed", id, e);
      jdbc.update(
          "update sportello.archive_export_job set state = 'FAILED', finished_at = ?,"
              + " heartbeat_at = ?, error = ? where id = ?",
          Timestamp.from(clock.instant()),
          Timestamp.from(clock.instant()),
          e.getClass().getSimpleName() + ": " + e.getMessage(),
          id);
    }
  }

  /**
   * Writes an archive to {@code target} (through a temporary file: a half-written archive never has
   * the name).
   */
  public ArchiveManifest write(Path target, java.util.function.LongConsumer progress)
      throws IOException, SQLException {
    Path parent = target.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    Path partial = Files.createTempFile(parent, ".export-", ".part");
    try {
      ArchiveManifest manifest;
      try (OutputStream out = Files.newOutputStream(partial)) {
        manifest = export.export(out, progress);
      }
      Files.move(
          partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      return manifest;
    } finally {
      try {
        Files.deleteIfExists(partial);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  @Override
  public void destroy() {
    worker.shutdownNow();
  }
}
