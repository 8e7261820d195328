package nl.horizon.streams.scoring;

import java.util.Arrays;
import java.util.Locale;

/**
 * Which way a surprising rise of an indicator moves its country's score ({@code direction} in
 * {@code config/taxonomy.yaml}). Most evidence tells of escalation; some tells of the opposite, a CrisisWatch
 * "improved" arrow or resolution opportunity, a ceasefire agreed or talks resumed. That is news too: a
 * meeting that hears only what gets worse keeps an eased crisis on its list for as long as its memory lasts.
 */
public enum Direction {

    /** A surprising rise raises the composite. */
    ESCALATION,
    /** A surprising rise relieves the composite and its memory; it never raises a score or a level. */
    DE_ESCALATION;

    /** As written in the taxonomy: {@code escalation}, {@code de-escalation}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * The direction written as {@code label}.
     *
     * @throws IllegalArgumentException naming the value and the ones allowed
     */
    public static Direction parse(String label) {
        return Arrays.stream(values()).filter(d -> d.label().equals(label)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("direction '" + label + "' is not one of "
                        + Arrays.stream(values()).map(Direction::label).toList()));
    }
}
