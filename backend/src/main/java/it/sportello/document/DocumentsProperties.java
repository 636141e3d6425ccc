package it.sportello.document;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * {@code sportello.documents.*}: the largest document stored (when the caller gives no limit of its
 * own) and the limits of text extraction.
 */
@Validated
@ConfigurationProperties("sportello.documents")
public record DocumentsProperties(
    @NotNull @DefaultValue("25MB") DataSize maxSize,
    @Valid @NotNull @DefaultValue ExtractionLimits extraction,
    @Valid @NotNull @DefaultValue Ocr ocr) {

  /**
   * @param maxSize larger files are stored without reading their text ({@code TOO_LARGE})
   * @param maxCharacters text beyond this is left out ({@code TRUNCATED})
   * @param maxEmbeddedDepth attachments of attachments (archives in archives) nested deeper than
   *     this are not read ({@code LIMIT_EXCEEDED})
   * @param maxEmbeddedCount at most this many embedded documents are read
   * @param maxCompressionRatio more characters than this many per byte of input, beyond a first
   *     million, is taken for a zip bomb; so are more bytes expanded from archives than this many
   *     per byte of the file, beyond the first 10 MB ({@code LIMIT_EXCEEDED})
   * @param maxExpandedSize the most bytes expanded from the archives and attachments of one file,
   *     all together ({@code LIMIT_EXCEEDED})
   * @param timeout the longest one extraction may take ({@code TIMEOUT})
   * @param threads how many extractions run at once
   */
  public record ExtractionLimits(
      @NotNull @DefaultValue("20MB") DataSize maxSize,
      @Min(1000) @DefaultValue("1000000") int maxCharacters,
      @Min(0) @DefaultValue("5") int maxEmbeddedDepth,
      @Min(0) @DefaultValue("200") int maxEmbeddedCount,
      @Min(10) @DefaultValue("100") long maxCompressionRatio,
      @NotNull @DefaultValue("200MB") DataSize maxExpandedSize,
      @NotNull @DefaultValue("30s") Duration timeout,
      @Min(1) @DefaultValue("2") int threads) {}

  /**
   * {@code sportello.documents.ocr.*}: reading pictures and scanned PDFs with Tesseract (the {@code
   * tesseract} program on the PATH, with its language data), driven by Tika. Without it such files
   * are stored with status {@code NO_TEXT} and a message saying why.
   *
   * @param enabled whether pictures and PDF pages without text are read by OCR
   * @param language Tesseract's languages, {@code +}-separated, each installed (Debian's {@code
   *     tesseract-ocr-ita}, {@code tesseract-ocr-eng})
   * @param timeout the longest the OCR of one file may take; it replaces the extraction's timeout
   *     for pictures and PDFs when longer
   */
  public record Ocr(
      @DefaultValue("true") boolean enabled,
      @NotBlank @Pattern(regexp = "[a-z_]{3,}(\\+[a-z_]{3,})*") @DefaultValue("ita+eng")
          String language,
      @NotNull @DefaultValue("120s") Duration timeout) {

    /** OCR switched off. */
    public static final Ocr OFF = new Ocr(false, "ita+eng", Duration.ofSeconds(120));
  }
}
