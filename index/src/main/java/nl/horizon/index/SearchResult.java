package nl.horizon.index;

import nl.horizon.schema.Report;

import java.util.List;

/**
 * One page of search results.
 *
 * @param total how many documents the caller may see match, in all
 * @param hits  this page, best first
 */
public record SearchResult(long total, List<Hit> hits) {

    /** A matching report and its relevance score. */
    public record Hit(Report report, float score) {
    }
}
