package nl.horizon.app.web;

import com.sun.net.httpserver.HttpExchange;
import nl.horizon.app.views.Briefing;
import nl.horizon.app.views.CountryPage;
import nl.horizon.app.views.Overview;
import nl.horizon.index.Visibility;
import nl.horizon.schema.Classification;
import nl.horizon.schema.Countries;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

/** The meeting's views: the overview of every country, a country's page and the briefing for a period. */
public final class SituationHandlers {

    private static final int EVIDENCE_PER_ALERT = 5;

    /** Every country's line and the signals that changed since a day, as the caller's clearance sees them. */
    @FunctionalInterface
    public interface Overviews {
        Overview overview(Classification clearance, LocalDate since) throws IOException;
    }

    /** A country's page as the reader may see it. */
    @FunctionalInterface
    public interface CountryPages {
        CountryPage country(String country, Visibility reader) throws IOException;
    }

    /** The briefing for a period under a clearance. */
    @FunctionalInterface
    public interface Briefings {
        Briefing briefing(LocalDate from, LocalDate to, Classification clearance, int evidencePerSignal)
                throws IOException;
    }

    private final Overviews overviews;
    private final CountryPages countries;
    private final Briefings briefings;

    public SituationHandlers(Overviews overviews, CountryPages countries, Briefings briefings) {
        this.overviews = overviews;
        this.countries = countries;
        this.briefings = briefings;
    }

    void overview(HttpExchange exchange, Caller caller, Matcher path) throws IOException {
        LocalDate since;
        try {
            since = Http.date(Http.query(exchange), "since");
        } catch (IllegalArgumentException e) {
            Http.error(exchange, 400, "bad_request", e.getMessage());
            return;
        }
        Http.json(exchange, 200, overviews.overview(caller.clearance(), since));
    }

    /** A country: its latest score with contributions, its score history, its signals and recent reports. */
    void country(HttpExchange exchange, Caller caller, Matcher path) throws IOException {
        String country = path.group(1);
        if (!Countries.isAlpha3(country)) {
            Http.error(exchange, 404, "not_found", "'" + country + "' is not an ISO 3166-1 alpha-3 code");
            return;
        }
        Http.json(exchange, 200, countries.country(country, caller.visibility()));
    }

    /** The horizon-scan briefing for a period, as printable HTML, Markdown, PDF or JSON. */
    void briefing(HttpExchange exchange, Caller caller, Matcher path) throws IOException {
        Map<String, List<String>> params = Http.query(exchange);
        Briefing briefing;
        try {
            briefing = briefings.briefing(Http.date(params, "from"), Http.date(params, "to"), caller.clearance(),
                    EVIDENCE_PER_ALERT);
        } catch (IllegalArgumentException e) {
            Http.error(exchange, 400, "bad_request", e.getMessage());
            return;
        }
        String format = Http.first(params, "format");
        if (format.isEmpty() && String.valueOf(exchange.getRequestHeaders().getFirst("Accept")).contains("text/markdown")) {
            format = "md";
        }
        String file = "horizon-scan-" + briefing.from() + "-" + briefing.to();
        switch (format.isEmpty() ? "html" : format) {
            case "html" -> {
                exchange.getResponseHeaders().set("Content-Security-Policy",
                        "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'");
                Http.text(exchange, 200, "text/html", BriefingDocument.html(briefing));
            }
            case "md" -> {
                exchange.getResponseHeaders().set("Content-Disposition", "attachment; filename=\"" + file + ".md\"");
                Http.text(exchange, 200, "text/markdown", BriefingDocument.markdown(briefing));
            }
            case "pdf" -> {
                exchange.getResponseHeaders().set("Content-Disposition", "inline; filename=\"" + file + ".pdf\"");
                Http.send(exchange, 200, "application/pdf", BriefingPdf.pdf(briefing));
            }
            case "json" -> Http.json(exchange, 200, briefing);
            default -> Http.error(exchange, 400, "bad_request", "format must be html, md, pdf or json");
        }
    }
}
