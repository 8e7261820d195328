package nl.horizon.app;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.Metrics;
import nl.horizon.index.InvalidQueryException;
import nl.horizon.index.ReportSearch;
import nl.horizon.index.SearchResult;
import nl.horizon.ingest.push.PushIngest;
import nl.horizon.ingest.push.PushOutcome;
import nl.horizon.schema.Json;
import nl.horizon.schema.SourceKind;
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

    /** What the API serves. */
    public record Services(ReportSearch search, PushIngest push, Accounts accounts,
                           Supplier<Map<String, Object>> health, int maxItemBytes) {
    }

    private interface Handler {
        void handle(HttpExchange exchange, Caller caller, Matcher path) throws IOException;
    }

    private record Route(String method, Pattern path, Optional<Role> role, Handler handler) {
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final Services services;
    private final List<Route> routes;

    private HttpApi(HttpServer server, Services services) {
        this.server = server;
        this.services = services;
        this.routes = List.of(
                new Route("GET", Pattern.compile("/api/search"), Optional.empty(), this::search),
                new Route("POST", Pattern.compile("/api/ingest/posts"), Optional.of(Role.INGEST_POST),
                        (exchange, caller, path) -> push(exchange, caller, SourceKind.POST)),
                new Route("POST", Pattern.compile("/api/ingest/partners/([a-z0-9][a-z0-9-]{0,62})"),
                        Optional.of(Role.INGEST_PARTNER), this::pushAsPartner));
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

    /** The port it listens on. */
    public int port() {
        return server.getAddress().getPort();
    }

    private void dispatch(HttpExchange exchange) {
        String path = exchange.getRequestURI().getPath();
        int status = 500;
        try (exchange) {
            secure(exchange);
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
            Metrics.counter("horizon.http.requests", "method", exchange.getRequestMethod(),
                    "status", Integer.toString(status)).increment();
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
            if (route.role().isPresent() && !caller.has(route.role().get())) {
                if (caller.roles().isEmpty() && "anonymous".equals(caller.name())) {
                    exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer realm=\"horizon\"");
                    error(exchange, 401, "unauthorized", "this needs a bearer token with role "
                            + route.role().get().label());
                    return 401;
                }
                error(exchange, 403, "forbidden", "'" + caller.name() + "' lacks role " + route.role().get().label());
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
        Map<String, String> params = query(exchange);
        int offset;
        int limit;
        try {
            offset = intParam(params, "offset", 0, 0, 10_000);
            limit = intParam(params, "limit", 20, 1, MAX_LIMIT);
        } catch (IllegalArgumentException e) {
            error(exchange, 400, "bad_request", e.getMessage());
            return;
        }
        try {
            SearchResult result = services.search().find(params.getOrDefault("q", ""), caller.clearance(), offset,
                    limit);
            List<Map<String, Object>> hits = result.hits().stream().map(h -> {
                Map<String, Object> hit = new LinkedHashMap<>();
                hit.put("id", h.report().id());
                hit.put("score", h.score());
                hit.put("report", h.report());
                return hit;
            }).toList();
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("total", result.total());
            body.put("offset", offset);
            body.put("hits", hits);
            json(exchange, 200, body);
        } catch (InvalidQueryException e) {
            error(exchange, 400, "invalid_query", e.getMessage());
        }
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
        String length = exchange.getRequestHeaders().getFirst("Content-Length");
        if (length != null && length.matches("\\d{1,18}") && Long.parseLong(length) > max) {
            error(exchange, 413, "oversized", length + " bytes is over the limit of " + max + " bytes");
            return;
        }
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readNBytes(max + 1);
        }
        if (body.length > max) {
            error(exchange, 413, "oversized", "the body is over the limit of " + max + " bytes");
            return;
        }
        PushOutcome outcome = services.push().accept(kind, caller.name(),
                exchange.getRequestHeaders().getFirst("Content-Type"), body, max);
        json(exchange, outcome.status(), outcome.body());
    }

    private static int intParam(Map<String, String> params, String name, int dflt, int min, int max) {
        String value = params.get(name);
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

    private static Map<String, String> query(HttpExchange exchange) {
        Map<String, String> params = new HashMap<>();
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw == null) {
            return params;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.putIfAbsent(key, value);
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
