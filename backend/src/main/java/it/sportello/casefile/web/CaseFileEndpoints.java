package it.sportello.casefile.web;

import io.swagger.v3.oas.annotations.Operation;
import it.sportello.casefile.CaseDocument;
import it.sportello.casefile.CaseReader;
import it.sportello.casefile.SubjectKind;
import it.sportello.shared.NotFoundException;
import it.sportello.shared.web.Uploads;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The case-file document endpoints every procedure's controller has (letters, complaints), below
 * its own {@code @RequestMapping}: add a document, download one. The caller's right to read the
 * case is checked first ({@link CaseReaders#read}); the procedure's use cases say how its case is
 * read and how a document is added.
 */
public abstract class CaseFileEndpoints {

  /** Reads a case with the given reader (throws {@link NotFoundException} outside its scope). */
  @FunctionalInterface
  public interface CaseRead {
    Object read(String number, CaseReader reader);
  }

  /** Adds a file to a case file under a role, as the procedure allows. */
  @FunctionalInterface
  public interface DocumentAdd {
    CaseDocument add(String number, String role, String fileName, InputStream content, String user)
        throws IOException;
  }

  protected final CaseReaders readers;
  private final CaseFileDownloads downloads;
  private final SubjectKind kind;
  private final CaseRead readCase;
  private final DocumentAdd addDocument;

  protected CaseFileEndpoints(
      SubjectKind kind,
      CaseReaders readers,
      CaseFileDownloads downloads,
      CaseRead readCase,
      DocumentAdd addDocument) {
    this.kind = kind;
    this.readers = readers;
    this.downloads = downloads;
    this.readCase = readCase;
    this.addDocument = addDocument;
  }

  @Operation(
      summary = "Add a document to the case file (a file)",
      description =
          "role: a complaint's EVIDENCE or COUNTER_ARGUMENTS (refused, 409, once the case is"
              + " closed); a letter's ORIGINAL (the letter received), REPLY (the answer: a new"
              + " version replaces the previous one and needs a new approval) or ATTACHMENT"
              + " (refused, 409, once the letter is sent).")
  @PostMapping(value = "/{number}/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  public ResponseEntity<CaseDocument> upload(
      @PathVariable String number,
      @RequestParam("role") String role,
      @RequestParam("file") MultipartFile file,
      Authentication authentication)
      throws IOException {
    readers.read(authentication, number, reader -> readCase.read(number, reader));
    CaseDocument added =
        Uploads.read(
            file,
            (fileName, content) ->
                addDocument.add(number, role, fileName, content, authentication.getName()));
    return ResponseEntity.status(HttpStatus.CREATED).body(added);
  }

  @Operation(summary = "A document of the case file, its exact bytes")
  @GetMapping("/{number}/documents/{documentId}")
  public ResponseEntity<InputStreamResource> download(
      @PathVariable String number, @PathVariable long documentId, Authentication authentication) {
    readers.read(authentication, number, reader -> readCase.read(number, reader));
    return downloads.download(kind, number, documentId);
  }
}
