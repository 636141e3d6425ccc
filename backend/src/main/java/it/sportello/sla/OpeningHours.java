package it.sportello.sla;

import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * A daily opening range {@code [from, to)} in wall-clock time, e.g. {@code 08:00-20:00}. {@code
 * from} must be strictly before {@code to}; ranges do not cross midnight.
 */
public record OpeningHours(LocalTime from, LocalTime to) {

  public OpeningHours {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (!from.isBefore(to)) {
      throw new IllegalArgumentException(
          "Opening hours must start before they end: " + from + "-" + to);
    }
  }

  /**
   * Parses {@code "HH:mm-HH:mm"}, e.g. {@code "08:00-20:00"}.
   *
   * @throws IllegalArgumentException if the text is not a valid range
   */
  public static OpeningHours parse(String text) {
    if (text == null) {
      throw new IllegalArgumentException(
          "Opening hours must not be null; expected HH:mm-HH:mm, e.g. 08:00-20:00");
    }
    String[] parts = text.split("-", -1);
    if (parts.length != 2) {
      throw new IllegalArgumentException(
          "Invalid opening hours '" + text + "': expected HH:mm-HH:mm, e.g. 08:00-20:00");
    }
    try {
      return new OpeningHours(LocalTime.parse(parts[0].trim()), LocalTime.parse(parts[1].trim()));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "Invalid opening hours '" + text + "': expected HH:mm-HH:mm, e.g. 08:00-20:00", e);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "Invalid opening hours '" + text + "': " + e.getMessage(), e);
    }
  }

  boolean overlaps(OpeningHours other) {
    return from.isBefore(other.to) && other.from.isBefore(to);
  }

  @Override
  public String toString() {
    return from + "-" + to;
  }
}
