/**
 * Search: the port to a search engine ({@link it.sportello.search.SearchEngine}, implemented once
 * on the REST API that Elasticsearch 8/9 and OpenSearch 2/3 share, with Elastic's low-level REST
 * client), the index kept in step with the database through a transactional outbox ({@link
 * it.sportello.search.SearchIndex}: a change queues its document in the same transaction, a worker
 * rebuilds it from the database, a failure is retried, nothing is lost), full reindex and
 * consistency check. Italian searches take the first pass's best 50 and re-order them in the JVM by
 * their best passage ({@code PassageReranker}, a second stage measured with {@code
 * docs/benchmarks/kb_eval.py}). The documents come from the modules that own them ({@link
 * it.sportello.search.DocumentSource}). {@code search.embedded} runs an OpenSearch node as a child
 * process for the default profile and the tests.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package it.sportello.search;
