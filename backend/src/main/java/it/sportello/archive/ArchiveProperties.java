package it.sportello.archive;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The full export.
 *
 * @param directory where the background exports write their archives (keep it off the web root; it
 *     holds every citizen's data)
 * @param export a path: the application writes an archive there at start and stops (the
 *     command-line export); empty: nothing
 * @param staleAfter a queued or running export silent this long is reported FAILED (its node
 *     stopped): the jobs are kept in {@code archive_export_job}, across restarts
 */
@Validated
@ConfigurationProperties("sportello.archive")
public record ArchiveProperties(
    @NotBlank @DefaultValue("./data/archive") String directory,
    @DefaultValue("") String export,
    @DefaultValue("30m") java.time.Duration staleAfter) {}
