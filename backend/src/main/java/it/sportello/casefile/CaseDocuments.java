package it.sportello.casefile;

import it.sportello.document.Documents;
import it.sportello.document.StoredDocument;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The documents of a case file by role and version: adding a document to a role makes it that
 * role's next version (the current one); earlier versions stay, with their hashes, for the record.
 */
@Service
public class CaseDocuments {

  private final JdbcTemplate jdbc;
  private final Documents documents;
  private final Timeline timeline;
  private final Clock clock;

  CaseDocuments(JdbcTemplate jdbc, Documents documents, Timeline timeline, Clock clock) {
    this.jdbc = jdbc;
    this.documents = documents;
    this.timeline = timeline;
    this.clock = clock;
  }

  /**
   * Adds the stored document, under the name it was stored with ({@link StoredDocument#fileName}),
   * as the next version of the role (unless it already is the current version: adding the same
   * bytes twice changes nothing). The name belongs to this case file's version, not to the bytes.
   *
   * @return the current version
   */
  @Transactional
  public CaseDocument add(
      SubjectKind kind, String number, String role, StoredDocument stored, String actor) {
    long documentId = stored.id();
    Optional<CaseDocument> current = current(kind, number, role);
    if (current.isPresent() && current.get().documentId() == documentId) {
      return current.get();
    }
    // the row lock of the subject is taken by the callers; the primary key stops a duplicate
    int version = current.map(document -> document.version() + 1).orElse(1);
    jdbc.update(
        """
        insert into sportello.case_document (subject_kind, subject_number, role, version,
            document_id, file_name, added_by, added_at) values (?, ?, ?, ?, ?, ?, ?, ?)""",
        kind.name(),
        number,
        role,
        version,
        documentId,
        stored.fileName(),
        actor,
        Timestamp.from(clock.instant()));
    timeline.record(
        kind,
        number,
        version == 1 ? "DOCUMENT_ADDED" : "DOCUMENT_REPLACED",
        actor,
        role + " v" + version + " " + nameOf(stored) + " sha256:" + stored.sha256(),
        documentId);
    return current(kind, number, role).orElseThrow();
  }

  /** The current (newest) version of the role. */
  @Transactional(readOnly = true)
  public Optional<CaseDocument> current(SubjectKind kind, String number, String role) {
    return list(kind, number).stream()
        .filter(document -> document.role().equals(role) && document.current())
        .findFirst();
  }

  /** Every document of the case file, by role and version. */
  @Transactional(readOnly = true)
  public List<CaseDocument> list(SubjectKind kind, String number) {
    List<Map<String, Object>> rows =
        jdbc.queryForList(
            """
            select d.role, d.version, d.document_id, d.file_name, d.added_by, d.added_at,
                   d.version = max(d.version) over (partition by d.role) as current
            from sportello.case_document d
            where d.subject_kind = ? and d.subject_number = ?
            order by d.role, d.version""",
            kind.name(),
            number);
    List<CaseDocument> result = new ArrayList<>();
    for (Map<String, Object> row : rows) {
      StoredDocument stored =
          documents
              .get(((Number) row.get("document_id")).longValue())
              .named((String) row.get("file_name"));
      result.add(
          new CaseDocument(
              (String) row.get("role"),
              ((Number) row.get("version")).intValue(),
              stored.id(),
              stored.sha256(),
              nameOf(stored),
              stored.contentMediaType(),
              stored.size(),
              (String) row.get("added_by"),
              ((Timestamp) row.get("added_at")).toInstant(),
              Boolean.TRUE.equals(row.get("current"))));
    }
    return result;
  }

  /**
   * The document as this case file holds it (for downloads): its newest version holding these
   * bytes, with the name given there; empty when the document is not in the case file.
   */
  @Transactional(readOnly = true)
  public Optional<CaseDocument> find(SubjectKind kind, String number, long documentId) {
    return list(kind, number).stream()
        .filter(document -> document.documentId() == documentId)
        .max(Comparator.comparing(CaseDocument::addedAt).thenComparing(CaseDocument::version));
  }

  private static String nameOf(StoredDocument stored) {
    return stored.fileName() == null ? "document-" + stored.id() : stored.fileName();
  }
}
