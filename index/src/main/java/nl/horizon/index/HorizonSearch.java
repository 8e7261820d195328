package nl.horizon.index;

import nl.horizon.schema.Classification;
import nl.horizon.schema.DocumentKind;
import nl.horizon.schema.CountryRisk;
import nl.horizon.schema.Report;
import nl.horizon.schema.Searchable;
import nl.horizon.schema.Signal;
import nl.horizon.schema.TriageDecision;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.IntField;
import org.apache.lucene.document.LongField;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.RandomSamplingFacetsCollector;
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
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.util.BytesRef;

import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
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
    /** The stored fields a hit is read from; its text is read by the highlighter alone. */
    private static final Set<String> HIT_FIELDS = Set.of(IndexFields.ID, IndexFields.KIND, IndexFields.JSON);
    private static final Set<String> RECORD_FIELD = Set.of(IndexFields.JSON);

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
            // two passes over the matches: the page's hits, which may skip documents that cannot make the page
            // (its total is then a lower bound), and every match, unscored, for the exact total and the facets;
            // one pass that did both scored every match, and scoring was half a broad search's time
            int wanted = Math.max(1, Math.min(request.offset() + request.limit(), searcher.getIndexReader().maxDoc()));
            TopDocs top = request.byTime()
                    ? searcher.search(built, new TopFieldCollectorManager(NEWEST_FIRST, wanted, null, wanted))
                    : searcher.search(built, new TopScoreDocCollectorManager(wanted, null, wanted));
            RandomSamplingFacetsCollector matches = searcher.search(built, FacetSampling.collector());
            long total = FacetSampling.total(matches);
            FacetSampling.Counted counted = FacetSampling.of(matches, total);
            List<SearchResult.Hit> hits = new ArrayList<>();
            Map<Integer, List<String>> highlights = Highlights.of(searcher, analyzer, built, top);
            for (int i = request.offset(); i < top.scoreDocs.length; i++) {
                ScoreDoc sd = top.scoreDocs[i];
                var doc = searcher.storedFields().document(sd.doc, HIT_FIELDS);
                hits.add(new SearchResult.Hit(doc.get(IndexFields.ID), doc.get(IndexFields.KIND),
                        Float.isNaN(sd.score) ? 0 : sd.score,
                        StoredRecords.read(doc.get(IndexFields.KIND), doc.getBinaryValue(IndexFields.JSON)),
                        highlights.getOrDefault(sd.doc, List.of())));
            }
            return new SearchResult(total, hits, facets(request.reader(), searcher, counted, MAX_FACET_VALUES),
                    counted.estimated());
        });
    }

    /** One report by id, if it exists and the caller may see it: within their clearance and holding its caveats. */
    public Optional<Report> report(String id, Visibility reader) throws IOException {
        return reports(List.of(id), reader).stream().findFirst();
    }

    /**
     * Reports by id in the order asked (a signal's evidence), leaving out those that do not exist or that
     * the caller may not see; one query for all of them.
     */
    public List<Report> reports(List<String> ids, Visibility reader) throws IOException {
        if (ids.isEmpty()) {
            return List.of();
        }
        Query query = new BooleanQuery.Builder()
                .add(new TermInSetQuery(IndexFields.ID, ids.stream().map(BytesRef::new).toList()), BooleanClause.Occur.FILTER)
                .add(visibleTo(reader), BooleanClause.Occur.FILTER).build();
        Map<String, Report> found = new HashMap<>();
        for (Report r : all(Report.class, reader, query, null)) {
            found.put(r.id(), r);
        }
        return ids.stream().distinct().map(found::get).filter(Objects::nonNull).toList();
    }

    /** One signal by id, if it exists and the caller may see it: a report's id names no signal. */
    public Optional<Signal> signal(String id, Visibility reader) throws IOException {
        return first(Signal.class, reader, visible(new Term(IndexFields.ID, id), reader), 1, null).stream().findFirst();
    }

    /**
     * A country's risk history as the caller may see it: the highest classification tier the caller is
     * cleared for that has any history, its newest {@code limit} points, oldest first.
     */
    public List<CountryRisk> riskHistory(String country, Classification clearance, int limit) throws IOException {
        for (int rank = clearance.rank(); rank >= 0; rank--) {
            String series = country + ":" + Classification.values()[rank].label();
            List<CountryRisk> history = first(CountryRisk.class, Visibility.of(clearance),
                    visible(new Term(IndexFields.SERIES, series), Visibility.of(clearance)), limit,
                    NEWEST_FIRST);
            if (!history.isEmpty()) {
                return history.reversed();
            }
        }
        return List.of();
    }

    /**
     * Every visible country's risk history, each in the highest tier the caller is cleared for that has
     * any history of it (as {@link #riskHistory}), oldest point first, countries in code order: the points
     * from {@code from} on, and the last one before it (where the country stood on {@code from}); null
     * {@code from}: whole histories. A few queries per tier, however many countries there are.
     */
    public SortedMap<String, List<CountryRisk>> riskHistories(Classification clearance, LocalDate from)
            throws IOException {
        Visibility reader = Visibility.of(clearance);
        SortedMap<String, List<CountryRisk>> histories = new TreeMap<>();
        for (int rank = clearance.rank(); rank >= 0; rank--) {
            Query tier = new BooleanQuery.Builder().add(riskPoints(reader), BooleanClause.Occur.FILTER)
                    .add(new TermQuery(new Term(IndexFields.CLASSIFICATION, Classification.values()[rank].label())),
                            BooleanClause.Occur.FILTER)
                    .add(terms(IndexFields.COUNTRY, histories.keySet()), BooleanClause.Occur.MUST_NOT).build();
            Map<String, List<CountryRisk>> found = new HashMap<>();
            Query recent = from == null ? tier : and(tier, LongField.newRangeQuery(IndexFields.TIME,
                    start(from), Long.MAX_VALUE));
            for (CountryRisk point : all(CountryRisk.class, reader, recent, null)) {
                found.computeIfAbsent(point.country(), c -> new ArrayList<>()).add(point);
            }
            if (from != null) {
                lastBefore(reader, tier, start(from)).forEach((country, point) ->
                        found.computeIfAbsent(country, c -> new ArrayList<>()).add(point));
            }
            found.forEach((country, points) -> {
                points.sort(Comparator.comparing(CountryRisk::day));
                histories.put(country, List.copyOf(points));
            });
        }
        return histories;
    }

    /**
     * Per country, the newest of the points matching {@code points} that lie before {@code before}: which
     * countries have any is counted first, then newest points are read a page at a time until each of them
     * has its point.
     */
    private Map<String, CountryRisk> lastBefore(Visibility reader, Query points, long before) throws IOException {
        Query older = and(points, LongField.newRangeQuery(IndexFields.TIME, Long.MIN_VALUE, before - 1));
        Set<String> wanted = searchers.withView(reader, searcher -> {
            FacetsCollectorManager.FacetsResult result = FacetsCollectorManager.search(searcher, older, 1,
                    new FacetsCollectorManager());
            return new HashSet<>(facets(reader, searcher, exact(result), COUNTRIES)
                    .getOrDefault(IndexFields.COUNTRY, Map.of()).keySet());
        });
        Map<String, CountryRisk> last = new HashMap<>();
        if (wanted.isEmpty()) {
            return last;
        }
        Query query = and(older, terms(IndexFields.COUNTRY, wanted));
        int page = Math.max(100, 4 * wanted.size());
        return searchers.withView(reader, searcher -> {
            ScoreDoc after = null;
            while (last.size() < wanted.size()) {
                TopDocs top = after == null ? searcher.search(query, page, NEWEST_FIRST)
                        : searcher.searchAfter(after, query, page, NEWEST_FIRST);
                for (ScoreDoc sd : top.scoreDocs) {
                    CountryRisk point = StoredRecords.read(CountryRisk.class,
                            searcher.storedFields().document(sd.doc, RECORD_FIELD).getBinaryValue(IndexFields.JSON));
                    last.putIfAbsent(point.country(), point);
                }
                if (top.scoreDocs.length < page) {
                    break;
                }
                after = top.scoreDocs[top.scoreDocs.length - 1];
            }
            return last;
        });
    }

    /** The day of the newest risk point the caller may see, in any tier: how far scoring has come for them. */
    public Optional<LocalDate> latestScoredDay(Classification clearance) throws IOException {
        Visibility reader = Visibility.of(clearance);
        return first(CountryRisk.class, reader, riskPoints(reader), 1, NEWEST_FIRST).stream().findFirst()
                .map(CountryRisk::day);
    }

    /** A country's signals in one tier, newest first. */
    public List<Signal> signals(String country, Classification tier, int limit) throws IOException {
        Query query = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(IndexFields.KIND, DocumentKind.SIGNAL.label())), BooleanClause.Occur.FILTER)
                .add(new TermQuery(new Term(IndexFields.COUNTRY, country)), BooleanClause.Occur.FILTER)
                .add(new TermQuery(new Term(IndexFields.CLASSIFICATION, tier.label())), BooleanClause.Occur.FILTER)
                .build();
        return first(Signal.class, Visibility.of(tier), query, limit, NEWEST_FIRST);
    }

    /**
     * Every signal the caller may see, of any country and tier, whose day lies in {@code [from, to]} (null
     * {@code to}: from {@code from} on), newest first: one query.
     */
    public List<Signal> signals(Classification clearance, LocalDate from, LocalDate to) throws IOException {
        Visibility reader = Visibility.of(clearance);
        Query query = new BooleanQuery.Builder()
                .add(visible(new Term(IndexFields.KIND, DocumentKind.SIGNAL.label()), reader), BooleanClause.Occur.FILTER)
                .add(LongField.newRangeQuery(IndexFields.TIME, start(from),
                        to == null ? Long.MAX_VALUE : start(to.plusDays(1)) - 1),
                        BooleanClause.Occur.FILTER).build();
        return all(Signal.class, reader, query, NEWEST_FIRST);
    }

    /** The countries with any risk history the caller may see, in code order. */
    public List<String> scoredCountries(Classification clearance) throws IOException {
        Visibility reader = Visibility.of(clearance);
        Query query = riskPoints(reader);
        return searchers.withView(reader, searcher -> {
            FacetsCollectorManager.FacetsResult result = FacetsCollectorManager.search(searcher, query, 1,
                    new FacetsCollectorManager());
            return facets(reader, searcher, exact(result), COUNTRIES).getOrDefault(IndexFields.COUNTRY, Map.of()).keySet()
                    .stream().sorted().toList();
        });
    }

    /** The triage decisions on a signal the caller may see, oldest first: its history, the last one where it stands. */
    public List<TriageDecision> decisions(String signalId, Classification clearance) throws IOException {
        return decisions(List.of(signalId), clearance).getOrDefault(signalId, List.of());
    }

    /** The triage decisions on each of {@code signalIds} that the caller may see, oldest first: one query for all. */
    public Map<String, List<TriageDecision>> decisions(Collection<String> signalIds, Classification clearance)
            throws IOException {
        Map<String, List<TriageDecision>> bySignal = new HashMap<>();
        if (signalIds.isEmpty()) {
            return bySignal;
        }
        Visibility reader = Visibility.of(clearance);
        Query query = and(visibleTo(reader), terms(IndexFields.SIGNAL_ID, Set.copyOf(signalIds)));
        for (TriageDecision d : all(TriageDecision.class, reader, query, null)) {
            bySignal.computeIfAbsent(d.signalId(), id -> new ArrayList<>()).add(d);
        }
        bySignal.values().forEach(list -> list.sort(Comparator.comparing(TriageDecision::decidedAt)
                .thenComparing(TriageDecision::id)));
        return bySignal;
    }

    /** The first {@code n} documents of a type matching {@code query}, in {@code sort} order (null: index order). */
    private <T extends Searchable> List<T> first(Class<T> type, Visibility reader, Query query, int n, Sort sort)
            throws IOException {
        Query typed = and(query, new TermQuery(new Term(IndexFields.KIND, StoredRecords.kind(type).label())));
        return searchers.withView(reader, searcher -> read(type, searcher,
                sort == null ? searcher.search(typed, n) : searcher.search(typed, n, sort)));
    }

    /** Every document of a type matching {@code query}. */
    private <T extends Searchable> List<T> all(Class<T> type, Visibility reader, Query query, Sort sort)
            throws IOException {
        Query typed = and(query, new TermQuery(new Term(IndexFields.KIND, StoredRecords.kind(type).label())));
        return searchers.withView(reader, searcher -> {
            int n = Math.max(1, searcher.count(typed));
            return read(type, searcher, sort == null ? searcher.search(typed, n) : searcher.search(typed, n, sort));
        });
    }

    private static <T extends Searchable> List<T> read(Class<T> type, IndexSearcher searcher, TopDocs top)
            throws IOException {
        List<T> out = new ArrayList<>();
        for (ScoreDoc sd : top.scoreDocs) {
            out.add(StoredRecords.read(type, searcher.storedFields().document(sd.doc, RECORD_FIELD).getBinaryValue(IndexFields.JSON)));
        }
        return out;
    }

    private static Query riskPoints(Visibility reader) {
        return visible(new Term(IndexFields.KIND, DocumentKind.COUNTRY_RISK.label()), reader);
    }

    private static Query and(Query a, Query b) {
        return new BooleanQuery.Builder().add(a, BooleanClause.Occur.FILTER).add(b, BooleanClause.Occur.FILTER).build();
    }

    private static Query terms(String field, Collection<String> values) {
        return new TermInSetQuery(field, values.stream().map(BytesRef::new).toList());
    }

    private static long start(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
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

    /** Every match counted: to list the values present, where one document must count. */
    private static FacetSampling.Counted exact(FacetsCollectorManager.FacetsResult result) {
        return new FacetSampling.Counted(result.facetsCollector(), 1);
    }

    /**
     * The top values of each dimension over the counted documents, their counts scaled to all matches
     * where a sample was counted (values ranked by their counts in the sample).
     */
    private Map<String, Map<String, Integer>> facets(Visibility reader, IndexSearcher searcher,
                                                     FacetSampling.Counted counted,
                                                     int valuesPerDimension) throws IOException {
        Map<String, Map<String, Integer>> facets = new LinkedHashMap<>();
        SortedSetDocValuesReaderState state = facetState(reader, searcher);
        if (state == null) {
            return facets;
        }
        SortedSetDocValuesFacetCounts counts = new SortedSetDocValuesFacetCounts(state, counted.docs());
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
                    values.put(lv.label, (int) Math.round(lv.value.intValue() * counted.scale()));
                }
            }
            facets.put(dim, values);
        }
        return facets;
    }
}
