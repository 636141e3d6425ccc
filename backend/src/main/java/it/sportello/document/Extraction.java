package it.sportello.document;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What the extraction found out about a file.
 *
 * @param mediaType the detected type of the file
 * @param contentMediaType the type of the signed content of an envelope, else {@code mediaType}
 * @param text the extracted text, possibly partial or empty, never null
 * @param message why not all the text was extracted, null when it was
 */
record Extraction(
    String mediaType,
    String contentMediaType,
    ExtractionStatus status,
    String message,
    String text,
    List<String> signers,
    Map<String, String> metadata) {

  Extraction {
    text = text == null ? "" : withoutNul(text);
    message = message == null ? null : withoutNul(message);
    signers = signers == null ? List.of() : signers.stream().map(Extraction::withoutNul).toList();
    metadata =
        metadata == null
            ? Map.of()
            : metadata.entrySet().stream()
                .collect(
                    Collectors.toUnmodifiableMap(
                        entry -> withoutNul(entry.getKey()),
                        entry -> withoutNul(entry.getValue())));
  }

  /** PostgreSQL text cannot hold NUL characters, which extracted text sometimes has. */
  private static String withoutNul(String text) {
    return text.indexOf('\u0000') < 0 ? text : text.replace("\u0000", "");
  }

  static Extraction failed(String mediaType, ExtractionStatus status, String message) {
    return new Extraction(mediaType, mediaType, status, message, "", List.of(), Map.of());
  }
}
