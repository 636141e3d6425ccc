package it.sportello.studio.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import it.sportello.studio.DraftKind;
import it.sportello.studio.DryRunResult;
import it.sportello.studio.DryRuns;
import it.sportello.studio.MigrationPreview;
import it.sportello.studio.MigrationRun;
import it.sportello.studio.RunningVersion;
import it.sportello.studio.Studio.SavedDraft;
import it.sportello.studio.StudioMigrations;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The studio's running side: instances per version, their migration to another version, and the
 * restore of an earlier version as a draft (rollback through four eyes).
 */
@Tag(
    name = "Studio",
    description = "Analysts change process, decision and form models: drafts, checks, four eyes")
@RestController
@RequestMapping("/api/studio")
class StudioRunController {

  private final StudioMigrations migrations;
  private final DryRuns dryRuns;

  StudioRunController(StudioMigrations migrations, DryRuns dryRuns) {
    this.migrations = migrations;
    this.dryRuns = dryRuns;
  }

  /** Sample variables for a dry run: the start's, and what every user task completes with. */
  record DryRunInput(Map<String, Object> variables) {}

  @Operation(
      summary = "Runs a draft once on a throwaway engine with sample variables; returns its path",
      description =
          "Nothing reaches production tables and no delegate runs (stubs record the calls). 400"
              + " naming the field content while the checks find problems.")
  @PostMapping("/drafts/{id}/dry-run")
  DryRunResult dryRun(@PathVariable long id, @RequestBody DryRunInput input) {
    return dryRuns.run(id, input == null ? null : input.variables());
  }

  /** A migration to start: every running instance of the source version moves to the target. */
  record MigrationInput(String source, String target) {}

  @Operation(summary = "Every version of a process with its running instances and where they wait")
  @GetMapping("/running/{key}")
  List<RunningVersion> running(@PathVariable String key) {
    return migrations.running(key);
  }

  @Operation(
      summary = "The migration plan between two versions, its validation and the instances moved",
      description = "400 naming source or target when a version is unknown or of another process.")
  @GetMapping("/migrations/preview")
  MigrationPreview preview(@RequestParam String source, @RequestParam String target) {
    return migrations.preview(source, target);
  }

  @Operation(
      summary = "Migrates the running instances of a version to another, as an engine batch",
      description = "400 naming the field plan, one entry per problem, when the plan is not valid.")
  @PostMapping("/migrations")
  @ResponseStatus(HttpStatus.CREATED)
  MigrationRun migrate(@RequestBody MigrationInput input, Principal principal) {
    return migrations.migrate(input.source(), input.target(), principal.getName());
  }

  @Operation(summary = "The migrations, the newest first, with their progress")
  @GetMapping("/migrations")
  List<MigrationRun> runs() {
    return migrations.runs();
  }

  @Operation(summary = "One migration: batch progress, failed jobs, each instance's result")
  @GetMapping("/migrations/{id}")
  MigrationRun run(@PathVariable long id) {
    return migrations.run(id);
  }

  @Operation(
      summary = "Makes a draft of a deployed version (rollback: deployed again under four eyes)")
  @PostMapping("/models/{kind}/{id}/restore")
  @ResponseStatus(HttpStatus.CREATED)
  SavedDraft restore(@PathVariable DraftKind kind, @PathVariable String id, Principal principal) {
    return migrations.restore(kind, id, principal.getName());
  }
}
