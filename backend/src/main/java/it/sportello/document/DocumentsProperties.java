package it.sportello.document;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
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
    @Valid @NotNull @DefaultValue ExtractionLimits extraction) {

  /**
   * @param maxSize larger files are stored without reading their text ({@code TOO_LARGE})
   * @param maxCharacters text beyond this is left out ({@code TRUNCATED})
   * @param maxEmbeddedDepth attachments of attachments (archives in archives) nested deeper than
   *     this are not read ({@code LIMIT_EXCEEDED})
   * @param maxEmbeddedCount at most this many embedded documents are read
   * @param maxCompressionRatio more characters than this many per byte of input, beyond a first
   *     million, is taken for a zip bomb
   * @param timeout the longest one extraction may take ({@code TIMEOUT})
   * @param threads how many extractions run at once
   */
  public record ExtractionLimits(
      @NotNull @DefaultValue("20MB") DataSize maxSize,
      @Min(1000) @DefaultValue("1000000") int maxCharacters,
      @Min(0) @DefaultValue("5") int maxEmbeddedDepth,
      @Min(0) @DefaultValue("200") int maxEmbeddedCount,
      @Min(10) @DefaultValue("100") long maxCompressionRatio,
      @NotNull @DefaultValue("30s") Duration timeout,
      @Min(1) @DefaultValue("2") int threads) {}
}
