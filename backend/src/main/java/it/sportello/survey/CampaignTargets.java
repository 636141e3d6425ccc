package it.sportello.survey;

import it.sportello.shared.FieldViolation;
import it.sportello.shared.InvalidRequestException;
import it.sportello.survey.excel.Spreadsheets;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a campaign's target list from a CSV file (comma or semicolon, UTF-8, a header row) or an
 * Excel workbook (first sheet, a header row) with the columns {@code email}, {@code phone}, {@code
 * name}, {@code language} (any order, case-insensitive; the channel says which of email or phone is
 * required). Every row is checked before anything is kept: one bad row refuses the whole file, with
 * each problem named by row number and column ({@code rows[12].email}).
 */
public final class CampaignTargets {

  /** At most this many recipients per file. */
  public static final int MAX_ROWS = 200_000;

  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
  private static final Pattern PHONE = Pattern.compile("^\\+?[0-9 ./-]{6,20}$");
  private static final int MAX_REPORTED = 50;

  /** A recipient as read: its row in the file (the header is row 1). */
  public record Target(int row, String email, String phone, String name, String language) {}

  private CampaignTargets() {}

  /** Reads and checks the file. @throws InvalidRequestException naming every bad row's field */
  public static List<Target> read(String fileName, InputStream in, Campaigns.Channel channel)
      throws IOException {
    String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
    List<Map<String, String>> rows =
        name.endsWith(".xlsx") || name.endsWith(".xls") ? excel(in) : csv(in);
    List<FieldViolation> violations = new ArrayList<>();
    List<Target> targets = new ArrayList<>();
    if (rows.size() > MAX_ROWS) {
      throw new InvalidRequestException("file", "at most " + MAX_ROWS + " rows");
    }
    for (int i = 0; i < rows.size(); i++) {
      Map<String, String> row = rows.get(i);
      int number = i + 2;
      String email = blankToNull(row.get("email"));
      String phone = blankToNull(row.get("phone"));
      String language = blankToNull(row.get("language"));
      String person = blankToNull(row.get("name"));
      String prefix = "rows[" + number + "].";
      if (email != null) {
        email = email.toLowerCase(Locale.ROOT);
        if (email.length() > 320 || !EMAIL.matcher(email).matches()) {
          violations.add(new FieldViolation(prefix + "email", "is not an e-mail address"));
        }
      } else if (channel == Campaigns.Channel.CAWI) {
        violations.add(new FieldViolation(prefix + "email", "is required for an e-mail campaign"));
      }
      if (phone != null) {
        if (!PHONE.matcher(phone).matches()) {
          violations.add(new FieldViolation(prefix + "phone", "is not a phone number"));
        }
      } else if (channel == Campaigns.Channel.CATI) {
        violations.add(new FieldViolation(prefix + "phone", "is required for a phone campaign"));
      }
      if (language != null) {
        language = language.toLowerCase(Locale.ROOT);
        if (!QuestionnaireSchemas.LANGUAGES.contains(language)) {
          violations.add(
              new FieldViolation(
                  prefix + "language", "must be one of " + QuestionnaireSchemas.LANGUAGES));
        }
      }
      if (person != null && person.length() > 200) {
        violations.add(new FieldViolation(prefix + "name", "at most 200 characters"));
      }
      if (violations.size() >= MAX_REPORTED) {
        break;
      }
      targets.add(new Target(number, email, phone, person, language));
    }
    if (rows.isEmpty()) {
      violations.add(new FieldViolation("file", "has no recipients"));
    }
    if (!violations.isEmpty()) {
      throw new InvalidRequestException(violations);
    }
    return targets;
  }

  private static List<Map<String, String>> csv(InputStream in) throws IOException {
    byte[] bytes = in.readAllBytes();
    String text = new String(bytes, StandardCharsets.UTF_8);
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    int newline = text.indexOf('\n');
    String header = newline < 0 ? text : text.substring(0, newline);
    char delimiter = header.contains(";") && !header.contains(",") ? ';' : ',';
    CSVFormat format =
        CSVFormat.DEFAULT
            .builder()
            .setDelimiter(delimiter)
            .setHeader()
            .setSkipHeaderRecord(true)
            .setIgnoreSurroundingSpaces(true)
            .setIgnoreEmptyLines(true)
            .get();
    List<Map<String, String>> rows = new ArrayList<>();
    try (Reader reader = new java.io.StringReader(text);
        CSVParser parser = CSVParser.builder().setReader(reader).setFormat(format).get()) {
      Map<String, Integer> columns = columns(parser.getHeaderMap());
      for (CSVRecord record : parser) {
        Map<String, String> row = new HashMap<>();
        columns.forEach(
            (column, index) -> row.put(column, index < record.size() ? record.get(index) : null));
        rows.add(row);
      }
    } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
      throw new InvalidRequestException("file", "is not a readable CSV file: " + e.getMessage());
    }
    return rows;
  }

  private static List<Map<String, String>> excel(InputStream in) throws IOException {
    List<Map<String, String>> rows = new ArrayList<>();
    for (Map<String, String> row : Spreadsheets.rows(in)) {
      Map<String, Integer> positions = new HashMap<>();
      List<String> names = new ArrayList<>(row.keySet());
      for (int i = 0; i < names.size(); i++) {
        positions.put(names.get(i), i);
      }
      Map<String, Integer> columns = columns(positions);
      Map<String, String> values = new HashMap<>();
      columns.forEach((column, index) -> values.put(column, row.get(names.get(index))));
      rows.add(values);
    }
    return rows;
  }

  private static Map<String, Integer> columns(Map<String, Integer> header) {
    Map<String, Integer> columns = new HashMap<>();
    header.forEach(
        (name, index) -> {
          String key = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
          if (List.of("email", "phone", "name", "language").contains(key)) {
            columns.put(key, index);
          }
        });
    if (!columns.containsKey("email") && !columns.containsKey("phone")) {
      throw new InvalidRequestException("file", "needs a header row with email and/or phone");
    }
    return columns;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
