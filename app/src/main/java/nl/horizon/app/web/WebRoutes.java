package nl.horizon.app.web;

import java.util.List;

import static nl.horizon.app.web.Access.ANALYSTS;
import static nl.horizon.app.web.Access.FEED_READERS;
import static nl.horizon.app.web.Access.OPEN;
import static nl.horizon.app.web.Access.OPERATORS;
import static nl.horizon.app.web.Access.PARTNERS;
import static nl.horizon.app.web.Access.POSTS;
import static nl.horizon.app.web.Access.READERS;

/**
 * Horizon's route table: every operation, who may use it and the handler that serves it. The one list
 * that the server routes by, the OpenAPI file is checked against and the metrics are labelled with.
 *
 * @param dashboard     pages, files and live updates
 * @param sessions      signing in and out, who am I
 * @param operations    health and metrics
 * @param situation     overview, country pages and briefings
 * @param search        search and single reports
 * @param signals       a signal, its CAP alert and its triage
 * @param feeds         Atom, RSS and CAP feeds
 * @param feedTokens    readers' tokens for their feed readers
 * @param subscriptions saved queries and their matches
 * @param ingest        posts and partners pushing reports
 */
public record WebRoutes(DashboardHandlers dashboard, SessionHandlers sessions, OperationsHandlers operations,
                        SituationHandlers situation, SearchHandlers search, SignalHandlers signals,
                        FeedHandlers feeds, FeedTokenHandlers feedTokens, SubscriptionHandlers subscriptions, IngestHandlers ingest) {

    /** The router over every route. */
    public Router router() {
        return new Router(List.of(
                Route.of("GET", "/health", OPEN, operations::health),
                Route.of("GET", "/health/live", OPEN, operations::live),
                Route.of("GET", "/login", OPEN, dashboard::login),
                Route.of("POST", "/login", OPEN, sessions::login).answering(303),
                Route.of("GET", "/assets/{file}", OPEN, dashboard::asset).where("file", "[a-z0-9./-]{1,80}"),
                Route.of("GET", "/", READERS, dashboard::index),
                Route.of("POST", "/logout", READERS, sessions::logout).answering(204),
                Route.of("GET", "/api/me", READERS, sessions::me),
                Route.of("GET", "/metrics", OPERATORS, operations::metrics),
                Route.of("GET", "/api/overview", READERS, situation::overview),
                Route.of("GET", "/api/search", READERS, search::search),
                Route.of("GET", "/api/reports/{id}", READERS, search::report).where("id", "[^/]{1,400}"),
                Route.of("GET", "/api/signals/{id}", READERS, signals::signal),
                Route.of("GET", "/api/signals/{id}/cap", READERS, signals::cap),
                Route.of("POST", "/api/signals/{id}/triage", ANALYSTS, signals::triage).answering(201),
                Route.of("GET", "/api/countries/{iso3}", READERS, situation::country).where("iso3", "[A-Z]{3}"),
                Route.of("GET", "/api/briefing", READERS, situation::briefing),
                Route.stream("GET", DashboardHandlers.EVENTS, READERS, dashboard::events),
                Route.of("GET", "/feeds/signals.atom", FEED_READERS, feeds::atom),
                Route.of("GET", "/feeds/signals.rss", FEED_READERS, feeds::rss),
                Route.of("GET", "/feeds/signals.cap.atom", FEED_READERS, feeds::capAtom),
                Route.of("GET", "/api/feed-tokens", READERS, feedTokens::list),
                Route.of("POST", "/api/feed-tokens", READERS, feedTokens::create).answering(201),
                Route.of("DELETE", "/api/feed-tokens/{id}", READERS, feedTokens::revoke)
                        .where("id", "[0-9a-f-]{36}").answering(204),
                Route.of("GET", "/api/subscriptions", ANALYSTS, subscriptions::list),
                Route.of("POST", "/api/subscriptions", ANALYSTS, subscriptions::subscribe).answering(201),
                Route.of("DELETE", "/api/subscriptions/{id}", ANALYSTS, subscriptions::unsubscribe)
                        .where("id", "[0-9a-f-]{36}").answering(204),
                Route.of("GET", "/api/matches", ANALYSTS, subscriptions::matches),
                Route.of("POST", "/api/ingest/posts", POSTS, ingest::post).answering(202),
                Route.of("POST", "/api/ingest/partners/{partner}", PARTNERS, ingest::partner)
                        .where("partner", "[a-z0-9][a-z0-9-]{0,62}").answering(202)));
    }
}
