/**
 * Full export and migration (issue 25 item 6): every table of Sportello's own schema as CSV (RFC
 * 4180, UTF-8, written by PostgreSQL's {@code COPY}) with a data dictionary read from the catalog,
 * the documents' bytes as files, and a manifest (Flyway schema version, row counts, SHA-256 of
 * every entry) in one zip; produced in the background for administrators or from the command line;
 * and the import that rebuilds a fresh instance at the same schema version from such an archive.
 * Camunda's tables (schema {@code public}, {@code ACT_*}) are the engine's and are not part of it
 * (docs/backup-restore.md says how they move).
 */
@org.springframework.modulith.ApplicationModule(
    allowedDependencies = {"audit", "platform :: security", "shared", "shared :: web"})
package it.sportello.archive;
