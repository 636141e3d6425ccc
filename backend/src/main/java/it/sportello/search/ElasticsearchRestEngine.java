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
 * aggregations. Italian analysis: elision, lower case, ASCII folding, stop words, synonyms (at
 * query time) and the Snowball Italian stemmer; English variants have an {@code .en} sub-field.
 */
public class ElasticsearchRestEngine implements SearchEngine, AutoCloseable {

  private static final DateTimeFormatter INDEX_SUFFIX =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS", Locale.ROOT);
  private static final List<String> ELISIONS =
      List.of(
          "c", "l", "all", "dall", "dell", "nell", "sull", "coll", "pell", "gl", "agl", "dagl",
          "degl", "negl", "sugl", "un", "m", "t", "s", "v", "d", "quest", "quell");
  private static final String[] TEXT_FIELDS = {"title", "summary", "body", "tags"};

  /** Query text learned from the tickets an article answered (the knowledge base fills it). */
  static final String LEARNED_TEXT = "learned_text";

  private final RestClient client;
  private final ObjectMapper json;
  private final String alias;
  private final List<String> synonyms;
  private final Clock clock;
  private final Runnable beforeRequest;

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
    boolean english = "en".equals(query.language());
    ObjectNode body = json.createObjectNode();
    body.put("size", query.size());
    body.put("track_total_hits", true);
    ObjectNode bool = body.putObject("query").putObject("bool");
    ArrayNode should = bool.putArray("should");
    ArrayNode fields = json.createArrayNode();
    fields.add(field("title", english) + "^4");
    fields.add(field("tags", english) + "^3");
    fields.add(field("summary", english) + "^2");
    fields.add(field("body", english));
    fields.add(field(LEARNED_TEXT, english) + "^2");
    // the query's words may be spread over title, summary and body: one blended field, half of
    // the words (all of a one-word query) must match (recall@5 0.67 -> 0.93 on the benchmark's
    // test collection, compared with best_fields, where the minimum applies field by field)
    ObjectNode exact = should.addObject().putObject("multi_match");
    exact.put("query", query.text()).put("type", "cross_fields").put("operator", "or");
    exact.put("minimum_should_match", "1<50%");
    exact.set("fields", fields);
    ObjectNode fuzzy = should.addObject().putObject("multi_match");
    fuzzy.put("query", query.text()).put("type", "best_fields").put("tie_breaker", 0.3);
    fuzzy.put("fuzziness", "AUTO").put("prefix_length", 1).put("max_expansions", 20);
    fuzzy.put("minimum_should_match", "2<70%").put("boost", 0.4);
    fuzzy.put("analyzer", english ? "english" : "sportello_it");
    fuzzy.set("fields", fields);
    ObjectNode phrase = should.addObject().putObject("multi_match");
    phrase.put("query", query.text()).put("type", "phrase").put("slop", 3).put("boost", 2);
    phrase.putArray("fields").add(field("title", english) + "^2").add(field("summary", english));
    bool.put("minimum_should_match", 1);
    ArrayNode filter = bool.putArray("filter");
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
    ObjectNode highlight = body.putObject("highlight");
    highlight.put("encoder", "html").put("number_of_fragments", 1).put("fragment_size", 180);
    highlight.putArray("pre_tags").add("<mark>");
    highlight.putArray("post_tags").add("</mark>");
    ObjectNode highlightFields = highlight.putObject("fields");
    highlightFields.putObject(field("body", english));
    highlightFields.putObject(field("summary", english)).put("no_match_size", 180);
    body.putObject("aggs")
        .putObject("topics")
        .putObject("terms")
        .put("field", "topic")
        .put("size", 20);

    JsonNode response = perform("POST", "/" + alias + "/_search", body);
    List<SearchHit> hits = new ArrayList<>();
    for (JsonNode hit : response.path("hits").path("hits")) {
      JsonNode source = hit.path("_source");
      JsonNode highlighted = hit.path("highlight");
      String snippet =
          first(highlighted.path(field("body", english)))
              .orElse(first(highlighted.path(field("summary", english))).orElse(""));
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

  private static String field(String name, boolean english) {
    return english ? name + ".en" : name;
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
    ELISIONS.forEach(articles::add);
    filters.putObject("it_stop").put("type", "stop").put("stopwords", "_italian_");
    filters.putObject("it_stemmer").put("type", "stemmer").put("language", "italian");
    ObjectNode synonymFilter =
        filters.putObject("it_synonyms").put("type", "synonym_graph").put("lenient", true);
    ArrayNode rules = synonymFilter.putArray("synonyms");
    synonyms.forEach(rules::add);
    ObjectNode analyzers = analysis.putObject("analyzer");
    ObjectNode indexAnalyzer = analyzers.putObject("sportello_it").put("tokenizer", "standard");
    indexAnalyzer
        .putArray("filter")
        .add("it_elision")
        .add("lowercase")
        .add("asciifolding")
        .add("it_stop")
        .add("it_stemmer");
    ObjectNode searchAnalyzer =
        analyzers.putObject("sportello_it_search").put("tokenizer", "standard");
    ArrayNode searchFilters =
        searchAnalyzer.putArray("filter").add("it_elision").add("lowercase").add("asciifolding");
    searchFilters.add("it_stop");
    if (!synonyms.isEmpty()) {
      searchFilters.add("it_synonyms");
    }
    searchFilters.add("it_stemmer");
    ObjectNode properties = body.putObject("mappings").putObject("properties");
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
      subFields.putObject("en").put("type", "text").put("analyzer", "english");
      if (text.equals("tags")) {
        subFields.putObject("keyword").put("type", "keyword");
      }
    }
    ObjectNode learned = properties.putObject(LEARNED_TEXT).put("type", "text");
    learned.put("analyzer", "sportello_it").put("search_analyzer", "sportello_it_search");
    learned.putObject("fields").putObject("en").put("type", "text").put("analyzer", "english");
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
