package nl.horizon.app.web;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The HTTP server's meters. A request is timed as a histogram (buckets, not client-side percentiles), so
 * that the time of many Horizons can be added up; its route is the route's template
 * ({@code /api/signals/{id}}), never a path, which would make a series per signal, nor a regex. Every route's
 * series for its success status, and the sign-in outcomes, exist from the start at 0, so a rate over them is
 * defined before the first request.
 */
public final class WebMetrics {

    public static final String REQUESTS = "horizon.http.requests";
    public static final String REQUESTS_HELP = "HTTP requests answered, by method, route template and status";
    public static final String LOGINS = "horizon.http.logins";
    public static final String LOGINS_HELP = "sign-ins through the sign-in form, by outcome";

    private final MeterRegistry registry;

    WebMetrics(List<Route> routes) {
        this(Metrics.globalRegistry, routes);
    }

    WebMetrics(MeterRegistry registry, List<Route> routes) {
        this.registry = registry;
        for (Route route : routes) {
            timer(route.method(), route.template(), route.success());
        }
        for (String outcome : List.of("signed-in", "refused")) {
            Counter.builder(LOGINS).description(LOGINS_HELP).tag("outcome", outcome).register(registry);
        }
    }

    /** Counts and times one answered request. */
    void answered(String method, String route, int status, long nanos) {
        timer(method, route, status).record(nanos, TimeUnit.NANOSECONDS);
    }

    private Timer timer(String method, String route, int status) {
        return Timer.builder(REQUESTS).description(REQUESTS_HELP).tag("method", method).tag("route", route)
                .tag("status", Integer.toString(status)).publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofSeconds(30))
                .register(registry);
    }
}
