package nl.horizon.index;

import com.fasterxml.jackson.databind.JsonNode;
import nl.horizon.schema.Classification;
import nl.horizon.schema.DocumentKind;
import nl.horizon.schema.Json;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.IntField;
import org.apache.lucene.document.LongField;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedNumericSortField;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.BytesRef;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Search over the index. Every search reads only the classifications its caller may see
 * ({@link ClearedSearchers}), so relevance scores, totals, facet counts and highlights are computed only
 * over documents the caller may see; nothing is filtered after the fact. Highlights are HTML-escaped, with the matching words in {@code <mark>}.
 */
public final class HorizonSearch {

    private static final int MAX_FACET_VALUES = 20;
    /** More than there are countries: every one is counted. */
    private static final int COUNTRIES = 1000;
    private static final Sort NEWEST_FIRST = new Sort(new SortedNumericSortField(IndexFields.TIME, SortField.Type.LONG,
            true));

    private final ClearedSearchers searchers;
    private final Analyzer analyzer;
    /** Per clearance, the last facet ordinals built; replaced when a refresh brings new readers. */
    private final Map<Visibility, FacetState> facetStates = new ConcurrentHashMap<>();

    HorizonSearch(ClearedSearchers searchers, Analyzer analyzer) {
        this.searchers = searchers;
        this.analyzer = analyzer;
    }

    /**
     * Finds documents.
     *
     * @throws InvalidQueryException when the query text does not parse
     */
    public SearchResult find(SearchRequest request) throws InvalidQueryException, IOException {
        BooleanQuery.Builder query = new BooleanQuery.Builder().add(QueryParsing.parse(request.text(), analyzer),
                BooleanClause.Occur.MUST);
        filters(request).forEach(f -> query.add(f, BooleanClause.Occur.FILTER));
        Query built = query.build();
        return searchers.withView(request.reader(), searcher -> {
            int wanted = request.offset() + request.limit();
            FacetsCollectorManager.FacetsResult result = request.byTime()
                    ? FacetsCollectorManager.search(searcher, built, wanted, NEWEST_FIRST, new FacetsCollectorManager())
                    : FacetsCollectorManager.search(searcher, built, wanted, new FacetsCollectorManager());
            TopDocs top = result.topDocs();
            List<SearchResult.Hit> hits = new ArrayList<>();
            Map<Integer, List<String>> highlights = Highlights.of(searcher, analyzer, built, top);
            for (int i = request.offset(); i < top.scoreDocs.length; i++) {
                ScoreDoc sd = top.scoreDocs[i];
                var doc = searcher.storedFields().document(sd.doc);
                hits.add(new SearchResult.Hit(doc.get(IndexFields.ID), doc.get(IndexFields.KIND),
                        Float.isNaN(sd.score) ? 0 : sd.score, json(doc.getBinaryValue(IndexFields.JSON)),
                        highlights.getOrDefault(sd.doc, List.of())));
            }
            return new SearchResult(top.totalHits.value(), hits,
                    facets(request.reader(), searcher, result, MAX_FACET_VALUES));
        });
    }

    /** One document by id, if it exists and the caller may see it. */
    public Optional<JsonNode> get(String id, Visibility reader) throws IOException {
        return first(reader, visible(new Term(IndexFields.ID, id), reader), 1, null).stream().findFirst();
    }

    /** One document of a kind by id, if it exists and the caller may see it: a signal's id names no report. */
    public Optional<JsonNode> get(String id, DocumentKind kind, Visibility reader) throws IOException {
        Query query = new BooleanQuery.Builder().add(visible(new Term(IndexFields.ID, id), reader), BooleanClause.Occur.FILTER)
                .add(new TermQuery(new Term(IndexFields.KIND, kind.label())), BooleanClause.Occur.FILTER).build();
        return first(reader, query, 1, null).stream().findFirst();
    }

