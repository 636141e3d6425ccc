package it.sportello.archive;

import java.time.Instant;
import java.util.List;

/**
 * {@code manifest.json} of an archive: what it holds and how to check it.
 *
 * @param format the archive layout's version ({@link #FORMAT})
 * @param schemaVersion the Flyway version of the schema the data come from; an import needs the
 *     same
 * @param tables every table of the schema in load order (a table after those it refers to)
 * @param documents the files under {@code documents/}, one per row of {@code document_content}
 * @param sequences each sequence of the schema with its position, restored by the import
 */
public record ArchiveManifest(
    int format,
    String application,
    Instant createdAt,
    String schema,
    String schemaVersion,
    List<Table> tables,
    List<DocumentFile> documents,
    List<Sequence> sequences) {

  public static final int FORMAT = 1;
  public static final String NAME = "manifest.json";

  /**
   * One table.
   *
   * @param file its CSV entry (header line, then one line per row, in primary-key order); null for
   *     a table exported as files ({@code document_content})
   * @param columns the columns written, in order (generated columns are left out: they are computed
   *     again on import)
   * @param sha256 of the CSV entry
   */
  public record Table(String name, String file, List<String> columns, long rows, String sha256) {}

  /** A document's bytes: the entry {@code file}, for {@code document_content.document_id = id}. */
  public record DocumentFile(long id, String file, long size, String sha256) {}

  /** A sequence's state: {@code setval(name, lastValue, called)}. */
  public record Sequence(String name, long lastValue, boolean called) {}
}
