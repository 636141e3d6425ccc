package it.sportello.casefile.web;

import it.sportello.casefile.CaseDocument;
import it.sportello.casefile.CaseDocuments;
import it.sportello.casefile.SubjectKind;
import it.sportello.document.Documents;
import it.sportello.shared.NotFoundException;
import it.sportello.shared.web.Downloads;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * A document of a letter's or a complaint's case file, under the name it has in that case, as a
 * download ({@link Downloads}). The caller has checked that the user may read the case.
 */
@Component
public class CaseFileDownloads {

  private final CaseDocuments caseDocuments;
  private final Documents documents;

  CaseFileDownloads(CaseDocuments caseDocuments, Documents documents) {
    this.caseDocuments = caseDocuments;
    this.documents = documents;
  }

  /**
   * @throws NotFoundException when the case file holds no such document
   */
  public ResponseEntity<InputStreamResource> download(
      SubjectKind kind, String number, long documentId) {
    CaseDocument document =
        caseDocuments
            .find(kind, number, documentId)
            .orElseThrow(() -> new NotFoundException(number + " has no document " + documentId));
    return Downloads.attachment(
        document.fileName(),
        documents.get(documentId).mediaType(),
        document.size(),
        documents.content(documentId));
  }
}
