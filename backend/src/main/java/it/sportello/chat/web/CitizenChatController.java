package it.sportello.chat.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import it.sportello.chat.ChatDesk;
import it.sportello.chat.Chats;
import it.sportello.chat.CitizenChats;
import it.sportello.chat.GuidedPaths;
import it.sportello.chat.web.ChatViews.ChatState;
import it.sportello.citizen.CitizenUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The chat widget in the citizens' area: a citizen logged in with SPID or CIE makes their chat
 * theirs (the citizens' own security chain, with its CSRF token; the widget itself stays without
 * cookies).
 */
@Tag(name = "Citizen area")
@RestController
@RequestMapping("/api/citizen/chat")
class CitizenChatController {

  private final CitizenChats citizenChats;
  private final Chats chats;
  private final ChatDesk desk;
  private final GuidedPaths guided;

  CitizenChatController(CitizenChats citizenChats, Chats chats, ChatDesk desk, GuidedPaths guided) {
    this.citizenChats = citizenChats;
    this.chats = chats;
    this.desk = desk;
    this.guided = guided;
  }

  /**
   * @param token the chat's token, as the widget holds it
   */
  record ChatIdentity(String token) {}

  @Operation(
      summary = "Makes a chat the logged-in citizen's",
      description =
          "After the privacy notice: the citizen's SPID/CIE identity becomes the chat's requester"
              + " and the chat is linked to their contact (404 for an unknown token).")
  @PostMapping("/identity")
  ChatState identifyCitizenChat(
      @AuthenticationPrincipal CitizenUser user, @RequestBody ChatIdentity body) {
    return ChatState.of(
        citizenChats.identify(body == null ? null : body.token(), user.citizen()),
        chats,
        desk,
        guided);
  }
}
