package nl.horizon.schema;

import java.time.LocalDate;
import java.util.List;

/**
 * A country's phase of state failure in one classification tier from one day on. Value of the compacted
 * {@code horizon.phases.v1}, keyed {@code <country>:<tier>:<day>}: a point is published for each day on
 * which the phase, the tests that hold or the evidence changed, again (next revision) when late input
 * changes it, and deleted (a tombstone) when late input shows that nothing changed that day after all. The
 * latest day of a country's tier is its current phase.
 *
 * @param country        ISO 3166-1 alpha-3
 * @param day            the event-time day (UTC)
 * @param phase          the phase on that day
 * @param since          the first day of the phase's current run (as far back as the tier's history goes)
 * @param criteria       the tests of the rule that put the country in this phase, with their figures; empty
 *                       for {@link StatePhase#STABLE}
 * @param evidence       report ids behind those tests, latest day first
 * @param classification the classification tier it was derived in
 * @param revision       which publication of the point this is; absent only before the detector publishes it
 */
public record CountryPhase(
        String country,
        LocalDate day,
        StatePhase phase,
        LocalDate since,
        List<PhaseCriterion> criteria,
        List<String> evidence,
        Classification classification,
        Revision revision) {

    public CountryPhase {
        criteria = List.copyOf(criteria);
        evidence = List.copyOf(evidence);
    }

    /** The same point as published under {@code revision}. */
    public CountryPhase withRevision(Revision revision) {
        return new CountryPhase(country, day, phase, since, criteria, evidence, classification, revision);
    }

    /** The key of a point on {@code horizon.phases.v1}. */
    public static String key(String country, Classification tier, LocalDate day) {
        return country + ":" + tier.label() + ":" + day;
    }
}
