package nl.horizon.app;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.streams.errors.StreamsException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** Streams stays RUNNING while it replaces dying threads; the recent failures are what health reports. */
class StreamThreadFailuresTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2025-03-01T10:00:00Z"));
    private final StreamThreadFailures failures = new StreamThreadFailures(registry, now::get, Duration.ofSeconds(60));

    @Test
    void theCounterIsThereBeforeTheFirstFailure() {
        assertThat(registry.get(StreamThreadFailures.METER).counter().count()).isZero();
        assertThat(failures.recent()).isEmpty();
    }

    @Test
    void failuresWithinTheWindowAreReportedWithTheLastReason() {
        failures.record(new StreamsException("Error encountered sending record to topic horizon.observations.v1",
                new IllegalStateException("timestamp 4102444800000 is out of range")));
        advance(20);
        failures.record(new StreamsException("Exception caught in process. taskId=0_1, offset=7\nstack trace",
                new IllegalArgumentException("bad report")));

        assertThat(failures.recent()).hasValue("2 thread failures in the last 60 s, last: Exception caught in process. "
                + "taskId=0_1, offset=7 (caused by java.lang.IllegalArgumentException: bad report)");
        assertThat(registry.get(StreamThreadFailures.METER).counter().count()).isEqualTo(2);
    }

    @Test
    void aThreadThatStaysUpForTheWholeWindowClearsTheReport() {
        failures.record(new IllegalStateException("boom"));
        advance(30);
        assertThat(failures.recent()).hasValue("1 thread failure in the last 60 s, last: boom");
        advance(30);
        assertThat(failures.recent()).isEmpty();
        assertThat(registry.get(StreamThreadFailures.METER).counter().count()).as("the count stays").isEqualTo(1);
    }

    private void advance(long seconds) {
        now.updateAndGet(t -> t.plusSeconds(seconds));
    }
}
