package it.sportello.shared.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The one way a file leaves the application: always as an attachment (never rendered by the browser
 * as a page of ours), its name in RFC 6266/5987 form ({@code filename*=UTF-8''…} with an ASCII
 * fallback, so a name in any script survives), {@code X-Content-Type-Options: nosniff} and {@code
 * Content-Security-Policy: sandbox} (a file that a browser opens anyway runs no script with the
 * user's session).
 */
public final class Downloads {

  public static final String NOSNIFF = "nosniff";
  public static final String SANDBOX = "sandbox";
  private static final String DEFAULT_NAME = "document";

  private Downloads() {}

  /**
   * A stored file's bytes as an attachment named {@code fileName} (null: "document"), {@code size}
   * bytes long (negative: unknown, sent without a length).
   */
  public static ResponseEntity<InputStreamResource> attachment(
      String fileName, String mediaType, long size, InputStream content) {
    ResponseEntity.BodyBuilder response =
        ResponseEntity.ok().headers(headers(fileName)).contentType(mediaType(mediaType));
    if (size >= 0) {
      response.contentLength(size);
    }
    return response.body(new InputStreamResource(content));
  }

  /** The headers of an attachment named {@code fileName} (null: "document"). */
  public static HttpHeaders headers(String fileName) {
    HttpHeaders headers = new HttpHeaders();
    headers.set(HttpHeaders.CONTENT_DISPOSITION, contentDisposition(fileName));
    headers.set("X-Content-Type-Options", NOSNIFF);
    headers.set("Content-Security-Policy", SANDBOX);
    return headers;
  }

  /** The same headers on a response written as a stream (exports). */
  public static void attachment(HttpServletResponse response, String fileName, String mediaType) {
    response.setContentType(mediaType);
    headers(fileName).forEach((name, values) -> response.setHeader(name, values.get(0)));
  }

  static String contentDisposition(String fileName) {
    return ContentDisposition.attachment()
        .filename(
            fileName == null || fileName.isBlank() ? DEFAULT_NAME : fileName,
            StandardCharsets.UTF_8)
        .build()
        .toString();
  }

  /** The stored type; anything unparsable is sent as bytes. */
  private static MediaType mediaType(String mediaType) {
    try {
      return mediaType == null
          ? MediaType.APPLICATION_OCTET_STREAM
          : MediaType.parseMediaType(mediaType);
    } catch (InvalidMediaTypeException e) {
      return MediaType.APPLICATION_OCTET_STREAM;
    }
  }
}
