package it.sportello.ticket.canned.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import it.sportello.platform.security.Role;
import it.sportello.shared.FieldViolation;
import it.sportello.shared.InvalidRequestException;
import it.sportello.ticket.TicketReaders;
import it.sportello.ticket.canned.CannedReplies;
import it.sportello.ticket.canned.CannedReplies.Actor;
import it.sportello.ticket.canned.CannedReplies.RenderedCannedReply;
import it.sportello.ticket.canned.CannedReply;
import it.sportello.ticket.canned.web.CannedReplyRequest.CannedReplyBodies;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Canned replies ("risposte pronte"): the user's own and the shared ones, managed here and rendered
 * for a ticket in its language with the placeholders filled in.
 */
@Tag(
    name = "Canned replies",
    description = "Personal and shared canned replies with placeholders, in four languages")
@RestController
@RequestMapping("/api/canned-replies")
class CannedReplyController {

  private static final Set<String> SHARED_MANAGERS =
      Set.of(Role.SUPERVISOR.authority(), Role.KB_EDITOR.authority(), Role.ADMIN.authority());

  private final CannedReplies replies;

  CannedReplyController(CannedReplies replies) {
    this.replies = replies;
  }

  /**
   * A canned reply.
   *
   * @param owner the user whose personal reply it is; null when shared
   * @param editable whether I may change and delete it
   */
  record CannedReplyView(
      long id,
      String title,
      boolean shared,
      String owner,
      String queue,
      CannedReplyBodies bodies,
      long version,
      String createdBy,
      Instant createdAt,
      String updatedBy,
      Instant updatedAt,
      boolean editable) {

    static CannedReplyView of(CannedReply reply, Actor actor) {
      Map<String, String> bodies = reply.bodies();
      return new CannedReplyView(
          reply.getId(),
          reply.getTitle(),
          reply.isShared(),
          reply.getOwner(),
          reply.getQueue(),
          new CannedReplyBodies(
              bodies.get("it"), bodies.get("en"), bodies.get("de"), bodies.get("fr")),
          reply.getVersion(),
          reply.getCreatedBy(),
          reply.getCreatedAt(),
          reply.getUpdatedBy(),
          reply.getUpdatedAt(),
          !reply.isShared() || actor.managesShared());
    }
  }

  /** Which ticket to render a reply for. */
  record CannedReplyRenderRequest(String ticket) {}

  @Operation(
      summary = "My canned replies and the shared ones, by title",
      description =
          "q: words the title or a body contains; queue: the replies for that queue and those for"
              + " every queue")
  @GetMapping
  List<CannedReplyView> listCannedReplies(
      Authentication authentication,
      @Parameter(description = "Text to look for in titles and bodies")
          @RequestParam(required = false)
          String q,
      @Parameter(description = "A queue's code") @RequestParam(required = false) String queue) {
    if (q != null && q.length() > 200) {
      throw new InvalidRequestException("q", "at most 200 characters");
    }
    Actor actor = actor(authentication);
    String scope = queue == null || queue.isBlank() ? null : queue.strip();
    return replies.visible(actor, q, scope).stream()
        .map(reply -> CannedReplyView.of(reply, actor))
        .toList();
  }

  @Operation(summary = "One of my canned replies or a shared one")
  @GetMapping("/{id}")
  CannedReplyView getCannedReply(Authentication authentication, @PathVariable long id) {
    Actor actor = actor(authentication);
    return CannedReplyView.of(replies.get(actor, id), actor);
  }

  @Operation(
      summary = "Write a canned reply: personal, or shared (supervisors, KB editors, admins)",
      description =
          "Placeholders: {{richiedente.nome}} / {{requester.name}}, {{pratica.numero}} /"
              + " {{ticket.number}}, {{pratica.oggetto}} / {{ticket.subject}}, {{operatore.nome}}"
              + " / {{operator.name}}, {{oggi}} / {{today}}; any other is refused (400).")
  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  CannedReplyView createCannedReply(
      Authentication authentication, @RequestBody CannedReplyRequest request) {
    Actor actor = actor(authentication);
    return CannedReplyView.of(replies.create(actor, request.validated(false)), actor);
  }

  @Operation(
      summary = "Change a canned reply (mine; shared: supervisors, KB editors, admins)",
      description = "version: the one edited; 409 when someone changed it meanwhile")
  @PutMapping("/{id}")
  CannedReplyView updateCannedReply(
      Authentication authentication,
      @PathVariable long id,
      @RequestBody CannedReplyRequest request) {
    Actor actor = actor(authentication);
    return CannedReplyView.of(
        replies.update(
            actor, id, request.version() == null ? -1 : request.version(), request.validated(true)),
        actor);
  }

  @Operation(summary = "Delete a canned reply (mine; shared: supervisors, KB editors, admins)")
  @DeleteMapping("/{id}")
  ResponseEntity<Void> deleteCannedReply(Authentication authentication, @PathVariable long id) {
    replies.delete(actor(authentication), id);
    return ResponseEntity.noContent().build();
  }

  @Operation(
      summary =
          "A canned reply for a ticket: in the ticket's language (else Italian), placeholders"
              + " filled in; missing lists those without a value (left empty)")
  @PostMapping("/{id}/render")
  RenderedCannedReply renderCannedReply(
      Authentication authentication,
      @PathVariable long id,
      @RequestBody CannedReplyRenderRequest request) {
    String ticket = request == null || request.ticket() == null ? "" : request.ticket().strip();
    if (ticket.isEmpty() || ticket.length() > 30) {
      throw new InvalidRequestException(
          List.of(new FieldViolation("ticket", "a ticket's number, at most 30 characters")));
    }
    return replies.render(actor(authentication), id, ticket, TicketReaders.of(authentication));
  }

  private static Actor actor(Authentication authentication) {
    boolean managesShared =
        authentication.getAuthorities().stream()
            .map(GrantedAuthority::getAuthority)
            .anyMatch(SHARED_MANAGERS::contains);
    return new Actor(authentication.getName(), managesShared);
  }
}
