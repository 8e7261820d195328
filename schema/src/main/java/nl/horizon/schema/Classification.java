package nl.horizon.schema;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;

/**
 * Security classification of a report and of everything derived from it.
 *
 * <p>The order of the constants is the order of sensitivity: a caller with clearance {@code c} may
 * see a document classified {@code d} only when {@code d.rank() <= c.rank()}. Derived data (an
 * observation, a score, a signal) carries the highest classification among its inputs, so that a
 * score computed from a secret cable is itself secret.
 */
public enum Classification {
    PUBLIC("public"),
    DEPARTMENTAL_CONFIDENTIAL("departmental-confidential"),
    SECRET("secret");

    private final String label;

    Classification(String label) {
        this.label = label;
    }

    /** The wire name, as in topics and configuration. */
    @JsonValue
    public String label() {
        return label;
    }

    /** Sensitivity rank; higher is more sensitive. Stored in the index for clearance filtering. */
    public int rank() {
        return ordinal();
    }

    /** Whether a document with this classification may be shown to someone with {@code clearance}. */
    public boolean visibleTo(Classification clearance) {
        return rank() <= clearance.rank();
    }

    /** The more sensitive of the two. */
    public Classification max(Classification other) {
        return other.rank() > rank() ? other : this;
    }

    /** The most sensitive of all, {@link #PUBLIC} for none. */
    public static Classification highest(Collection<Classification> all) {
        return all.stream().reduce(PUBLIC, Classification::max);
    }

    /**
     * Parses a wire name; also accepts the constant name and the Dutch labels that posts write
     * ({@code openbaar}, {@code departementaal vertrouwelijk}, {@code geheim}).
     *
     * @throws IllegalArgumentException naming the value and the accepted ones
     */
    @JsonCreator
    public static Classification parse(String value) {
        if (value == null) {
            throw new IllegalArgumentException("classification is missing");
        }
        String v = value.trim().toLowerCase(Locale.ROOT).replace('_', '-').replace(' ', '-');
        return switch (v) {
            case "public", "openbaar", "unclassified" -> PUBLIC;
            case "departmental-confidential", "departementaal-vertrouwelijk", "dep-vertrouwelijk", "confidential" ->
                    DEPARTMENTAL_CONFIDENTIAL;
            case "secret", "geheim", "stg-geheim" -> SECRET;
            default -> throw new IllegalArgumentException("unknown classification '" + value + "'; expected one of "
                    + Arrays.stream(values()).map(Classification::label).toList());
        };
    }
}
