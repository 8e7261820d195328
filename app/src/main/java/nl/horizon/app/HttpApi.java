package nl.horizon.app;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import nl.horizon.index.InvalidQueryException;
import nl.horizon.index.ReportSearch;
import nl.horizon.index.SearchResult;
import nl.horizon.schema.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * The HTTP API on the JDK's own server (no servlet container to keep in step with Kafka Connect's).
 * Every response carries security headers; every error is JSON with a reason.
 */
public final class HttpApi implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HttpApi.class);
    private static final int MAX_LIMIT = 100;

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    private HttpApi(HttpServer server) {
        this.server = server;
    }

    /**
     * Starts listening.
     *
     * @param search the report search
     * @param health the health of each component, by name
     */
    public static HttpApi start(String host, int port, ReportSearch search, Supplier<Map<String, String>> health)
            throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 0);
        HttpApi api = new HttpApi(server);
        server.createContext("/health", api.get(exchange -> api.health(exchange, health)));
        server.createContext("/api/search", api.get(exchange -> api.search(exchange, search)));
        server.createContext("/", api.get(exchange -> api.error(exchange, 404, "not_found",
                "no such resource: " + exchange.getRequestURI().getPath())));
        server.setExecutor(api.executor);
        server.start();
        return api;
    }

    /** The port it listens on. */
    public int port() {
        return server.getAddress().getPort();
    }

    private HttpHandler get(HttpHandler handler) {
        return exchange -> {
            try (exchange) {
                secure(exchange);
                if (!"GET".equals(exchange.getRequestMethod()) && !"HEAD".equals(exchange.getRequestMethod())) {
                    exchange.getResponseHeaders().add("Allow", "GET, HEAD");
                    error(exchange, 405, "method_not_allowed", exchange.getRequestMethod() + " is not allowed here");
                    return;
                }
                handler.handle(exchange);
            } catch (RuntimeException | IOException e) {
                LOG.error("{} {} failed", exchange.getRequestMethod(), exchange.getRequestURI().getPath(), e);
            }
        };
    }

    private void health(HttpExchange exchange, Supplier<Map<String, String>> health) throws IOException {
        Map<String, String> components = health.get();
        boolean up = components.values().stream().allMatch("up"::equals);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", up ? "up" : "down");
        body.put("components", components);
        json(exchange, up ? 200 : 503, body);
    }

    private void search(HttpExchange exchange, ReportSearch search) throws IOException {
        Map<String, String> params = query(exchange);
        Caller caller = Caller.anonymous();
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
            SearchResult result = search.find(params.getOrDefault("q", ""), caller.clearance(), offset, limit);
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

    private void error(HttpExchange exchange, int status, String code, String message) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", code);
        body.put("message", message);
        json(exchange, status, body);
    }

    private static void json(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = Json.mapper().writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        boolean head = "HEAD".equals(exchange.getRequestMethod());
        exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(1);
        executor.shutdown();
    }
}
