package nl.horizon.schema;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/**
 * The phases of state failure that the Dutch advisory councils AIV and CAVV describe (report
 * "Crisisbeheersingsoperaties in fragiele staten", 2009-2010), plus {@link #STABLE} for a country in none
 * of them. The meeting speaks in these phases; Horizon derives them from its indicators (docs/scoring.md,
 * section 6).
 */
public enum StatePhase {
    /** None of the four: no armed conflict and no more than one sign of tension. */
    STABLE,
    /** Growing tension: abuse of office, a regime monopolising power, repression, protest, election crises, a coup. */
    TENSION,
    /** Decay: government authority no longer covers the whole territory; sustained low-level armed violence. */
    DECAY,
    /** Failure: large-scale armed conflict, or a state that collapsed (a coup amid lost territory and fighting). */
    FAILURE,
    /** Recovery: after armed conflict, violence falling, de-escalation and agreements. */
    RECOVERY;

    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static StatePhase parse(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
