package nl.horizon.index;

import nl.horizon.schema.Classification;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.IntField;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TopDocs;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Search over reports in Lucene's query syntax. The caller's clearance is a filter clause inside the
 * Lucene query itself, so totals (and later facets and highlights) are computed only over documents
 * the caller may see; nothing is filtered after the fact.
 */
public final class ReportSearch {

    private static final String[] DEFAULT_FIELDS = {ReportDocuments.TITLE, ReportDocuments.BODY};

    private final SearcherManager searchers;

    ReportSearch(SearcherManager searchers) {
        this.searchers = searchers;
    }

    /**
     * Finds reports.
     *
     * @param text      Lucene query syntax over title and body; blank for all
     * @param clearance the caller's clearance
     * @param offset    hits to skip
     * @param limit     page size
     * @throws InvalidQueryException when {@code text} does not parse
     */
    public SearchResult find(String text, Classification clearance, int offset, int limit)
            throws InvalidQueryException, IOException {
        Query query = new BooleanQuery.Builder()
                .add(parse(text), BooleanClause.Occur.MUST)
                .add(IntField.newRangeQuery(ReportDocuments.CLASSIFICATION_RANK, 0, clearance.rank()),
                        BooleanClause.Occur.FILTER)
                .build();
        IndexSearcher searcher = searchers.acquire();
        try {
            TopDocs top = searcher.search(query, offset + limit);
            List<SearchResult.Hit> hits = new ArrayList<>();
            for (int i = offset; i < top.scoreDocs.length; i++) {
                ScoreDoc sd = top.scoreDocs[i];
                hits.add(new SearchResult.Hit(ReportDocuments.report(searcher.storedFields().document(sd.doc)),
                        sd.score));
            }
            return new SearchResult(searcher.count(query), hits);
        } finally {
            searchers.release(searcher);
        }
    }

    private static Query parse(String text) throws InvalidQueryException {
        if (text == null || text.isBlank()) {
            return new MatchAllDocsQuery();
        }
        try {
            return new MultiFieldQueryParser(DEFAULT_FIELDS, new StandardAnalyzer()).parse(text);
        } catch (ParseException | RuntimeException e) {
            throw new InvalidQueryException("query does not parse: " + firstLine(e.getMessage()), e);
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
