package nl.horizon.schema;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;

/**
 * Security classification of a report and of everything derived from it: the Dutch ladder (VIR-BI),
 * lowest first. The ladder is fixed here, with stable wire names; which markings a post may write for
 * each level (Dutch, NATO, EU, US), and which levels a deployment accepts, is configuration
 * ({@link Markings}, {@code config/classification.yaml}).
 *
 * <p>The order of the constants is the order of sensitivity: a caller with clearance {@code c} may
 * see a document classified {@code d} only when {@code d.rank() <= c.rank()}. Derived data (an
 * observation, a score, a signal) carries the highest classification among its inputs, so that a
 * score computed from a secret cable is itself secret.
 */
public enum Classification {
    /** Openbaar; unclassified. */
    PUBLIC("public"),
    /** Departementaal Vertrouwelijk (Dep.V.); NATO/EU restricted, US limited official use. */
    DEPARTMENTAL_CONFIDENTIAL("departmental-confidential"),
    /** Staatsgeheim Confidentieel (Stg. C); NATO/EU/US confidential. */
    CONFIDENTIAL("confidential"),
    /** Staatsgeheim Geheim (Stg. G); NATO/EU/US secret. */
    SECRET("secret"),
    /** Staatsgeheim Zeer Geheim (Stg. ZG); COSMIC/EU/US top secret. */
    TOP_SECRET("top-secret");

    private final String label;

    Classification(String label) {
        this.label = label;
    }

    /** The wire name, as in topics and configuration. */
    @JsonValue
    public String label() {
        return label;
    }

    /**
     * Sensitivity rank; higher is more sensitive. Never stored as what decides visibility: the index keeps a
     * partition per wire name and opens those {@link #visibleTo} the caller, so the ranks that changed when
     * the ladder grew to five levels move no stored document across a clearance.
     */
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

    /** The top of the ladder: what a marking that cannot be read is treated as. */
    public static Classification top() {
        return TOP_SECRET;
    }

    /**
     * Parses a wire name (or the constant's name). The markings posts write ({@code Stg. GEHEIM},
     * {@code SECRET//NOFORN}) are read by {@link Markings}, never here: a guessed alias could lower a
     * classification.
     *
     * @throws IllegalArgumentException naming the value and the accepted ones
     */
    @JsonCreator
    public static Classification parse(String value) {
        if (value == null) {
            throw new IllegalArgumentException("classification is missing");
        }
        String v = value.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        for (Classification c : values()) {
            if (c.label.equals(v)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown classification '" + value + "'; expected one of "
                + Arrays.stream(values()).map(Classification::label).toList());
    }
}
