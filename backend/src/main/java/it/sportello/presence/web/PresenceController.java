package it.sportello.presence.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import it.sportello.platform.security.GroupAuthorities;
import it.sportello.presence.Activity;
import it.sportello.presence.Presence;
import it.sportello.presence.TicketPresence;
import it.sportello.shared.NotFoundException;
import it.sportello.shared.OperatorNames;
import it.sportello.ticket.TicketReaders;
import it.sportello.ticket.application.TicketQueries;
import it.sportello.worklist.InboxFilter;
import it.sportello.worklist.Worker;
import it.sportello.worklist.Worklist;
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
  private final TicketQueries tickets;
  private final Worklist worklist;
  private final OperatorNames names;

  PresenceController(
      TicketPresence presence, TicketQueries tickets, Worklist worklist, OperatorNames names) {
    this.presence = presence;
    this.tickets = tickets;
    this.worklist = worklist;
    this.names = names;
  }

  /** The others with their display names, for "Mario Rossi (operator1)". */
  private Others named(List<Presence> others) {
    return new Others(
        others.stream().map(p -> p.named(names.nameOf(p.userId()).orElse(null))).toList());
  }

  /**
   * Only for a ticket the caller may read, by the ticket page's rule ({@link
   * TicketQueries#mayRead}); a business key that is not a ticket (a letter's, a complaint's) only
   * for those who have a task on it. Anything else answers 404, as an unknown ticket does, so that
   * neither the ticket nor who works on it is revealed.
   */
  private void mayBeOn(String number, Authentication user) {
    boolean isTicket = !tickets.byNumbers(List.of(number)).isEmpty();
    boolean may =
        isTicket
            ? tickets.mayRead(number, TicketReaders.of(user))
            : worklist
                    .inbox(
                        new Worker(
                            user.getName(), GroupAuthorities.groupIds(user.getAuthorities())),
                        InboxFilter.ofBusinessKey(number),
                        0,
                        1)
                    .getTotalElements()
                > 0;
    if (!may) {
      throw new NotFoundException("No ticket with number " + number);
    }
  }

  record Heartbeat(@NotNull Activity activity) {}

  record Others(List<Presence> others) {}

  @Operation(summary = "Who else is on the ticket now")
  @GetMapping("/{number}")
  Others others(@PathVariable @Pattern(regexp = NUMBER) String number, Authentication user) {
    mayBeOn(number, user);
    return named(presence.others(number, user.getName()));
  }

  @Operation(
      summary = "I am on the ticket (a heartbeat, every few seconds); answers who else is",
      description = "The presence expires unless renewed (30 seconds by default).")
  @PutMapping("/{number}")
  Others heartbeat(
      @PathVariable @Pattern(regexp = NUMBER) String number,
      @Valid @RequestBody Heartbeat heartbeat,
      Authentication user) {
    mayBeOn(number, user);
    return named(presence.heartbeat(number, user.getName(), heartbeat.activity()));
  }

  @Operation(summary = "I left the ticket")
  @DeleteMapping("/{number}")
  ResponseEntity<Void> leave(
      @PathVariable @Pattern(regexp = NUMBER) String number, Authentication user) {
    presence.leave(number, user.getName());
    return ResponseEntity.noContent().build();
  }
}
