package nl.horizon.ingest;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Metrics;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What each pulling source last did: fetched fine, or failing and backing off until when. The health
 * endpoint shows it and the {@code horizon.source.up{source}} gauge (1 up, 0 backing off) exposes it,
 * so an unreachable feed is visible instead of silently empty.
 */
public final class SourceHealth {

    /** The state of one source. */
    public record State(boolean up, String detail, Instant since) {
    }

    private static final Map<String, State> STATES = new ConcurrentHashMap<>();

    private SourceHealth() {
    }

    /** The source fetched successfully. */
    public static void up(String source, Instant now) {
        update(source, new State(true, "ok", now));
    }

    /** The source failed and will be retried at {@code retryAt}. */
    public static void backingOff(String source, String reason, Instant now, Instant retryAt) {
        update(source, new State(false, reason + "; retrying at " + retryAt, now));
    }

    /** Every source's state, by name. */
    public static Map<String, State> snapshot() {
        return new TreeMap<>(STATES);
    }

    private static void update(String source, State state) {
        if (STATES.put(source, state) == null) {
            Gauge.builder("horizon.source.up", STATES, s -> s.getOrDefault(source, state).up() ? 1 : 0)
                    .tag("source", source).description("1 when the source's last fetch succeeded").register(Metrics.globalRegistry);
        }
    }
}
