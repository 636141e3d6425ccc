package it.sportello.ticket.canned;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The text of a canned reply: its placeholders ({@code {{richiedente.nome}}} or its English alias
 * {@code {{requester.name}}}, spaces inside the braces allowed) and how they are filled in for a
 * ticket. Plain Java, no Spring: what a placeholder means lives here and only here.
 *
 * <p>A placeholder whose value is missing (a ticket without a known requester) becomes empty text,
 * never {@code null}, and is reported in {@link Rendered#missing()} so that the operator sees it.
 * Braces that do not form a placeholder ({@code {{ }}} unclosed) are left as they are.
 */
public final class CannedText {

  /** The languages of a canned reply's body; the first is required and the fallback. */
  public static final List<String> LANGUAGES = List.of("it", "en", "de", "fr");

  private static final Pattern TOKEN = Pattern.compile("\\{\\{\\s*([^{}]*?)\\s*}}");

  /** What may be filled in, by its Italian and English names. */
  public enum Placeholder {
    REQUESTER_NAME("richiedente.nome", "requester.name"),
    TICKET_NUMBER("pratica.numero", "ticket.number"),
    TICKET_SUBJECT("pratica.oggetto", "ticket.subject"),
    OPERATOR_NAME("operatore.nome", "operator.name"),
    TODAY("oggi", "today");

    private final String italian;
    private final String english;

    Placeholder(String italian, String english) {
      this.italian = italian;
      this.english = english;
    }

    public String italian() {
      return italian;
    }

    public String english() {
      return english;
    }

    static Optional<Placeholder> named(String name) {
      return Arrays.stream(values())
          .filter(each -> each.italian.equals(name) || each.english.equals(name))
          .findFirst();
    }
  }

  /**
   * The values of one ticket and operator; any may be null (missing).
   *
   * @param today the day in the service calendar's zone
   */
  public record Values(
      String requesterName,
      String ticketNumber,
      String ticketSubject,
      String operatorName,
      LocalDate today) {}

  /**
   * The filled-in text and the placeholders (as written, e.g. {@code richiedente.nome}) that had no
   * value.
   */
  public record Rendered(String text, List<String> missing) {}

  private CannedText() {}

  /** Every placeholder name of the body that is not one we know, in order, each once. */
  public static List<String> unknownPlaceholders(String body) {
    if (body == null) {
      return List.of();
    }
    Set<String> unknown = new LinkedHashSet<>();
    Matcher matcher = TOKEN.matcher(body);
    while (matcher.find()) {
      if (Placeholder.named(matcher.group(1)).isEmpty()) {
        unknown.add(matcher.group(1));
      }
    }
    return List.copyOf(unknown);
  }

  /** Every name a body may use, Italian first. */
  public static List<String> knownNames() {
    return Stream.concat(
            Arrays.stream(Placeholder.values()).map(Placeholder::italian),
            Arrays.stream(Placeholder.values()).map(Placeholder::english))
        .toList();
  }

  /**
   * The body with each placeholder filled in; dates formatted for {@code language} (one of {@link
   * #LANGUAGES}). An unknown placeholder (saved before the rule, or written by a script) is left as
   * written.
   */
  public static Rendered render(String body, Values values, String language) {
    Locale locale = Locale.forLanguageTag(LANGUAGES.contains(language) ? language : "it");
    List<String> missing = new ArrayList<>();
    Matcher matcher = TOKEN.matcher(body == null ? "" : body);
    StringBuilder text = new StringBuilder();
    while (matcher.find()) {
      String name = matcher.group(1);
      Optional<Placeholder> placeholder = Placeholder.named(name);
      String value;
      if (placeholder.isEmpty()) {
        value = matcher.group();
      } else {
        value = value(placeholder.get(), values, locale);
        if (value == null || value.isBlank()) {
          value = "";
          if (!missing.contains(name)) {
            missing.add(name);
          }
        }
      }
      matcher.appendReplacement(text, Matcher.quoteReplacement(value));
    }
    matcher.appendTail(text);
    return new Rendered(text.toString(), List.copyOf(missing));
  }

  private static String value(Placeholder placeholder, Values values, Locale locale) {
    return switch (placeholder) {
      case REQUESTER_NAME -> values.requesterName();
      case TICKET_NUMBER -> values.ticketNumber();
      case TICKET_SUBJECT -> values.ticketSubject();
      case OPERATOR_NAME -> values.operatorName();
      case TODAY ->
          values.today() == null
              ? null
              : DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
                  .withLocale(locale)
                  .format(values.today());
    };
  }
}
