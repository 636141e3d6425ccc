package it.sportello.procedure;

import java.time.Instant;

/**
 * A deployed procedure, in its latest version.
 *
 * @param definitionId the engine's id of that version, for Cockpit's links
 * @param versionTag the analysts' own label of the version, if they gave one
 * @param deployedAt when that version was deployed
 * @param running process instances running on any version
 * @param incidents open incidents on any version (failed jobs, failed external tasks)
 * @param suspended whether the latest version refuses new instances
 */
public record Procedure(
    String key,
    String name,
    int version,
    String versionTag,
    String definitionId,
    String resourceName,
    Instant deployedAt,
    long running,
    long incidents,
    boolean suspended) {}
