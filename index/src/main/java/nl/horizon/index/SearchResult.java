package nl.horizon.index;

import nl.horizon.schema.Searchable;

import java.util.List;
import java.util.Map;

/**
 * One page of search results.
 *
 * @param total  how many documents the caller may see match, in all
 * @param hits   this page
 * @param facets per dimension, value → count, over every match the caller may see
 */
public record SearchResult(long total, List<Hit> hits, Map<String, Map<String, Integer>> facets) {

    /**
     * A matching document.
     *
     * @param id         its id
     * @param kind       report, signal or country-risk
     * @param score      relevance
     * @param document   the record as on its topic: switch on its type to read it
     * @param highlights matching passages, HTML-escaped with the matches in {@code <mark>}
     */
    public record Hit(String id, String kind, float score, Searchable document, List<String> highlights) {
    }
}
