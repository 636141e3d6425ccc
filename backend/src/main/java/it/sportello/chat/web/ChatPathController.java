package it.sportello.chat.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import it.sportello.chat.Chats;
import it.sportello.chat.GuidedPaths;
import it.sportello.shared.NotFoundException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The guided path a chat followed, for the operators' console (the data the bot collected). */
@Tag(name = "Chats")
@RestController
@RequestMapping("/api/chats")
class ChatPathController {

  private final Chats chats;
  private final GuidedPaths guided;

  ChatPathController(Chats chats, GuidedPaths guided) {
    this.chats = chats;
    this.guided = guided;
  }

  @Operation(
      summary = "The guided path of a chat and the answers collected",
      description =
          "The path's title in the chat's language, its queue, whether it ran to its end and how"
              + " (ANSWER, TICKET, HANDOFF), and every question with the citizen's answer; 404"
              + " when the chat followed no path.")
  @GetMapping("/{id:\\d+}/path")
  GuidedPaths.PathSummary chatPath(@PathVariable long id) {
    return guided
        .summary(chats.get(id))
        .orElseThrow(() -> new NotFoundException("Chat " + id + " followed no guided path"));
  }
}
