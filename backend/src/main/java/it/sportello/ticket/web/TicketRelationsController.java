package it.sportello.ticket.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import it.sportello.platform.security.GroupAuthorities;
import it.sportello.shared.ConflictException;
import it.sportello.shared.InvalidRequestException;
import it.sportello.shared.NotFoundException;
import it.sportello.sla.SlaService;
import it.sportello.ticket.TicketReaders;
import it.sportello.ticket.application.TicketActor;
import it.sportello.ticket.application.TicketQueries;
import it.sportello.ticket.application.TicketReclassification;
import it.sportello.ticket.application.TicketRelations;
import it.sportello.ticket.application.TicketRelations.LinkKind;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(
    name = "Ticket links, merge and classification",
    description =
        "Link tickets, merge a duplicate into the primary ticket of the same requester, reclassify")
@Validated
@RestController
@RequestMapping("/api/tickets")
class TicketRelationsController {

  private static final Logger log = LoggerFactory.getLogger(TicketRelationsController.class);

  private final TicketRelations relations;
  private final TicketReclassification reclassification;
  private final TicketQueries queries;
  private final ZoneId zone;

  TicketRelationsController(
      TicketRelations relations,
      TicketReclassification reclassification,
      TicketQueries queries,
      SlaService sla) {
    this.relations = relations;
    this.reclassification = reclassification;
    this.queries = queries;
    this.zone = sla.calendar().zone();
  }

  record LinkResponse(
      String number,
      LinkKind kind,
      TicketRelations.Merge merge,
      String subject,
      String status,
      OffsetDateTime receivedAt,
      String createdBy,
      OffsetDateTime createdAt) {}

  record LinkRequest(@NotBlank @Size(max = 20) String other, @NotNull LinkKind kind) {}

  @Operation(
      summary = "The tickets linked to this one",
      description =
          "Related tickets and duplicates, with the merge between them when there was one"
              + " (MERGED_INTO: this ticket was merged into the other; MERGED_IN: the other was"
              + " merged into this one).")
  @GetMapping("/{number}/links")
  List<LinkResponse> links(@PathVariable String number, Authentication authentication) {
    TicketQueries.Reader reader = TicketReaders.of(authentication);
    queries.get(number, reader);
    // an office or an external system sees only the linked tickets it may read itself
    return relations.links(number).stream()
        .filter(link -> queries.mayRead(link.number(), reader))
        .map(
            link ->
                new LinkResponse(
                    link.number(),
                    link.kind(),
                    link.merge(),
                    link.subject(),
                    link.status(),
                    link.receivedAt().atZone(zone).toOffsetDateTime(),
                    link.createdBy(),
                    link.createdAt().atZone(zone).toOffsetDateTime()))
        .toList();
  }

  @Operation(
      summary = "Link two tickets",
      description =
          "RELATED or DUPLICATE, seen from both tickets and recorded on both paths. Linking again"
              + " with the same kind changes nothing (200); a new link or kind answers 201. 403"
              + " unless the caller works at the ticket's level or is a supervisor.")
  @PostMapping("/{number}/links")
  ResponseEntity<List<LinkResponse>> link(
      @PathVariable String number,
      @Valid @RequestBody LinkRequest request,
      Authentication authentication) {
    boolean changed =
        relations.link(number, request.other().strip(), request.kind(), actor(authentication));
    return ResponseEntity.status(changed ? HttpStatus.CREATED : HttpStatus.OK)
        .body(links(number, authentication));
  }

  @Operation(
      summary = "Remove a link",
      description =
          "Recorded on both paths; removing an absent link changes nothing. 409 for the link of a"
              + " merge, which stays.")
  @DeleteMapping("/{number}/links/{other}")
  ResponseEntity<Void> unlink(
      @PathVariable String number, @PathVariable String other, Authentication authentication) {
    relations.unlink(number, other, actor(authentication));
    return ResponseEntity.noContent().build();
  }

  record MergeRequest(@NotBlank @Size(max = 20) String into, Boolean requesterConfirmed) {}

  record MergeResponse(String number, String into, boolean replayed) {}

  @Operation(
      summary = "Merge this ticket into a primary ticket as its duplicate",
      description =
          "Both open and of the same requester (409 otherwise; when one requester is unknown a"
              + " supervisor may confirm with requesterConfirmed). The duplicate closes through its"
              + " process with outcome DUPLICATE (its tasks end, its SLA timers stop); both paths"
              + " record the merge; the duplicate's documents are linked to the primary too, and the"
              + " requester's later mail on the duplicate's number goes to the primary. Merging"
              + " again into the same primary answers the same with replayed=true.")
  @PostMapping("/{number}/merge")
  MergeResponse merge(
      @PathVariable String number,
      @Valid @RequestBody MergeRequest request,
      Authentication authentication) {
    TicketRelations.Merged merged =
        relations.merge(
            number,
            request.into().strip(),
            Boolean.TRUE.equals(request.requesterConfirmed()),
            actor(authentication));
    return new MergeResponse(merged.number(), merged.into(), merged.replayed());
  }

