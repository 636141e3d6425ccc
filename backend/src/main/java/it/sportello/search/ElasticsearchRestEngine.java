package it.sportello.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.http.HttpHost;
import org.apache.http.auth.AuthScope;
import org.apache.http.auth.UsernamePasswordCredentials;
import org.apache.http.impl.client.BasicCredentialsProvider;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.Response;
import org.elasticsearch.client.ResponseException;
import org.elasticsearch.client.RestClient;
import org.elasticsearch.client.RestClientBuilder;

/**
 * The search engine over HTTP with Elastic's low-level REST client, using only what Elasticsearch
 * 8/9 and OpenSearch 2/3 share: index settings and mappings, aliases, {@code _bulk}, {@code
 * _delete_by_query}, {@code _search} with {@code multi_match}, highlighting and {@code terms}
 * aggregations. Italian analysis: elision, lower case, stop words, ASCII folding, synonyms (at
 * query time) and the Snowball Italian stemmer, with unstemmed {@code .exact} sub-fields; articles
 * in English, German and French are analysed in their own sub-fields ({@code .en}, {@code .de},
 * {@code .fr}; {@link #OTHER_LANGUAGES}) and searched there by a query in that language. Italian
 * results are re-ordered by a second stage in the JVM ({@link PassageReranker}) and highlighted
 * afterwards by a request on those few documents ({@code ids}).
 */
public class ElasticsearchRestEngine implements SearchEngine, AutoCloseable {

  private static final DateTimeFormatter INDEX_SUFFIX =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS", Locale.ROOT);

  /**
   * Italian analysis up to the stemmer: elided articles off ({@code dell'anagrafe}), lower case,
   * stop words while they still carry their accents, then ASCII folding (so {@code citta} meets
   * {@code città}) and the same stop words typed without accents.
   */
  private static final List<String> ANALYSIS_CHAIN =
      List.of("it_elision", "lowercase", "it_stop", "asciifolding", "it_stop_folded");

  /**
   * The version of the index's settings and mappings, kept in the mapping's {@code _meta}: an index
   * of another version is rebuilt from the database at startup ({@link #isCurrent}). Raise it with
   * every change to the analysis or the fields. 2: stop words before folding, unstemmed {@code
   * .exact} sub-fields, the {@code learned_text} field. 3: German and French sub-fields.
   */
  static final int MAPPING_VERSION = 3;

  /**
   * The languages other than Italian, each with its sub-field of every text field and the analyzer
   * of that sub-field; a query in one of them searches its sub-fields. English with the node's
   * {@code english} analyzer, in one request; German and French with the second stage like Italian
   * ({@link PassageReranker}, reading them with the same filters in the JVM: {@link
   * LanguageTerms}). German with lower case, stop words, umlaut normalization ({@code Müll}/{@code
   * Muell}/{@code Mull}) and the light German stemmer ({@code Zahlungen} → {@code zahlung}); French
   * with elided articles off ({@code l'attestation}), lower case, stop words and the light French
   * stemmer ({@code paiements} → {@code paiement}). The German and French chains are the node's
   * {@code german} and {@code french} analyzers written out, so they are the same on Elasticsearch
   * and OpenSearch.
   */
  static final Map<String, String> OTHER_LANGUAGES =
      Map.of("en", "english", "de", "sportello_de", "fr", "sportello_fr");

  /** French elided articles and pronouns (Lucene's French analyzer's list). */
  static final List<String> FRENCH_ELISIONS =
      List.of("l", "m", "t", "qu", "n", "s", "j", "d", "c", "jusqu", "quoiqu", "lorsqu", "puisqu");

  /** Extra query text learned from the tickets an article solved (written by the kb module). */
  static final String LEARNED_TEXT = "learned_text";

  /**
   * The fields' weights in the blended BM25 score: title &gt; tags &gt; learned text = summary &gt;
   * body (the development sets have neutral titles and no summaries or tags, so they cannot tune
   * these; docs/knowledge-base.md, "Knowledge-base search evaluation").
   */
  private static final Map<String, Double> FIELD_WEIGHTS =
      weights("title", 4.0, "tags", 3.0, LEARNED_TEXT, 2.0, "summary", 2.0, "body", 1.0);

