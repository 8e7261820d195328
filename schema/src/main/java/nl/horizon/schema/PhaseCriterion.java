package nl.horizon.schema;

import java.time.LocalDate;
import java.util.List;

/**
 * One test of the phase rule that held, with what it measured, so that a phase is traceable to indicators
 * and from there to reports.
 *
 * @param id         the test, e.g. {@code failure.deaths-365} (the rule is in docs/scoring.md, section 6)
 * @param indicators the taxonomy indicators it reads
 * @param windowDays the event-time window it sums them over, ending on {@code metOn}
 * @param threshold  what the total had to reach
 * @param observed   the total on {@code metOn}
 * @param metOn      the latest day on or before the phase's day on which the test held (a phase holds for
 *                   {@code hold.days} after its test last held)
 */
public record PhaseCriterion(String id, List<String> indicators, int windowDays, double threshold, double observed,
                             LocalDate metOn) {

    public PhaseCriterion {
        indicators = List.copyOf(indicators);
    }
}
