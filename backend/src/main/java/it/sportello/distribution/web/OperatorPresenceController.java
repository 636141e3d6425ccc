package it.sportello.distribution.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import it.sportello.distribution.Offers;
import it.sportello.distribution.Offers.WorkOffer;
import it.sportello.distribution.PresenceState;
import it.sportello.distribution.Presences;
import it.sportello.distribution.Presences.OperatorPresence;
import it.sportello.distribution.Presences.PauseReason;
import it.sportello.distribution.Routing;
import it.sportello.distribution.Routing.QueueList;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Work distribution", description = "My presence, the offers made to me")
@RestController
@RequestMapping("/api/me")
class OperatorPresenceController {

  private final Presences presences;
  private final Offers offers;
  private final Routing routing;

  OperatorPresenceController(Presences presences, Offers offers, Routing routing) {
    this.presences = presences;
    this.offers = offers;
    this.routing = routing;
  }

  @Schema(description = "The presence an operator sets: BUSY is set by the work")
  record PresenceChange(
      @Schema(description = "AVAILABLE, PAUSED or OFFLINE") PresenceState state,
      @Schema(description = "PAUSED: one of the configured reasons' codes") String reason) {}

  @Operation(summary = "My presence")
  @GetMapping("/presence")
  OperatorPresence presence(Authentication authentication) {
    return presences.of(authentication.getName());
  }

  @Operation(
      summary = "Set my presence",
      description = "AVAILABLE, PAUSED with a configured reason, or OFFLINE; 400 names the field.")
  @PutMapping("/presence")
  OperatorPresence setPresence(@RequestBody PresenceChange change, Authentication authentication) {
    return presences.set(authentication.getName(), change.state(), change.reason());
  }

  @Operation(summary = "The reasons a pause may have")
  @GetMapping("/presence/reasons")
  List<PauseReason> reasons() {
    return presences.reasons();
  }

  @Operation(
      summary = "The item offered to me now, if any (204 when none)",
      description = "Polled by the workspace; expires due offers and makes the PUSH rounds first.")
  @GetMapping("/offer")
  ResponseEntity<WorkOffer> offer(Authentication authentication) {
    return offers
        .current(authentication.getName())
        .map(ResponseEntity::ok)
        .orElseGet(() -> ResponseEntity.noContent().build());
  }

  @Operation(summary = "Accept the offer: the task becomes mine")
  @PostMapping("/offers/{id}/accept")
  WorkOffer accept(@PathVariable long id, Authentication authentication) {
    return offers.accept(id, authentication.getName());
  }

  @Operation(summary = "Decline the offer: it goes to the next operator")
  @PostMapping("/offers/{id}/decline")
  WorkOffer decline(@PathVariable long id, Authentication authentication) {
    return offers.decline(id, authentication.getName());
  }

  @Operation(summary = "A queue's waiting items in the order of its policy, for me (PULL)")
  @GetMapping("/queues/{queue}/items")
  QueueList items(@PathVariable String queue, Authentication authentication) {
    return routing.list(queue, authentication.getName());
  }
}
