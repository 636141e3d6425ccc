package it.sportello.platform.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 25 item 7, the procedure of docs/backup-restore.md on the embedded PostgreSQL 17: WAL
 * archiving ({@code archive_command}), a base backup taken while the server writes, more writes,
 * the WAL switched and archived; then the server is lost and the backup restored into a new data
 * directory with {@code restore_command}: once to the end of the archived WAL (every write is
 * there) and once to a named restore point (the writes after it are not).
 *
 * <p>zonky's binaries hold only {@code initdb}, {@code pg_ctl} and {@code postgres}, no {@code
 * pg_basebackup}: the base backup is taken with the SQL-level API ({@code pg_backup_start}, a copy
 * of the data directory, {@code pg_backup_stop}, whose label is written as {@code backup_label}),
 * which is exactly what pg_basebackup does over the replication protocol.
 */
class BackupRestoreIT {

  /** Not copied into a base backup (PostgreSQL's documentation, "Making a Base Backup"). */
  private static final Set<String> SKIPPED =
      Set.of(
          "postmaster.pid",
          "postmaster.opts",
          "pg_wal",
          "pg_replslot",
          "pg_stat_tmp",
          "pg_snapshots",
          "pg_serial",
          "pg_notify",
          "pg_dynshmem",
          "pg_subtrans");

  @TempDir Path temp;

  @Test
  void aBaseBackupAndTheArchivedWalRestoreEveryWriteOrStopAtARestorePoint() throws Exception {
    Path wal = Files.createDirectories(temp.resolve("wal-archive"));
    Path backup = temp.resolve("base-backup");
    Path dataDirectory = temp.resolve("production");
    // zonky passes its server settings through pg_ctl's -o, split at spaces: the archive command,
    // which has spaces, goes in with ALTER SYSTEM, and archive_mode needs a restart
    try (EmbeddedPostgres initial =
        EmbeddedPostgres.builder()
            .setPort(0)
            .setDataDirectory(dataDirectory)
            .setCleanDataDirectory(false)
            .start()) {
      try (Connection db = initial.getPostgresDatabase().getConnection();
          Statement sql = db.createStatement()) {
        sql.execute("alter system set wal_level = 'replica'");
        sql.execute("alter system set archive_mode = 'on'");
        sql.execute(
            "alter system set archive_command = 'test ! -f "
                + wal
                + "/%f && cp %p "
                + wal
                + "/%f'");
        sql.execute("alter system set archive_timeout = '15min'");
      }
    }
    try (EmbeddedPostgres production =
        EmbeddedPostgres.builder()
            .setPort(0)
            .setDataDirectory(dataDirectory)
            .setCleanDataDirectory(false)
            .setServerConfig("synchronous_commit", "on")
            .setServerConfig("fsync", "on")
            .start()) {
      try (Connection db = production.getPostgresDatabase().getConnection();
          Statement sql = db.createStatement()) {
        sql.execute("create table ticket (id bigint primary key, subject text not null)");
        sql.execute("insert into ticket values (1, 'before the base backup')");

        // the base backup, while another session keeps writing
        sql.execute("select pg_backup_start('sportello-base', true)");
        try (Connection other = production.getPostgresDatabase().getConnection();
            Statement write = other.createStatement()) {
          write.execute("insert into ticket values (2, 'during the base backup')");
        }
        copyDataDirectory(dataDirectory, backup);
        try (ResultSet stop = sql.executeQuery("select labelfile from pg_backup_stop(true)")) {
          stop.next();
          Files.writeString(backup.resolve("backup_label"), stop.getString(1));
        }

        sql.execute("insert into ticket values (3, 'after the base backup')");
        sql.execute("select pg_create_restore_point('before-the-mistake')");
        sql.execute("insert into ticket values (4, 'after the restore point')");
        String segment = text(sql, "select pg_walfile_name(pg_switch_wal())");
        await().atMost(Duration.ofMinutes(1)).until(() -> Files.exists(wal.resolve(segment)));
      }
    }
    // the production server and its data directory are gone; the backup and the WAL archive remain

    assertThat(restore(backup, wal, "everything", null))
        .containsExactly(
            "1 before the base backup",
            "2 during the base backup",
            "3 after the base backup",
            "4 after the restore point");
    assertThat(restore(backup, wal, "to-restore-point", "before-the-mistake"))
        .containsExactly(
            "1 before the base backup", "2 during the base backup", "3 after the base backup");
  }

  /** Restores a copy of the base backup, replays the archived WAL, returns the ticket rows. */
  private List<String> restore(Path backup, Path wal, String name, String restorePoint)
      throws Exception {
    Path target = temp.resolve("restored-" + name);
    copyDataDirectory(backup, target);
    Files.createDirectories(target.resolve("pg_wal"));
    Files.createFile(target.resolve("recovery.signal"));
    // the recovery settings, as an administrator writes them (the last line of a setting wins)
    String recovery =
        "\narchive_mode = 'off'\nrestore_command = 'cp "
            + wal
            + "/%f %p'\n"
            + (restorePoint == null
                ? ""
                : "recovery_target_name = '"
                    + restorePoint
                    + "'\nrecovery_target_action = 'promote'\n");
    Files.writeString(
        target.resolve("postgresql.auto.conf"),
        Files.readString(target.resolve("postgresql.auto.conf")) + recovery);
    EmbeddedPostgres.Builder builder =
        EmbeddedPostgres.builder()
            .setPort(0)
            .setDataDirectory(target)
            .setCleanDataDirectory(false)
            .setPGStartupWait(Duration.ofMinutes(2));
    try (EmbeddedPostgres restored = builder.start()) {
      try (Connection db = restored.getPostgresDatabase().getConnection();
          Statement sql = db.createStatement()) {
        await()
            .atMost(Duration.ofMinutes(1))
            .until(() -> "f".equals(text(sql, "select pg_is_in_recovery()")));
        List<String> rows = new ArrayList<>();
        try (ResultSet result = sql.executeQuery("select id, subject from ticket order by id")) {
          while (result.next()) {
            rows.add(result.getLong(1) + " " + result.getString(2));
          }
        }
        // the restored server takes writes
        sql.execute("insert into ticket values (100, 'after the restore')");
        return rows;
      }
    }
  }

  private static String text(Statement sql, String query) throws SQLException {
    try (ResultSet result = sql.executeQuery(query)) {
      result.next();
      return result.getString(1);
    }
  }

  /** The file copy of a base backup: files that vanish while copied are skipped. */
  private static void copyDataDirectory(Path from, Path to) throws IOException {
    Files.createDirectories(to);
    // PostgreSQL refuses a data directory that others may read
    Files.setPosixFilePermissions(to, PosixFilePermissions.fromString("rwx------"));
    try (Stream<Path> files = Files.walk(from)) {
      files.forEach(
          source -> {
            Path relative = from.relativize(source);
            if (relative.getNameCount() > 0 && SKIPPED.contains(relative.getName(0).toString())) {
              if (relative.getNameCount() == 1) {
                createDirectory(to.resolve(relative)); // kept empty
              }
              return;
            }
            Path target = to.resolve(relative.toString());
            try {
              if (Files.isDirectory(source)) {
                Files.createDirectories(target);
              } else {
                Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
              }
            } catch (NoSuchFileException vanished) {
              // a temporary file removed while copying: the WAL replay covers it
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          });
    }
  }

  private static void createDirectory(Path directory) {
    try {
      if (!directory.getFileName().toString().startsWith("postmaster")) {
        Files.createDirectories(directory);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
