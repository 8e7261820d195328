package nl.horizon.schema;

import java.time.LocalDate;
import java.util.List;

/**
 * One test of the phase rule that held, with what it measured, so that a phase is traceable to indicators
 * and from there to reports: the total of {@code indicators} over the event-time days {@code from..to} was
 * {@code observed}, at least (or at most) {@code threshold}.
 *
 * @param id         the test, e.g. {@code failure.deaths-365} (the rule is in docs/scoring.md, section 6)
 * @param indicators the taxonomy indicators it sums
 * @param from       the window's first day
 * @param to         its last day: the latest day on or before the phase's day on which the test held (a phase
 *                   holds for {@code hold.days} after its tests last held)
 * @param observed   the total over the window
 * @param bound      {@code at-least} or {@code at-most}: how {@code observed} compares with {@code threshold}
 * @param threshold  what the total had to reach (or stay under)
 */
public record PhaseCriterion(String id, List<String> indicators, LocalDate from, LocalDate to, double observed,
                             String bound, double threshold) {

    public static final String AT_LEAST = "at-least";
    public static final String AT_MOST = "at-most";

    public PhaseCriterion {
        indicators = List.copyOf(indicators);
        if (!AT_LEAST.equals(bound) && !AT_MOST.equals(bound)) {
            throw new IllegalArgumentException("phase test bound '" + bound + "' is not valid; expected at-least or at-most");
        }
    }
}
