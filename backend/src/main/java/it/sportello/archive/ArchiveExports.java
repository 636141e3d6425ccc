package it.sportello.archive;

import it.sportello.audit.AuditEntry;
import it.sportello.audit.AuditLog;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Full exports in the background, one at a time (each reads the whole schema): an administrator
 * asks, the archive is written under {@code sportello.archive.directory}, its state is kept in
 * memory until the application stops (the files stay). Each request and each download is audited.
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
      ArchiveManifest manifest) {

    Job with(
        State state,
        long tablesDone,
        Instant finishedAt,
        Long size,
        String error,
        ArchiveManifest manifest) {
      return new Job(
          id,
          state,
          requestedBy,
          requestedAt,
          finishedAt,
          tablesDone,
          fileName,
          size,
          error,
          manifest);
    }
  }

  private final ArchiveExport export;
  private final Path directory;
  private final Clock clock;
  private final AuditLog audit;
  private final Map<String, Job> jobs = new ConcurrentHashMap<>();
  private final ExecutorService worker =
      Executors.newSingleThreadExecutor(r -> new Thread(r, "archive-export"));

  ArchiveExports(
      DataSource dataSource,
      ArchiveProperties properties,
      Clock clock,
      AuditLog audit,
      @Value("${spring.flyway.default-schema:sportello}") String schema) {
    this.export = new ArchiveExport(dataSource, schema, clock);
    this.directory = Path.of(properties.directory()).toAbsolutePath();
    this.clock = clock;
    this.audit = audit;
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
    jobs.put(id, job);
    audit.record(AuditEntry.change(user, "EXPORT_ALL", "archive", id, null));
    worker.execute(() -> run(id));
    return job;
  }

  public Optional<Job> find(String id) {
    return Optional.ofNullable(jobs.get(id));
  }

  public List<Job> all() {
    return jobs.values().stream()
        .sorted(Comparator.comparing(Job::requestedAt).reversed())
        .toList();
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
    Job job = jobs.get(id);
    jobs.put(id, job.with(State.RUNNING, 0, null, null, null, null));
    Path target = directory.resolve(job.fileName());
    try {
      ArchiveManifest manifest =
          write(
              target,
              done ->
                  jobs.computeIfPresent(
                      id, (k, j) -> j.with(State.RUNNING, done, null, null, null, null)));
      jobs.put(
          id,
          job.with(
              State.DONE,
              manifest.tables().size(),
              clock.instant(),
              Files.size(target),
              null,
              manifest));
      log.info("Full export {} written to {}", id, target);
    } catch (IOException | SQLException | RuntimeException e) {
      log.error("Full export {} failed", id, e);
      jobs.put(
          id,
          job.with(
              State.FAILED,
              0,
              clock.instant(),
              null,
              e.getClass().getSimpleName() + ": " + e.getMessage(),
              null));
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
