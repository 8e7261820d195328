package nl.horizon.index;

import nl.horizon.schema.Classification;

import java.time.Instant;
import java.util.Set;

/**
 * A search, as an analyst or a script asks it.
 *
 * @param text        Lucene query syntax over title and text in every language; blank for all
 * @param reader      what the caller may see (clearance and caveats held): only those documents are read,
 *                    so scores, totals, facets and highlights never reveal one the caller may not see
 * @param kinds       {@code report}, {@code signal}, {@code country-risk}; empty for all
 * @param countries   ISO3 codes; empty for all
 * @param sourceKinds source kinds; empty for all
 * @param levels      signal or risk levels; empty for all
 * @param indicators  indicator ids; empty for all
 * @param from        earliest event time, or {@code null}
 * @param to          latest event time (exclusive), or {@code null}
 * @param byTime      newest first instead of most relevant first
 * @param offset      hits to skip
 * @param limit       page size
 */
public record SearchRequest(String text, Visibility reader, Set<String> kinds, Set<String> countries,
                            Set<String> sourceKinds, Set<String> levels, Set<String> indicators, Instant from,
                            Instant to, boolean byTime, int offset, int limit) {

    /** A plain text search over everything a caller holding no caveats may see. */
    public static SearchRequest of(String text, Classification clearance, int offset, int limit) {
        return new SearchRequest(text, Visibility.of(clearance), Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), null, null, false,
                offset, limit);
    }
}
