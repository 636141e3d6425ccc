package it.sportello.search;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The search engine: the embedded node's when it runs, else the one at {@code
 * sportello.search.url}.
 */
@Configuration(proxyBeanMethods = false)
class SearchConfiguration {

  @Bean(destroyMethod = "close")
  ElasticsearchRestEngine searchEngine(
      SearchProperties properties,
      ObjectProvider<LocalSearchNode> embedded,
      ObjectMapper json,
      Clock clock) {
    LocalSearchNode node = embedded.getIfAvailable();
    String url = node != null ? node.url() : properties.url();
    return new ElasticsearchRestEngine(
        url,
        node != null ? null : properties.username(),
        properties.password(),
        properties.index(),
        properties.synonyms(),
        (int) properties.requestTimeout().toMillis(),
        json,
        clock,
        node != null ? node::start : () -> {});
  }
}
