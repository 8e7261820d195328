package nl.horizon.index;

import nl.horizon.schema.Reasons;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;

/** The one query syntax: Lucene's classic syntax over title and text in every language. */
final class QueryParsing {

    private QueryParsing() {
    }

    /**
     * Parses what an analyst typed; blank matches everything.
     *
     * @throws InvalidQueryException saying where it does not parse, or which of the {@link QueryLimits} it
     *                               exceeds
     */
    static Query parse(String text, Analyzer analyzer) throws InvalidQueryException {
        if (text == null || text.isBlank()) {
            return new MatchAllDocsQuery();
        }
        QueryLimits.check(text);
        try {
            return new MultiFieldQueryParser(IndexFields.searchable(), analyzer).parse(text);
        } catch (ParseException | RuntimeException e) {
            throw new InvalidQueryException("query does not parse: " + Reasons.firstLine(e.getMessage()), e);
        }
    }
}
