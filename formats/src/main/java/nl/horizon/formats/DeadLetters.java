package nl.horizon.formats;

import io.micrometer.core.instrument.Metrics;
import nl.horizon.schema.ContentHash;
import nl.horizon.schema.DeadLetter;
import nl.horizon.schema.Marking;
import nl.horizon.schema.SourceKind;

import java.time.Instant;

/**
 * Makes dead letters and counts them. Every place that rejects input goes through here, so the
 * {@code horizon.rejected} counter (tags {@code stage}, {@code reason}) accounts for every record on
 * the dead-letter topic.
 */
public final class DeadLetters {

    /** Name of the rejection counter. */
    public static final String METRIC = "horizon.rejected";

    private DeadLetters() {
    }

    /**
     * A dead letter for rejected input, counted.
     *
     * @param itemId  the item id, or {@code null} when the input had none (a hash of the payload is used)
     * @param stage   where it was rejected
     * @param at      when; the record's own time where there is one, so that replays are reproducible
     * @param marking how sensitive the payload is: what the input claimed, or the undetermined marking
     */
    public static DeadLetter of(String itemId, SourceKind kind, String sourceName, String stage, Rejection rejection,
                                String payload, Instant at, Marking marking) {
        Metrics.counter(METRIC, "stage", stage, "reason", rejection.reason().label()).increment();
        String id = itemId != null ? itemId : ContentHash.of(payload);
        return new DeadLetter(id, kind, sourceName, stage, rejection.reason(), rejection.detail(), payload, at,
                marking.classification(), marking.caveats());
    }
}
