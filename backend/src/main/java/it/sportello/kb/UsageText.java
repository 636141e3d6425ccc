package it.sportello.kb;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The searched text as the usage log keeps it: lower-cased, spaces collapsed, cut to {@value
 * #MAX_LENGTH} characters, and without what would identify a person (citizens sometimes type their
 * e-mail address, fiscal code or phone number into the search box): those become placeholders, so
 * the same gap still groups together in the report.
 */
final class UsageText {

  static final int MAX_LENGTH = 200;

  private static final Pattern EMAIL = Pattern.compile("[\\p{L}0-9._%+-]+@[\\p{L}0-9.-]+");
  private static final Pattern FISCAL_CODE =
      Pattern.compile(
          "\\b[a-z]{6}[0-9lmnpqrstuv]{2}[a-z][0-9lmnpqrstuv]{2}[a-z][0-9lmnpqrstuv]{3}[a-z]\\b");
  private static final Pattern LONG_NUMBER = Pattern.compile("\\+?\\d(?:[ .-]?\\d){6,}");
  private static final Pattern SPACES = Pattern.compile("\\s+");

  private UsageText() {}

  static String query(String text) {
    if (text == null) {
      return "";
    }
    String normalized = SPACES.matcher(text.strip().toLowerCase(Locale.ITALIAN)).replaceAll(" ");
    normalized = EMAIL.matcher(normalized).replaceAll("[email]");
    normalized = FISCAL_CODE.matcher(normalized).replaceAll("[codice fiscale]");
    normalized = LONG_NUMBER.matcher(normalized).replaceAll("[numero]");
    if (normalized.length() > MAX_LENGTH) {
      normalized = normalized.substring(0, MAX_LENGTH).strip();
    }
    return normalized;
  }
}