  /**
   * The same fields unstemmed, at {@link #EXACT_BOOST}: a word as the question writes it scores a
   * little above the other words of its stem (about +1 point of R@1 on both development sets).
   */
  private static final Map<String, Double> EXACT_WEIGHTS =
      weights("title", 4.0, LEARNED_TEXT, 2.0, "summary", 2.0, "body", 1.0);

  private static final double EXACT_BOOST = 0.4;
  private static final int FEW_HITS = 3;

  /** The fields the second stage reads passages in. */
  private static final List<String> RERANKED_FIELDS =
      List.of("title", "summary", "body", LEARNED_TEXT);

  /** What a result shows; the first pass leaves the long fields to {@link AnalysedArticles}. */
  private static final List<String> RESULT_FIELDS =
      List.of("sourceId", "language", "title", "summary", "category", "audience");

  private static final String[] TEXT_FIELDS = {"title", "summary", "body", "tags", LEARNED_TEXT};

  private final RestClient client;
  private final ObjectMapper json;
  private final String alias;
  private final List<String> synonyms;
  private final Clock clock;
  private final Runnable beforeRequest;
  private final AnalysedArticles analysedArticles =
      new AnalysedArticles(AnalysedArticles.MAX_WORDS);

  public ElasticsearchRestEngine(
      String url,
      String username,
      String password,
      String alias,
      List<String> synonyms,
      int timeoutMillis,
      ObjectMapper json,
      Clock clock,
      Runnable beforeRequest) {
    RestClientBuilder builder =
        RestClient.builder(HttpHost.create(url))
            .setRequestConfigCallback(
                config ->
                    config
                        .setConnectTimeout(Math.min(timeoutMillis, 5000))
                        .setSocketTimeout(timeoutMillis));
    if (username != null && !username.isBlank()) {
      BasicCredentialsProvider credentials = new BasicCredentialsProvider();
      credentials.setCredentials(
          AuthScope.ANY, new UsernamePasswordCredentials(username, password));
      builder.setHttpClientConfigCallback(http -> http.setDefaultCredentialsProvider(credentials));
    }
    this.client = builder.build();
    this.json = json;
    this.alias = alias;
    this.synonyms = List.copyOf(synonyms);
    this.clock = clock;
    this.beforeRequest = beforeRequest;
  }

  @Override
  public boolean isAvailable() {
    beforeRequest.run();
    try {
      Response response = client.performRequest(new Request("GET", "/_cluster/health"));
      return response.getStatusLine().getStatusCode() == 200;
    } catch (IOException e) {
      return false;
    }
  }

  @Override
  public void ensureIndex() {
    if (!exists("/_alias/" + alias)) {
      String index = newIndexName();
      createIndex(index);
      ObjectNode actions = json.createObjectNode();
      actions
          .putArray("actions")
          .addObject()
          .putObject("add")
          .put("index", index)
          .put("alias", alias);
      perform("POST", "/_aliases", actions);
    }
  }

  @Override
  public boolean isCurrent() {
    if (!exists("/_alias/" + alias)) {
      return false;
    }
    JsonNode mappings = perform("GET", "/" + alias + "/_mapping", null);
    if (!mappings.fields().hasNext()) {
      return false;
    }
    for (JsonNode index : mappings) {
      int version = index.path("mappings").path("_meta").path("sportello_mapping_version").asInt(1);
      if (version != MAPPING_VERSION) {
        return false;
      }
    }
    return true;
  }

  private void index(List<IndexedDocument> documents) {
    if (documents.isEmpty()) {
      return;
    }
    bulk(alias, documents, true);
  }

  @Override
  public void replace(Collection<Long> sourceIds, List<IndexedDocument> documents) {
    if (sourceIds.isEmpty()) {
      return;
    }
    index(documents);
    ObjectNode body = json.createObjectNode();
    ObjectNode bool = body.putObject("query").putObject("bool");
    ArrayNode sources = bool.putArray("filter").addObject().putObject("terms").putArray("sourceId");
    sourceIds.forEach(sources::add);
    if (!documents.isEmpty()) {
      ArrayNode keep = bool.putArray("must_not").addObject().putObject("ids").putArray("values");
      documents.forEach(document -> keep.add(document.indexId()));
    }
    perform("POST", "/" + alias + "/_delete_by_query?refresh=true&conflicts=proceed", body);
  }

  @Override
  public long count() {
    return perform("GET", "/" + alias + "/_count", null).path("count").asLong();
  }