  record BulkMergeRequest(
      @NotBlank @Size(max = 20) String into,
      @NotEmpty @Size(max = 100) List<@NotBlank @Size(max = 20) String> numbers,
      Boolean requesterConfirmed) {}

  /** One ticket of a bulk merge: MERGED, ALREADY_MERGED or FAILED with the problem's status. */
  record BulkMergeItem(String number, String result, Integer status, String detail) {}

  record BulkMergeResponse(String into, List<BulkMergeItem> results) {}

  @Operation(
      summary = "Close several tickets as duplicates of one",
      description =
          "Each ticket is merged on its own (as POST /api/tickets/{number}/merge): one refused does"
              + " not stop the others; the answer lists each ticket's result. Retrying is safe.")
  @PostMapping("/merge")
  BulkMergeResponse mergeMany(
      @Valid @RequestBody BulkMergeRequest request, Authentication authentication) {
    TicketActor actor = actor(authentication);
    String into = request.into().strip();
    List<BulkMergeItem> results = new ArrayList<>();
    Set<String> numbers = new LinkedHashSet<>();
    request.numbers().forEach(number -> numbers.add(number.strip()));
    for (String number : numbers) {
      try {
        TicketRelations.Merged merged =
            relations.merge(number, into, Boolean.TRUE.equals(request.requesterConfirmed()), actor);
        results.add(
            new BulkMergeItem(number, merged.replayed() ? "ALREADY_MERGED" : "MERGED", null, null));
      } catch (ConflictException e) {
        results.add(new BulkMergeItem(number, "FAILED", e.status(), e.getMessage()));
      } catch (NotFoundException e) {
        results.add(new BulkMergeItem(number, "FAILED", 404, e.getMessage()));
      } catch (InvalidRequestException e) {
        results.add(
            new BulkMergeItem(
                number,
                "FAILED",
                400,
                e.violations().isEmpty() ? e.getMessage() : e.violations().get(0).message()));
      } catch (AccessDeniedException e) {
        results.add(new BulkMergeItem(number, "FAILED", 403, e.getMessage()));
      } catch (RuntimeException e) {
        // a lock or the engine's optimistic locking: this ticket failed, the others stand
        log.warn("Merge of {} into {} failed", number, into, e);
        results.add(
            new BulkMergeItem(
                number,
                "FAILED",
                503,
                "Could not be merged just now: try again (retrying is safe)"));
      }
    }
    return new BulkMergeResponse(into, results);
  }

  record ClassificationRequest(
      @Size(max = 50) String queue,
      @Size(max = 2) String type,
      @Min(1) @Max(4) Integer priority,
      @Size(max = 100) String category,
      @Size(max = 1000) String reason) {}

  record ClassificationResponse(String number, List<String> changed, boolean deadlinesMoved) {}

  @Operation(
      summary = "Reclassify a ticket",
      description =
          "New queue, type, priority and/or category (a code of the classification tree), with the"
              + " reason; a field left out stays. Traced on the path (who, from → to, why). The SLA"
              + " policy is the classification decision's for the new type and category: when it"
              + " changes, the deadlines are computed again from the receipt time and the engine's"
              + " timers and the tasks' due dates move; a new queue moves the open task to its"
              + " candidate group. Unknown codes answer 400 naming the field; the same request again"
              + " changes nothing (changed is empty).")
  @PostMapping("/{number}/classification")
  ClassificationResponse reclassify(
      @PathVariable String number,
      @Valid @RequestBody ClassificationRequest request,
      Authentication authentication) {
    TicketReclassification.Result result =
        reclassification.reclassify(
            number,
            new TicketReclassification.Change(
                blankToNull(request.queue()),
                blankToNull(request.type()),
                request.priority(),
                blankToNull(request.category()),
                request.reason()),
            actor(authentication));
    return new ClassificationResponse(result.number(), result.changed(), result.deadlinesMoved());
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  private static TicketActor actor(Authentication authentication) {
    return new TicketActor(
        authentication.getName(),
        Set.copyOf(GroupAuthorities.groupIds(authentication.getAuthorities())));
  }
}
