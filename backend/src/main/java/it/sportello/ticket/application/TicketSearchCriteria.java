package it.sportello.ticket.application;

import it.sportello.shared.FieldViolation;
import it.sportello.shared.InvalidRequestException;
import it.sportello.ticket.domain.Channel;
import it.sportello.ticket.domain.TicketStatus;
import it.sportello.ticket.domain.TicketType;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The filters and the order of a ticket search, parsed from the query parameters of {@code GET
 * /api/tickets/search} (and from the same parameters saved in a view). Null or empty means "any".
 *
 * @param number a ticket number, exactly (case does not matter)
 * @param text words of the subject or description (Italian full text: inflected forms match)
 * @param requester a part of the requester's name
 * @param statuses any of these statuses
 * @param open only tickets not closed
 * @param mine only tickets the reader took in charge
 * @param unassigned only tickets nobody has taken in charge
 * @param breached only tickets whose take-in-charge or resolution target was (true) or was not
 *     (false) breached
 * @param receivedFrom first day, in the service calendar's zone
 * @param receivedTo last day (inclusive), in the service calendar's zone
 */
public record TicketSearchCriteria(
    String number,
    String text,
    String requester,
    String fiscalCode,
    String email,
    Set<TicketStatus> statuses,
    String queue,
    Channel channel,
    TicketType type,
    boolean open,
    boolean mine,
    boolean unassigned,
    Boolean breached,
    LocalDate receivedFrom,
    LocalDate receivedTo) {

  /** The filter parameters, in the order a form shows them. */
  public static final List<String> FILTERS =
      List.of(
          "number",
          "q",
          "requester",
          "fiscalCode",
          "email",
          "status",
          "queue",
          "channel",
          "type",
          "open",
          "mine",
          "unassigned",
          "breached",
          "receivedFrom",
          "receivedTo");

  /** Filters on a citizen's personal data: only for roles that may read contacts. */
  public static final Set<String> PERSONAL_DATA = Set.of("fiscalCode", "email");

  private static final Pattern NUMBER = Pattern.compile("RS-\\d{4}-\\d{1,10}");
  private static final Pattern FISCAL_CODE = Pattern.compile("[A-Z0-9]{11,16}");
  private static final Pattern QUEUE = Pattern.compile("[A-Za-z0-9_-]{1,50}");

  /** The orders of the result table; each ties on the ticket's id, in the same direction. */
  public enum Sort {
    NUMBER("number", "t.number"),
    RECEIVED("received", "t.received_at"),
    PRIORITY("priority", "t.priority"),
    STATUS("status", "t.status"),
    DUE("due", "t.resolution_due_at");

    final String key;
    final String column;

    Sort(String key, String column) {
      this.key = key;
      this.column = column;
    }
  }

  /** The order: a key, descending with a leading "-" ({@code -received}, the default). */
  public record Order(Sort by, boolean descending) {

    static Order parse(String value) {
      String key = value.startsWith("-") ? value.substring(1) : value;
      return Arrays.stream(Sort.values())
          .filter(sort -> sort.key.equals(key))
          .findFirst()
          .map(sort -> new Order(sort, value.startsWith("-")))
          .orElse(null);
    }

    public String text() {
      return (descending ? "-" : "") + by.key;
    }
  }

  /** Was a filter on the requester's personal data given? */
  public boolean usesPersonalData() {
    return fiscalCode != null || email != null;
  }

  /**
   * Parses the query parameters; every bad one is named in the {@link InvalidRequestException}
   * (prefixed with {@code prefix}, e.g. {@code "filters."} for a saved view).
   */
  public static Parsed parse(Map<String, List<String>> parameters, String prefix) {
    Parser parser = new Parser(parameters, prefix);
    Parsed parsed = parser.parse();
    if (!parser.violations.isEmpty()) {
      throw new InvalidRequestException(parser.violations);
    }
    return parsed;
  }

  /** Criteria and the order they were asked in. */
  public record Parsed(TicketSearchCriteria criteria, Order order) {}

  /** The filters as they would be saved: only the given ones, one value each (comma-joined). */
  public static Map<String, String> normalize(Map<String, List<String>> parameters) {
    Map<String, String> filters = new LinkedHashMap<>();
    for (String name : FILTERS) {
      List<String> values = parameters.get(name);
      if (values != null) {
        String joined =
            String.join(",", values.stream().map(String::strip).filter(v -> !v.isEmpty()).toList());
        if (!joined.isEmpty()) {
          filters.put(name, joined);
        }
      }
    }
    return filters;
  }

  private static final class Parser {
    private final Map<String, List<String>> parameters;
    private final String prefix;
    private final List<FieldViolation> violations = new ArrayList<>();

    Parser(Map<String, List<String>> parameters, String prefix) {
      this.parameters = parameters;
      this.prefix = prefix;
    }

    Parsed parse() {
      String number = one("number", 30);
      if (number != null) {
        number = number.toUpperCase(Locale.ROOT);
        if (!NUMBER.matcher(number).matches()) {
          bad("number", "is not a ticket number (RS-year-sequence)");
        }
      }
      String fiscalCode = one("fiscalCode", 16);
      if (fiscalCode != null) {
        fiscalCode = fiscalCode.toUpperCase(Locale.ROOT);
        if (!FISCAL_CODE.matcher(fiscalCode).matches()) {
          bad("fiscalCode", "is not a fiscal code");
        }
      }
      String email = one("email", 320);
      if (email != null && !email.contains("@")) {
        bad("email", "is not an e-mail address");
      }
      String requester = one("requester", 100);
      if (requester != null && requester.length() < 2) {
        bad("requester", "needs at least 2 characters");
      }
      String queue = one("queue", 50);
      if (queue != null && !QUEUE.matcher(queue).matches()) {
        bad("queue", "is not a queue code");
      }
      LocalDate from = date("receivedFrom");
      LocalDate to = date("receivedTo");
      if (from != null && to != null && to.isBefore(from)) {
        bad("receivedTo", "is before receivedFrom");
      }
      String sortText = one("sort", 20);
      Order order = new Order(Sort.RECEIVED, true);
      if (sortText != null) {
        Order parsed = Order.parse(sortText);
        if (parsed == null) {
          bad("sort", "must be one of number, received, priority, status, due, optionally after -");
        } else {
          order = parsed;
        }
      }
      TicketSearchCriteria criteria =
          new TicketSearchCriteria(
              number,
              one("q", 200),
              requester,
              fiscalCode,
              email,
              statuses(),
              queue,
              enumValue("channel", Channel.class),
              enumValue("type", TicketType.class),
              Boolean.TRUE.equals(bool("open")),
              Boolean.TRUE.equals(bool("mine")),
              Boolean.TRUE.equals(bool("unassigned")),
              bool("breached"),
              from,
              to);
      return new Parsed(criteria, order);
    }

    private String one(String name, int maxLength) {
      List<String> values = parameters.get(name);
      if (values == null || values.isEmpty()) {
        return null;
      }
      if (values.size() > 1) {
        bad(name, "is given more than once");
        return null;
      }
      String value = values.get(0) == null ? "" : values.get(0).strip();
      if (value.isEmpty()) {
        return null;
      }
      if (value.length() > maxLength) {
        bad(name, "is longer than " + maxLength + " characters");
        return null;
      }
      return value;
    }

    private Set<TicketStatus> statuses() {
      Set<TicketStatus> statuses = EnumSet.noneOf(TicketStatus.class);
      for (String value : parameters.getOrDefault("status", List.of())) {
        for (String part : value.split(",")) {
          if (part.isBlank()) {
            continue;
          }
          try {
            statuses.add(TicketStatus.valueOf(part.strip()));
          } catch (IllegalArgumentException unknown) {
            bad("status", "unknown status " + part.strip());
          }
        }
      }
      return statuses;
    }

    private <E extends Enum<E>> E enumValue(String name, Class<E> type) {
      String value = one(name, 30);
      if (value == null) {
        return null;
      }
      try {
        return Enum.valueOf(type, value);
      } catch (IllegalArgumentException unknown) {
        bad(name, "unknown value " + value);
        return null;
      }
    }

    private Boolean bool(String name) {
      String value = one(name, 5);
      if (value == null) {
        return null;
      }
      return switch (value) {
        case "true" -> true;
        case "false" -> false;
        default -> {
          bad(name, "must be true or false");
          yield null;
        }
      };
    }

    private LocalDate date(String name) {
      String value = one(name, 10);
      if (value == null) {
        return null;
      }
      try {
        return LocalDate.parse(value);
      } catch (DateTimeParseException e) {
        bad(name, "is not a date (yyyy-mm-dd)");
        return null;
      }
    }

    private void bad(String name, String message) {
      violations.add(new FieldViolation(prefix + name, message));
    }
  }
}