  @Override
  public void rebuild(Iterable<List<IndexedDocument>> batches) {
    String index = newIndexName();
    createIndex(index);
    for (List<IndexedDocument> batch : batches) {
      if (!batch.isEmpty()) {
        bulk(index, batch, false);
      }
    }
    perform("POST", "/" + index + "/_refresh", null);
    List<String> old = new ArrayList<>();
    if (exists("/_alias/" + alias)) {
      perform("GET", "/_alias/" + alias, null).fieldNames().forEachRemaining(old::add);
    }
    ObjectNode actions = json.createObjectNode();
    ArrayNode list = actions.putArray("actions");
    list.addObject().putObject("add").put("index", index).put("alias", alias);
    for (String previous : old) {
      list.addObject().putObject("remove_index").put("index", previous);
    }
    perform("POST", "/_aliases", actions);
  }

  @Override
  public SearchResult search(SearchQuery query) {
    String language = analysedLanguage(query);
    if (language.equals("en")) {
      JsonNode response =
          perform("POST", "/" + alias + "/_search", request(query, false, query.size(), null));
      if (needsTypoTolerance(response)) {
        response =
            perform("POST", "/" + alias + "/_search", request(query, true, query.size(), null));
      }
      return result(response, language);
    }
    int candidates = Math.max(query.size(), PassageReranker.WINDOW);
    JsonNode response =
        perform("POST", "/" + alias + "/_search", request(query, false, candidates, List.of()));
    boolean typos = needsTypoTolerance(response);
    if (typos) {
      response =
          perform("POST", "/" + alias + "/_search", request(query, true, candidates, List.of()));
    }
    return result(reranked(query, typos, response), language);
  }

