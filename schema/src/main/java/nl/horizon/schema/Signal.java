package nl.horizon.schema;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * An early-warning signal. Value of {@code horizon.signals.v1}, keyed by {@link #id()}: a later revision of
 * the same signal (late input changed it) or its withdrawal comes under the same key, so the latest record
 * per key is the signal as it stands.
 *
 * @param id                deterministic id: country, tier, day and lifecycle, so replays yield the same ids
 * @param country           ISO 3166-1 alpha-3
 * @param day               event-time day (UTC)
 * @param lifecycle         new, escalating, sustained, cooling or resolved; withdrawn when later input showed
 *                          that it no longer holds (the id keeps the lifecycle it was raised with)
 * @param level             the level now
 * @param score             composite score 0-100
 * @param delta             change of the score against the previous signal
 * @param detection         the statistic behind it
 * @param evidenceReportIds the reports behind it
 * @param sourceKinds       the independent source kinds among the evidence
 * @param classification    the classification tier it was computed in: it saw reports up to this one
 * @param revision          which publication of the signal this is, and when it was made; absent only
 *                          before the detector publishes it
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
        Classification classification,
        Revision revision) implements Searchable {

    @Override
    public DocumentKind kind() {
        return DocumentKind.SIGNAL;
    }


    /** Collections are copied into a fixed order, so that equal signals serialise to equal bytes. */
    public Signal {
        evidenceReportIds = List.copyOf(evidenceReportIds);
        sourceKinds = sourceKinds.isEmpty() ? Set.of()
                : java.util.Collections.unmodifiableSet(java.util.EnumSet.copyOf(sourceKinds));
    }

    /** The same signal as published under {@code revision}. */
    public Signal withRevision(Revision revision) {
        return new Signal(id, country, day, lifecycle, level, score, delta, detection, evidenceReportIds, sourceKinds,
                classification, revision);
    }

    /** This signal taken back: the same content and id, lifecycle {@link Lifecycle#WITHDRAWN}. */
    public Signal withdrawn(Revision revision) {
        return new Signal(id, country, day, Lifecycle.WITHDRAWN, level, score, delta, detection, evidenceReportIds,
                sourceKinds, classification, revision);
    }

    /**
     * The one line that names it wherever it is shown (index title, feeds, CAP, briefings, the dashboard,
     * notifications): {@code Mali: new alert}.
     */
    public String headline() {
        return Countries.englishName(country) + ": " + lifecycle.label() + " " + level.label();
    }

    /** Whether it still stands: not withdrawn. */
    public boolean standing() {
        return lifecycle != Lifecycle.WITHDRAWN;
    }

    /** Whether it was published for a day long before its tier's clock: a back-fill, not news. */
    public boolean historical() {
        return revision != null && revision.historical();
    }
}
