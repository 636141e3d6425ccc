package it.sportello.kb;

import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The words a solved ticket teaches the article that answered it: its subject and first message,
 * without the requester's personal data (e-mail addresses, fiscal codes, IBANs, phone and other
 * long numbers, and the requester's names as the ticket knows them), spaces collapsed, at most
 * {@value #MAX_LENGTH} characters. What is removed leaves nothing behind: a placeholder would be
 * indexed as words of its own.
 */
public final class LearnedText {

  /** The longest text one ticket teaches an article. */
  public static final int MAX_LENGTH = 600;

  private static final Pattern EMAIL =
      Pattern.compile("[\\p{L}0-9._%+-]+@[\\p{L}0-9-]+(?:\\.[\\p{L}0-9-]+)*");
  private static final Pattern FISCAL_CODE =
      Pattern.compile(
          "\\b[a-z]{6}[0-9lmnpqrstuv]{2}[a-z][0-9lmnpqrstuv]{2}[a-z][0-9lmnpqrstuv]{3}[a-z]\\b",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern IBAN =
      Pattern.compile("\\b[a-z]{2}\\d{2}(?:[ ]?[a-z0-9]){11,30}\\b", Pattern.CASE_INSENSITIVE);
  private static final Pattern LONG_NUMBER = Pattern.compile("\\+?\\d(?:[ ./-]?\\d){5,}");
  private static final Pattern SPACES = Pattern.compile("\\s+");

  private LearnedText() {}

  /**
   * @param names the requester's names as the ticket knows them (full name, company name); each
   *     word of three letters or more is removed wherever it appears
   */
  public static String of(String subject, String firstMessage, Collection<String> names) {
    String text = (nullToEmpty(subject) + "\n" + nullToEmpty(firstMessage));
    text = EMAIL.matcher(text).replaceAll(" ");
    text = FISCAL_CODE.matcher(text).replaceAll(" ");
    text = IBAN.matcher(text).replaceAll(" ");
    text = LONG_NUMBER.matcher(text).replaceAll(" ");
    for (String name : nameWords(names)) {
      text =
          Pattern.compile(
                  "(?<![\\p{L}\\p{N}])" + Pattern.quote(name) + "(?![\\p{L}\\p{N}])",
                  Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)
              .matcher(text)
              .replaceAll(" ");
    }
    text = SPACES.matcher(text).replaceAll(" ").strip();
    if (text.length() > MAX_LENGTH) {
      int cut = text.lastIndexOf(' ', MAX_LENGTH);
      text = text.substring(0, cut > MAX_LENGTH / 2 ? cut : MAX_LENGTH).strip();
    }
    return text;
  }

  /** Longest first, so that "Maria Rosa" goes before "Maria" would leave "Rosa" behind. */
  private static List<String> nameWords(Collection<String> names) {
    return names.stream()
        .filter(name -> name != null && !name.isBlank())
        .flatMap(name -> Stream.concat(Stream.of(name.strip()), words(name)))
        .filter(word -> word.length() >= 3)
        .map(word -> word.toLowerCase(Locale.ITALIAN))
        .distinct()
        .sorted(Comparator.comparingInt(String::length).reversed())
        .toList();
  }

  private static Stream<String> words(String name) {
    return Arrays.stream(name.split("[\\s'’.,-]+"));
  }

  private static String nullToEmpty(String value) {
    return value == null ? "" : value;
  }
}
