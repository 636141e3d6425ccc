package it.sportello.shared.web;

import java.util.regex.Pattern;

/**
 * One cell of a CSV export: quoted as RFC 4180 asks, and never read as a formula by a spreadsheet
 * program (CSV injection, OWASP). Every export writes its cells through here.
 *
 * <p>A cell whose text, or any line of it, starts with {@code = + - @}, a tab or a carriage return
 * (or their full-width forms) is neutralised: the cell starts with {@code '}, and so does each such
 * line, since programs that split a quoted cell on its line breaks read each line as a cell of its
 * own. A plain number ({@code -12}, {@code -3.5}) stays as it is: it is not a formula.
 */
public final class CsvCell {

  /** A line start followed by a character that makes a spreadsheet evaluate the line. */
  private static final Pattern FORMULA_LINE =
      Pattern.compile("(?m)^(?=[=+\\-@\\t\\r\\uFF1D\\uFF0B\\uFF0D\\uFF20])");

  private static final Pattern NUMBER = Pattern.compile("-?\\d+([.,]\\d+)?");

  private CsvCell() {}

  /**
   * The cell for {@code value} ({@code null}: empty) in a file whose fields end at {@code
   * separator}.
   */
  public static String of(Object value, char separator) {
    if (value == null) {
      return "";
    }
    String text = neutralised(value.toString());
    return text.indexOf(separator) >= 0
            || text.contains("\"")
            || text.contains("\n")
            || text.contains("\r")
        ? "\"" + text.replace("\"", "\"\"") + "\""
        : text;
  }

  /**
   * The text with a {@code '} before the cell and before each line a spreadsheet would evaluate.
   */
  static String neutralised(String text) {
    if (NUMBER.matcher(text).matches() || !FORMULA_LINE.matcher(text).find()) {
      return text;
    }
    String lines = FORMULA_LINE.matcher(text).replaceAll("'");
    return lines.startsWith("'") ? lines : "'" + lines;
  }
}
