package nl.horizon.app.web;

import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;

/** What operators and orchestrators read: liveness, readiness with each component's state, and metrics. */
public final class OperationsHandlers {

    private final Supplier<Map<String, Object>> health;
    private final Supplier<String> metrics;

    /**
     * @param health  each component's state: {@code up}, or what is wrong
     * @param metrics the metrics in the Prometheus text format
     */
    public OperationsHandlers(Supplier<Map<String, Object>> health, Supplier<String> metrics) {
        this.health = health;
        this.metrics = metrics;
    }

    void live(HttpExchange exchange, Caller caller, Matcher path) throws IOException {
        Http.json(exchange, 200, Map.of("status", "up"));
    }

    void health(HttpExchange exchange, Caller caller, Matcher path) throws IOException {
        Map<String, Object> components = health.get();
        boolean up = components.values().stream().allMatch("up"::equals);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", up ? "up" : "degraded");
        body.put("components", components);
        Http.json(exchange, up ? 200 : 503, body);
    }

    /**
     * The Prometheus metrics; who may read them ({@link Access#OPERATORS}: they count classified activity) is
     * settled before this runs.
     */
    void metrics(HttpExchange exchange, Caller caller, Matcher path) throws IOException {
        Http.text(exchange, 200, "text/plain; version=0.0.4", metrics.get());
    }
}
