package it.sportello.studio;

import java.time.Instant;

/**
 * A model the engine holds (processes, decisions) or the application ships (forms).
 *
 * @param id the engine's definition id, or the form's classpath path
 * @param version the engine's version (forms: 0, they have none of their own)
 */
public record DeployedModel(
    DraftKind kind, String key, String name, int version, String id, Instant deployedAt) {}
