package it.sportello.shared;

/**
 * Text from outside (a mail header, a file name, a body) made safe for a PostgreSQL text column:
 * PostgreSQL refuses the NUL character in {@code text}, {@code varchar} and {@code jsonb}, and a
 * lone surrogate cannot be encoded in UTF-8. Lengths are counted in code points, as PostgreSQL
 * counts {@code varchar(n)}, and never cut a surrogate pair in two.
 */
public final class DbText {

  /** What a cut value ends with. */
  public static final String ELLIPSIS = "…";

  private DbText() {}

  /**
   * The text without NUL characters, each lone surrogate replaced by U+FFFD; the same instance when
   * nothing needed doing.
   */
  public static String clean(String value) {
    if (value == null || isClean(value)) {
      return value;
    }
    StringBuilder out = new StringBuilder(value.length());
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\0') {
        continue;
      }
      if (Character.isHighSurrogate(c)
          && i + 1 < value.length()
          && Character.isLowSurrogate(value.charAt(i + 1))) {
        out.append(c).append(value.charAt(++i));
      } else if (Character.isSurrogate(c)) {
        out.append('\uFFFD');
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * The cleaned text, at most {@code maxCodePoints} long: a longer one is cut and ends with {@link
   * #ELLIPSIS}.
   */
  public static String bounded(String value, int maxCodePoints) {
    return cut(clean(value), maxCodePoints);
  }

  /** Whether the text fits a column of {@code maxCodePoints} once cleaned. */
  public static boolean fits(String value, int maxCodePoints) {
    String cleaned = clean(value);
    return cleaned == null || cleaned.codePointCount(0, cleaned.length()) <= maxCodePoints;
  }

  private static String cut(String value, int maxCodePoints) {
    if (maxCodePoints < 1) {
      throw new IllegalArgumentException("maxCodePoints must be positive");
    }
    if (value == null
        || value.length() <= maxCodePoints
        || value.codePointCount(0, value.length()) <= maxCodePoints) {
      return value;
    }
    int end = value.offsetByCodePoints(0, maxCodePoints - 1);
    return value.substring(0, end) + ELLIPSIS;
  }

  private static boolean isClean(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\0') {
        return false;
      }
      if (Character.isSurrogate(c)) {
        if (Character.isHighSurrogate(c)
            && i + 1 < value.length()
            && Character.isLowSurrogate(value.charAt(i + 1))) {
          i++;
        } else {
          return false;
        }
      }
    }
    return true;
  }
}
