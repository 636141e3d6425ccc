package it.sportello.studio;

import it.sportello.shared.FieldViolation;
import it.sportello.shared.InvalidRequestException;
import it.sportello.shared.NotFoundException;
import it.sportello.studio.MigrationRun.BatchProgress;
import it.sportello.studio.Studio.SavedDraft;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Running instances and their migration to another version (issue 24, item 6): the instances per
 * version and where they wait; a migration previewed (the engine's plan, its validation, the
 * instances it moves), then run as an engine batch and recorded with who asked; its progress and
 * each instance's result. Rollback is no migration backwards but the earlier version deployed again
 * under four eyes: {@link #restore} makes a draft of it.
 */
@Service
public class StudioMigrations {

  private final JdbcTemplate jdbc;
  private final StudioInstances instances;
  private final Studio studio;
  private final Clock clock;

  StudioMigrations(JdbcTemplate jdbc, StudioInstances instances, Studio studio, Clock clock) {
    this.jdbc = jdbc;
    this.instances = instances;
    this.studio = studio;
    this.clock = clock;
  }

  public List<RunningVersion> running(String key) {
    return instances.running(key);
  }

  public MigrationPreview preview(String source, String target) {
    return instances.preview(source, target);
  }

  /**
   * Migrates every running instance of {@code source} to {@code target} as an engine batch; 400
   * (field {@code plan}) when the plan is not valid, nothing started.
   */
  @Transactional
  public MigrationRun migrate(String source, String target, String user) {
    List<FieldViolation> missing = new ArrayList<>();
    if (source == null || source.isBlank()) {
      missing.add(new FieldViolation("source", "must name the version the instances run on"));
    }
    if (target == null || target.isBlank()) {
      missing.add(new FieldViolation("target", "must name the version to move them to"));
    }
    if (!missing.isEmpty()) {
      throw new InvalidRequestException(missing);
    }
    List<String> ids = instances.instanceIds(source);
    String batchId = instances.migrate(source, target, ids);
    Long id =
        jdbc.queryForObject(
            """
            insert into sportello.studio_migration (batch_id, source_definition_id,
                target_definition_id, instance_ids, requested_by, requested_at)
            values (?, ?, ?, ?, ?, ?) returning id""",
            Long.class,
            batchId,
            source,
            target,
            String.join("\n", ids),
            user,
            Timestamp.from(clock.instant()));
    return run(id);
  }

  /** The migrations, the newest first, with their progress. */
  @Transactional(readOnly = true)
  public List<MigrationRun> runs() {
    return jdbc.query(
        "select * from sportello.studio_migration order by requested_at desc, id desc limit 50",
        this::runRow);
  }

  @Transactional(readOnly = true)
  public MigrationRun run(long id) {
    return jdbc
        .query("select * from sportello.studio_migration where id = ?", this::runRow, id)
        .stream()
        .findFirst()
        .orElseThrow(() -> new NotFoundException("No migration with id " + id));
  }

  /**
   * Rollback's first step: a draft holding a deployed version's model, to be deployed again through
   * the same four-eyes path (it becomes the newest version; its instances can then be migrated).
   */
  @Transactional
  public SavedDraft restore(DraftKind kind, String definitionId, String user) {
    DeployedModel model =
        studio.deployed().stream()
            .filter(deployed -> deployed.kind() == kind && deployed.id().equals(definitionId))
            .findFirst()
            .orElseThrow(
                () -> new NotFoundException("No deployed " + kind + " model " + definitionId));
    String content = studio.deployedContent(kind, definitionId);
    return studio.create(
        new DraftInput(
            kind,
            content,
            model.version(),
            "Restore version " + model.version() + " of " + model.key()),
        user);
  }

  private MigrationRun runRow(ResultSet rs, int n) throws SQLException {
    String batchId = rs.getString("batch_id");
    String target = rs.getString("target_definition_id");
    List<String> ids = List.of(rs.getString("instance_ids").split("\n"));
    BatchProgress progress = instances.progress(batchId);
    return new MigrationRun(
        rs.getLong("id"),
        batchId,
        rs.getString("source_definition_id"),
        target,
        rs.getString("requested_by"),
        rs.getTimestamp("requested_at").toInstant(),
        progress,
        instances.results(ids, target, progress));
  }
}