    /**
     * A country's risk history as the caller may see it: the highest classification tier the caller is
     * cleared for that has any history, oldest first.
     */
    public List<JsonNode> riskHistory(String country, Classification clearance, int limit) throws IOException {
        for (int rank = clearance.rank(); rank >= 0; rank--) {
            String series = country + ":" + Classification.values()[rank].label();
            List<JsonNode> history = first(Visibility.of(clearance),
                    visible(new Term(IndexFields.SERIES, series), Visibility.of(clearance)), limit,
                    NEWEST_FIRST);
            if (!history.isEmpty()) {
                return history.reversed();
            }
        }
        return List.of();
    }

    /** A country's signals in one tier, newest first. */
    public List<JsonNode> signals(String country, Classification tier, int limit) throws IOException {
        Query query = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(IndexFields.KIND, DocumentKind.SIGNAL.label())), BooleanClause.Occur.FILTER)
                .add(new TermQuery(new Term(IndexFields.COUNTRY, country)), BooleanClause.Occur.FILTER)
                .add(new TermQuery(new Term(IndexFields.CLASSIFICATION, tier.label())), BooleanClause.Occur.FILTER)
                .build();
        return first(Visibility.of(tier), query, limit, NEWEST_FIRST);
    }

    /** The countries with any risk history the caller may see, in code order. */
    public List<String> scoredCountries(Classification clearance) throws IOException {
        Visibility reader = Visibility.of(clearance);
        Query query = visible(new Term(IndexFields.KIND, DocumentKind.COUNTRY_RISK.label()), reader);
        return searchers.withView(reader, searcher -> {
            FacetsCollectorManager.FacetsResult result = FacetsCollectorManager.search(searcher, query, 1,
                    new FacetsCollectorManager());
            return facets(reader, searcher, result, COUNTRIES).getOrDefault(IndexFields.COUNTRY, Map.of()).keySet()
                    .stream().sorted().toList();
        });
    }

    /** The triage decisions on a signal the caller may see, oldest first: its history, the last one where it stands. */
    public List<JsonNode> decisions(String signalId, Classification clearance) throws IOException {
        Visibility reader = Visibility.of(clearance);
        return first(reader, visible(new Term(IndexFields.SIGNAL_ID, signalId), reader), 1000, NEWEST_FIRST)
                .reversed();
    }

    private List<JsonNode> first(Visibility reader, Query query, int n, Sort sort) throws IOException {
        return searchers.withView(reader, searcher -> {
            TopDocs top = sort == null ? searcher.search(query, n) : searcher.search(query, n, sort);
            List<JsonNode> out = new ArrayList<>();
            for (ScoreDoc sd : top.scoreDocs) {
                out.add(json(searcher.storedFields().document(sd.doc).getBinaryValue(IndexFields.JSON)));
            }
            return out;
        });
    }

    private static List<Query> filters(SearchRequest r) {
        List<Query> filters = new ArrayList<>();
        filters.add(visibleTo(r.reader()));
        terms(filters, IndexFields.KIND, r.kinds());
        terms(filters, IndexFields.COUNTRY, r.countries());
        if (r.from() != null || r.to() != null) {
            long from = r.from() == null ? Long.MIN_VALUE : r.from().toEpochMilli();
            long to = r.to() == null ? Long.MAX_VALUE : r.to().toEpochMilli() - 1;
            filters.add(LongField.newRangeQuery(IndexFields.TIME, from, to));
        }
        facetTerms(filters, IndexFields.SOURCE_KIND, r.sourceKinds());
        facetTerms(filters, IndexFields.LEVEL, r.levels());
        facetTerms(filters, IndexFields.INDICATOR, r.indicators());
        return filters;
    }

    /**
     * The documents with a term that a caller may see. The view holds only the partitions the caller may
     * see; the clause guards against a document in the wrong one.
     */
    private static Query visible(Term term, Visibility reader) {
        return new BooleanQuery.Builder().add(new TermQuery(term), BooleanClause.Occur.FILTER)
                .add(visibleTo(reader), BooleanClause.Occur.FILTER).build();
    }

    /**
     * Within the clearance, and caveated only with caveats the reader holds: a caveated document's caveat
     * set must be one of the subsets of what the reader holds (a reader holds at most
     * {@link Visibility#MAX_CAVEATS}, so there are few).
     */
    private static Query visibleTo(Visibility reader) {
        BooleanQuery.Builder query = new BooleanQuery.Builder()
                .add(IntField.newRangeQuery(IndexFields.CLASSIFICATION_RANK, 0, reader.clearance().rank()),
                        BooleanClause.Occur.FILTER);
        BooleanQuery.Builder notHeld = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(IndexFields.CAVEATED, "yes")), BooleanClause.Occur.FILTER);
        List<String> held = reader.caveats().stream().sorted().toList();
        List<BytesRef> allowed = new ArrayList<>();
        for (int subset = 1; subset < 1 << held.size(); subset++) {
            List<String> caveats = new ArrayList<>();
            for (int i = 0; i < held.size(); i++) {
                if ((subset & 1 << i) != 0) {
                    caveats.add(held.get(i));
                }
            }
            allowed.add(new BytesRef(String.join("+", caveats)));
        }
        if (!allowed.isEmpty()) {
            notHeld.add(new TermInSetQuery(IndexFields.CAVEAT_SET, allowed), BooleanClause.Occur.MUST_NOT);
        }
        return query.add(notHeld.build(), BooleanClause.Occur.MUST_NOT).build();
    }

    private static void terms(List<Query> filters, String field, Set<String> values) {
        if (!values.isEmpty()) {
            filters.add(new TermInSetQuery(field, values.stream().map(BytesRef::new).toList()));
        }
    }

    /** Facet values are indexed as drill-down terms: a filter on them needs no field of its own. */
    private static void facetTerms(List<Query> filters, String dim, Set<String> values) {
        if (!values.isEmpty()) {
            String field = IndexFields.facets().getDimConfig(dim).indexFieldName;
            filters.add(new TermInSetQuery(field, values.stream()
                    .map(v -> DrillDownQuery.term(field, dim, v).bytes()).toList()));
        }
    }

    /**
     * The facet ordinals of a clearance's view, built once per view: building them maps every facet
     * value across all segments, which took most of a search's time when it was done per search.
     *
     * @return null for an index without facets yet
     */
    private SortedSetDocValuesReaderState facetState(Visibility reader, IndexSearcher searcher)
            throws IOException {
        FacetState cached = facetStates.get(reader);
        if (cached != null && cached.reader() == searcher.getIndexReader()) {
            return cached.state();
        }
        try {
            SortedSetDocValuesReaderState state = new DefaultSortedSetDocValuesReaderState(
                    searcher.getIndexReader(), IndexFields.facets());
            facetStates.put(reader, new FacetState(searcher.getIndexReader(), state));
            return state;
        } catch (IllegalArgumentException emptyIndex) {
            return null;
        }
    }

    /** Facet ordinals with the readers they were built for. */
    private record FacetState(org.apache.lucene.index.IndexReader reader, SortedSetDocValuesReaderState state) {
    }

    private Map<String, Map<String, Integer>> facets(Visibility reader, IndexSearcher searcher,
                                                     FacetsCollectorManager.FacetsResult result,
                                                     int valuesPerDimension) throws IOException {
        Map<String, Map<String, Integer>> facets = new LinkedHashMap<>();
        SortedSetDocValuesReaderState state = facetState(reader, searcher);
        if (state == null) {
            return facets;
        }
        SortedSetDocValuesFacetCounts counts = new SortedSetDocValuesFacetCounts(state, result.facetsCollector());
        for (String dim : IndexFields.FACETS) {
            Map<String, Integer> values = new LinkedHashMap<>();
            FacetResult top;
            try {
                top = counts.getTopChildren(valuesPerDimension, dim);
            } catch (IllegalArgumentException dimensionNotIndexedYet) {
                top = null;
            }
            if (top != null) {
                for (LabelAndValue lv : top.labelValues) {
                    values.put(lv.label, lv.value.intValue());
                }
            }
            facets.put(dim, values);
        }
        return facets;
    }

    private static JsonNode json(BytesRef bytes) {
        try {
            return Json.mapper().readTree(bytes.bytes, bytes.offset, bytes.length);
        } catch (IOException e) {
            throw new UncheckedIOException("a stored document does not parse", e);
        }
    }
}
