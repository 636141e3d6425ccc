package it.sportello.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import it.sportello.IntegrationTest;
import it.sportello.audit.AuditLog;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 25 item 6: the full export's jobs live in {@code archive_export_job}, not in one node's
 * memory: another instance (a restarted application, another node) finds a finished job with its
 * manifest and file, and a job whose node stopped while it ran is reported FAILED, not RUNNING for
 * ever.
 */
class ArchiveExportJobsIT extends IntegrationTest {

  @Autowired ArchiveExports exports;
  @Autowired DataSource dataSource;
  @Autowired AuditLog audit;
  @Autowired ObjectMapper mapper;
  @Autowired JdbcTemplate jdbc;

  /** What a restarted application (or another node) builds: nothing in memory. */
  private ArchiveExports anotherInstance() {
    return new ArchiveExports(
        dataSource,
        new ArchiveProperties("target/it-archive", "", Duration.ofMinutes(30)),
        clock,
        audit,
        mapper,
        "sportello");
  }

  @Test
  void aFinishedJobIsKnownToAnotherInstanceWithItsManifestAndFile() {
    ArchiveExports.Job started = exports.start("admin");
    await()
        .atMost(Duration.ofMinutes(3))
        .until(
            () -> exports.find(started.id()).orElseThrow().state(),
            state -> state == ArchiveExports.State.DONE || state == ArchiveExports.State.FAILED);

    ArchiveExports restarted = anotherInstance();
    ArchiveExports.Job job = restarted.find(started.id()).orElseThrow();
    assertThat(job.state()).as(job.error()).isEqualTo(ArchiveExports.State.DONE);
    assertThat(job.requestedBy()).isEqualTo("admin");
    assertThat(job.tablesDone()).isPositive().isEqualTo(job.manifest().tables().size());
    assertThat(job.manifest().tables())
        .extracting(ArchiveManifest.Table::name)
        .contains("ticket")
        .doesNotContain("archive_export_job");
    assertThat(job.size()).isPositive();
    assertThat(restarted.file(started.id(), "admin"))
        .hasValueSatisfying(p -> assertThat(p).exists());
    assertThat(restarted.all()).extracting(ArchiveExports.Job::id).contains(started.id());
  }

  @Test
  void aJobWhoseNodeStoppedIsReportedFailed() {
    String id = UUID.randomUUID().toString();
    Instant longAgo = Instant.now().minus(Duration.ofHours(2));
    jdbc.update(
        "insert into sportello.archive_export_job (id, state, requested_by, requested_at,"
            + " tables_done, file_name, node, heartbeat_at) values (?, 'RUNNING', 'admin', ?, 12,"
            + " 'sportello-stopped.zip', 'gone@node', ?)",
        id,
        Timestamp.from(longAgo),
        Timestamp.from(longAgo));

    ArchiveExports.Job job = anotherInstance().find(id).orElseThrow();
    assertThat(job.state()).isEqualTo(ArchiveExports.State.FAILED);
    assertThat(job.error()).contains("interrupted").contains("gone@node");
    assertThat(job.tablesDone()).as("its progress stays visible").isEqualTo(12);
  }
}
