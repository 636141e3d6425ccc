package it.sportello.chat.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import it.sportello.chat.ChatDesk;
import it.sportello.chat.ChatMessage;
import it.sportello.chat.ChatMessage.CitedArticle;
import it.sportello.chat.Chats;
import it.sportello.chat.Conversation;
import it.sportello.chat.web.ChatViews.ChatSummary;
import it.sportello.chat.web.ChatViews.MessageView;
import it.sportello.shared.InvalidRequestException;
import it.sportello.shared.web.Downloads;
import java.io.IOException;
import java.io.InputStream;
import java.security.Principal;
import java.util.List;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.CrossOrigin;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The console's tools (issue 21 item 4): transfer, the queue and the wait, the articles to suggest,
 * files both ways (the documents module's size limit and type detection).
 */
@Tag(name = "Chats")
@RestController
class ChatDeskController {

  private final Chats chats;
  private final ChatDesk desk;

  ChatDeskController(Chats chats, ChatDesk desk) {
    this.chats = chats;
    this.desk = desk;
  }

  /**
   * Where to pass a chat: exactly one of {@code toOperator} (a user name) and {@code toQueue} (a
   * queue code), and a note for whoever takes it next.
   */
  record TransferRequest(String toOperator, String toQueue, String note) {}

  /** The chat's queue, its wait (while queued) and its transfers. */
  record ChatQueueView(ChatDesk.WaitEstimate estimate, List<ChatDesk.Transfer> transfers) {}

  @Operation(
      summary = "Passes one of the caller's chats to another operator or to a queue",
      description =
          "Exactly one of toOperator and toQueue (400 naming the field otherwise); the note is"
              + " recorded on the chat for the next operator, not shown to the citizen; 409 when"
              + " the other operator already handles their limit.")
  @PostMapping("/api/chats/{id:\\d+}/transfer")
  ChatSummary transferChat(
      @PathVariable long id, @RequestBody TransferRequest body, Principal principal) {
    if (body == null) {
      throw new InvalidRequestException("toOperator", "give either an operator or a queue");
    }
    Conversation conversation =
        desk.transfer(id, principal.getName(), body.toOperator(), body.toQueue(), body.note());
    return ChatSummary.of(conversation, 0);
  }

  @Operation(summary = "The chat's queue, its estimated wait while queued, and its transfers")
  @GetMapping("/api/chats/{id:\\d+}/queue")
  ChatQueueView chatQueue(@PathVariable long id) {
    Conversation conversation = chats.get(id);
    return new ChatQueueView(desk.estimate(conversation), desk.transfers(id));
  }

  @Operation(
      summary = "Public knowledge-base articles for what the citizen wrote",
      description = "The bot's search on the citizen's messages; links open for the citizen.")
  @GetMapping("/api/chats/{id:\\d+}/suggestions")
  List<CitedArticle> chatSuggestions(@PathVariable long id) {
    return desk.suggestions(id);
  }

  @Operation(
      summary = "Sends a file in one of the caller's chats",
      description =
          "The documents module's limits: at most sportello.chat.desk.attachment-max-size (413"
              + " beyond), of an accepted type as detected from the content (400 naming file"
              + " otherwise).")
  @PostMapping(
      path = "/api/chats/{id:\\d+}/attachments",
      consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ResponseEntity<MessageView> sendFileInChat(
      @PathVariable long id, @RequestParam("file") MultipartFile file, Principal principal)
      throws IOException {
    if (file.isEmpty()) {
      throw new InvalidRequestException("file", "must not be empty");
    }
    try (InputStream content = file.getInputStream()) {
      ChatMessage sent =
          desk.operatorSends(id, principal.getName(), file.getOriginalFilename(), content);
      return ResponseEntity.status(HttpStatus.CREATED).body(MessageView.forStaff(sent));
    }
  }

  @Operation(summary = "A file sent in the chat, by its message's number")
  @GetMapping("/api/chats/{id:\\d+}/attachments/{seq:\\d+}")
  ResponseEntity<InputStreamResource> chatFile(@PathVariable long id, @PathVariable long seq) {
    chats.get(id);
    return download(desk.attachment(id, seq));
  }

  @Operation(
      summary = "The citizen sends a file",
      description =
          "After the privacy notice, in an open chat; the same limits as the operators' files.")
  @CrossOrigin(
      originPatterns = "*",
      allowedHeaders = {"Content-Type", PublicChatController.TOKEN},
      exposedHeaders = "Content-Disposition",
      allowCredentials = "false")
  @PostMapping(
      path = "/api/public/chat/attachments",
      consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ResponseEntity<MessageView> sendFileAsCitizen(
      @RequestHeader(PublicChatController.TOKEN) String token,
      @RequestParam("file") MultipartFile file)
      throws IOException {
    Conversation conversation = chats.byToken(token);
    if (file.isEmpty()) {
      throw new InvalidRequestException("file", "must not be empty");
    }
    try (InputStream content = file.getInputStream()) {
      ChatMessage sent = desk.citizenSends(conversation.id(), file.getOriginalFilename(), content);
      return ResponseEntity.status(HttpStatus.CREATED).body(MessageView.forCitizen(sent));
    }
  }

  @Operation(summary = "A file of the citizen's chat, by its message's number")
  @CrossOrigin(
      originPatterns = "*",
      allowedHeaders = {"Content-Type", PublicChatController.TOKEN},
      exposedHeaders = "Content-Disposition",
      allowCredentials = "false")
  @GetMapping("/api/public/chat/attachments/{seq:\\d+}")
  ResponseEntity<InputStreamResource> citizenChatFile(
      @RequestHeader(PublicChatController.TOKEN) String token, @PathVariable long seq) {
    Conversation conversation = chats.byToken(token);
    return download(desk.attachment(conversation.id(), seq));
  }

  private ResponseEntity<InputStreamResource> download(ChatMessage.Attachment attachment) {
    return Downloads.attachment(
        attachment.fileName(), attachment.mediaType(), attachment.size(), desk.content(attachment));
  }
}
