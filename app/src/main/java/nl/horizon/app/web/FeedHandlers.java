package nl.horizon.app.web;

import com.sun.net.httpserver.HttpExchange;
import nl.horizon.schema.Classification;
import nl.horizon.schema.Signal;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * Signals as Atom or RSS, for a country or level: {@code /feeds/signals.atom?country=MLI&level=alert};
 * format {@code cap} is Atom whose entries embed each signal's CAP alert.
 */
public final class FeedHandlers {

    /** The latest signals a clearance may see, for some countries and levels (empty: all). */
    @FunctionalInterface
    public interface LatestSignals {
        List<Signal> latest(Classification clearance, Set<String> countries, Set<String> levels) throws IOException;
    }

    private final LatestSignals feeds;
    private final SearchFilters filters;
    private final CapAlerts capAlerts;
    /** Where readers reach this server: the start of every absolute link, never taken from a request. */
    private final String baseUrl;

    public FeedHandlers(LatestSignals feeds, SearchFilters filters, CapAlerts capAlerts, String baseUrl) {
        this.feeds = feeds;
        this.filters = filters;
        this.capAlerts = capAlerts;
        this.baseUrl = baseUrl;
    }

    void atom(HttpExchange exchange, Caller caller, Matcher path) throws IOException {
        feed(exchange, caller, "atom_1.0", "application/atom+xml");
    }

    void rss(HttpExchange exchange, Caller caller, Matcher path) throws IOException {
        feed(exchange, caller, "rss_2.0", "application/rss+xml");
    }

    void capAtom(HttpExchange exchange, Caller caller, Matcher path) throws IOException {
        feed(exchange, caller, "cap", "application/atom+xml");
    }

    private void feed(HttpExchange exchange, Caller caller, String format, String mediaType) throws IOException {
        SearchFilters.Filters filters;
        try {
            filters = this.filters.read(Http.query(exchange));
        } catch (IllegalArgumentException e) {
            Http.error(exchange, 400, "bad_request", e.getMessage());
            return;
        }
        Set<String> countries = filters.countries();
        Set<String> levels = filters.levels();
        String title = "Horizon signals" + (countries.isEmpty() ? "" : " " + String.join(",", countries))
                + (levels.isEmpty() ? "" : " " + String.join(",", levels));
        List<Signal> signals = feeds.latest(caller.clearance(), countries, levels);
        String xml = "cap".equals(format) ? capAlerts.feed(signals, title)
                : SignalFeeds.feed(signals, title, format, baseUrl);
        Http.text(exchange, 200, mediaType, xml);
    }
}