  /**
   * The first pass's candidates (Italian, German or French) in the {@link PassageReranker}'s order,
   * cut to the size asked for, with their snippets: highlighted by a second request on those few
   * documents only (highlighting all {@link PassageReranker#WINDOW} candidates costs several times
   * the search).
   */
  private JsonNode reranked(SearchQuery query, boolean typos, JsonNode response) {
    List<JsonNode> hits = new ArrayList<>();
    response.path("hits").path("hits").forEach(hits::add);
    String language = analysedLanguage(query);
    Map<String, List<AnalysedText>> analysed = analysedCandidates(hits, language);
    List<PassageReranker.Candidate> candidates = new ArrayList<>();
    for (JsonNode hit : hits) {
      candidates.add(
          new PassageReranker.Candidate(
              hit.path("_score").asDouble(),
              analysed.getOrDefault(hit.path("_id").asText(), List.of())));
    }
    double[] scores =
        PassageReranker.scores(query.text(), language, candidates, analysedArticles.vocabulary());
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < hits.size(); i++) {
      order.add(i);
    }
    order.sort((a, b) -> Double.compare(scores[b], scores[a]));
    List<ObjectNode> top = new ArrayList<>();
    for (int i : order.subList(0, Math.min(query.size(), order.size()))) {
      ObjectNode hit = ((ObjectNode) hits.get(i)).deepCopy();
      hit.put("_score", scores[i]);
      top.add(hit);
    }
    if (!top.isEmpty()) {
      List<String> ids = top.stream().map(hit -> hit.path("_id").asText()).toList();
      JsonNode highlighted =
          perform("POST", "/" + alias + "/_search", request(query, typos, ids.size(), ids));
      Map<String, JsonNode> byId = new LinkedHashMap<>();
      highlighted.path("hits").path("hits").forEach(h -> byId.put(h.path("_id").asText(), h));
      for (ObjectNode hit : top) {
        JsonNode snippet = byId.getOrDefault(hit.path("_id").asText(), json.createObjectNode());
        hit.set("highlight", snippet.path("highlight"));
      }
    }
    ObjectNode result = ((ObjectNode) response).deepCopy();
    ArrayNode list = ((ObjectNode) result.path("hits")).putArray("hits");
    top.forEach(list::add);
    return result;
  }

  /**
   * The candidates' fields as the second stage reads them, by index id: from {@link
   * AnalysedArticles} when this version of the article was read before, else fetched ({@code
   * _mget}, the first pass leaves the long fields out) and analysed once.
   */
  private Map<String, List<AnalysedText>> analysedCandidates(List<JsonNode> hits, String language) {
    Map<String, String> keys = new LinkedHashMap<>();
    for (JsonNode hit : hits) {
      keys.put(
          hit.path("_id").asText(),
          AnalysedArticles.key(
              hit.path("_index").asText(),
              hit.path("_id").asText(),
              hit.path("_version").asLong()));
    }
    Map<String, List<AnalysedText>> present = analysedArticles.present(List.copyOf(keys.values()));
    Map<String, List<AnalysedText>> byId = new LinkedHashMap<>();
    ObjectNode missing = json.createObjectNode();
    ArrayNode docs = missing.putArray("docs");
    for (JsonNode hit : hits) {
      String id = hit.path("_id").asText();
      List<AnalysedText> fields = present.get(keys.get(id));
      if (fields != null) {
        byId.put(id, fields);
      } else {
        ObjectNode doc = docs.addObject().put("_index", hit.path("_index").asText()).put("_id", id);
        ArrayNode source = doc.putArray("_source");
        RERANKED_FIELDS.forEach(source::add);
      }
    }
    if (!docs.isEmpty()) {
      for (JsonNode doc : perform("POST", "/_mget", missing).path("docs")) {
        if (!doc.path("found").asBoolean()) {
          continue; // deleted since the first pass: no passage
        }
        List<String> texts = new ArrayList<>();
        RERANKED_FIELDS.forEach(name -> texts.add(doc.path("_source").path(name).asText("")));
        String key =
            AnalysedArticles.key(
                doc.path("_index").asText(),
                doc.path("_id").asText(),
                doc.path("_version").asLong());
        byId.put(doc.path("_id").asText(), analysedArticles.analyse(key, language, texts));
      }
    }
    return byId;
  }

  /**
   * Typo tolerance is a second pass, only when the first one finds little (fewer than {@link
   * #FEW_HITS}) or a word of the query is in no document (the term suggester's "missing" mode):
   * fuzzy matching on every query costs several times the latency and brings unrelated articles
   * into the results of well-spelled questions.
   */
  private static boolean needsTypoTolerance(JsonNode response) {
    if (response.path("hits").path("total").path("value").asLong() < FEW_HITS) {
      return true;
    }
    for (JsonNode entry : response.path("suggest").path("unknown")) {
      // a number unknown to the index is no typo ("1973" is not "1975")
      if (!entry.path("options").isEmpty() && !entry.path("text").asText().matches(".*\\d.*")) {
        return true;
      }
    }
    return false;
  }

  /**
   * The query: every word optional (no minimum number of matching words: a question's words are
   * rarely all in the answer), BM25 over the fields blended as one ({@code cross_fields}, weighted
   * title &gt; tags &gt; learned text = summary &gt; body), plus the same on the unstemmed words
   * (Italian); with {@code typos}, also fuzzy matches. In English, German or French the fields are
   * that language's sub-fields. Phrase and word-pair proximity clauses and pseudo-relevance
   * feedback (RM3) were measured and left out: they did not help on both development sets
   * (docs/knowledge-base.md); proximity is the {@link PassageReranker}'s second stage instead.
   *
   * @param size how many results
   * @param only {@code null}: one request for everything (results, snippets, topics); empty: the
   *     first pass of the second stage (results and topics, no snippets); else the snippets of
   *     these documents (index ids) only
   */
  ObjectNode request(SearchQuery query, boolean typos, int size, List<String> only) {
    String language = analysedLanguage(query);
    boolean snippetsOnly = only != null && !only.isEmpty();
    ObjectNode body = json.createObjectNode();
    body.put("size", size);
    body.put("track_total_hits", !snippetsOnly);
    if (snippetsOnly) {
      body.putArray("_source").add("sourceId");
    } else if (only != null) {
      // the Italian first pass: the second stage reads the long fields from its cache, by version
      ArrayNode source = body.putArray("_source");
      RESULT_FIELDS.forEach(source::add);
      body.put("version", true);
    }
    ObjectNode bool = body.putObject("query").putObject("bool");
    ArrayNode should = bool.putArray("should");
    ObjectNode words = should.addObject().putObject("multi_match");
    words.put("query", query.text()).put("type", "cross_fields").put("operator", "or");
    words.set("fields", fields(language, FIELD_WEIGHTS));
    if (language.equals("it")) {
      ObjectNode exact = should.addObject().putObject("multi_match");
      exact.put("query", query.text()).put("type", "cross_fields").put("operator", "or");
      exact.put("boost", EXACT_BOOST);
      ArrayNode exactFields = exact.putArray("fields");
      EXACT_WEIGHTS.forEach((name, weight) -> exactFields.add(name + ".exact^" + weight));
    }
    if (typos) {
      ObjectNode fuzzy = should.addObject().putObject("multi_match");
      fuzzy.put("query", query.text()).put("type", "best_fields").put("tie_breaker", 0.3);
      fuzzy.put("fuzziness", "AUTO").put("prefix_length", 1).put("max_expansions", 20);
      fuzzy.put("boost", 0.4);
      fuzzy.put("analyzer", OTHER_LANGUAGES.getOrDefault(language, "sportello_it"));
      fuzzy.set("fields", fields(language, FIELD_WEIGHTS));
    } else if (!snippetsOnly) {
      ObjectNode unknown = body.putObject("suggest").putObject("unknown");
      unknown.put("text", query.text());
      unknown
          .putObject("term")
          .put("field", field("body", language))
          .put("suggest_mode", "missing")
          .put("size", 1);
    }
    bool.put("minimum_should_match", 1);
    ArrayNode filter = bool.putArray("filter");
    if (snippetsOnly) {
      ArrayNode ids = filter.addObject().putObject("ids").putArray("values");
      only.forEach(ids::add);
    }
    filter.addObject().putObject("term").put("language", query.language());
    if (query.topic() != null && !query.topic().isBlank()) {
      filter.addObject().putObject("term").put("topic", query.topic());
    }
    ObjectNode visible = filter.addObject().putObject("bool");
    visible.put("minimum_should_match", 1);
    ArrayNode visibleShould = visible.putArray("should");
    ArrayNode audiences = visibleShould.addObject().putObject("terms").putArray("audience");
    query.audiences().forEach(audiences::add);
    if (!query.groups().isEmpty()) {
      ObjectNode byRole = visibleShould.addObject().putObject("bool");
      ArrayNode must = byRole.putArray("filter");
      must.addObject().putObject("term").put("audience", "ROLES");
      ArrayNode roles = must.addObject().putObject("terms").putArray("roles");
      query.groups().forEach(roles::add);
    }
    if (only != null && !snippetsOnly) {
      body.putObject("aggs")
          .putObject("topics")
          .putObject("terms")
          .put("field", "topic")
          .put("size", 20);
      return body;
    }
    ObjectNode highlight = body.putObject("highlight");
    highlight.put("encoder", "html").put("number_of_fragments", 1).put("fragment_size", 180);
    highlight.putArray("pre_tags").add("<mark>");
    highlight.putArray("post_tags").add("</mark>");
    ObjectNode highlightFields = highlight.putObject("fields");
    highlightFields.putObject(field("body", language));
    highlightFields.putObject(field("summary", language)).put("no_match_size", 180);
    if (snippetsOnly) {
      return body;
    }
    body.putObject("aggs")
        .putObject("topics")
        .putObject("terms")
        .put("field", "topic")
        .put("size", 20);

    return body;
  }

  /** The language whose fields and analysis the query uses: its own, Italian if it has none. */
  private static String analysedLanguage(SearchQuery query) {
    return OTHER_LANGUAGES.containsKey(query.language()) ? query.language() : "it";
  }

  private SearchResult result(JsonNode response, String language) {
    List<SearchHit> hits = new ArrayList<>();
    for (JsonNode hit : response.path("hits").path("hits")) {
      JsonNode source = hit.path("_source");
      JsonNode highlighted = hit.path("highlight");
      String snippet =
          first(highlighted.path(field("body", language)))
              .orElse(first(highlighted.path(field("summary", language))).orElse(""));
      hits.add(
          new SearchHit(
              source.path("sourceId").asLong(),
              source.path("language").asText(),
              source.path("title").asText(),
              source.path("summary").asText(),
              snippet,
              source.path("category").asText(null),
              source.path("audience").asText(),
              hit.path("_score").asDouble()));
    }
    Map<String, Long> topics = new LinkedHashMap<>();
    for (JsonNode bucket : response.path("aggregations").path("topics").path("buckets")) {
      topics.put(bucket.path("key").asText(), bucket.path("doc_count").asLong());
    }
    return new SearchResult(
        response.path("hits").path("total").path("value").asLong(), hits, topics);
  }

  private ArrayNode fields(String language, Map<String, Double> weights) {
    ArrayNode fields = json.createArrayNode();
    weights.forEach((name, weight) -> fields.add(field(name, language) + "^" + weight));
    return fields;
  }

  /** A text field as analysed for this language: Italian the field itself, others a sub-field. */
  private static String field(String name, String language) {
    return OTHER_LANGUAGES.containsKey(language) ? name + "." + language : name;
  }

  private static Map<String, Double> weights(Object... nameThenWeight) {
    Map<String, Double> weights = new LinkedHashMap<>();
    for (int i = 0; i < nameThenWeight.length; i += 2) {
      weights.put((String) nameThenWeight[i], (Double) nameThenWeight[i + 1]);
    }
    return java.util.Collections.unmodifiableMap(weights);
  }

  private static java.util.Optional<String> first(JsonNode fragments) {
    return fragments.isArray() && !fragments.isEmpty()
        ? java.util.Optional.of(fragments.get(0).asText())
        : java.util.Optional.empty();
  }

  // ---------------------------------------------------------------------------------------------

  private String newIndexName() {
    return alias + "-" + INDEX_SUFFIX.format(clock.instant().atZone(java.time.ZoneOffset.UTC));
  }

  private void createIndex(String index) {
    ObjectNode body = json.createObjectNode();
    ObjectNode settings = body.putObject("settings");
    settings.put("number_of_shards", 1).put("number_of_replicas", 0);
    ObjectNode analysis = settings.putObject("analysis");
    ObjectNode filters = analysis.putObject("filter");
    ObjectNode elision = filters.putObject("it_elision").put("type", "elision");
    elision.put("articles_case", true);
    ArrayNode articles = elision.putArray("articles");
    ItalianTerms.ELISIONS.forEach(articles::add);
    // the stop words as written (perché, più, sarà), then the same words typed without accents
    filters.putObject("it_stop").put("type", "stop").put("stopwords", "_italian_");
    ArrayNode folded =
        filters.putObject("it_stop_folded").put("type", "stop").putArray("stopwords");
    ItalianTerms.FOLDED_STOP_WORDS.forEach(folded::add);
    filters.putObject("it_stemmer").put("type", "stemmer").put("language", "italian");
    ObjectNode synonymFilter =
        filters.putObject("it_synonyms").put("type", "synonym_graph").put("lenient", true);
    ArrayNode rules = synonymFilter.putArray("synonyms");
    synonyms.forEach(rules::add);
    ObjectNode frenchElision = filters.putObject("fr_elision").put("type", "elision");
    frenchElision.put("articles_case", true);
    ArrayNode frenchArticles = frenchElision.putArray("articles");
    FRENCH_ELISIONS.forEach(frenchArticles::add);
    filters.putObject("fr_stop").put("type", "stop").put("stopwords", "_french_");
    filters.putObject("fr_stemmer").put("type", "stemmer").put("language", "light_french");
    filters.putObject("de_stop").put("type", "stop").put("stopwords", "_german_");
    filters.putObject("de_stemmer").put("type", "stemmer").put("language", "light_german");
    ObjectNode analyzers = analysis.putObject("analyzer");
    analyzers
        .putObject("sportello_de")
        .put("tokenizer", "standard")
        .putArray("filter")
        .add("lowercase")
        .add("de_stop")
        .add("german_normalization")
        .add("de_stemmer");
    analyzers
        .putObject("sportello_fr")
        .put("tokenizer", "standard")
        .putArray("filter")
        .add("fr_elision")
        .add("lowercase")
        .add("fr_stop")
        .add("fr_stemmer");
    ObjectNode indexAnalyzer = analyzers.putObject("sportello_it").put("tokenizer", "standard");
    ArrayNode indexFilters = indexAnalyzer.putArray("filter");
    ANALYSIS_CHAIN.forEach(indexFilters::add);
    indexFilters.add("it_stemmer");
    ObjectNode searchAnalyzer =
        analyzers.putObject("sportello_it_search").put("tokenizer", "standard");
    ArrayNode searchFilters = searchAnalyzer.putArray("filter");
    ANALYSIS_CHAIN.forEach(searchFilters::add);
    if (!synonyms.isEmpty()) {
      // the synonym rules are written in lower case without accents, as the chain leaves words
      searchFilters.add("it_synonyms");
    }
    searchFilters.add("it_stemmer");
    ObjectNode exactAnalyzer =
        analyzers.putObject("sportello_it_exact").put("tokenizer", "standard");
    ArrayNode exactFilters = exactAnalyzer.putArray("filter");
    ANALYSIS_CHAIN.forEach(exactFilters::add);
    ObjectNode mappings = body.putObject("mappings");
    mappings.putObject("_meta").put("sportello_mapping_version", MAPPING_VERSION);
    ObjectNode properties = mappings.putObject("properties");
    properties.putObject("sourceId").put("type", "long");
    for (String keyword : List.of("language", "audience", "roles", "category", "topic")) {
      properties.putObject(keyword).put("type", "keyword");
    }
    properties.putObject("updatedAt").put("type", "date");
    for (String text : TEXT_FIELDS) {
      ObjectNode field = properties.putObject(text);
      field.put("type", "text").put("analyzer", "sportello_it");
      field.put("search_analyzer", "sportello_it_search");
      ObjectNode subFields = field.putObject("fields");
      OTHER_LANGUAGES.forEach(
          (language, analyzer) ->
              subFields.putObject(language).put("type", "text").put("analyzer", analyzer));
      if (EXACT_WEIGHTS.containsKey(text)) {
        subFields.putObject("exact").put("type", "text").put("analyzer", "sportello_it_exact");
      }
      if (text.equals("tags")) {
        subFields.putObject("keyword").put("type", "keyword");
      }
    }
    perform("PUT", "/" + index, body);
  }

  private void bulk(String index, List<IndexedDocument> documents, boolean refresh) {
    StringBuilder ndjson = new StringBuilder();
    try {
      for (IndexedDocument document : documents) {
        ObjectNode action = json.createObjectNode();
        action.putObject("index").put("_index", index).put("_id", document.indexId());
        ndjson.append(json.writeValueAsString(action)).append('\n');
        ObjectNode source = json.createObjectNode();
        source.put("sourceId", document.sourceId());
        source.put("language", document.language());
        source.put("title", document.title());
        source.put("summary", document.summary());
        source.put("body", document.body());
        ArrayNode tags = source.putArray("tags");
        document.tags().forEach(tags::add);
        source.put("audience", document.audience());
        ArrayNode roles = source.putArray("roles");
        document.roles().forEach(roles::add);
        source.put("category", document.category());
        source.put("topic", document.topic());
        source.put("updatedAt", document.updatedAt().toString());
        source.put(LEARNED_TEXT, document.learnedText() == null ? "" : document.learnedText());
        ndjson.append(json.writeValueAsString(source)).append('\n');
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Request request = new Request("POST", "/_bulk" + (refresh ? "?refresh=true" : ""));
    request.setJsonEntity(ndjson.toString());
    JsonNode response = execute(request);
    if (response.path("errors").asBoolean(false)) {
      for (JsonNode item : response.path("items")) {
        JsonNode error = item.path("index").path("error");
        if (!error.isMissingNode()) {
          throw new SearchUnavailableException(
              "The search engine refused document "
                  + item.path("index").path("_id").asText()
                  + ": "
                  + error.path("reason").asText(),
              null);
        }
      }
    }
  }

  private boolean exists(String path) {
    beforeRequest.run();
    try {
      Response response = client.performRequest(new Request("HEAD", path));
      return response.getStatusLine().getStatusCode() == 200;
    } catch (ResponseException e) {
      if (e.getResponse().getStatusLine().getStatusCode() == 404) {
        return false;
      }
      throw unavailable(e);
    } catch (IOException e) {
      throw unavailable(e);
    }
  }

  private JsonNode perform(String method, String path, JsonNode body) {
    Request request = new Request(method, path);
    if (body != null) {
      try {
        request.setJsonEntity(json.writeValueAsString(body));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return execute(request);
  }

  private JsonNode execute(Request request) {
    beforeRequest.run();
    try {
      Response response = client.performRequest(request);
      if (response.getEntity() == null) {
        return json.createObjectNode();
      }
      try (InputStream content = response.getEntity().getContent()) {
        return json.readTree(content);
      }
    } catch (IOException e) {
      throw unavailable(e);
    }
  }

  private static SearchUnavailableException unavailable(IOException e) {
    return new SearchUnavailableException(
        "The search engine cannot be reached: " + e.getMessage(), e);
  }

  @Override
  public void close() throws IOException {
    client.close();
  }
}
