package it.sportello.search;

import java.util.List;
import java.util.Map;

/** The best hits, how many matched in all, and the count per topic (facets). */
public record SearchResult(long total, List<SearchHit> hits, Map<String, Long> topics) {}
