package nl.horizon.app;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import nl.horizon.index.InvalidQueryException;
import nl.horizon.index.HorizonSearch;
import nl.horizon.index.MatchInbox;
import nl.horizon.index.SavedQueries;
import nl.horizon.index.SearchRequest;
import nl.horizon.index.SearchResult;
import nl.horizon.ingest.push.PushIngest;
import nl.horizon.ingest.push.PushOutcome;
import nl.horizon.schema.Json;
import nl.horizon.schema.SourceKind;
import nl.horizon.schema.Subscription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HTTP API on the JDK's own server (no servlet container to keep in step with Kafka Connect's).
 * Every request is authenticated first (a bearer token, or anonymous with public clearance; a wrong
 * token is a 401, never a silent downgrade); every response carries security headers; every error is
 * JSON with a reason.
 */
public final class HttpApi implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HttpApi.class);
    private static final int MAX_LIMIT = 100;
    private static final int SUBSCRIPTION_BYTES = 4096;

    /** What the API serves. */
    public record Services(HorizonSearch search, PushIngest push, SavedQueries savedQueries, MatchInbox inbox,
                           Accounts accounts, Supplier<Map<String, Object>> health, Supplier<String> metrics,
                           int maxItemBytes) {
    }

    private interface Handler {
        void handle(HttpExchange exchange, Caller caller, Matcher path) throws IOException;
    }

    /** A route: who may use it is any of {@code roles} (empty: anyone, anonymous included). */
    private record Route(String method, Pattern path, Set<Role> roles, Handler handler) {
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final Services services;
    private final List<Route> routes;

    private HttpApi(HttpServer server, Services services) {
        this.server = server;
        this.services = services;
        this.routes = List.of(
                new Route("GET", Pattern.compile("/metrics"), Set.of(Role.VIEWER, Role.ANALYST, Role.ADMIN),
                        this::metrics),
                new Route("GET", Pattern.compile("/api/search"), Set.of(), this::search),
                new Route("GET", Pattern.compile("/api/signals/([^/]{1,200})"), Set.of(), this::signal),
                new Route("GET", Pattern.compile("/api/countries/([A-Z]{3})"), Set.of(), this::country),
                new Route("GET", Pattern.compile("/api/subscriptions"), Set.of(Role.ANALYST), this::subscriptions),
                new Route("POST", Pattern.compile("/api/subscriptions"), Set.of(Role.ANALYST), this::subscribe),
                new Route("DELETE", Pattern.compile("/api/subscriptions/([0-9a-f-]{36})"), Set.of(Role.ANALYST),
                        this::unsubscribe),
                new Route("GET", Pattern.compile("/api/matches"), Set.of(Role.ANALYST),
                        (exchange, caller, path) -> json(exchange, 200, Map.of("matches",
                                services.inbox().of(caller.name(), caller.clearance())))),
                new Route("POST", Pattern.compile("/api/ingest/posts"), Set.of(Role.INGEST_POST),
                        (exchange, caller, path) -> push(exchange, caller, SourceKind.POST)),
                new Route("POST", Pattern.compile("/api/ingest/partners/([a-z0-9][a-z0-9-]{0,62})"),
                        Set.of(Role.INGEST_PARTNER), this::pushAsPartner));
    }

    /** Starts listening. */
    public static HttpApi start(String host, int port, Services services) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 0);
        HttpApi api = new HttpApi(server, services);
        server.createContext("/", api::dispatch);
        server.setExecutor(api.executor);
        server.start();
        return api;
    }

    /** Every route as {@code METHOD path-pattern}, health and metrics included: what the OpenAPI file must describe. */
    List<String> routes() {
        List<String> all = new java.util.ArrayList<>(List.of("GET /health", "GET /health/live"));
        routes.forEach(r -> all.add(r.method() + " " + r.path().pattern()));
        return all;
    }

    /** The port it listens on. */
    public int port() {
        return server.getAddress().getPort();
    }

    private void dispatch(HttpExchange exchange) {
        long started = System.nanoTime();
        String path = exchange.getRequestURI().getPath();
        int status = 500;
        try (exchange) {
            secure(exchange);
            if (path.equals("/health/live")) {
                json(exchange, 200, Map.of("status", "up"));
                status = 200;
                return;
            }
            if (path.equals("/health")) {
                health(exchange);
                status = exchange.getResponseCode();
                return;
            }
            Optional<Caller> caller = authenticate(exchange);
            if (caller.isEmpty()) {
                exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer realm=\"horizon\"");
                error(exchange, 401, "unauthorized", "the bearer token is not valid");
                status = 401;
                return;
            }
            status = route(exchange, path, caller.get());
        } catch (RuntimeException | IOException e) {
            LOG.error("{} {} failed", exchange.getRequestMethod(), path, e);
        } finally {
            Timer.builder("horizon.http.requests").tag("method", exchange.getRequestMethod())
                    .tag("route", routeName(path)).tag("status", Integer.toString(status))
                    .publishPercentileHistogram().register(Metrics.globalRegistry)
                    .record(System.nanoTime() - started, java.util.concurrent.TimeUnit.NANOSECONDS);
        }
    }

    private int route(HttpExchange exchange, String path, Caller caller) throws IOException {
        boolean pathKnown = false;
        for (Route route : routes) {
            Matcher matcher = route.path().matcher(path);
            if (!matcher.matches()) {
                continue;
            }
            pathKnown = true;
            if (!route.method().equals(exchange.getRequestMethod())) {
                continue;
            }
            if (!route.roles().isEmpty() && route.roles().stream().noneMatch(caller::has)) {
                List<String> needed = route.roles().stream().map(Role::label).sorted().toList();
                if (caller.roles().isEmpty() && "anonymous".equals(caller.name())) {
                    exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer realm=\"horizon\"");
                    error(exchange, 401, "unauthorized", "this needs a bearer token with a role of " + needed);
                    return 401;
                }
                error(exchange, 403, "forbidden", "'" + caller.name() + "' has no role of " + needed);
                return 403;
            }
            route.handler().handle(exchange, caller, matcher);
            return exchange.getResponseCode();
        }
        if (pathKnown) {
            error(exchange, 405, "method_not_allowed", exchange.getRequestMethod() + " is not allowed on " + path);
            return 405;
        }
        error(exchange, 404, "not_found", "no such resource: " + path);
        return 404;
    }

    /** The route a path belongs to, for metric tags: its pattern, never the raw path (ids would explode them). */
    private String routeName(String path) {
        if (path.startsWith("/health")) {
            return path;
        }
        return routes.stream().filter(r -> r.path().matcher(path).matches()).map(r -> r.path().pattern())
                .findFirst().orElse("unknown");
    }

    private void metrics(HttpExchange exchange, Caller caller, Matcher path) throws IOException {
        byte[] body = services.metrics().get().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private Optional<Caller> authenticate(HttpExchange exchange) {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        if (header == null) {
            return Optional.of(Caller.anonymous());
        }
        if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        return services.accounts().authenticate(header.substring(7).trim());
    }

    private void health(HttpExchange exchange) throws IOException {
        Map<String, Object> components = services.health().get();
        boolean up = components.values().stream().allMatch("up"::equals);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", up ? "up" : "degraded");
        body.put("components", components);
        json(exchange, up ? 200 : 503, body);
    }

    private void search(HttpExchange exchange, Caller caller, Matcher path) throws IOException {
        Map<String, List<String>> params = query(exchange);
        SearchRequest request;
        try {
            request = new SearchRequest(first(params, "q"), caller.clearance(), set(params, "kind"),
                    set(params, "country"), set(params, "source"), set(params, "level"), set(params, "indicator"),
                    instant(params, "from"), instant(params, "to"), "time".equals(first(params, "sort")),
                    intParam(params, "offset", 0, 0, 10_000), intParam(params, "limit", 20, 1, MAX_LIMIT));
        } catch (IllegalArgumentException e) {
            error(exchange, 400, "bad_request", e.getMessage());
            return;
        }
        try {
            SearchResult result = services.search().find(request);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("total", result.total());
            body.put("offset", request.offset());
            body.put("hits", result.hits());
            body.put("facets", result.facets());
            json(exchange, 200, body);
        } catch (InvalidQueryException e) {
            error(exchange, 400, "invalid_query", e.getMessage());
        }
    }

    /** A signal with its evidence reports, each shown only if the caller may see it. */
    private void signal(HttpExchange exchange, Caller caller, Matcher path) throws IOException {
        String id = java.net.URLDecoder.decode(path.group(1), StandardCharsets.UTF_8);
        Optional<com.fasterxml.jackson.databind.JsonNode> signal = services.search().get(id, caller.clearance());
        if (signal.isEmpty() || !"signal".equals(kindOf(signal.get()))) {
            error(exchange, 404, "not_found", "no signal '" + id + "' that you may see");
            return;
        }
        List<com.fasterxml.jackson.databind.JsonNode> evidence = new java.util.ArrayList<>();
        for (com.fasterxml.jackson.databind.JsonNode reportId : signal.get().path("evidenceReportIds")) {
            services.search().get(reportId.asText(), caller.clearance()).ifPresent(evidence::add);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("signal", signal.get());
        body.put("evidence", evidence);
        json(exchange, 200, body);
    }

    /** A country: its latest score with contributions, its score history and its signals. */
    private void country(HttpExchange exchange, Caller caller, Matcher path) throws IOException {
        String country = path.group(1);
        if (!nl.horizon.schema.Countries.isAlpha3(country)) {
            error(exchange, 404, "not_found", "'" + country + "' is not an ISO 3166-1 alpha-3 code");
            return;
        }
        List<com.fasterxml.jackson.databind.JsonNode> history = services.search().riskHistory(country,
                caller.clearance(), 400);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("country", country);
        body.put("name", nl.horizon.schema.Countries.englishName(country));
        body.put("latest", history.isEmpty() ? null : history.getLast());
        body.put("history", history);
        nl.horizon.schema.Classification tier = history.isEmpty() ? nl.horizon.schema.Classification.PUBLIC
                : nl.horizon.schema.Classification.parse(history.getLast().path("classification").asText());
        body.put("signals", services.search().signals(country, tier, 50));
        json(exchange, 200, body);
    }

    private void subscriptions(HttpExchange exchange, Caller caller, Matcher path) throws IOException {
        json(exchange, 200, Map.of("subscriptions", services.savedQueries().of(caller.name())));
    }

    /** Saves a query for the caller: {"query": "..."}; matched from now on under the caller's clearance. */
    private void subscribe(HttpExchange exchange, Caller caller, Matcher path) throws IOException {
        Optional<byte[]> body = body(exchange, SUBSCRIPTION_BYTES);
        if (body.isEmpty()) {
            return;
        }
        String query;
        try {
            query = Json.mapper().readTree(body.get()).path("query").asText("");
        } catch (IOException e) {
            error(exchange, 400, "malformed", "send {\"query\": \"...\"} as JSON");
            return;
        }
        if (query.isBlank()) {
            error(exchange, 400, "invalid_field", "'query' is missing or empty");
            return;
        }
        try {
            services.savedQueries().check(query);
        } catch (InvalidQueryException e) {
            error(exchange, 400, "invalid_query", e.getMessage());
            return;
        }
        Subscription subscription = new Subscription(java.util.UUID.randomUUID().toString(), caller.name(), query,
                caller.clearance(), java.time.Instant.now());
        try {
            services.savedQueries().save(subscription);
        } catch (IOException e) {
            error(exchange, 503, "unavailable", e.getMessage());
            return;
        }
        json(exchange, 201, subscription);
    }

    private void unsubscribe(HttpExchange exchange, Caller caller, Matcher path) throws IOException {
        Optional<Subscription> subscription = services.savedQueries().get(path.group(1));
        if (subscription.isEmpty() || !subscription.get().owner().equals(caller.name())) {
            error(exchange, 404, "not_found", "no subscription '" + path.group(1) + "' of yours");
            return;
        }
        try {
            services.savedQueries().delete(path.group(1));
        } catch (IOException e) {
            error(exchange, 503, "unavailable", e.getMessage());
            return;
        }
        exchange.sendResponseHeaders(204, -1);
    }

    /** The kind of a stored record: signals have a lifecycle, risk records contributions. */
    private static String kindOf(com.fasterxml.jackson.databind.JsonNode node) {
        return node.has("lifecycle") ? "signal" : node.has("contributions") ? "country-risk" : "report";
    }

    private void pushAsPartner(HttpExchange exchange, Caller caller, Matcher path) throws IOException {
        if (!path.group(1).equals(caller.name())) {
            error(exchange, 403, "forbidden", "partner '" + caller.name() + "' may write only as itself, not as '"
                    + path.group(1) + "'");
            return;
        }
        push(exchange, caller, SourceKind.PARTNER);
    }

    private void push(HttpExchange exchange, Caller caller, SourceKind kind) throws IOException {
        int max = services.maxItemBytes();
        Optional<byte[]> body = body(exchange, max);
        if (body.isEmpty()) {
            return;
        }
        PushOutcome outcome = services.push().accept(kind, caller.name(),
                exchange.getRequestHeaders().getFirst("Content-Type"), body.get(), max);
        json(exchange, outcome.status(), outcome.body());
    }

    private static String first(Map<String, List<String>> params, String name) {
        List<String> values = params.get(name);
        return values == null || values.isEmpty() ? "" : values.get(0);
    }

    /** A repeatable or comma-separated parameter. */
    private static java.util.Set<String> set(Map<String, List<String>> params, String name) {
        java.util.Set<String> values = new java.util.LinkedHashSet<>();
        for (String value : params.getOrDefault(name, List.of())) {
            for (String part : value.split(",")) {
                if (!part.isBlank()) {
                    values.add(part.trim());
                }
            }
        }
        return values;
    }

    private static java.time.Instant instant(Map<String, List<String>> params, String name) {
        String value = first(params, name);
        if (value.isBlank()) {
            return null;
        }
        try {
            return value.length() == 10 ? java.time.LocalDate.parse(value).atStartOfDay(java.time.ZoneOffset.UTC)
                    .toInstant() : java.time.Instant.parse(value);
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("parameter '" + name + "' must be a date (2012-01-17) or an ISO-8601 "
                    + "instant, not '" + value + "'");
        }
    }

    /**
     * The request body, read no further than {@code max} bytes: a declared or actual larger body is answered
     * 413 without being read (and empty is returned).
     */
    private static Optional<byte[]> body(HttpExchange exchange, int max) throws IOException {
        String length = exchange.getRequestHeaders().getFirst("Content-Length");
        if (length != null && length.matches("\\d{1,18}") && Long.parseLong(length) > max) {
            error(exchange, 413, "oversized", length + " bytes is over the limit of " + max + " bytes");
            return Optional.empty();
        }
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readNBytes(max + 1);
        }
        if (body.length > max) {
            error(exchange, 413, "oversized", "the body is over the limit of " + max + " bytes");
            return Optional.empty();
        }
        return Optional.of(body);
    }

    private static int intParam(Map<String, List<String>> params, String name, int dflt, int min, int max) {
        String value = first(params, name);
        if (value == null || value.isBlank()) {
            return dflt;
        }
        try {
            int n = Integer.parseInt(value.trim());
            if (n < min || n > max) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("parameter '" + name + "' must be a whole number from " + min + " to "
                    + max);
        }
    }

    private static Map<String, List<String>> query(HttpExchange exchange) {
        Map<String, List<String>> params = new HashMap<>();
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw == null) {
            return params;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.computeIfAbsent(key, k -> new java.util.ArrayList<>()).add(value);
        }
        return params;
    }

    private static void secure(HttpExchange exchange) {
        var headers = exchange.getResponseHeaders();
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Cache-Control", "no-store");
        headers.set("Referrer-Policy", "no-referrer");
        headers.set("X-Frame-Options", "DENY");
        headers.set("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
    }

    private static void error(HttpExchange exchange, int status, String code, String message) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", code);
        body.put("message", message);
        json(exchange, status, body);
    }

    private static void json(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = Json.mapper().writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(1);
        executor.shutdown();
    }
}
