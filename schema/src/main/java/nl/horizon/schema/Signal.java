package nl.horizon.schema;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An early-warning signal. Value of {@code horizon.signals.v1}, keyed by {@link #country()}.
 *
 * @param id                deterministic id: country, day and lifecycle, so replays yield the same ids
 * @param country           ISO 3166-1 alpha-3
 * @param day               event-time day (UTC)
 * @param lifecycle         new, escalating, sustained, cooling or resolved
 * @param level             the level now
 * @param score             composite score 0-100
 * @param delta             change of the score against the previous signal
 * @param detection         the statistic behind it
 * @param evidenceReportIds the reports behind it
 * @param sourceKinds       the independent source kinds among the evidence
 * @param inputOffsets      {@code topic-partition -> offset} of the inputs it was computed from
 * @param classification    highest classification among the evidence
 */
public record Signal(
        String id,
        String country,
        LocalDate day,
        Lifecycle lifecycle,
        RiskLevel level,
        double score,
        double delta,
        Detection detection,
        List<String> evidenceReportIds,
        Set<SourceKind> sourceKinds,
        Map<String, Long> inputOffsets,
        Classification classification) {

    /** Collections are copied into a fixed order, so that equal signals serialise to equal bytes. */
    public Signal {
        evidenceReportIds = List.copyOf(evidenceReportIds);
        sourceKinds = sourceKinds.isEmpty() ? Set.of()
                : java.util.Collections.unmodifiableSet(java.util.EnumSet.copyOf(sourceKinds));
        inputOffsets = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(inputOffsets));
    }
}
