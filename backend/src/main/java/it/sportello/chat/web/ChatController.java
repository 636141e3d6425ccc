package it.sportello.chat.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import it.sportello.chat.Chats;
import it.sportello.chat.Conversation;
import it.sportello.chat.web.ChatViews.ChatSummary;
import it.sportello.chat.web.ChatViews.MessageView;
import it.sportello.platform.security.GroupAuthorities;
import java.security.Principal;
import java.util.List;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The operators' chat console: the queue, their own chats, replies, closing. */
@Tag(name = "Chats", description = "The operators' chat console")
@RestController
@RequestMapping("/api/chats")
class ChatController {

  private final Chats chats;

  ChatController(Chats chats) {
    this.chats = chats;
  }

  /**
   * The console's lists.
   *
   * @param limit how many chats one operator handles at once
   */
  record Console(List<ChatSummary> waiting, List<ChatSummary> mine, int limit) {}

  /**
   * A chat with its transcript.
   *
   * @param contactId the contact of the declared fiscal code or of the chat's ticket, for the
   *     history link (declared by the citizen, not proven)
   */
  record ChatDetail(
      ChatSummary chat,
      String requesterEmail,
      String requesterFiscalCode,
      String page,
      Long contactId,
      String ticketNumber,
      Conversation.Outcome outcome,
      List<MessageView> messages) {}

  record Reply(String text) {}

  record Solution(String solution) {}

  @Operation(
      summary = "The waiting chats of the caller's queues (in queue order) and the caller's own",
      description =
          "A chat waits in one queue (a guided path's, a transfer's, else the default one); only"
              + " the members of that queue's group see it here and may take it.")
  @GetMapping
  Console chatConsole(Authentication principal) {
    return new Console(
        chats.waiting(queues(principal)).stream()
            .map(waiting -> ChatSummary.of(waiting.conversation(), waiting.position()))
            .toList(),
        chats.handledBy(principal.getName()).stream()
            .map(conversation -> ChatSummary.of(conversation, 0))
            .toList(),
        chats.maxChatsPerOperator());
  }

  @Operation(summary = "A chat with its transcript")
  @GetMapping("/{id:\\d+}")
  ChatDetail chatDetail(@PathVariable long id) {
    Conversation conversation = chats.get(id);
    return new ChatDetail(
        ChatSummary.of(conversation, chats.position(conversation)),
        conversation.requesterEmail(),
        conversation.requesterFiscalCode(),
        conversation.page(),
        chats.contactOf(conversation).orElse(null),
        conversation.ticketNumber(),
        conversation.outcome(),
        chats.messagesAfter(id, 0).stream().map(MessageView::forStaff).toList());
  }

  @Operation(summary = "The messages after a number (the console's fallback polls this)")
  @GetMapping("/{id:\\d+}/messages")
  List<MessageView> chatMessagesAfter(
      @PathVariable long id, @RequestParam(defaultValue = "0") long after) {
    chats.get(id);
    return chats.messagesAfter(id, after).stream().map(MessageView::forStaff).toList();
  }

  @Operation(
      summary = "Takes a waiting chat",
      description =
          "409 when the caller already handles their limit, or another operator took it; 403 when"
              + " the chat waits in a queue the caller does not answer.")
  @PostMapping("/{id:\\d+}/take")
  ChatSummary takeChat(@PathVariable long id, Authentication principal) {
    return ChatSummary.of(chats.take(id, principal.getName(), queues(principal)), 0);
  }

  /** The queues the caller answers: their groups (a queue's group has the queue's code). */
  private static Set<String> queues(Authentication principal) {
    return Set.copyOf(GroupAuthorities.groupIds(principal.getAuthorities()));
  }

  @Operation(summary = "Replies in one of the caller's chats")
  @PostMapping("/{id:\\d+}/messages")
  List<MessageView> replyInChat(
      @PathVariable long id, @RequestBody Reply body, Principal principal) {
    chats.operatorSays(id, principal.getName(), body == null ? null : body.text());
    return chats.messagesAfter(id, 0).stream().map(MessageView::forStaff).toList();
  }

  @Operation(
      summary = "Closes the chat with a solution",
      description = "A ticket on channel CHAT solved at level 1, the transcript attached.")
  @PostMapping("/{id:\\d+}/solve")
  ChatDetail solveChat(@PathVariable long id, @RequestBody Solution body, Principal principal) {
    chats.solve(id, principal.getName(), body == null ? null : body.solution());
    return chatDetail(id);
  }

  @Operation(
      summary = "Closes the chat and opens a ticket to continue offline",
      description = "A ticket on channel CHAT, the transcript attached.")
  @PostMapping("/{id:\\d+}/ticket")
  ChatDetail continueChatAsTicket(@PathVariable long id, Principal principal) {
    chats.continueAsTicket(id, principal.getName());
    return chatDetail(id);
  }
}
