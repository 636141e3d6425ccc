package it.sportello.document;

import it.sportello.document.DocumentsProperties.Ocr;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Whether the OCR program Tika calls, {@code tesseract} on the PATH, is there with the languages
 * configured. Asked once, when the extractor starts: installing it later needs a restart.
 */
final class Tesseract {

  private Tesseract() {}

  /** Why OCR cannot be used, or null when it can. */
  static String unavailable(Ocr ocr) {
    return unavailable(ocr, "tesseract");
  }

  /** The same, with another program name (tests: a program that is not there). */
  static String unavailable(Ocr ocr, String program) {
    if (!ocr.enabled()) {
      return "OCR is switched off (sportello.documents.ocr.enabled).";
    }
    Set<String> installed;
    try {
      installed = languages(program);
    } catch (IOException e) {
      return "the OCR program Tesseract is not installed (no tesseract on the PATH; on Debian:"
          + " tesseract-ocr, tesseract-ocr-ita, tesseract-ocr-eng).";
    }
    List<String> missing = new ArrayList<>();
    for (String language : ocr.language().split("\\+")) {
      if (!installed.contains(language)) {
        missing.add(language);
      }
    }
    if (!missing.isEmpty()) {
      return "Tesseract lacks the language data "
          + String.join(", ", missing)
          + " (on Debian: "
          + missing.stream().map(l -> "tesseract-ocr-" + l).collect(Collectors.joining(", "))
          + ").";
    }
    return null;
  }

  /** {@code tesseract --list-langs}: a heading line, then one language a line. */
  private static Set<String> languages(String program) throws IOException {
    Process process = new ProcessBuilder(program, "--list-langs").redirectErrorStream(true).start();
    try (InputStream out = process.getInputStream()) {
      String listing = new String(out.readNBytes(64 * 1024), StandardCharsets.UTF_8);
      if (!process.waitFor(20, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new IOException("tesseract --list-langs failed: " + listing);
      }
      return Arrays.stream(listing.split("\\R"))
          .map(String::strip)
          .filter(line -> !line.isEmpty() && !line.startsWith("List of"))
          .collect(Collectors.toSet());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    } finally {
      process.destroy();
    }
  }
}
