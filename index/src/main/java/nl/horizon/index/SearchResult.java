package nl.horizon.index;

import nl.horizon.schema.Searchable;

import java.util.List;
import java.util.Map;

/**
 * One page of search results.
 *
 * @param total           how many documents the caller may see match, in all (always exact)
 * @param hits            this page
 * @param facets          per dimension, value → count, over every match the caller may see
 * @param facetsEstimated whether the facet counts are estimates: above 100,000 matches they are counted over
 *                        a fixed sample of the matches (still only those the caller may see) and scaled up,
 *                        since counting every match grew with the index and took over a search
 */
public record SearchResult(long total, List<Hit> hits, Map<String, Map<String, Integer>> facets,
                           boolean facetsEstimated) {

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
