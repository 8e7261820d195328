package nl.horizon.app.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import nl.horizon.index.InvalidQueryException;
import nl.horizon.index.MatchInbox;
import nl.horizon.index.SavedQueries;
import nl.horizon.index.SearchRequest;
import nl.horizon.index.SearchResult;
import nl.horizon.ingest.push.PushIngest;
import nl.horizon.ingest.push.PushOutcome;
import nl.horizon.schema.Classification;
import nl.horizon.schema.Countries;
import nl.horizon.schema.Identity;
import nl.horizon.schema.Json;
import nl.horizon.schema.SourceKind;
import nl.horizon.schema.Subscription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HTTP API, the dashboard and the feeds, on the JDK's own server (no servlet container to keep in
 * step with Kafka Connect's). Every route but the health checks, the sign-in page and the dashboard's
 * static files needs credentials: a bearer token or the dashboard's session cookie, never a silent
 * downgrade to anonymous. A request made with the cookie that changes anything must carry the session's
 * CSRF token. Every answer carries security headers, every error is JSON with a reason, and every request
 * that needed credentials is written to the audit topic.
 */
public final class HttpApi implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HttpApi.class);
    private static final int MAX_LIMIT = 100;
    private static final int SUBSCRIPTION_BYTES = 4096;
    private static final int TRIAGE_BYTES = 8192;
    private static final int LOGIN_BYTES = 20_000;
    private static final int EVIDENCE_PER_ALERT = 5;
    private static final Set<Role> READERS = Set.of(Role.VIEWER, Role.ANALYST, Role.ADMIN);
    private static final Set<Role> ANALYSTS = Set.of(Role.ANALYST);
    private static final Set<Role> OPERATORS = Set.of(Role.ADMIN);
    /** Marks an open route: no credentials needed. */
    private static final Set<Role> OPEN = Set.of();

    /** What the server serves. */
    public record Services(Situation situation, nl.horizon.index.HorizonSearch search, PushIngest push,
                           SavedQueries savedQueries, MatchInbox inbox, Authenticator authenticator, Sessions sessions,
                           TriageDesk triage, SignalFeeds feeds, SearchFilters filters, LiveUpdates live,
                           AuditTrail audit,
                           Supplier<Map<String, Object>> health, Supplier<String> metrics, int maxItemBytes,
                           Optional<String> publicBaseUrl, Optional<String> capSender, Duration capValidity) {
    }

    private interface Handler {
        void handle(HttpExchange exchange, Caller caller, Matcher path) throws IOException;
    }

    /**
     * A route: who may use it is any of {@code roles}; {@link #OPEN} needs no credentials at all.
     *
     * @param stream whether the answer is held open (server-sent events): its handler audits it when it opens,
     *               since the stream may end hours later or never
     */
    private record Route(String method, Pattern path, Set<Role> roles, boolean stream, Handler handler) {

        Route(String method, Pattern path, Set<Role> roles, Handler handler) {
            this(method, path, roles, false, handler);
        }

        boolean open() {
            return roles.isEmpty();
        }

        /** Whether the request is audited once answered: not an open route's, nor a stream that opened. */
        boolean auditedWhenAnswered(int status) {
            return !open() && !(stream && status == 200);
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final Services services;
    private final Dashboard dashboard = new Dashboard();
    private final List<Route> routes;
    /** Where readers reach this server: the start of every absolute link, never taken from a request. */
    private final String baseUrl;
    private final CapAlerts capAlerts;

    private HttpApi(HttpServer server, Services services) {
        this.server = server;
        this.services = services;
        this.baseUrl = services.publicBaseUrl().orElse("http://localhost:" + server.getAddress().getPort());
        this.capAlerts = new CapAlerts(services.capSender().orElse(URI.create(baseUrl).getHost()), baseUrl,
                services.capValidity());
        this.routes = List.of(
                new Route("GET", Pattern.compile("/health"), OPEN, (exchange, caller, path) -> health(exchange)),
                new Route("GET", Pattern.compile("/health/live"), OPEN,
                        (exchange, caller, path) -> Http.json(exchange, 200, Map.of("status", "up"))),
                new Route("GET", Pattern.compile("/login"), OPEN,
                        (exchange, caller, path) -> dashboard.page(exchange, "login.html")),
                new Route("POST", Pattern.compile("/login"), OPEN, (exchange, caller, path) -> login(exchange)),
                new Route("GET", Pattern.compile("/assets/([a-z0-9./-]{1,80})"), OPEN,
                        (exchange, caller, path) -> dashboard.asset(exchange, path.group(1))),
                new Route("GET", Pattern.compile("/"), READERS,
                        (exchange, caller, path) -> dashboard.page(exchange, "index.html")),
                new Route("POST", Pattern.compile("/logout"), READERS, this::logout),
                new Route("GET", Pattern.compile("/api/me"), READERS, this::me),
                new Route("GET", Pattern.compile("/metrics"), OPERATORS, this::metrics),
                new Route("GET", Pattern.compile("/api/overview"), READERS, this::overview),
                new Route("GET", Pattern.compile("/api/search"), READERS, this::search),
                new Route("GET", Pattern.compile("/api/reports/([^/]{1,400})"), READERS, this::report),
                new Route("GET", Pattern.compile("/api/signals/([^/]{1,200})"), READERS, this::signal),
                new Route("GET", Pattern.compile("/api/signals/([^/]{1,200})/cap"), READERS, this::cap),
                new Route("POST", Pattern.compile("/api/signals/([^/]{1,200})/triage"), ANALYSTS, this::triage),
                new Route("GET", Pattern.compile("/api/countries/([A-Z]{3})"), READERS, this::country),
                new Route("GET", Pattern.compile("/api/briefing"), READERS, this::briefing),
                new Route("GET", Pattern.compile("/api/events"), READERS, true, this::events),
                new Route("GET", Pattern.compile("/feeds/signals\\.atom"), READERS,
                        (exchange, caller, path) -> feed(exchange, caller, "atom_1.0", "application/atom+xml")),
                new Route("GET", Pattern.compile("/feeds/signals\\.rss"), READERS,
                        (exchange, caller, path) -> feed(exchange, caller, "rss_2.0", "application/rss+xml")),
                new Route("GET", Pattern.compile("/feeds/signals\\.cap\\.atom"), READERS,
                        (exchange, caller, path) -> feed(exchange, caller, "cap", "application/atom+xml")),
                new Route("GET", Pattern.compile("/api/subscriptions"), ANALYSTS, (exchange, caller, path) ->
                        Http.json(exchange, 200, Map.of("subscriptions", services.savedQueries().of(caller.id())))),
                new Route("POST", Pattern.compile("/api/subscriptions"), ANALYSTS, this::subscribe),
                new Route("DELETE", Pattern.compile("/api/subscriptions/([0-9a-f-]{36})"), ANALYSTS,
                        this::unsubscribe),
                new Route("GET", Pattern.compile("/api/matches"), ANALYSTS,
                        (exchange, caller, path) -> Http.json(exchange, 200, Map.of("matches",
                                services.inbox().of(caller.id(), caller.clearance())))),
                new Route("POST", Pattern.compile("/api/ingest/posts"), Set.of(Role.INGEST_POST),
                        (exchange, caller, path) -> push(exchange, caller, SourceKind.POST)),
                new Route("POST", Pattern.compile("/api/ingest/partners/([a-z0-9][a-z0-9-]{0,62})"),
                        Set.of(Role.INGEST_PARTNER), this::pushAsPartner));
    }

    /** Starts listening. */
    public static HttpApi start(String host, int port, Services services) throws IOException {
        // the JDK server writes a response's head and body separately; without TCP_NODELAY the body waits for
        // the client's delayed acknowledgement, and every answer took 40 ms longer than its work
        System.setProperty("sun.net.httpserver.nodelay", "true");
        HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 0);
        HttpApi api = new HttpApi(server, services);
        server.createContext("/", api::dispatch);
        server.setExecutor(api.executor);
        server.start();
        return api;
    }

    /** Every route as {@code METHOD path-pattern}: what the OpenAPI file must describe. */
    public List<String> routes() {
        return routes.stream().map(r -> r.method() + " " + r.path().pattern()).toList();
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
                Optional<Authenticator.Authenticated> who = services.authenticator().authenticate(exchange);
                caller = who.map(Authenticator.Authenticated::caller).orElse(null);
                route = match(exchange, path);
                if (route.isPresent()) {
                    serve(exchange, route.get(), path, who);
                }
            } catch (Http.MalformedRequestException e) {
                answerUnlessBegun(exchange, 400, "bad_request", e.getMessage());
            } catch (RuntimeException | IOException e) {
                LOG.error("{} {} failed", exchange.getRequestMethod(), path, e);
                answerUnlessBegun(exchange, 500, "internal", "the request failed; it has been logged");
            }
            int status = exchange.getResponseCode() < 0 ? 500 : exchange.getResponseCode();
            String name = route.map(r -> r.path().pattern()).orElse(AuditTrail.UNKNOWN_ROUTE);
            Timer.builder("horizon.http.requests").tag("method", exchange.getRequestMethod()).tag("route", name)
                    .tag("status", Integer.toString(status)).publishPercentileHistogram()
                    .register(Metrics.globalRegistry).record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
            if (route.isEmpty() || route.get().auditedWhenAnswered(status)) {
                services.audit().record(exchange, caller, name, status);
            }
        }
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

    /** The route for the request, or empty after answering 404 or 405. */
    private Optional<Route> match(HttpExchange exchange, String path) throws IOException {
        boolean pathKnown = false;
        for (Route route : routes) {
            if (route.path().matcher(path).matches()) {
                pathKnown = true;
                if (route.method().equals(exchange.getRequestMethod())) {
                    return Optional.of(route);
                }
            }
        }
        if (pathKnown) {
            Http.error(exchange, 405, "method_not_allowed", exchange.getRequestMethod() + " is not allowed on " + path);
        } else {
            Http.error(exchange, 404, "not_found", "no such resource: " + path);
        }
        return Optional.empty();
    }

    /** Checks credentials, role and CSRF token, then runs the handler. */
    private void serve(HttpExchange exchange, Route route, String path, Optional<Authenticator.Authenticated> who)
            throws IOException {
        Matcher matcher = route.path().matcher(path);
        matcher.matches();
        if (route.open()) {
            route.handler().handle(exchange, null, matcher);
            return;
        }
        if (who.isEmpty()) {
            if (path.equals("/") && exchange.getRequestHeaders().getFirst("Authorization") == null) {
                Http.redirect(exchange, "/login");
                return;
            }
            exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer realm=\"horizon\"");
            Http.error(exchange, 401, "unauthorized", "sign in, or send a valid bearer token");
            return;
        }
        Caller caller = who.get().caller();
        if (route.roles().stream().noneMatch(caller::has)) {
            List<String> needed = route.roles().stream().map(Role::label).sorted().toList();
            Http.error(exchange, 403, "forbidden", "'" + caller.name() + "' has no role of " + needed);
            return;
        }
        Sessions.Session session = who.get().session();
        if (session != null && !route.method().equals("GET")
                && !session.csrfMatches(exchange.getRequestHeaders().getFirst(Sessions.CSRF_HEADER))) {
            Http.error(exchange, 403, "csrf", "a change made with the session cookie needs its "
                    + Sessions.CSRF_HEADER + " header");
            return;
        }
        route.handler().handle(exchange, caller, matcher);
    }

    /** Live updates; the stream is audited when it opens, with the caller and where it connects from. */
    private void events(HttpExchange exchange, Caller caller, Matcher path) throws IOException {
        services.live().stream(exchange, caller,
                () -> services.audit().record(exchange, caller, path.pattern().pattern(), 200));
    }

    private void health(HttpExchange exchange) throws IOException {
        Map<String, Object> components = services.health().get();
        boolean up = components.values().stream().allMatch("up"::equals);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", up ? "up" : "degraded");
        body.put("components", components);
        Http.json(exchange, up ? 200 : 503, body);
    }

    /**
     * Signs a browser in with a token from the sign-in form: an identity provider's JWT or an account
     * token of a reader. The form may only be posted from this server's own pages: from the public base
     * URL, or from the address the browser reached it at. Audited here, where it is known who signed in.
     */
    private void login(HttpExchange exchange) throws IOException {
        String origin = exchange.getRequestHeaders().getFirst("Origin");
        String host = exchange.getRequestHeaders().getFirst("Host");
        URI base = URI.create(baseUrl);
        if (origin != null && !origin.equals(base.getScheme() + "://" + base.getRawAuthority())
                && !origin.equals("http://" + host)
                && !origin.equals("https://" + host)) {
            Http.error(exchange, 403, "csrf", "the sign-in form may only be posted from this site");
            return;
        }
        Optional<byte[]> body = Http.body(exchange, LOGIN_BYTES);
        if (body.isEmpty()) {
            return;
        }
        String token = Http.first(Http.form(new String(body.get(), StandardCharsets.UTF_8)), "token").trim();
        Optional<Proof> proof = services.authenticator().token(token)
                .filter(p -> READERS.stream().anyMatch(p.caller()::has));
        Metrics.counter("horizon.http.logins", "outcome", proof.isPresent() ? "signed-in" : "refused").increment();
        if (proof.isEmpty()) {
            Http.redirect(exchange, "/login?failed");
        } else {
            exchange.getResponseHeaders().add("Set-Cookie",
                    services.sessions().cookie(services.sessions().start(proof.get())));
            Http.redirect(exchange, "/");
        }
        services.audit().record(exchange, proof.map(Proof::caller).orElse(null), "/login", 303);
    }

    private void logout(HttpExchange exchange, Caller caller, Matcher path) throws IOException {
        services.sessions().find(exchange.getRequestHeaders().getFirst("Cookie")).ifPresent(services.sessions()::end);
        exchange.getResponseHeaders().add("Set-Cookie", services.sessions().expiredCookie());
        exchange.sendResponseHeaders(204, -1);
    }

    /** Who the caller is, and the CSRF token the dashboard sends with changes. */
    private void me(HttpExchange exchange, Caller caller, Matcher path) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", caller.id());
        body.put("name", caller.name());
        body.put("roles", caller.roles().stream().map(Role::label).sorted().toList());
        body.put("clearance", caller.clearance());
        body.put("caveats", caller.caveats().stream().sorted().toList());
        services.sessions().find(exchange.getRequestHeaders().getFirst("Cookie"))
                .ifPresent(s -> body.put("csrfToken", s.csrfToken()));
        Http.json(exchange, 200, body);
    }

    /**
     * The Prometheus metrics, for operators cleared for the top of the ladder only: they count classified
     * activity (requests per route, matches, publications per classification tier, caveated reports kept
     * out of scoring), so they would tell a reader of a lower tier that classified reports arrived and when.
     */
    private void metrics(HttpExchange exchange, Caller caller, Matcher path) throws IOException {
        if (!Classification.top().visibleTo(caller.clearance())) {
            Http.error(exchange, 403, "forbidden", "metrics count classified activity: '" + caller.name()
                    + "' needs clearance " + Classification.top().label());
            return;
        }
        Http.text(exchange, 200, "text/plain; version=0.0.4", services.metrics().get());
    }

    private void overview(HttpExchange exchange, Caller caller, Matcher path) throws IOException {
        LocalDate since;
        try {
            since = Http.date(Http.query(exchange), "since");
        } catch (IllegalArgumentException e) {
            Http.error(exchange, 400, "bad_request", e.getMessage());
            return;
        }
        Http.json(exchange, 200, services.situation().overview(caller.clearance(), since));
    }

    private void search(HttpExchange exchange, Caller caller, Matcher path) throws IOException {
        Map<String, List<String>> params = Http.query(exchange);
        SearchRequest request;
        try {
            SearchFilters.Filters filters = services.filters().read(params);
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
            SearchResult result = services.search().find(request);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("total", result.total());
            body.put("offset", request.offset());
            body.put("hits", result.hits());
            body.put("facets", result.facets());
            Http.json(exchange, 200, body);
        } catch (InvalidQueryException e) {
            Http.error(exchange, 400, "invalid_query", e.getMessage());
        }
    }

    /** One report as stored, with its links; 404 when it does not exist or the caller may not see it. */
    private void report(HttpExchange exchange, Caller caller, Matcher path) throws IOException {
        String id = Http.segment(path.group(1));
        Optional<nl.horizon.schema.Report> report = services.situation().report(id, caller.visibility());
        if (report.isEmpty()) {
            Http.error(exchange, 404, "not_found", "no report '" + id + "' that you may see");
            return;
        }
        Http.json(exchange, 200, report.get());
    }

    /** A signal with the evidence the caller may read and its triage history. */
    private void signal(HttpExchange exchange, Caller caller, Matcher path) throws IOException {
        Optional<nl.horizon.app.views.SignalPage> page = signalPage(exchange, caller, path);
        if (page.isPresent()) {
            Http.json(exchange, 200, page.get());
        }
    }

    private void cap(HttpExchange exchange, Caller caller, Matcher path) throws IOException {
        Optional<nl.horizon.app.views.SignalPage> page = signalPage(exchange, caller, path);
        if (page.isPresent()) {
            Http.text(exchange, 200, "application/cap+xml", capAlerts.alert(page.get().signal().signal()));
        }
    }

    /** The signal the path names, or empty after answering 404 when it does not exist or the caller may not see it. */
    private Optional<nl.horizon.app.views.SignalPage> signalPage(HttpExchange exchange, Caller caller, Matcher path)
            throws IOException {
        String id = Http.segment(path.group(1));
        Optional<nl.horizon.app.views.SignalPage> page = services.situation().signal(id, caller.clearance());
        if (page.isEmpty()) {
            Http.error(exchange, 404, "not_found", "no signal '" + id + "' that you may see");
        }
        return page;
    }

    /** Records an analyst's decision: {"outcome": "dismissed", "reason": "..."}. */
    private void triage(HttpExchange exchange, Caller caller, Matcher path) throws IOException {
        String id = Http.segment(path.group(1));
        Optional<byte[]> body = Http.body(exchange, TRIAGE_BYTES);
        if (body.isEmpty()) {
            return;
        }
        Optional<nl.horizon.schema.Signal> signal = services.situation().signalRecord(id, caller.clearance());
        if (signal.isEmpty()) {
            Http.error(exchange, 404, "not_found", "no signal '" + id + "' that you may see");
            return;
        }
        com.fasterxml.jackson.databind.JsonNode request;
        try {
            request = Json.mapper().readTree(body.get());
        } catch (IOException e) {
            Http.error(exchange, 400, "malformed", "send {\"outcome\": \"acknowledged|escalated|dismissed\", "
                    + "\"reason\": \"...\"} as JSON");
            return;
        }
        try {
            Http.json(exchange, 201, services.triage().decide(signal.get(), request.path("outcome").asText(""),
                    request.path("reason").asText(""), caller));
        } catch (IllegalArgumentException e) {
            Http.error(exchange, 400, "invalid_field", e.getMessage());
        } catch (IOException e) {
            Http.error(exchange, 503, "unavailable", "the decision could not be stored; try again");
        }
    }

    /** A country: its latest score with contributions, its score history, its signals and recent reports. */
    private void country(HttpExchange exchange, Caller caller, Matcher path) throws IOException {
        String country = path.group(1);
        if (!Countries.isAlpha3(country)) {
            Http.error(exchange, 404, "not_found", "'" + country + "' is not an ISO 3166-1 alpha-3 code");
            return;
        }
        Http.json(exchange, 200, services.situation().country(country, caller.visibility()));
    }

    /** The horizon-scan briefing for a period, as printable HTML, Markdown, PDF or JSON. */
    private void briefing(HttpExchange exchange, Caller caller, Matcher path) throws IOException {
        Map<String, List<String>> params = Http.query(exchange);
        nl.horizon.app.views.Briefing briefing;
        try {
            briefing = services.situation().briefing(Http.date(params, "from"), Http.date(params, "to"),
                    caller.clearance(), EVIDENCE_PER_ALERT);
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

    /**
     * Signals as Atom or RSS, for a country or level: {@code /feeds/signals.atom?country=MLI&level=alert};
     * format {@code cap} is Atom whose entries embed each signal's CAP alert.
     */
    private void feed(HttpExchange exchange, Caller caller, String format, String mediaType) throws IOException {
        SearchFilters.Filters filters;
        try {
            filters = services.filters().read(Http.query(exchange));
        } catch (IllegalArgumentException e) {
            Http.error(exchange, 400, "bad_request", e.getMessage());
            return;
        }
        Set<String> countries = filters.countries();
        Set<String> levels = filters.levels();
        String title = "Horizon signals" + (countries.isEmpty() ? "" : " " + String.join(",", countries))
                + (levels.isEmpty() ? "" : " " + String.join(",", levels));
        List<nl.horizon.schema.Signal> signals = services.feeds().latest(caller.clearance(), countries, levels);
        String xml = "cap".equals(format) ? capAlerts.feed(signals, title)
                : SignalFeeds.feed(signals, title, format, baseUrl);
        Http.text(exchange, 200, mediaType, xml);
    }

    /** Saves a query for the caller: {"query": "..."}; matched from now on under the caller's clearance. */
    private void subscribe(HttpExchange exchange, Caller caller, Matcher path) throws IOException {
        Optional<byte[]> body = Http.body(exchange, SUBSCRIPTION_BYTES);
        if (body.isEmpty()) {
            return;
        }
        String query;
        try {
            query = Json.mapper().readTree(body.get()).path("query").asText("");
        } catch (IOException e) {
            Http.error(exchange, 400, "malformed", "send {\"query\": \"...\"} as JSON");
            return;
        }
        if (query.isBlank()) {
            Http.error(exchange, 400, "invalid_field", "'query' is missing or empty");
            return;
        }
        try {
            services.savedQueries().check(query);
        } catch (InvalidQueryException e) {
            Http.error(exchange, 400, "invalid_query", e.getMessage());
            return;
        }
        Subscription subscription = new Subscription(java.util.UUID.randomUUID().toString(), caller.id(), query,
                caller.clearance(), java.time.Instant.now());
        try {
            services.savedQueries().save(subscription);
        } catch (IOException e) {
            Http.error(exchange, 503, "unavailable", e.getMessage());
            return;
        }
        Http.json(exchange, 201, subscription);
    }

    private void unsubscribe(HttpExchange exchange, Caller caller, Matcher path) throws IOException {
        Optional<Subscription> subscription = services.savedQueries().get(path.group(1));
        if (subscription.isEmpty() || !subscription.get().owner().equals(caller.id())) {
            Http.error(exchange, 404, "not_found", "no subscription '" + path.group(1) + "' of yours");
            return;
        }
        try {
            services.savedQueries().delete(path.group(1));
        } catch (IOException e) {
            Http.error(exchange, 503, "unavailable", e.getMessage());
            return;
        }
        exchange.sendResponseHeaders(204, -1);
    }

    private void pushAsPartner(HttpExchange exchange, Caller caller, Matcher path) throws IOException {
        if (!caller.id().equals(Identity.account(path.group(1)).id())) {
            Http.error(exchange, 403, "forbidden", "partner '" + caller.name() + "' may write only as itself, not as '"
                    + path.group(1) + "'");
            return;
        }
        push(exchange, caller, SourceKind.PARTNER);
    }

    private void push(HttpExchange exchange, Caller caller, SourceKind kind) throws IOException {
        int max = services.maxItemBytes();
        Optional<byte[]> body = Http.body(exchange, max);
        if (body.isEmpty()) {
            return;
        }
        PushOutcome outcome = services.push().accept(kind, caller.name(),
                exchange.getRequestHeaders().getFirst("Content-Type"), body.get(), max);
        Http.json(exchange, outcome.status(), outcome.body());
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
        services.live().close();
        server.stop(1);
        executor.shutdown();
    }
}
