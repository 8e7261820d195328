package nl.horizon.app;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import nl.horizon.schema.Reasons;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * Recent deaths of Kafka Streams threads, for {@code /health}. Horizon has Streams replace a thread that
 * dies, so Streams stays RUNNING while a record that cannot be processed (or written: the broker refuses a
 * timestamp far in the future) kills one thread after the next and nothing moves; only the failures show
 * it. A failure within the last {@link #WINDOW} makes Streams {@code failing}, with how many and the last
 * one's reason. Every failure also counts in {@value #METER}, registered at 0 so that an alert on its rate
 * has a series from the start.
 */
final class StreamThreadFailures {

    static final String METER = "horizon.streams.thread.failures";
    /** Long enough to span a replaced thread's rebalance and its next failure on the same record. */
    static final Duration WINDOW = Duration.ofSeconds(60);

    private final InstantSource clock;
    private final Duration window;
    private final Counter counter;
    private final Deque<Instant> recent = new ArrayDeque<>();
    private String lastReason = "";

    StreamThreadFailures(MeterRegistry registry, InstantSource clock, Duration window) {
        this.clock = clock;
        this.window = window;
        this.counter = Counter.builder(METER).description("Kafka Streams threads that died and were replaced")
                .register(registry);
    }

    /** A stream thread died with {@code failure}. */
    synchronized void record(Throwable failure) {
        counter.increment();
        recent.addLast(clock.instant());
        lastReason = reason(failure);
        forgetOld();
    }

    /** What is wrong, while a thread died within the window; empty once the threads have stayed up that long. */
    synchronized Optional<String> recent() {
        forgetOld();
        if (recent.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(recent.size() + (recent.size() == 1 ? " thread failure" : " thread failures")
                + " in the last " + window.toSeconds() + " s, last: " + lastReason);
    }

    private void forgetOld() {
        Instant since = clock.instant().minus(window);
        while (!recent.isEmpty() && !recent.peekFirst().isAfter(since)) {
            recent.removeFirst();
        }
    }

    /** Streams wraps the cause with the task, topic and offset; both halves help find the record. */
    private static String reason(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String outer = Reasons.firstLine(failure.getMessage() == null ? failure.getClass().getSimpleName()
                : failure.getMessage());
        String cause = Reasons.firstLine(root.toString());
        return root == failure || outer.contains(cause) ? outer : outer + " (caused by " + cause + ")";
    }
}
