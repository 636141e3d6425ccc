package it.sportello.ticket.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import it.sportello.ticket.TicketReaders;
import it.sportello.ticket.application.TicketConversation;
import it.sportello.ticket.application.TicketConversation.ConversationEntry;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A ticket's conversation, and the internal notes written into it. */
@Tag(name = "Tickets")
@RestController
@RequestMapping("/api/tickets/{number}")
class ConversationController {

  private final TicketConversation conversation;

  ConversationController(TicketConversation conversation) {
    this.conversation = conversation;
  }

  @Operation(
      summary = "The ticket's conversation, oldest first",
      description =
          "The request, the requester's messages, our replies and notifications with their"
              + " delivery, calls, internal notes, files and the steps of the path, each typed with"
              + " structured fields; times in the service calendar's zone. 404 also for a ticket"
              + " the caller may not read.")
  @GetMapping("/conversation")
  List<ConversationEntry> conversation(@PathVariable String number, Authentication authentication) {
    return conversation.of(number, TicketReaders.of(authentication));
  }

  record NoteRequest(@NotBlank @Size(max = 20000) String text, List<Long> documentIds) {}

  @Operation(
      summary = "Add an internal note",
      description =
          "Recorded on the ticket's path and shown in its conversation, never sent to the"
              + " requester; open and closed tickets alike. documentIds: files already attached to"
              + " the ticket, shown with the note.")
  @PostMapping("/notes")
  ResponseEntity<ConversationEntry> note(
      @PathVariable String number,
      @Valid @RequestBody NoteRequest request,
      Authentication authentication) {
    ConversationEntry note =
        conversation.addNote(
            number,
            request.text().strip(),
            request.documentIds(),
            authentication.getName(),
            TicketReaders.of(authentication));
    return ResponseEntity.status(HttpStatus.CREATED).body(note);
  }
}
