package it.sportello.ticket.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import it.sportello.platform.security.Role;
import it.sportello.shared.InvalidRequestException;
import it.sportello.sla.SlaService;
import it.sportello.ticket.TicketReaders;
import it.sportello.ticket.application.SavedTicketViews;
import it.sportello.ticket.application.TicketSearch;
import it.sportello.ticket.application.TicketSearchCriteria;
import it.sportello.ticket.application.TicketSearchCriteria.Parsed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Ticket search", description = "Search across tickets and saved views")
@RestController
@RequestMapping("/api/tickets")
class TicketSearchController {

  /** Roles that may read a citizen's contact data, and so search by it. */
  private static final Set<String> CONTACT_READERS =
      Set.of(
          Role.LEVEL1.authority(),
          Role.LEVEL2.authority(),
          Role.LEVEL3.authority(),
          Role.SUPERVISOR.authority());

  private static final Set<String> SHARED_VIEW_MANAGERS =
      Set.of(Role.SUPERVISOR.authority(), Role.ADMIN.authority());

  private final TicketSearch search;
  private final SavedTicketViews views;
  private final SlaService sla;

  TicketSearchController(TicketSearch search, SavedTicketViews views, SlaService sla) {
    this.search = search;
    this.views = views;
    this.sla = sla;
  }

  record SearchRow(
      String number,
      String subject,
      String requesterName,
      String status,
      String queue,
      String channel,
      String type,
      Integer priority,
      OffsetDateTime receivedAt,
      OffsetDateTime resolutionDueAt,
      boolean breached,
      String assignee) {}

  /**
   * One page of results. {@code total} is exact when {@code totalExact}; otherwise there are at
   * least that many.
   */
  record SearchResponse(
      List<SearchRow> items, int page, int size, long total, boolean totalExact, String sort) {}

  @Operation(
      summary = "Search tickets",
      description =
          "Filters (all optional, combined with and): number (exact), q (words of subject or"
              + " description, Italian full text), requester (part of the name), fiscalCode and"
              + " email (only for roles that may read contacts), status (one or more,"
              + " comma-separated), queue, channel, type, open, mine (taken in charge by me),"
              + " unassigned (nobody took it in charge), breached, receivedFrom/receivedTo (days,"
              + " inclusive, in the service calendar's zone). sort: number, received, priority,"
              + " status or due, '-' first for descending (default -received). Counts stop at"
              + " 10,000, at 200 with q or requester (totalExact false: at least that many)."
              + " Offices see the tickets assigned to them.")
  @GetMapping("/search")
  SearchResponse search(
      @Parameter(hidden = true) @RequestParam MultiValueMap<String, String> parameters,
      @RequestParam(defaultValue = "0") String page,
      @RequestParam(defaultValue = "25") String size,
      Authentication authentication) {
    int pageNumber = integer("page", page, 0, TicketSearch.MAX_OFFSET);
    int pageSize = integer("size", size, 1, 100);
    if ((long) pageNumber * pageSize >= TicketSearch.MAX_OFFSET) {
      throw new InvalidRequestException(
          "page",
          "goes beyond the first " + TicketSearch.MAX_OFFSET + " results: narrow the search");
    }
    Map<String, List<String>> filters = new LinkedHashMap<>(parameters);
    filters.remove("page");
    filters.remove("size");
    for (String name : filters.keySet()) {
      if (!TicketSearchCriteria.FILTERS.contains(name) && !"sort".equals(name)) {
        throw new InvalidRequestException(name, "is not a search parameter");
      }
    }
    Parsed parsed = TicketSearchCriteria.parse(filters, "");
    if (parsed.criteria().usesPersonalData() && !readsContacts(authentication)) {
      throw new AccessDeniedException("fiscalCode and email are for roles that read contacts");
    }
    ZoneId zone = sla.calendar().zone();
    TicketSearch.Result result =
        search.search(
            parsed.criteria(),
            parsed.order(),
            TicketReaders.of(authentication),
            zone,
            pageNumber * pageSize,
            pageSize);
    return new SearchResponse(
        result.rows().stream().map(row -> row(row, zone)).toList(),
        pageNumber,
        pageSize,
        result.total(),
        result.totalExact(),
        parsed.order().text());
  }

  @Operation(
      summary = "Saved views with their counts",
      description =
          "Built-in views (mine, unassigned, breached, waitingForRequester: their name is a key"
              + " to translate), then the shared ones, then the caller's personal ones; each with"
              + " the count of its tickets for the caller (at most 10,000, 200 when its filters"
              + " have q or requester; countExact false beyond).")
  @GetMapping("/views")
  List<SavedTicketViews.View> views(Authentication authentication) {
    return views.list(
        TicketReaders.of(authentication), managesShared(authentication), sla.calendar().zone());
  }

  record CreateViewRequest(
      @NotBlank @Size(max = 100) String name,
      boolean shared,
      Map<String, String> filters,
      @Size(max = 20) String sort) {}

  @Operation(
      summary = "Save a view",
      description =
          "Personal, or shared (supervisors and administrators only: 403 otherwise). filters are"
              + " the search's parameters; fiscalCode and email are not saved (400).")
  @PostMapping("/views")
  ResponseEntity<SavedTicketViews.View> createView(
      @Valid @RequestBody CreateViewRequest request, Authentication authentication) {
    return ResponseEntity.status(HttpStatus.CREATED)
        .body(
            views.create(
                authentication.getName(),
                managesShared(authentication),
                request.name(),
                request.shared(),
                request.filters() == null ? Map.of() : request.filters(),
                request.sort(),
                TicketReaders.of(authentication),
                sla.calendar().zone()));
  }

  @Operation(summary = "Delete a view: one's own, or a shared one (supervisors, administrators)")
  @DeleteMapping("/views/{id}")
  ResponseEntity<Void> deleteView(@PathVariable long id, Authentication authentication) {
    views.delete(id, authentication.getName(), managesShared(authentication));
    return ResponseEntity.noContent().build();
  }

  private static SearchRow row(TicketSearch.Row row, ZoneId zone) {
    return new SearchRow(
        row.number(),
        row.subject(),
        row.requesterName(),
        row.status(),
        row.queue(),
        row.channel(),
        row.type(),
        row.priority(),
        at(row.receivedAt(), zone),
        at(row.resolutionDueAt(), zone),
        row.breached(),
        row.assignee());
  }

  private static OffsetDateTime at(Instant instant, ZoneId zone) {
    return instant == null ? null : instant.atZone(zone).toOffsetDateTime();
  }

  private static int integer(String name, String value, int min, int max) {
    try {
      int parsed = Integer.parseInt(value.strip());
      if (parsed < min || parsed > max) {
        throw new InvalidRequestException(name, "must be between " + min + " and " + max);
      }
      return parsed;
    } catch (NumberFormatException e) {
      throw new InvalidRequestException(name, "is not a whole number");
    }
  }

  private static boolean readsContacts(Authentication authentication) {
    return authentication.getAuthorities().stream()
        .anyMatch(authority -> CONTACT_READERS.contains(authority.getAuthority()));
  }

  private static boolean managesShared(Authentication authentication) {
    return authentication.getAuthorities().stream()
        .anyMatch(authority -> SHARED_VIEW_MANAGERS.contains(authority.getAuthority()));
  }
}
