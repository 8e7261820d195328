package nl.horizon.app.web;

import com.sun.net.httpserver.HttpExchange;
import nl.horizon.index.InvalidQueryException;
import nl.horizon.index.SearchRequest;
import nl.horizon.index.SearchResult;
import nl.horizon.index.Visibility;
import nl.horizon.schema.Report;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;

/** Search over reports, signals and risk points, and one report by its id. */
public final class SearchHandlers {

    private static final int MAX_LIMIT = 100;

    /** Runs a search within the request's visibility. */
    @FunctionalInterface
    public interface Searcher {
        SearchResult find(SearchRequest request) throws InvalidQueryException, IOException;
    }

    /** One report, if the reader may see it. */
    @FunctionalInterface
    public interface Reports {
        Optional<Report> report(String id, Visibility reader) throws IOException;
    }

    private final Searcher search;
    private final Reports reports;
    private final SearchFilters filters;

    public SearchHandlers(Searcher search, Reports reports, SearchFilters filters) {
        this.search = search;
        this.reports = reports;
        this.filters = filters;
    }

    void search(HttpExchange exchange, Caller caller, Matcher path) throws IOException {
        Map<String, List<String>> params = Http.query(exchange);
        SearchRequest request;
        try {
            SearchFilters.Filters filters = this.filters.read(params);
            String sort = Http.first(params, "sort");
            if (!List.of("", "relevance", "time").contains(sort)) {
                throw new IllegalArgumentException("parameter 'sort': unknown value '" + sort
                        + "'; accepted: relevance, time");
            }
            request = new SearchRequest(Http.first(params, "q"), caller.visibility(), filters.kinds(),
                    filters.countries(), filters.sources(), filters.levels(), filters.indicators(),
                    Http.instant(params, "from"), Http.instant(params, "to"), sort.equals("time"),
                    Http.intParam(params, "offset", 0, 0, 10_000), Http.intParam(params, "limit", 20, 1, MAX_LIMIT));
        } catch (IllegalArgumentException e) {
            Http.error(exchange, 400, "bad_request", e.getMessage());
            return;
        }
        try {
            SearchResult result = search.find(request);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("total", result.total());
            body.put("offset", request.offset());
            body.put("hits", result.hits());
            body.put("facets", result.facets());
            body.put("facetsEstimated", result.facetsEstimated());
            Http.json(exchange, 200, body);
        } catch (InvalidQueryException e) {
            Http.error(exchange, 400, "invalid_query", e.getMessage());
        }
    }

    /** One report as stored, with its links; 404 when it does not exist or the caller may not see it. */
    void report(HttpExchange exchange, Caller caller, Matcher path) throws IOException {
        String id = Http.segment(path.group(1));
        Optional<Report> report = reports.report(id, caller.visibility());
        if (report.isEmpty()) {
            Http.error(exchange, 404, "not_found", "no report '" + id + "' that you may see");
            return;
        }
        Http.json(exchange, 200, report.get());
    }
}
