package it.sportello.ticket.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import it.sportello.document.Documents;
import it.sportello.document.ExtractionStatus;
import it.sportello.document.OwnerKind;
import it.sportello.document.StoredDocument;
import it.sportello.shared.NotFoundException;
import it.sportello.shared.web.Downloads;
import it.sportello.shared.web.Uploads;
import it.sportello.ticket.application.TicketQueries;
import it.sportello.ticket.domain.Ticket;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** A ticket's attachments: listed, downloaded, added by hand (e.g. a document handed in). */
@Tag(name = "Tickets")
@RestController
@RequestMapping("/api/tickets/{number}/documents")
class TicketDocumentsController {

  private final TicketQueries tickets;
  private final Documents documents;

  TicketDocumentsController(TicketQueries tickets, Documents documents) {
    this.tickets = tickets;
    this.documents = documents;
  }

  /** An attachment as the workspace lists it; its text stays on the server (search). */
  record Attachment(
      long id,
      String fileName,
      String mediaType,
      long size,
      ExtractionStatus extractionStatus,
      String extractionMessage,
      String signer,
      Instant storedAt) {

    static Attachment of(StoredDocument document) {
      return new Attachment(
          document.id(),
          document.fileName(),
          document.contentMediaType(),
          document.size(),
          document.extractionStatus(),
          document.extractionMessage(),
          document.signer(),
          document.createdAt());
    }
  }

  @Operation(summary = "The ticket's attachments, in the order they arrived")
  @GetMapping
  List<Attachment> list(@PathVariable String number, Authentication authentication) {
    return attachments(number, authentication).stream().map(Attachment::of).toList();
  }

  @Operation(summary = "An attachment's bytes, as received")
  @GetMapping("/{id}")
  ResponseEntity<InputStreamResource> download(
      @PathVariable String number, @PathVariable long id, Authentication authentication) {
    StoredDocument document =
        attachments(number, authentication).stream()
            .filter(candidate -> candidate.id() == id)
            .findFirst()
            .orElseThrow(
                () -> new NotFoundException("Ticket " + number + " has no attachment " + id));
    return Downloads.attachment(
        document.fileName(), document.mediaType(), document.size(), documents.content(id));
  }

  @Operation(
      summary = "Attach a file to the ticket",
      description =
          "Stored once by content (the same file twice is one document), its text extracted for"
              + " search; an unreadable file is kept with the reason.")
  @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ResponseEntity<Attachment> upload(
      @PathVariable String number,
      @RequestParam("file") MultipartFile file,
      Authentication authentication)
      throws IOException {
    Ticket ticket = tickets.get(number, TicketController.reader(authentication));
    // no transaction around both: the text is extracted before the document's own short one
    StoredDocument stored = Uploads.read(file, documents::store);
    documents.link(stored, OwnerKind.TICKET, ticket.getId());
    return ResponseEntity.status(HttpStatus.CREATED).body(Attachment.of(stored));
  }

  private List<StoredDocument> attachments(String number, Authentication authentication) {
    Ticket ticket = tickets.get(number, TicketController.reader(authentication));
    return documents.linkedTo(OwnerKind.TICKET, ticket.getId());
  }
}
