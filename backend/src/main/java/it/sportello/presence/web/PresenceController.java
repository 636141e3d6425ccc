package it.sportello.presence.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import it.sportello.presence.Activity;
import it.sportello.presence.Presence;
import it.sportello.presence.TicketPresence;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(
    name = "Presence",
    description =
        "Who else has a ticket open and whether they are replying (the collision warning)")
@Validated
@RestController
@RequestMapping("/api/presence")
class PresenceController {

  private static final String NUMBER = "[A-Za-z0-9-]{1,20}"; // as long as a ticket number

  private final TicketPresence presence;

  PresenceController(TicketPresence presence) {
    this.presence = presence;
  }

  record Heartbeat(@NotNull Activity activity) {}

  record Others(List<Presence> others) {}

  @Operation(summary = "Who else is on the ticket now")
  @GetMapping("/{number}")
  Others others(@PathVariable @Pattern(regexp = NUMBER) String number, Authentication user) {
    return new Others(presence.others(number, user.getName()));
  }

  @Operation(
      summary = "I am on the ticket (a heartbeat, every few seconds); answers who else is",
      description = "The presence expires unless renewed (30 seconds by default).")
  @PutMapping("/{number}")
  Others heartbeat(
      @PathVariable @Pattern(regexp = NUMBER) String number,
      @Valid @RequestBody Heartbeat heartbeat,
      Authentication user) {
    return new Others(presence.heartbeat(number, user.getName(), heartbeat.activity()));
  }

  @Operation(summary = "I left the ticket")
  @DeleteMapping("/{number}")
  ResponseEntity<Void> leave(
      @PathVariable @Pattern(regexp = NUMBER) String number, Authentication user) {
    presence.leave(number, user.getName());
    return ResponseEntity.noContent().build();
  }
}
