package it.sportello.search;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code sportello.search.*}: where the search engine is (production: an external Elasticsearch 8/9
 * or OpenSearch 2/3 cluster, {@code SPORTELLO_SEARCH_URL}, {@code _USERNAME}, {@code _PASSWORD}),
 * the index, the synonyms, the indexing worker and the embedded node of the default profile.
 *
 * @param url the engine's base address; ignored when the embedded node runs
 * @param index the alias the application reads and writes (an index behind it is rebuilt on
 *     reindex)
 * @param synonyms Solr-format synonym rules ({@code tari, tassa rifiuti}); a change needs a reindex
 */
@Validated
@ConfigurationProperties("sportello.search")
public record SearchProperties(
    @NotBlank @DefaultValue("http://localhost:9200") String url,
    String username,
    String password,
    @NotBlank @DefaultValue("sportello-kb") String index,
    @NotNull @DefaultValue("10s") Duration requestTimeout,
    @NotNull @DefaultValue({}) List<String> synonyms,
    @Valid @NotNull @DefaultValue Indexer indexer,
    @Valid @NotNull @DefaultValue Embedded embedded) {

  /**
   * @param enabled run the worker that empties the search outbox (also right after each commit)
   * @param pollInterval how often it looks for entries to retry
   * @param checkOnStartup compare the index with the database once the engine answers, reindex if
   *     they differ
   */
  public record Indexer(
      @DefaultValue("true") boolean enabled,
      @NotNull @DefaultValue("5s") Duration pollInterval,
      @Min(1) @DefaultValue("200") int batchSize,
      @DefaultValue("true") boolean checkOnStartup) {}

  /**
   * One OpenSearch node in a child JVM (never in production).
   *
   * @param port its HTTP port; 0 picks a free one
   * @param heap the child JVM's heap ({@code -Xmx})
   * @param startOnStartup start with the application, else on the first call to the engine
   * @param keepData keep the index in one folder between restarts (the demo), else a folder per
   *     port removed when the node stops (the tests)
   */
  public record Embedded(
      @DefaultValue("false") boolean enabled,
      @DefaultValue("true") boolean startOnStartup,
      @NotBlank @DefaultValue("./data/search") String dataDirectory,
      @Min(0) @DefaultValue("0") int port,
      @NotBlank @DefaultValue("512m") String heap,
      @NotNull @DefaultValue("120s") Duration startTimeout,
      @DefaultValue("true") boolean keepData) {}
}
