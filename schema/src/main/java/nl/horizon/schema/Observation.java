package nl.horizon.schema;

import java.time.Instant;

/**
 * One indicator observed in one report for one country. Value of {@code horizon.observations.v1},
 * keyed by {@link #country()}.
 *
 * @param country        ISO 3166-1 alpha-3
 * @param indicator      indicator id from the taxonomy in {@code config/}, e.g. {@code security.fatalities}
 * @param value          the amount observed: 1 for a mention, a count for fatalities
 * @param reportId       the evidence
 * @param sourceKind     the evidence's kind, for corroboration
 * @param eventTime      the report's event time
 * @param classification the evidence's classification
 * @param story          what the report tells, independent of who carried it: the same story from
 *                       several feeds has one story key and counts once
 */
public record Observation(
        String country,
        String indicator,
        double value,
        String reportId,
        SourceKind sourceKind,
        Instant eventTime,
        Classification classification,
        String story) {
}
