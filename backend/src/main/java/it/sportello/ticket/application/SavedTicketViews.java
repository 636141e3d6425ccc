package it.sportello.ticket.application;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import it.sportello.shared.InvalidRequestException;
import it.sportello.shared.NotFoundException;
import it.sportello.ticket.application.TicketQueries.Reader;
import it.sportello.ticket.application.TicketSearchCriteria.Parsed;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Saved ticket searches: the built-in ones ("mine", "unassigned", "breached", "waiting for the
 * citizen"), shared ones (managed by supervisors and administrators) and each user's personal ones,
 * each with the count of its tickets for the reader.
 */
@Service
public class SavedTicketViews {

  private static final TypeReference<Map<String, String>> FILTERS = new TypeReference<>() {};

  /** Where a view comes from. */
  public enum Kind {
    BUILT_IN,
    SHARED,
    PERSONAL
  }

  /**
   * A view. {@code id} is {@code builtin:<key>} for a built-in one (its {@code name} is then the
   * key the UI translates).
   */
  public record View(
      String id,
      Kind kind,
      String name,
      Map<String, String> filters,
      String sort,
      long count,
      boolean countExact,
      boolean mayDelete,
      boolean countKnown) {}

  private record Stored(
      long id, String owner, String name, Map<String, String> filters, String sort) {}

  private record BuiltIn(String key, Map<String, String> filters) {}

  private static final List<BuiltIn> BUILT_IN =
      List.of(
          new BuiltIn("mine", filters("open", "true", "mine", "true")),
          new BuiltIn("unassigned", filters("open", "true", "unassigned", "true")),
          new BuiltIn("breached", filters("open", "true", "breached", "true")),
          new BuiltIn("waitingForRequester", filters("status", "WAITING_FOR_REQUESTER")));

  private final NamedParameterJdbcTemplate jdbc;
  private final TicketSearch search;
  private final ObjectMapper json;
  private final Clock clock;
  private final Duration countTimeout;
  private final Duration countBudget;

  /**
   * @param countTimeout the longest one view's count may take; beyond it the count is unknown
   * @param countBudget the longest all the counts of one list may take together: the views left
   *     when it is spent get no count (unknown), so the page never waits long for its counts
   */
  SavedTicketViews(
      NamedParameterJdbcTemplate jdbc,
      TicketSearch search,
      ObjectMapper json,
      Clock clock,
      @Value("${sportello.tickets.views.count-timeout:PT2S}") Duration countTimeout,
      @Value("${sportello.tickets.views.count-budget:PT5S}") Duration countBudget) {
    this.jdbc = jdbc;
    this.search = search;
    this.json = json;
    this.clock = clock;
    this.countTimeout = countTimeout;
    this.countBudget = countBudget;
  }

  /**
   * The views the reader sees, built-in first, then shared, then personal, each with its count
   * (capped at {@link TicketSearch#COUNT_LIMIT}; unknown when it took too long). Not one
   * transaction: each count runs in its own, under its statement timeout.
   */
  public List<View> list(Reader reader, boolean managesShared, ZoneId zone) {
    long deadline = System.nanoTime() + countBudget.toNanos();
    List<View> views = new ArrayList<>();
    for (BuiltIn builtIn : BUILT_IN) {
      views.add(
          view(
              "builtin:" + builtIn.key(),
              Kind.BUILT_IN,
              builtIn.key(),
              builtIn.filters(),
              "-received",
              false,
              reader,
              zone,
              deadline));
    }
    for (Stored stored : stored(reader.userId())) {
      Kind kind = stored.owner() == null ? Kind.SHARED : Kind.PERSONAL;
      views.add(
          view(
              Long.toString(stored.id()),
              kind,
              stored.name(),
              stored.filters(),
              stored.sort(),
              kind == Kind.PERSONAL || managesShared,
              reader,
              zone,
              deadline));
    }
    return views;
  }

  /**
   * Saves the filters as a view, personal or shared (shared only for supervisors and
   * administrators). Filters on personal data are not saved.
   */
  /**
   * Saves a view and answers it with its count. Not one transaction: the insert commits on its own,
   * then the count takes its own connection under its time limit, so the request never holds two
   * pool connections at once (issue 26).
   */
  public View create(
      String userId,
      boolean managesShared,
      String name,
      boolean shared,
      Map<String, String> filters,
      String sort,
      Reader reader,
      ZoneId zone) {
    if (shared && !managesShared) {
      throw new AccessDeniedException("Only supervisors and administrators share views");
    }
    Map<String, List<String>> parameters = new LinkedHashMap<>();
    filters.forEach(
        (key, value) -> {
          if (!TicketSearchCriteria.FILTERS.contains(key)) {
            throw new InvalidRequestException("filters." + key, "is not a search filter");
          }
          if (TicketSearchCriteria.PERSONAL_DATA.contains(key)) {
            throw new InvalidRequestException(
                "filters." + key, "personal data is not saved in a view");
          }
          parameters.put(key, List.of(value == null ? "" : value));
        });
    if (sort != null) {
      parameters.put("sort", List.of(sort));
    }
    Parsed parsed = TicketSearchCriteria.parse(parameters, "filters.");
    parameters.remove("sort");
    Map<String, String> normalized = TicketSearchCriteria.normalize(parameters);
    String order = parsed.order().text();
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    try {
      jdbc.update(
          "insert into sportello.ticket_view (owner, name, filters, sort, created_by, created_at)"
              + " values (:owner, :name, cast(:filters as jsonb), :sort, :user, :at)",
          new MapSqlParameterSource()
              .addValue("owner", shared ? null : userId)
              .addValue("name", name.strip())
              .addValue("filters", write(normalized))
              .addValue("sort", order)
              .addValue("user", userId)
              .addValue("at", Timestamp.from(clock.instant())),
          key,
          new String[] {"id"});
    } catch (DuplicateKeyException taken) {
      throw new InvalidRequestException("name", "a view with this name exists already");
    }
    long id = key.getKey().longValue();
    return view(
        Long.toString(id),
        shared ? Kind.SHARED : Kind.PERSONAL,
        name.strip(),
        normalized,
        order,
        true,
        reader,
        zone);
  }

  /** Deletes the user's own view, or a shared one if they manage shared views. */
  @Transactional
  public void delete(long id, String userId, boolean managesShared) {
    Stored stored =
        stored(userId).stream()
            .filter(each -> each.id() == id)
            .findFirst()
            .orElseThrow(() -> new NotFoundException("No view " + id));
    if (stored.owner() == null && !managesShared) {
      throw new AccessDeniedException("Only supervisors and administrators delete shared views");
    }
    jdbc.update(
        "delete from sportello.ticket_view where id = :id", new MapSqlParameterSource("id", id));
  }

  private View view(
      String id,
      Kind kind,
      String name,
      Map<String, String> filters,
      String sort,
      boolean mayDelete,
      Reader reader,
      ZoneId zone) {
    return view(
        id,
        kind,
        name,
        filters,
        sort,
        mayDelete,
        reader,
        zone,
        System.nanoTime() + countTimeout.toNanos());
  }

  private View view(
      String id,
      Kind kind,
      String name,
      Map<String, String> filters,
      String sort,
      boolean mayDelete,
      Reader reader,
      ZoneId zone,
      long deadline) {
    Map<String, List<String>> parameters = new LinkedHashMap<>();
    filters.forEach((key, value) -> parameters.put(key, List.of(value)));
    Duration left = Duration.ofNanos(deadline - System.nanoTime());
    Duration timeout = left.compareTo(countTimeout) < 0 ? left : countTimeout;
    TicketSearch.Count count =
        timeout.toMillis() < 10
            ? TicketSearch.Count.UNKNOWN
            : search.countWithin(
                TicketSearchCriteria.parse(parameters, "filters.").criteria(),
                reader,
                zone,
                timeout);
    return new View(
        id, kind, name, filters, sort, count.count(), count.exact(), mayDelete, count.known());
  }

  private List<Stored> stored(String userId) {
    return jdbc.query(
        "select id, owner, name, filters::text as filters, sort from sportello.ticket_view"
            + " where owner is null or owner = :user order by owner nulls first, lower(name)",
        new MapSqlParameterSource("user", userId),
        (result, index) ->
            new Stored(
                result.getLong("id"),
                result.getString("owner"),
                result.getString("name"),
                read(result.getString("filters")),
                result.getString("sort")));
  }

  private Map<String, String> read(String text) {
    try {
      return json.readValue(text, FILTERS);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Unreadable view filters: " + text, e);
    }
  }

  private String write(Map<String, String> filters) {
    try {
      return json.writeValueAsString(filters);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, String> filters(String... pairs) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put(pairs[i], pairs[i + 1]);
    }
    return map;
  }
}
