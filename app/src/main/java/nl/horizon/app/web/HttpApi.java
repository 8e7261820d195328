package nl.horizon.app.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import nl.horizon.index.MatchInbox;
import nl.horizon.index.SavedQueries;
import nl.horizon.ingest.push.PushIngest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * The HTTP server of the API, the dashboard and the feeds, on the JDK's own server (no servlet container to
 * keep in step with Kafka Connect's). It does what every request needs, in one place: security headers,
 * authentication, routing ({@link Router}), the {@link AccessPolicy}, the request metrics and the audit;
 * what each route does is its handler's, grouped by domain in {@link WebRoutes}. Every route but the health
 * checks, the sign-in page and the dashboard's static files needs credentials: a bearer token or the
 * dashboard's session cookie, never a silent downgrade to anonymous. Every answer carries security
 * headers, every error is JSON with a reason, and every request that needed credentials is written to the
 * audit topic.
 */
public final class HttpApi implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HttpApi.class);

    /** What the server serves. */
    public record Services(Situation situation, nl.horizon.index.HorizonSearch search, PushIngest push,
                           SavedQueries savedQueries, MatchInbox inbox, Authenticator authenticator, Sessions sessions,
                           TriageDesk triage, SignalFeeds feeds, FeedTokens feedTokens, SearchFilters filters,
                           LiveUpdates live, AuditTrail audit,
                           Supplier<Map<String, Object>> health, Supplier<String> metrics, int maxItemBytes,
                           Optional<String> publicBaseUrl, Optional<String> capSender, Duration capValidity) {

        /**
         * Every route's handler over these services.
         *
         * @param baseUrl where readers reach this server: the start of every absolute link, never taken from a
         *                request
         */
        WebRoutes routes(String baseUrl) {
            CapAlerts capAlerts = new CapAlerts(capSender.orElse(URI.create(baseUrl).getHost()), baseUrl, capValidity);
            return new WebRoutes(new DashboardHandlers(new Dashboard(), live, audit),
                    new SessionHandlers(authenticator::token, sessions, audit, baseUrl),
                    new OperationsHandlers(health, metrics),
                    new SituationHandlers(situation::overview, situation::country, situation::briefing),
                    new SearchHandlers(search::find, situation::report, filters),
                    new SignalHandlers(situation::signal, situation::signalRecord, triage::decide, capAlerts),
                    new FeedHandlers(feeds::latest, filters, capAlerts, baseUrl),
                    new FeedTokenHandlers(feedTokens),
                    new SubscriptionHandlers(savedQueries, inbox, Clock.systemUTC()),
                    new IngestHandlers(push::accept, maxItemBytes));
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final Router router;
    private final Authenticator authenticator;
    private final FeedTokens feedTokens;
    private final AccessPolicy access = new AccessPolicy();
    private final AuditTrail audit;
    private final WebMetrics metrics;
    private final LiveUpdates streams;

    private HttpApi(HttpServer server, Router router, Authenticator authenticator, FeedTokens feedTokens,
                    AuditTrail audit, LiveUpdates streams) {
        this.server = server;
        this.router = router;
        this.authenticator = authenticator;
        this.feedTokens = feedTokens;
        this.audit = audit;
        this.metrics = new WebMetrics(router.routes());
        this.streams = streams;
    }

    /** Starts listening, serving Horizon's routes over its services. */
    public static HttpApi start(String host, int port, Services services) throws IOException {
        HttpServer server = bind(host, port);
        String baseUrl = services.publicBaseUrl().orElse("http://localhost:" + server.getAddress().getPort());
        return serve(server, services.routes(baseUrl).router(), services.authenticator(), services.feedTokens(),
                services.audit(), services.live());
    }

    /** A server bound to an address, not yet serving: its port is known, for links that name it. */
    static HttpServer bind(String host, int port) throws IOException {
        // the JDK server writes a response's head and body separately; without TCP_NODELAY the body waits for
        // the client's delayed acknowledgement, and every answer took 40 ms longer than its work
        System.setProperty("sun.net.httpserver.nodelay", "true");
        return HttpServer.create(new InetSocketAddress(host, port), 0);
    }

    /**
     * Serves a router's routes on a bound server.
     *
     * @param streams what holds answers open (the live updates): closed first when the server stops
     */
    static HttpApi serve(HttpServer server, Router router, Authenticator authenticator, FeedTokens feedTokens,
                         AuditTrail audit, LiveUpdates streams) {
        HttpApi api = new HttpApi(server, router, authenticator, feedTokens, audit, streams);
        server.createContext("/", api::dispatch);
        server.setExecutor(api.executor);
        server.start();
        return api;
    }

    /** Every route as {@code METHOD template}: what the OpenAPI file must describe. */
    public List<String> routes() {
        return router.routes().stream().map(Route::operation).toList();
    }

    /** The port it listens on. */
    public int port() {
        return server.getAddress().getPort();
    }

    /**
     * Serves one request. Who is asking is settled before routing, so that every answer to a request with
     * credentials (an unknown path, a refusal, a handler that failed) is audited with its caller. Routes
     * match the path as sent, and a handler decodes what it takes from it once ({@link Http#segment}).
     */
    private void dispatch(HttpExchange exchange) {
        long started = System.nanoTime();
        String path = exchange.getRequestURI().getRawPath();
        Optional<Route> route = Optional.empty();
        Caller caller = null;
        try (exchange) {
            try {
                secure(exchange);
                Optional<Authenticator.Authenticated> who = authenticator.authenticate(exchange);
                caller = who.map(Authenticator.Authenticated::caller).orElse(null);
                switch (router.match(exchange.getRequestMethod(), path)) {
                    case Router.Found found -> {
                        route = Optional.of(found.route());
                        if (who.isEmpty() && found.route().access().feedToken()) {
                            who = feedToken(exchange);
                            caller = who.map(Authenticator.Authenticated::caller).orElse(null);
                        }
                        serve(exchange, found, path, who);
                    }
                    case Router.MethodNotAllowed ignored -> Http.error(exchange, 405, "method_not_allowed",
                            exchange.getRequestMethod() + " is not allowed on " + path);
                    case Router.NotFound ignored -> Http.error(exchange, 404, "not_found", "no such resource: " + path);
                }
            } catch (Http.MalformedRequestException e) {
                answerUnlessBegun(exchange, 400, "bad_request", e.getMessage());
            } catch (RuntimeException | IOException e) {
                LOG.error("{} {} failed", exchange.getRequestMethod(), path, e);
                answerUnlessBegun(exchange, 500, "internal", "the request failed; it has been logged");
            }
            int status = exchange.getResponseCode() < 0 ? 500 : exchange.getResponseCode();
            String name = route.map(Route::template).orElse(AuditTrail.UNKNOWN_ROUTE);
            metrics.answered(exchange.getRequestMethod(), name, status, System.nanoTime() - started);
            if (route.isEmpty() || route.get().auditedWhenAnswered(status)) {
                audit.record(exchange, caller, name, status);
            }
        }
    }

    /** The caller a feed token in the query ({@code ?token=}) stands for; empty when there is none or it is wrong. */
    private Optional<Authenticator.Authenticated> feedToken(HttpExchange exchange) {
        String token = Http.first(Http.query(exchange), "token");
        return token.isEmpty() ? Optional.empty()
                : feedTokens.authenticate(token).map(c -> new Authenticator.Authenticated(c, null));
    }

    /**
     * Answers a request that could not be read (400) or whose handler failed (500), unless its answer had
     * already begun.
     */
    private static void answerUnlessBegun(HttpExchange exchange, int status, String code, String message) {
        if (exchange.getResponseCode() >= 0) {
            return;
        }
        try {
            Http.error(exchange, status, code, message);
        } catch (IOException clientGone) {
            // nothing more to tell a client that left
        }
    }

    /** Lets the access policy decide, then runs the handler. */
    private void serve(HttpExchange exchange, Router.Found found, String path, Optional<Authenticator.Authenticated> who)
            throws IOException {
        switch (access.decide(found.route().access(), exchange.getRequestMethod(), path,
                exchange.getRequestHeaders(), who)) {
            case AccessPolicy.Allow allow -> found.route().handler().handle(exchange, allow.caller(), found.path());
            case AccessPolicy.SignIn ignored -> Http.redirect(exchange, "/login");
            case AccessPolicy.Refuse refuse -> {
                if (refuse.challenge()) {
                    exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer realm=\"horizon\"");
                }
                Http.error(exchange, refuse.status(), refuse.code(), refuse.message());
            }
        }
    }

    private static void secure(HttpExchange exchange) {
        var headers = exchange.getResponseHeaders();
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Cache-Control", "no-store");
        // same-origin, not no-referrer: under no-referrer browsers send "Origin: null" with forms, and the
        // sign-in form's origin check needs the real one; other sites still get no referrer
        headers.set("Referrer-Policy", "same-origin");
        headers.set("X-Frame-Options", "DENY");
        headers.set("Cross-Origin-Opener-Policy", "same-origin");
        headers.set("Cross-Origin-Resource-Policy", "same-origin");
        headers.set("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
    }

    @Override
    public void close() {
        streams.close();
        server.stop(1);
        executor.shutdown();
    }
}
