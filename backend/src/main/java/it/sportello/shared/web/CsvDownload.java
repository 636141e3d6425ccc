package it.sportello.shared.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * A CSV file sent as a download (UTF-8, lines ending in CRLF, cells through {@link CsvCell}): the
 * one way an export writes its rows. {@link #start} sends the headers of {@link Downloads} and the
 * header line; {@link #row} a line; {@link #finish} flushes.
 */
public final class CsvDownload {

  public static final String MEDIA_TYPE = "text/csv;charset=UTF-8";

  private final Writer out;
  private final char separator;

  private CsvDownload(Writer out, char separator) {
    this.out = out;
    this.separator = separator;
  }

  /** Starts the download {@code fileName}, fields ending at {@code separator}, with its header. */
  public static CsvDownload start(
      HttpServletResponse response, String fileName, char separator, List<String> header)
      throws IOException {
    Downloads.attachment(response, fileName, MEDIA_TYPE);
    CsvDownload csv =
        new CsvDownload(
            new BufferedWriter(
                new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8)),
            separator);
    csv.row(header);
    return csv;
  }

  /** One line of cells ({@code null}: empty); a write failure leaves as unchecked. */
  public void row(List<?> values) {
    try {
      for (int i = 0; i < values.size(); i++) {
        if (i > 0) {
          out.write(separator);
        }
        out.write(CsvCell.of(values.get(i), separator));
      }
      out.write("\r\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One line of cells. */
  public void row(Object... values) {
    row(Arrays.asList(values));
  }

  /** Sends what is still buffered. */
  public void finish() throws IOException {
    out.flush();
  }
}
