package nl.horizon.schema;

import java.time.Instant;
import java.util.List;

/**
 * Rejected input with the reason. Value of {@code horizon.dlq.v1}, keyed by {@link #itemId()}. Nothing
 * is dropped silently: the full payload is kept so the input can be repaired and replayed.
 *
 * @param itemId     the source item id, or a hash of the payload when the item had none
 * @param sourceKind the kind of source
 * @param sourceName the configured source or the HTTP caller
 * @param stage      where it was rejected, e.g. {@code connector:post-drop-folder} or {@code normalise}
 * @param reason     why, as a code
 * @param detail     why, in words, naming the bad field or value
 * @param payload    the input as received (text)
 * @param rejectedAt when (wall clock)
 * @param classification how sensitive the payload is: what the input claimed (the higher of its marking and
 *                   its source's configured classification), the top level when its marking could not be read
 * @param caveats    the caveats it claimed; every caveat when its marking could not be read
 */
public record DeadLetter(
        String itemId,
        SourceKind sourceKind,
        String sourceName,
        String stage,
        RejectReason reason,
        String detail,
        String payload,
        Instant rejectedAt,
        Classification classification,
        List<String> caveats) {

    public DeadLetter {
        java.util.Objects.requireNonNull(classification, "classification");
        caveats = caveats == null ? List.of() : List.copyOf(new java.util.TreeSet<>(caveats));
    }

    /** How sensitive the payload is. */
    public Marking marking() {
        return new Marking(classification, caveats);
    }
}
