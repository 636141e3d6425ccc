package it.sportello.kb.web;

import it.sportello.search.SearchHit;
import it.sportello.search.SearchResult;
import java.util.List;
import java.util.Map;

/**
 * A search's answer, with the search's id in the usage log: passed back when a result is opened
 * ({@code ?search=}) or used, it tells the KB's gap report that the search found something.
 *
 * @param searchId null when the usage log could not record the search
 */
record KbSearchResponse(Long searchId, long total, List<SearchHit> hits, Map<String, Long> topics) {

  static KbSearchResponse of(Long searchId, SearchResult result) {
    return new KbSearchResponse(searchId, result.total(), result.hits(), result.topics());
  }
}
